import { endpoint } from '@x/auth-core';
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

const limit = (what: string) =>
  z.number().int().min(0).optional().describe(`limit: ${what} (absent = unlimited)`);

const userFields = {
  name: UserName.optional().describe('login name of the user (create only; the id afterwards)'),
  fullname: z.string().max(256).optional().describe('full name / comment shown in the panel'),
  passwd: Password.optional().describe('password (sent with its confirmation)'),
  preset: z.string().max(128).optional().describe('template (preset) name, or "#custom" for explicit limits'),
  owner: z.string().max(64).optional().describe('owning reseller/admin (default: the caller)'),
  comment: z.string().max(1024).optional().describe('administrator comment'),
  php_enable: z.boolean().optional().describe('allow PHP for this user'),
  limit_quota: limit('disk quota, MiB'),
  limit_traff: limit('traffic, MiB per month'),
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
    summary: 'List panel users (func user) with their state, preset and quota.',
    route: { func: 'user', result: 'list' } satisfies PanelRoute,
    input: z.strictObject({ ...pagingFields }),
    output: listResult(User),
    effect: 'read',
  }),
  edit: endpoint({
    summary: 'Create a panel user (mode "create") or change one (mode "edit") through func user.edit.',
    description:
      'Create needs name and passwd; edit needs elid, the user name from ispmanager_user_list, and changes only the fields given.',
    route: { func: 'user.edit', result: 'ok', sok: true, confirm: 'passwd' } satisfies PanelRoute,
    input: editInput({
      elid: 'the user name (from ispmanager_user_list)',
      fields: userFields,
      required: ['name', 'passwd'],
    }),
    output: OkResult,
    effect: 'update',
    idempotent: false,
  }),
  delete: endpoint({
    summary: 'Delete panel users and everything they own (func user.delete).',
    route: { func: 'user.delete', result: 'ok', sok: true } satisfies PanelRoute,
    input: z.strictObject({ elid: ids('user name(s) from ispmanager_user_list') }),
    output: OkResult,
    effect: 'delete',
  }),
  suspend: endpoint({
    summary: 'Suspend panel users: their sites, mail and FTP stop (func user.suspend).',
    route: { func: 'user.suspend', result: 'ok', sok: true } satisfies PanelRoute,
    input: z.strictObject({ elid: ids('user name(s) from ispmanager_user_list') }),
    output: OkResult,
    effect: 'action',
    idempotent: true,
  }),
  resume: endpoint({
    summary: 'Resume suspended panel users (func user.resume).',
    route: { func: 'user.resume', result: 'ok', sok: true } satisfies PanelRoute,
    input: z.strictObject({ elid: ids('user name(s) from ispmanager_user_list') }),
    output: OkResult,
    effect: 'action',
    // Starts or restores something; destroys nothing, so no confirmation is asked.
    destructive: false,
    idempotent: true,
  }),
};
