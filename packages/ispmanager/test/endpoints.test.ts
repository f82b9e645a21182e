import { walkCatalog } from '@x/auth-core';
import type { IspManagerState, Simulator } from '@x/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type IspManagerClient, ispmanagerCatalog } from '../src/index.js';
import { clientFor, expectWireShape, ISPMANAGER_DEMO, lastRequest, startPanel } from './support.js';

type Sim = Simulator<IspManagerState>;
type Answer = Record<string, unknown> & { kind: string };

/** One call of the catalog, in order (the state carries over), with what must be on the wire and come back. */
interface Case {
  id: string;
  input: Record<string, unknown>;
  /** Fields the POST body must carry. */
  body: Record<string, string>;
  /** Fields the POST body must not carry. */
  absent?: string[];
  check: (result: Answer, sim: Sim) => void;
}

const RKEY_MX = 'mail.zone.example.org. MX  mx.example.com.';
const RKEY_MX2 = 'mail.zone.example.org. MX  mx2.example.com.';

const elements = (result: Answer) => result.elements as Record<string, unknown>[];
const names = (result: Answer, field = 'name') => elements(result).map((e) => e[field]);

const cases: Case[] = [
  {
    id: 'whoami',
    input: {},
    body: { func: 'whoami' },
    check: (r) => expect(r).toMatchObject({ kind: 'form', name: 'root', level: '29' }),
  },
  {
    id: 'license.info',
    input: {},
    body: { func: 'license.info' },
    check: (r) => expect(r).toMatchObject({ kind: 'form', fields: { id: '123456', type: 'business' } }),
  },
  {
    id: 'user.list',
    input: {},
    body: { func: 'user' },
    check: (r) => {
      expect(names(r)).toEqual(['www-root', 'alice']);
      expect(elements(r)[1]).toMatchObject({
        fullname: 'Alice & Co',
        active: true,
        disk: { used: '17', limit: '2048' },
      });
      expect(r.paging).toEqual({ p_num: 1, p_cnt: 1000, p_elems: 2 });
    },
  },
  {
    id: 'user.edit',
    input: {
      mode: 'create',
      name: 'bob',
      passwd: 'p&ss#+:1 =%',
      fullname: 'Bob <B> & Sons',
      limit_db: 3,
      php_enable: true,
    },
    body: {
      func: 'user.edit',
      sok: 'ok',
      name: 'bob',
      passwd: 'p&ss#+:1 =%',
      confirm: 'p&ss#+:1 =%',
      fullname: 'Bob <B> & Sons',
      limit_db: '3',
      php_enable: 'on',
    },
    absent: ['elid', 'mode'],
    check: (r, sim) => {
      expect(r).toMatchObject({ kind: 'ok', text: '', id: 'bob' });
      expect(sim.state.user.find((u) => u.name === 'bob')).toMatchObject({
        passwd: 'p&ss#+:1 =%',
        fullname: 'Bob <B> & Sons',
      });
    },
  },
  {
    id: 'user.edit',
    input: { mode: 'edit', elid: 'bob', fullname: 'Bobby' },
    body: { func: 'user.edit', sok: 'ok', elid: 'bob', fullname: 'Bobby' },
    absent: ['name', 'passwd', 'confirm'],
    check: (r, sim) => {
      expect(r.kind).toBe('ok');
      expect(sim.state.user.find((u) => u.name === 'bob')?.fullname).toBe('Bobby');
    },
  },
  {
    id: 'user.suspend',
    input: { elid: ['bob', 'alice'] },
    body: { func: 'user.suspend', sok: 'ok', elid: 'bob, alice' },
    check: (_r, sim) => {
      expect(sim.state.user.filter((u) => u.active === 'off').map((u) => u.name)).toEqual(['alice', 'bob']);
    },
  },
  {
    id: 'user.resume',
    input: { elid: 'bob' },
    body: { func: 'user.resume', sok: 'ok', elid: 'bob' },
    check: (_r, sim) => expect(sim.state.user.find((u) => u.name === 'bob')?.active).toBe('on'),
  },
  {
    id: 'site.edit',
    input: {
      mode: 'create',
      site_name: 'shop.example.com',
      site_owner: 'bob',
      site_aliases: ['www.shop.example.com', 'store.example.com'],
      site_ipaddrs: ['192.0.2.10'],
      site_php_enable: true,
      site_php_mode: 'php_mode_fcgi_nginxfpm',
      site_php_fpm_version: 'isp-php82',
    },
    body: {
      func: 'site.edit',
      sok: 'ok',
      site_name: 'shop.example.com',
      site_owner: 'bob',
      site_aliases: 'www.shop.example.com store.example.com',
      site_ipaddrs: '192.0.2.10',
      site_php_enable: 'on',
    },
    check: (r, sim) => {
      expect(r).toMatchObject({ kind: 'ok', id: 'shop.example.com' });
      expect(sim.state.webdomain.find((w) => w.name === 'shop.example.com')).toMatchObject({
        owner: 'bob',
        php_version: 'isp-php82',
      });
    },
  },
  {
    id: 'webdomain.list',
    input: {},
    body: { func: 'webdomain' },
    check: (r) => {
      expect(names(r)).toContain('shop.example.com');
      expect(elements(r)[0]).toMatchObject({
        name: 'example.com',
        database: 'Not used',
        active: true,
        secure: false,
      });
    },
  },
  {
    id: 'webdomain.edit',
    input: {
      mode: 'create',
      name: 'blog.example.com',
      owner: 'bob',
      aliases: ['www.blog.example.com', 'b.example.com'],
      php: true,
    },
    body: {
      func: 'webdomain.edit',
      sok: 'ok',
      name: 'blog.example.com',
      owner: 'bob',
      aliases: 'www.blog.example.com b.example.com',
      php: 'on',
    },
    check: (r, sim) => {
      expect(r.kind).toBe('ok');
      expect(sim.state.webdomain.find((w) => w.name === 'blog.example.com')?.docroot).toBe(
        '/var/www/bob/data/www/blog.example.com',
      );
    },
  },
  {
    id: 'webdomain.edit',
    input: { mode: 'edit', elid: 'blog.example.com', charset: 'UTF-8', cgi: false },
    body: { func: 'webdomain.edit', sok: 'ok', elid: 'blog.example.com', charset: 'UTF-8', cgi: 'off' },
    check: (_r, sim) =>
      expect(sim.state.webdomain.find((w) => w.name === 'blog.example.com')?.cgi).toBe('off'),
  },
  {
    id: 'webdomain.suspend',
    input: { elid: ['blog.example.com', 'shop.example.com'] },
    body: { func: 'webdomain.suspend', sok: 'ok', elid: 'blog.example.com, shop.example.com' },
    check: (_r, sim) => expect(sim.state.webdomain.filter((w) => w.active === 'off')).toHaveLength(2),
  },
  {
    id: 'webdomain.resume',
    input: { elid: 'shop.example.com' },
    body: { func: 'webdomain.resume', sok: 'ok', elid: 'shop.example.com' },
    check: (_r, sim) =>
      expect(sim.state.webdomain.find((w) => w.name === 'shop.example.com')?.active).toBe('on'),
  },
  {
    id: 'webdomain.delete',
    input: { elid: 'blog.example.com', remove_directory: true },
    body: { func: 'webdomain.delete', sok: 'ok', elid: 'blog.example.com', remove_directory: 'on' },
    check: (_r, sim) => expect(sim.state.webdomain.some((w) => w.name === 'blog.example.com')).toBe(false),
  },
  {
    id: 'domain.edit',
    input: {
      mode: 'create',
      name: 'zone.example.org',
      ip: '192.0.2.20',
      ns: ['ns1.example.com.', 'ns2.example.com.'],
      owner: 'bob',
    },
    body: {
      func: 'domain.edit',
      sok: 'ok',
      name: 'zone.example.org',
      ip: '192.0.2.20',
      ns: 'ns1.example.com. ns2.example.com.',
    },
    check: (r) => expect(r).toMatchObject({ kind: 'ok', id: 'zone.example.org' }),
  },
  {
    id: 'domain.list',
    input: {},
    body: { func: 'domain' },
    check: (r) => expect(names(r)).toEqual(['example.com', 'zone.example.org']),
  },
  {
    id: 'domain.record.edit',
    input: {
      mode: 'create',
      plid: 'zone.example.org',
      name: 'mail',
      rtype: 'mx',
      domain: 'mx.example.com.',
      priority: 10,
    },
    body: {
      func: 'domain.record.edit',
      sok: 'ok',
      plid: 'zone.example.org',
      name: 'mail',
      rtype: 'mx',
      domain: 'mx.example.com.',
      priority: '10',
    },
    absent: ['elid'],
    check: (r) => expect(r).toMatchObject({ kind: 'ok', id: RKEY_MX }),
  },
  {
    id: 'domain.record.list',
    input: { elid: 'zone.example.org' },
    body: { func: 'domain.record', elid: 'zone.example.org' },
    check: (r) => {
      expect(names(r, 'rkey')).toContain(RKEY_MX);
      expect(elements(r).find((e) => e.rkey === RKEY_MX)).toMatchObject({
        rtype: 'MX',
        ttl: 3600,
        info: 'priority= 10',
      });
    },
  },
  {
    id: 'domain.record.edit',
    input: {
      mode: 'edit',
      plid: 'zone.example.org',
      elid: RKEY_MX,
      domain: 'mx2.example.com.',
      priority: 20,
    },
    body: {
      func: 'domain.record.edit',
      sok: 'ok',
      plid: 'zone.example.org',
      elid: RKEY_MX,
      domain: 'mx2.example.com.',
    },
    check: (r) => expect(r).toMatchObject({ kind: 'ok', id: RKEY_MX2 }),
  },
  {
    id: 'domain.record.delete',
    input: { plid: 'zone.example.org', elid: [RKEY_MX2, 'www.zone.example.org. A  192.0.2.20'] },
    body: {
      func: 'domain.record.delete',
      sok: 'ok',
      plid: 'zone.example.org',
      elid: `${RKEY_MX2}, www.zone.example.org. A  192.0.2.20`,
    },
    check: (_r, sim) => expect(sim.state.record.filter((x) => x.zone === 'zone.example.org')).toHaveLength(2),
  },
  {
    id: 'domain.delete',
    input: { elid: 'zone.example.org' },
    body: { func: 'domain.delete', sok: 'ok', elid: 'zone.example.org' },
    check: (_r, sim) => expect(sim.state.record.some((x) => x.zone === 'zone.example.org')).toBe(false),
  },
  {
    id: 'emaildomain.edit',
    input: { mode: 'create', name: 'mail.example.org', owner: 'bob', dkim: true },
    body: { func: 'emaildomain.edit', sok: 'ok', name: 'mail.example.org', dkim: 'on' },
    check: (r) => expect(r.kind).toBe('ok'),
  },
  {
    id: 'emaildomain.list',
    input: {},
    body: { func: 'emaildomain' },
    check: (r) => expect(names(r)).toEqual(['example.com', 'mail.example.org']),
  },
  {
    id: 'email.edit',
    input: {
      mode: 'create',
      name: 'sales',
      domainname: 'mail.example.org',
      passwd: 'box&pass',
      maxsize: 500,
    },
    body: {
      func: 'email.edit',
      sok: 'ok',
      name: 'sales',
      domainname: 'mail.example.org',
      passwd: 'box&pass',
      confirm: 'box&pass',
      maxsize: '500',
    },
    check: (r) => expect(r).toMatchObject({ kind: 'ok', id: 'sales@mail.example.org' }),
  },
  {
    id: 'email.list',
    input: {},
    body: { func: 'email' },
    check: (r) => {
      expect(names(r)).toContain('sales@mail.example.org');
      expect(JSON.stringify(r)).not.toContain('box&pass');
    },
  },
  {
    id: 'email.delete',
    input: { elid: 'sales@mail.example.org' },
    body: { func: 'email.delete', sok: 'ok', elid: 'sales@mail.example.org' },
    check: (_r, sim) => expect(sim.state.email.some((m) => m.name === 'sales@mail.example.org')).toBe(false),
  },
  {
    id: 'emaildomain.delete',
    input: { elid: 'mail.example.org' },
    body: { func: 'emaildomain.delete', sok: 'ok', elid: 'mail.example.org' },
    check: (_r, sim) => expect(sim.state.emaildomain).toHaveLength(1),
  },
  {
    id: 'db.server.edit',
    input: {
      mode: 'create',
      name: 'PG',
      type: 'postgresql',
      host: 'localhost:5432',
      username: 'postgres',
      password: 'pg&pw',
    },
    body: {
      func: 'db.server.edit',
      sok: 'ok',
      name: 'PG',
      type: 'postgresql',
      host: 'localhost:5432',
      password: 'pg&pw',
      confirm: 'pg&pw',
    },
    check: (r) => expect(r.kind).toBe('ok'),
  },
  {
    id: 'db.server.list',
    input: {},
    body: { func: 'db.server' },
    check: (r) =>
      expect(elements(r)).toEqual([
        expect.objectContaining({ name: 'MySQL', type: 'mysql' }),
        expect.objectContaining({ name: 'PG', type: 'postgresql', savedver: '15' }),
      ]),
  },
  {
    id: 'db.edit',
    input: {
      mode: 'create',
      name: 'shop',
      server: 'MySQL',
      owner: 'bob',
      user: '*',
      username: 'shop_user',
      password: 'db#pw',
    },
    body: {
      func: 'db.edit',
      sok: 'ok',
      name: 'shop',
      server: 'MySQL',
      user: '*',
      username: 'shop_user',
      password: 'db#pw',
      confirm: 'db#pw',
    },
    check: (r) => expect(r).toMatchObject({ kind: 'ok', id: 'shop->MySQL' }),
  },
  {
    id: 'db.list',
    input: {},
    body: { func: 'db' },
    check: (r) => expect(names(r, 'pair')).toEqual(['example_db->MySQL', 'shop->MySQL']),
  },
  {
    id: 'db.delete',
    input: { elid: 'shop->MySQL' },
    body: { func: 'db.delete', sok: 'ok', elid: 'shop->MySQL' },
    check: (_r, sim) => expect(sim.state.db).toHaveLength(1),
  },
  {
    id: 'ftp.user.edit',
    input: { mode: 'create', name: 'upload', owner: 'bob', passwd: 'ftp:pw+1', home: '/uploads' },
    body: {
      func: 'ftp.user.edit',
      sok: 'ok',
      name: 'upload',
      passwd: 'ftp:pw+1',
      confirm: 'ftp:pw+1',
      home: '/uploads',
    },
    check: (r) => expect(r).toMatchObject({ kind: 'ok', id: 'upload' }),
  },
  {
    id: 'ftp.user.list',
    input: {},
    body: { func: 'ftp.user' },
    check: (r) =>
      expect(elements(r).find((e) => e.name === 'upload')).toMatchObject({ owner: 'bob', active: true }),
  },
  {
    id: 'ftp.user.suspend',
    input: { elid: ['upload', 'deploy'] },
    body: { func: 'ftp.user.suspend', sok: 'ok', elid: 'upload, deploy' },
    check: (_r, sim) => expect(sim.state.ftpuser.every((f) => f.active === 'off')).toBe(true),
  },
  {
    id: 'ftp.user.resume',
    input: { elid: 'deploy' },
    body: { func: 'ftp.user.resume', sok: 'ok', elid: 'deploy' },
    check: (_r, sim) => expect(sim.state.ftpuser.find((f) => f.name === 'deploy')?.active).toBe('on'),
  },
  {
    id: 'ftp.user.delete',
    input: { elid: 'upload' },
    body: { func: 'ftp.user.delete', sok: 'ok', elid: 'upload' },
    check: (_r, sim) => expect(sim.state.ftpuser.map((f) => f.name)).toEqual(['deploy']),
  },
  {
    id: 'scheduler.edit',
    input: {
      mode: 'create',
      command: 'php /home/bob/cron.php --a=1&b=2',
      schedule_type: 'type_expert',
      input_min: '*/5',
      input_hour: '*',
    },
    body: {
      func: 'scheduler.edit',
      sok: 'ok',
      command: 'php /home/bob/cron.php --a=1&b=2',
      schedule_type: 'type_expert',
      input_min: '*/5',
    },
    check: (r) => expect(r).toMatchObject({ kind: 'ok', id: '2' }),
  },
  {
    id: 'scheduler.list',
    input: {},
    body: { func: 'scheduler' },
    check: (r) =>
      expect(elements(r)[1]).toMatchObject({
        key: '2',
        schedule: '*/5 * * * *',
        command: 'php /home/bob/cron.php --a=1&b=2',
      }),
  },
  {
    id: 'scheduler.edit',
    input: { mode: 'edit', elid: '2', schedule_type: 'type_basic', run_every: 'every_day' },
    body: { func: 'scheduler.edit', sok: 'ok', elid: '2', run_every: 'every_day' },
    check: (_r, sim) => expect(sim.state.scheduler.find((j) => j.key === '2')?.schedule).toBe('0 0 * * *'),
  },
  {
    id: 'scheduler.delete',
    input: { elid: '2' },
    body: { func: 'scheduler.delete', sok: 'ok', elid: '2' },
    check: (_r, sim) => expect(sim.state.scheduler).toHaveLength(1),
  },
  {
    id: 'sslcert.selfsigned',
    input: {
      domain: 'shop.example.com',
      username: 'bob',
      email: 'admin@example.com',
      keylen: 4096,
      org: 'Bob & Sons',
    },
    body: {
      func: 'sslcert.selfsigned',
      sok: 'ok',
      domain: 'shop.example.com',
      username: 'bob',
      keylen: '4096',
    },
    check: (r) => expect(r).toMatchObject({ kind: 'ok', id: 'shop.example.com' }),
  },
  {
    id: 'letsencrypt.generate',
    input: {
      domain_name: 'shop.example.com',
      domain: ['shop.example.com', 'www.shop.example.com'],
      email: 'admin@example.com',
    },
    body: {
      func: 'letsencrypt.generate',
      sok: 'ok',
      domain_name: 'shop.example.com',
      domain: 'shop.example.com www.shop.example.com',
    },
    check: (r) => expect(r).toMatchObject({ kind: 'ok', id: 'shop.example.com_le' }),
  },
  {
    id: 'sslcert.list',
    input: {},
    body: { func: 'sslcert' },
    check: (r) => {
      expect(names(r)).toEqual(['example.com', 'shop.example.com', 'shop.example.com_le']);
      expect(elements(r)[1]).toMatchObject({ info: 'CN=shop.example.com, O=Bob & Sons', type: 'selfsigned' });
    },
  },
  {
    id: 'sslcert.delete',
    input: { elid: ['shop.example.com', 'shop.example.com_le'] },
    body: { func: 'sslcert.delete', sok: 'ok', elid: 'shop.example.com, shop.example.com_le' },
    check: (_r, sim) => expect(sim.state.sslcert).toHaveLength(1),
  },
  {
    id: 'ipaddr.edit',
    input: { mode: 'create', name: '2001:db8::20', iprole: 'assigned', owner: 'bob' },
    body: { func: 'ipaddr.edit', sok: 'ok', name: '2001:db8::20', iprole: 'assigned' },
    check: (r) => expect(r).toMatchObject({ kind: 'ok', id: '2001:db8::20' }),
  },
  {
    id: 'ipaddr.list',
    input: {},
    body: { func: 'ipaddr' },
    check: (r) =>
      expect(elements(r)[2]).toMatchObject({
        name: '2001:db8::20',
        iptype: 'ipv6',
        iprole: 'assigned',
        owner: 'bob',
      }),
  },
  {
    id: 'ipaddr.edit',
    input: { mode: 'edit', elid: '2001:db8::20', iprole: 'shared' },
    body: { func: 'ipaddr.edit', sok: 'ok', elid: '2001:db8::20', iprole: 'shared' },
    check: (_r, sim) => expect(sim.state.ipaddr[2]?.iprole).toBe('shared'),
  },
  {
    id: 'ipaddr.delete',
    input: { elid: '2001:db8::20' },
    body: { func: 'ipaddr.delete', sok: 'ok', elid: '2001:db8::20' },
    check: (_r, sim) => expect(sim.state.ipaddr).toHaveLength(2),
  },
  {
    id: 'phpversions.list',
    input: {},
    body: { func: 'phpversions' },
    check: (r) => expect(names(r, 'key')).toEqual(['native', 'isp-php82']),
  },
  {
    id: 'session.newkey',
    input: { username: 'bob' },
    body: { func: 'session.newkey', sok: 'ok', username: 'bob' },
    check: (r, sim) => {
      const url = new URL(String(r.url));
      const key = url.searchParams.get('key') ?? '';
      expect(key.length).toBeGreaterThanOrEqual(16);
      expect(url.pathname).toBe('/ispmgr');
      expect(Object.fromEntries(url.searchParams)).toEqual({
        func: 'auth',
        username: 'bob',
        key,
        checkcookie: 'no',
      });
      expect(sim.state.keys.get(key)).toBe('bob');
      expect(bodyOfLast(sim).key).toBe(key);
    },
  },
  {
    id: 'call',
    input: { func: 'user.edit', params: { elid: 'bob' } },
    body: { func: 'user.edit', elid: 'bob' },
    check: (r) => {
      expect(r).toMatchObject({ kind: 'form', elid: 'bob', fields: { name: 'bob', fullname: 'Bobby' } });
      expect(JSON.stringify(r)).not.toContain('p&ss');
    },
  },
  {
    id: 'call',
    input: { func: 'user.edit', params: { elid: 'bob', fullname: 'Robert', php_enable: false }, sok: true },
    body: { func: 'user.edit', sok: 'ok', elid: 'bob', fullname: 'Robert', php_enable: 'off' },
    check: (r, sim) => {
      expect(r).toMatchObject({ kind: 'ok' });
      expect(sim.state.user.find((u) => u.name === 'bob')?.fullname).toBe('Robert');
    },
  },
  {
    id: 'call',
    input: { func: 'user.delete', params: { elid: ['bob'] }, sok: true },
    body: { func: 'user.delete', sok: 'ok', elid: 'bob' },
    check: (_r, sim) => {
      expect(sim.state.user.some((u) => u.name === 'bob')).toBe(false);
      expect(sim.state.webdomain.some((w) => w.owner === 'bob')).toBe(false);
    },
  },
  {
    id: 'user.delete',
    input: { elid: 'alice' },
    body: { func: 'user.delete', sok: 'ok', elid: 'alice' },
    check: (r, sim) => {
      expect(r.kind).toBe('ok');
      expect(sim.state.user.map((u) => u.name)).toEqual(['www-root']);
    },
  },
  {
    id: 'call',
    input: { func: 'webdomain', params: { p_cnt: 1 } },
    body: { func: 'webdomain', p_cnt: '1' },
    check: (r) =>
      expect(r).toMatchObject({
        kind: 'list',
        elements: [{ name: 'example.com' }],
        paging: { p_num: 1, p_cnt: 1, p_elems: 1 },
      }),
  },
];

