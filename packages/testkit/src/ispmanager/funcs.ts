import { isIP } from 'node:net';
import {
  denied,
  elids,
  exists,
  invalid,
  listDoc,
  missed,
  ok,
  type PanelContext,
  param,
  required,
  rowFields,
  SimError,
  visible,
} from './context.js';
import { crud, type FuncTable } from './crud.js';
import { type DocNode, el } from './render.js';
import type { Row } from './state.js';

const DOMAIN = /^(?!-)[A-Za-z0-9_*-]{1,63}(?<!-)(\.(?!-)[A-Za-z0-9_-]{1,63}(?<!-))*$/;
const USER = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,63}$/;

function checkDomain(field: string, value: string): string {
  if (value.endsWith('..')) throw invalid(field, value, 'Invalid domain name');
  const name = value.replace(/\.$/, '').toLowerCase();
  if (!DOMAIN.test(name)) throw invalid(field, value, 'Invalid domain name');
  return name;
}

function checkIp(field: string, value: string): void {
  if (isIP(value) === 0) throw invalid(field, value, 'Invalid IP address');
}

const users = crud({
  func: 'user',
  table: 'user',
  entity: 'user',
  key: 'name',
  fields: [
    'name',
    'fullname',
    'passwd',
    'preset',
    'comment',
    'php_enable',
    'limit_quota',
    'limit_traff',
    'limit_db',
    'limit_webdomains',
    'limit_emails',
    'limit_ftp_users',
    'limit_shell',
    'limit_ssl',
    'limit_cgi',
    'limit_cpu',
    'limit_memory',
    'limit_process',
    'limit_db_users',
    'limit_emaildomains',
  ],
  required: ['name', 'passwd'],
  hidden: ['passwd'],
  owned: true,
  suspend: true,
  prepare: (row, ctx, creating) => {
    if (creating) {
      if (!USER.test(row.name ?? '')) throw invalid('name', row.name ?? '', 'Invalid user name');
      if (ctx.state.admins.some((a) => a.name === row.name)) throw exists('user', row.name as string);
      row.level = 'user';
      row.preset ??= 'default';
      row.quota_total = row.limit_quota ?? '0';
      row.quota_used = '0';
      row.fullname ??= '';
    }
  },
  extra: (row) => [el('disk', undefined, { used: row.quota_used ?? '0', limit: row.quota_total ?? '0' })],
  onDelete: (row, ctx) => {
    for (const table of [
      'webdomain',
      'domain',
      'emaildomain',
      'email',
      'db',
      'ftpuser',
      'scheduler',
    ] as const) {
      ctx.state[table] = ctx.state[table].filter((r) => r.owner !== row.name);
    }
  },
});

const webdomains = crud({
  func: 'webdomain',
  table: 'webdomain',
  entity: 'webdomain',
  key: 'name',
  fields: [
    'name',
    'aliases',
    'email',
    'home',
    'ipaddrs',
    'charset',
    'dirindex',
    'php',
    'php_mode',
    'php_fpm_version',
    'php_cgi_version',
    'php_apache_version',
    'cgi',
    'ssl',
    'ssl_cert',
    'secure',
    'redirect_http',
    'hsts',
  ],
  required: ['name'],
  owned: true,
  suspend: true,
  prepare: (row, ctx, creating) => {
    if (creating) {
      row.name = checkDomain('name', row.name ?? '');
      row.id = String(ctx.state.webdomain.reduce((max, r) => Math.max(max, Number(r.id ?? 0)), 0) + 1);
      row.docroot = `/var/www/${row.owner}/data/www/${row.home ?? row.name}`;
    }
    for (const alias of (row.aliases ?? '').split(' ').filter(Boolean)) checkDomain('aliases', alias);
    const ips = (row.ipaddrs ?? '').split(', ').filter(Boolean);
    for (const ip of ips) checkIp('ipaddrs', ip);
    row.ipaddr = ips[0] ?? row.ipaddr ?? '192.0.2.10';
    row.php_version = row.php_fpm_version ?? row.php_cgi_version ?? row.php_version ?? 'native';
    if (row.ssl === 'on') row.secure = 'on';
    if (
      row.ssl_cert &&
      row.ssl_cert !== 'ssl_not_used' &&
      !['selfsigned', 'letsencrypt'].includes(row.ssl_cert)
    ) {
      if (!ctx.state.sslcert.some((c) => c.name === row.ssl_cert)) throw missed('sslcert', row.ssl_cert);
    }
  },
  extra: (row) => [
    el('database', 'Not used', { orig: 'db_not_assigned' }),
    ...(row.php === 'on' ? [el('php_enabled')] : []),
  ],
  onDelete: (row, ctx) => {
    ctx.state.sslcert = ctx.state.sslcert.filter((c) => c.webdomains !== row.name || c.type === 'selfsigned');
  },
});

