/** Web domains (`webdomain`) and the v6 site form (`site.edit`, fields named `site_*`). */
import { missed, type PanelContext } from '../context.js';
import { crud } from '../crud.js';
import { type DocNode, el } from '../render.js';
import { checkDomain, checkIp } from './checks.js';

export const webdomains = crud({
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

export function siteEdit(ctx: PanelContext): DocNode[] {
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
