import { endpoint } from '@x/auth-core';
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
    summary: 'List databases (func db).',
    route: { func: 'db', result: 'list' } satisfies PanelRoute,
    input: z.strictObject({ ...pagingFields }),
    output: listResult(Database),
    effect: 'read',
  }),
  edit: endpoint({
    summary:
      'Create a database with its user (mode "create") or change one (mode "edit") through func db.edit.',
    description:
      'Create needs name, server (from ispmanager_db_server_list), username and password; user "*" (the default) creates a new database user.',
    route: { func: 'db.edit', result: 'ok', sok: true, confirm: 'password' } satisfies PanelRoute,
    input: editInput({
      elid: 'the database pair name->server (from ispmanager_db_list)',
      fields: {
        name: DbName.optional().describe('database name (create only)'),
        server: z
          .string()
          .min(1)
          .max(128)
          .optional()
          .describe('database server name (from ispmanager_db_server_list)'),
        owner: z.string().max(64).optional().describe('owning panel user (from ispmanager_user_list)'),
        charset: z.string().max(32).optional().describe('character set, e.g. utf8mb4'),
        user: z
          .string()
          .max(64)
          .optional()
          .describe('existing database user, or "*" to create one (default "*")'),
        username: DbName.optional().describe('name of the new database user'),
        password: Password.optional().describe(
          'password of the new database user (sent with its confirmation)',
        ),
        remote_access: z.boolean().optional().describe('allow connections from other hosts'),
      },
      required: ['name', 'server'],
    }),
    output: OkResult,
    effect: 'update',
    idempotent: false,
  }),
  delete: endpoint({
    summary: 'Delete databases (func db.delete).',
    route: { func: 'db.delete', result: 'ok', sok: true } satisfies PanelRoute,
    input: z.strictObject({ elid: ids('database pair(s) name->server from ispmanager_db_list') }),
    output: OkResult,
    effect: 'delete',
  }),
  server: {
    list: endpoint({
      summary: 'List database servers (func db.server).',
      route: { func: 'db.server', result: 'list' } satisfies PanelRoute,
      input: z.strictObject({ ...pagingFields }),
      output: listResult(DatabaseServer),
      effect: 'read',
    }),
    edit: endpoint({
      summary:
        'Register a database server (mode "create") or change one (mode "edit") through func db.server.edit.',
      route: { func: 'db.server.edit', result: 'ok', sok: true, confirm: 'password' } satisfies PanelRoute,
      input: editInput({
        elid: 'the server name (from ispmanager_db_server_list)',
        fields: {
          name: z.string().min(1).max(128).optional().describe('server name (create only)'),
          type: z.enum(['mysql', 'postgresql']).optional().describe('server type'),
          host: z.string().min(1).max(255).optional().describe('host[:port] of the server'),
          username: z.string().min(1).max(64).optional().describe('administrator login on the server'),
          password: Password.optional().describe('administrator password (sent with its confirmation)'),
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
