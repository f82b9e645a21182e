import { endpoint, ref } from '@x/auth-core';
import { z } from 'zod';
import type { PanelRoute } from '../route.js';
import { editInput, ids, Password, pagingFields } from '../schemas/common.js';
import { listResult, OkResult, optText, text } from '../schemas/output.js';

/** A database as `func=db` lists it; `pair` (`name->server`) is its id. */
export const Database = z.looseObject({
  name: text,
  server: optText,
  pair: optText,
  owner: optText,
  size: optText,
});
/** A database server as `func=db.server` lists it. */
export const DatabaseServer = z.looseObject({ name: text, type: optText, host: optText, savedver: optText });

const DbName = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_]+$/, 'letters, digits and "_"');

/** Databases: `db` and its family, and database servers under `db.server`. */
export const db = {
  list: endpoint({
    summary: 'List databases.',
    route: { func: 'db', result: 'list' } satisfies PanelRoute,
    input: z.strictObject({ ...pagingFields }),
    output: listResult(Database),
    effect: 'read',
  }),
  edit: endpoint({
    summary: 'Create or change a database and its user.',
    description: 'Create needs name, server, and username + password for a new user.',
    route: { func: 'db.edit', result: 'ok', sok: true, confirm: 'password' } satisfies PanelRoute,
    input: editInput({
      elid: `pair name->server from ${ref('db.list')}`,
      fields: {
        name: DbName.optional().describe('create only'),
        server: z
          .string()
          .min(1)
          .max(128)
          .optional()
          .describe(`server name from ${ref('db.server.list')}`),
        owner: z
          .string()
          .max(64)
          .optional()
          .describe(`owner, from ${ref('user.list')}`),
        charset: z.string().max(32).optional().describe('e.g. utf8mb4'),
        user: z.string().max(64).optional().describe('existing db user, or "*" (default) for a new one'),
        username: DbName.optional().describe('new db user name'),
        password: Password.optional().describe('new db user password'),
        remote_access: z.boolean().optional().describe('allow connections from other hosts'),
      },
      required: ['name', 'server'],
    }),
    output: OkResult,
    effect: 'update',
    idempotent: false,
  }),
  delete: endpoint({
    summary: 'Delete databases.',
    route: { func: 'db.delete', result: 'ok', sok: true } satisfies PanelRoute,
    input: z.strictObject({ elid: ids(`pairs name->server from ${ref('db.list')}`) }),
    output: OkResult,
    effect: 'delete',
  }),
  server: {
    list: endpoint({
      summary: 'List database servers.',
      route: { func: 'db.server', result: 'list' } satisfies PanelRoute,
      input: z.strictObject({ ...pagingFields }),
      output: listResult(DatabaseServer),
      effect: 'read',
    }),
    edit: endpoint({
      summary: 'Register or change a database server.',
      route: { func: 'db.server.edit', result: 'ok', sok: true, confirm: 'password' } satisfies PanelRoute,
      input: editInput({
        elid: `server name from ${ref('db.server.list')}`,
        fields: {
          name: z.string().min(1).max(128).optional().describe('create only'),
          type: z.enum(['mysql', 'postgresql']).optional().describe('server type'),
          host: z.string().min(1).max(255).optional().describe('host[:port]'),
          username: z.string().min(1).max(64).optional().describe('admin login'),
          password: Password.optional().describe('admin password'),
          remote_access: z.boolean().optional().describe('allow remote connections'),
        },
        required: ['name', 'type', 'host'],
      }),
      output: OkResult,
      effect: 'update',
      idempotent: false,
    }),
  },
};