/** ISPmanager 6 `site.edit`: the `site_*` names of the same webdomain. */
const SITE_FIELDS: Record<string, string> = {
  site_name: 'name',
  site_owner: 'owner',
  site_aliases: 'aliases',
  site_email: 'email',
  site_home: 'home',
  site_ipaddrs: 'ipaddrs',
  site_php_enable: 'php',
  site_php_mode: 'php_mode',
  site_php_fpm_version: 'php_fpm_version',
  site_php_cgi_version: 'php_cgi_version',
  site_php_apache_version: 'php_apache_version',
  site_ssl_cert: 'ssl_cert',
  site_secure: 'secure',
  site_redirect_http: 'redirect_http',
  site_hsts: 'hsts',
};

function siteEdit(ctx: PanelContext): DocNode[] {
  const params = new Map<string, string>();
  for (const [name, value] of ctx.params) {
    const mapped = SITE_FIELDS[name];
    if (mapped) params.set(mapped, value);
    else if (!name.startsWith('site_')) params.set(name, value);
  }
  const answer = (webdomains['webdomain.edit'] as (c: PanelContext) => DocNode[])({ ...ctx, params });
  if (ctx.sok) return answer;
  // The v6 form names its fields site_*.
  const reverse = Object.fromEntries(Object.entries(SITE_FIELDS).map(([a, b]) => [b, a]));
  return answer.map((node) => (reverse[node.name] ? { ...node, name: reverse[node.name] as string } : node));
}

const domains = crud({
  func: 'domain',
  table: 'domain',
  entity: 'domain',
  key: 'name',
  fields: ['name', 'dtype', 'ip', 'ns', 'email', 'masterip'],
  required: ['name', 'ip'],
  owned: true,
  prepare: (row, ctx, creating) => {
    if (creating) row.name = checkDomain('name', row.name ?? '');
    checkIp('ip', row.ip ?? '');
    row.dtype ??= 'master';
    if (creating) {
      const zone = row.name as string;
      ctx.state.record.push(
        { zone, name: `${zone}.`, rtype: 'ns', ttl: '3600', domain: 'ns1.example.com.' },
        { zone, name: `${zone}.`, rtype: 'a', ttl: '3600', ip: row.ip as string },
        { zone, name: `www.${zone}.`, rtype: 'a', ttl: '3600', ip: row.ip as string },
      );
    }
  },
  onDelete: (row, ctx) => {
    ctx.state.record = ctx.state.record.filter((r) => r.zone !== row.name);
  },
});

/** The displayed value of a record. */
function recordValue(row: Row): string {
  switch (row.rtype) {
    case 'a':
    case 'aaaa':
      return row.ip ?? '';
    case 'mx':
    case 'cname':
    case 'ns':
    case 'srv':
      return row.domain ?? '';
    default:
      return row.value ?? '';
  }
}

/** `"<fqdn>. <TYPE>  <value>"`: two spaces before the value, as ISPmanager writes record keys. */
function rkeyOf(row: Row): string {
  return `${row.name} ${(row.rtype ?? '').toUpperCase()}  ${recordValue(row)}`;
}

function zoneOf(ctx: PanelContext, name: string): Row {
  const zone = ctx.state.domain.find((d) => d.name === name);
  if (!zone || !visible(ctx, zone)) throw missed('domain', name);
  return zone;
}

const RTYPES = new Set(['a', 'aaaa', 'cname', 'mx', 'txt', 'ns', 'srv', 'caa', 'ptr']);

