/** Panel users (`user`); deleting one deletes what it owns. */
import { exists, invalid } from '../context.js';
import { crud } from '../crud.js';
import { el } from '../render.js';
import { USER } from './checks.js';

export const users = crud({
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