function bodyOfLast(sim: Sim): Record<string, string> {
  return Object.fromEntries(new URLSearchParams(lastRequest(sim).body));
}

const READS = new Set(
  walkCatalog(ispmanagerCatalog)
    .filter((e) => e.endpoint.effect === 'read')
    .map((e) => e.id),
);

describe('the cases cover the whole catalog', () => {
  it('has at least one case per endpoint', () => {
    const covered = new Set(cases.map((c) => c.id));
    const missing = walkCatalog(ispmanagerCatalog)
      .map((e) => e.id)
      .filter((id) => !covered.has(id));
    expect(missing).toEqual([]);
  });
});

describe.each(['xml', 'json'] as const)('every catalog function over out=%s', (format) => {
  let sim: Sim;
  let client: IspManagerClient;
  beforeAll(async () => {
    sim = await startPanel();
    client = clientFor(sim, { format });
  });
  afterAll(async () => {
    await client.close();
    await sim.stop();
  });

  it.each(
    cases.map((c, index) => [`${index + 1}. ${c.id} ${JSON.stringify(c.input).slice(0, 60)}`, c] as const),
  )('%s', async (_name, c) => {
    const result = (await client.invoke(c.id, c.input)) as Answer;
    const body = expectWireShape(lastRequest(sim));
    expect(lastRequest(sim).path).toBe('/ispmgr');
    expect(body).toMatchObject({
      ...c.body,
      out: format,
      authinfo: `${ISPMANAGER_DEMO.username}:${ISPMANAGER_DEMO.password}`,
    });
    const submits = c.id === 'call' ? c.input.sok === true : !READS.has(c.id);
    expect(body.sok).toBe(submits ? 'ok' : undefined);
    expect(body).not.toHaveProperty('mode');
    for (const name of c.absent ?? []) expect(body).not.toHaveProperty(name);
    c.check(result, sim);
  });
});