function recordFrom(ctx: PanelContext, zone: string, base: Row): Row {
  const row: Row = { ...base, zone };
  for (const name of ['rtype', 'ttl', 'ip', 'domain', 'priority', 'value']) {
    const value = param(ctx, name);
    if (value !== undefined) row[name] = value;
  }
  const rawName = param(ctx, 'name') ?? base.name;
  if (rawName === undefined) throw new SimError('missed', 'name', undefined, "The 'name' field is required");
  if (rawName.endsWith('..')) throw invalid('name', rawName, 'Invalid domain name');
  row.name =
    rawName === '@'
      ? `${zone}.`
      : rawName.endsWith('.')
        ? rawName
        : rawName === zone
          ? `${zone}.`
          : `${rawName}.${zone}.`;
  if (!row.rtype || !RTYPES.has(row.rtype)) throw invalid('rtype', row.rtype ?? '', 'Unknown record type');
  row.ttl ??= '3600';
  if (row.rtype === 'a' && isIP(row.ip ?? '') !== 4) throw invalid('ip', row.ip ?? '', 'Invalid IP address');
  if (row.rtype === 'aaaa' && isIP(row.ip ?? '') !== 6)
    throw invalid('ip', row.ip ?? '', 'Invalid IP address');
  if (['mx', 'cname', 'ns'].includes(row.rtype) && !row.domain)
    throw new SimError('missed', 'domain', undefined, "The 'domain' field is required");
  if (row.rtype === 'mx' && !row.priority)
    throw new SimError('missed', 'priority', undefined, "The 'priority' field is required");
  if (['txt', 'caa'].includes(row.rtype) && !row.value)
    throw new SimError('missed', 'value', undefined, "The 'value' field is required");
  return row;
}

const records: FuncTable = {
  'domain.record': (ctx) => {
    const zone = zoneOf(ctx, required(ctx, 'elid')).name as string;
    const rows = ctx.state.record.filter((r) => r.zone === zone);
    return listDoc(ctx, rows, (row) => [
      el('rkey', rkeyOf(row)),
      el('name', row.name),
      el('ttl', row.ttl),
      el('rtype', (row.rtype ?? '').toUpperCase()),
      el('value', recordValue(row)),
      el('info', row.rtype === 'mx' ? `priority= ${row.priority}` : ''),
    ]);
  },
  'domain.record.edit': (ctx) => {
    const zone = zoneOf(ctx, required(ctx, 'plid')).name as string;
    const elid = param(ctx, 'elid');
    const current =
      elid === undefined ? undefined : ctx.state.record.find((r) => r.zone === zone && rkeyOf(r) === elid);
    if (elid !== undefined && !current) throw missed('record', elid);
    if (!ctx.sok)
      return current
        ? [el('elid', elid as string), ...rowFields(current, ['zone'])]
        : [el('name'), el('rtype', 'a'), el('ttl', '3600')];
    const row = recordFrom(ctx, zone, current ? { ...current } : {});
    const key = rkeyOf(row);
    if (ctx.state.record.some((r) => r !== current && r.zone === zone && rkeyOf(r) === key))
      throw exists('record', key);
    if (current) Object.assign(current, row);
    else ctx.state.record.push(row);
    return ok(key);
  },
  'domain.record.delete': (ctx) => {
    const zone = zoneOf(ctx, required(ctx, 'plid')).name as string;
    const targets = elids(ctx).map((id) => {
      const row = ctx.state.record.find((r) => r.zone === zone && rkeyOf(r) === id);
      if (!row) throw missed('record', id);
      return row;
    });
    ctx.state.record = ctx.state.record.filter((r) => !targets.includes(r));
    return ok();
  },
};

const emaildomains = crud({
  func: 'emaildomain',
  table: 'emaildomain',
  entity: 'emaildomain',
  key: 'name',
  fields: ['name', 'ip', 'defaction', 'dkim', 'secure'],
  required: ['name'],
  owned: true,
  suspend: true,
  prepare: (row, _ctx, creating) => {
    if (creating) row.name = checkDomain('name', row.name ?? '');
    if (row.ip) checkIp('ip', row.ip);
    row.defaction ??= 'ignore';
  },
  onDelete: (row, ctx) => {
    ctx.state.email = ctx.state.email.filter((m) => m.domainname !== row.name);
  },
});

