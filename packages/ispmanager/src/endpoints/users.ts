import { endpoint, ref } from '@x/auth-core';
import { z } from 'zod';
import type { PanelRoute } from '../route.js';
import { editInput, ids, Password, pagingFields, UserName } from '../schemas/common.js';
import { flag, listResult, OkResult, optText, text } from '../schemas/output.js';

/** A panel user as `func=user` lists it. */
export const User = z.looseObject({
  name: text,
  fullname: optText,
  active: flag,
  owner: optText,
  level: optText,
  preset: optText,
  quota_total: optText,
  quota_used: optText,
});

const limit = (what: string) => z.number().int().min(0).optional().describe(what);

const userFields = {
  name: UserName.optional().describe('login, create only; the id afterwards'),
  fullname: z.string().max(256).optional().describe('full name'),
  passwd: Password.optional().describe('password'),
  preset: z.string().max(128).optional().describe('preset name, or "#custom" for explicit limits'),
  owner: z.string().max(64).optional().describe('owning reseller/admin (default: caller)'),
  comment: z.string().max(1024).optional().describe('administrator comment'),
  php_enable: z.boolean().optional().describe('allow PHP'),
  limit_quota: limit('disk quota, MiB'),
  limit_traff: limit('traffic, MiB/month'),
  limit_db: limit('databases'),
  limit_db_users: limit('database users'),
  limit_ftp_users: limit('FTP users'),
  limit_webdomains: limit('sites'),
  limit_emaildomains: limit('mail domains'),
  limit_emails: limit('mailboxes'),
  limit_cpu: limit('CPU, %'),
  limit_memory: limit('memory, MiB'),
  limit_process: limit('processes'),
  limit_shell: z.boolean().optional().describe('allow shell access'),
  limit_ssl: z.boolean().optional().describe('allow SSL'),
  limit_cgi: z.boolean().optional().describe('allow CGI'),
};

/** Users: `user`, `user.edit`, `user.delete`, `user.suspend`, `user.resume`. */
export const user = {
  list: endpoint({
    summary: 'List panel users with state, preset and quota.',
    route: { func: 'user', result: 'list' } satisfies PanelRoute,
    input: z.strictObject({ ...pagingFields }),
    output: listResult(User),
    effect: 'read',
  }),
  edit: endpoint({
    summary: 'Create or change a panel user.',
    description:
      'Create needs name and passwd; limit_* left unset are unlimited. Edit changes only given fields.',
    route: { func: 'user.edit', result: 'ok', sok: true, confirm: 'passwd' } satisfies PanelRoute,
    input: editInput({
      elid: `user name from ${ref('user.list')}`,
      fields: userFields,
      required: ['name', 'passwd'],
    }),
    output: OkResult,
    effect: 'update',
    idempotent: false,
  }),
  delete: endpoint({
    summary: 'Delete users and everything they own.',
    route: { func: 'user.delete', result: 'ok', sok: true } satisfies PanelRoute,
    input: z.strictObject({ elid: ids(`user names from ${ref('user.list')}`) }),
    output: OkResult,
    effect: 'delete',
  }),
  suspend: endpoint({
    summary: 'Suspend users: their sites, mail and FTP stop.',
    route: { func: 'user.suspend', result: 'ok', sok: true } satisfies PanelRoute,
    input: z.strictObject({ elid: ids(`user names from ${ref('user.list')}`) }),
    output: OkResult,
    effect: 'action',
    idempotent: true,
  }),
  resume: endpoint({
    summary: 'Resume suspended users.',
    route: { func: 'user.resume', result: 'ok', sok: true } satisfies PanelRoute,
    input: z.strictObject({ elid: ids(`user names from ${ref('user.list')}`) }),
    output: OkResult,
    effect: 'action',
    // Starts or restores something; destroys nothing, so no confirmation is asked.
    destructive: false,
    idempotent: true,
  }),
};