const emails = crud({
  func: 'email',
  table: 'email',
  entity: 'email',
  key: 'name',
  fields: ['name', 'domainname', 'passwd', 'maxsize', 'forward', 'note'],
  required: ['name', 'domainname', 'passwd'],
  hidden: ['passwd'],
  suspend: true,
  prepare: (row, ctx, creating) => {
    if (!creating) return;
    const domain = ctx.state.emaildomain.find((d) => d.name === row.domainname);
    if (!domain || !visible(ctx, domain)) throw missed('emaildomain', row.domainname ?? '');
    if (!/^[A-Za-z0-9._+-]+$/.test(row.name ?? ''))
      throw invalid('name', row.name ?? '', 'Invalid mailbox name');
    row.box = row.name as string;
    row.name = `${row.name}@${row.domainname}`;
    row.owner = domain.owner as string;
    row.size = '0';
    row.forward ??= '';
  },
});

const dbservers = crud({
  func: 'db.server',
  table: 'dbserver',
  entity: 'db.server',
  key: 'name',
  fields: ['name', 'type', 'host', 'username', 'password', 'remote_access', 'version'],
  required: ['name', 'type', 'host'],
  hidden: ['password'],
  prepare: (row) => {
    if (!['mysql', 'postgresql'].includes(row.type ?? '')) throw invalid('type', row.type ?? '');
    row.savedver ??= row.type === 'mysql' ? '8.0' : '15';
  },
});

const databases = crud({
  func: 'db',
  table: 'db',
  entity: 'db',
  key: 'pair',
  fields: ['name', 'server', 'charset', 'user', 'username', 'password', 'remote_access'],
  required: ['name', 'server'],
  hidden: ['password'],
  owned: true,
  prepare: (row, ctx, creating) => {
    if (!creating) return;
    if (!ctx.state.dbserver.some((s) => s.name === row.server)) throw missed('db.server', row.server ?? '');
    if (!/^[A-Za-z0-9_]+$/.test(row.name ?? ''))
      throw invalid('name', row.name ?? '', 'Invalid database name');
    if ((row.user ?? '*') === '*' && (!row.username || !row.password)) {
      throw new SimError('missed', 'username', undefined, 'A new database user needs a name and a password');
    }
    row.pair = `${row.name}->${row.server}`;
    row.size = '0';
    row.charset ??= 'utf8mb4';
  },
});

const ftpusers = crud({
  func: 'ftp.user',
  table: 'ftpuser',
  entity: 'ftp.user',
  key: 'name',
  fields: ['name', 'passwd', 'home'],
  required: ['name', 'passwd'],
  hidden: ['passwd'],
  owned: true,
  suspend: true,
  prepare: (row) => {
    row.home ??= '/';
  },
});

const CRON: Record<string, string> = {
  every_hour: '0 * * * *',
  every_day: '0 0 * * *',
  every_week: '0 0 * * 0',
  every_month: '0 0 1 * *',
};

const jobs = crud({
  func: 'scheduler',
  table: 'scheduler',
  entity: 'scheduler',
  key: 'key',
  fields: [
    'command',
    'description',
    'mailto',
    'schedule_type',
    'run_every',
    'input_min',
    'input_hour',
    'input_dmonth',
    'input_month',
    'input_dweek',
  ],
  required: ['command', 'schedule_type'],
  owned: true,
  suspend: true,
  prepare: (row, ctx, creating) => {
    if (creating) row.key = String(ctx.state.nextJob++);
    if (row.schedule_type === 'type_basic') {
      const schedule = CRON[row.run_every ?? ''];
      if (!schedule) throw invalid('run_every', row.run_every ?? '');
      row.schedule = schedule;
    } else if (row.schedule_type === 'type_expert') {
      row.schedule = ['input_min', 'input_hour', 'input_dmonth', 'input_month', 'input_dweek']
        .map((f) => row[f] ?? '*')
        .join(' ');
    } else throw invalid('schedule_type', row.schedule_type ?? '');
  },
});

const ips = crud({
  func: 'ipaddr',
  table: 'ipaddr',
  entity: 'ipaddr',
  key: 'name',
  fields: ['name', 'iprole', 'owner'],
  required: ['name'],
  prepare: (row, ctx, creating) => {
    if (creating) {
      if (ctx.user.level !== 'admin') throw denied('ipaddr');
      checkIp('name', row.name ?? '');
      row.iptype = isIP(row.name as string) === 6 ? 'ipv6' : 'ipv4';
      row.id = String(ctx.state.ipaddr.length + 1);
    }
    row.iprole ??= 'shared';
    row.owner ??= '';
  },
});

function certificates(): FuncTable {
  const create = (ctx: PanelContext, row: Row): DocNode[] => {
    if (!ctx.sok) return [el('domain'), el('email'), el('keylen', '2048')];
    if (ctx.state.sslcert.some((c) => c.name === row.name)) throw exists('sslcert', row.name as string);
    ctx.state.sslcert.push(row);
    return ok(row.name);
  };
  return {
    sslcert: (ctx) =>
      listDoc(
        ctx,
        ctx.state.sslcert.filter((c) => visible(ctx, c)),
        (row) => rowFields(row),
      ),
    'sslcert.selfsigned': (ctx) => {
      const domain = ctx.sok ? checkDomain('domain', required(ctx, 'domain')) : '';
      const owner = ctx.sok ? required(ctx, 'username') : '';
      if (ctx.sok && owner !== 'root' && !ctx.state.user.some((u) => u.name === owner))
        throw missed('user', owner);
      const keylen = param(ctx, 'keylen') ?? '2048';
      if (!['2048', '3072', '4096'].includes(keylen)) throw invalid('keylen', keylen);
      return create(ctx, {
        key: domain,
        name: domain,
        owner,
        type: 'selfsigned',
        cert_type: 'selfsigned',
        valid_after: '2036-01-01',
        info: `CN=${domain}${param(ctx, 'org') ? `, O=${param(ctx, 'org')}` : ''}`,
        webdomains: '',
        active: 'on',
      });
    },
    'letsencrypt.generate': (ctx) => {
      const site = ctx.sok ? required(ctx, 'domain_name') : '';
      const row = ctx.state.webdomain.find((w) => w.name === site);
      if (ctx.sok && (!row || !visible(ctx, row))) throw missed('webdomain', site);
      const names = (param(ctx, 'domain') ?? site).split(' ').filter(Boolean);
      for (const name of names) checkDomain('domain', name);
      const crtname = param(ctx, 'crtname') ?? `${site}_le`;
      return create(ctx, {
        key: crtname,
        name: crtname,
        owner: row?.owner ?? '',
        type: 'letsencrypt',
        cert_type: 'letsencrypt',
        valid_after: '2027-01-01',
        info: `CN=${names[0] ?? site}`,
        webdomains: site,
        active: param(ctx, 'enable_cert') === 'off' ? 'off' : 'on',
      });
    },
    'sslcert.delete': (ctx) => {
      const targets = elids(ctx).map((id) => {
        const cert = ctx.state.sslcert.find((c) => c.key === id);
        if (!cert || !visible(ctx, cert)) throw missed('sslcert', id);
        return cert;
      });
      ctx.state.sslcert = ctx.state.sslcert.filter((c) => !targets.includes(c));
      return ok();
    },
  };
}

const info: FuncTable = {
  whoami: (ctx) => [
    el('user', undefined, { name: ctx.user.name, level: ctx.user.level === 'admin' ? '29' : '16' }),
  ],
  'license.info': (ctx) => rowFields(ctx.state.license),
  phpversions: (ctx) => listDoc(ctx, ctx.state.phpversions, (row) => rowFields(row)),
  'session.newkey': (ctx) => {
    if (ctx.actor.level !== 'admin') throw denied('session.newkey');
    const username = required(ctx, 'username');
    if (!ctx.state.user.some((u) => u.name === username)) throw missed('user', username);
    const key = required(ctx, 'key');
    if (key.length < 16) throw invalid('key', '', 'The key must be at least 16 characters long');
    ctx.state.keys.set(key, username);
    return ok();
  },
};

/** Every function the simulated ISPmanager knows, by `func`. */
export const FUNCS: FuncTable = {
  ...users,
  ...webdomains,
  'site.edit': siteEdit,
  ...domains,
  ...records,
  ...emaildomains,
  ...emails,
  ...dbservers,
  ...databases,
  ...ftpusers,
  ...jobs,
  ...ips,
  ...certificates(),
  ...info,
};
