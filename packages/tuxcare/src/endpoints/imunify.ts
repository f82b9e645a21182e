import { ref } from '@x/auth-core';
import { z } from 'zod';
import { ImunifyProductCode } from '../schemas/codes.js';
import { idField, KeyLimit, listOf, Note, oneOf } from '../schemas/common.js';
import { ImunifyKey, ImunifyServer } from '../schemas/objects.js';
import { withMessage } from '../schemas/results.js';
import { tuxcareEndpoint as ep } from './define.js';

const ImKeyValue = idField('key', `Imunify key, from ${ref('im.key.list')}`);
const ImServerId = idField('id', `Imunify server id, from ${ref('im.srv.list')}`);

/** Imunify (ImunifyAV+, Imunify360) keys and servers (`/im`). */
export const im = {
  key: {
    create: ep({
      summary: 'Create an Imunify key (ImunifyAV+ or an Imunify360 tier).',
      route: { path: '/im/key/create.json', format: 'envelope' },
      input: z.strictObject({
        code: ImunifyProductCode,
        limit: KeyLimit.describe('max servers; 0 = unlimited'),
        note: Note.optional().describe('key note'),
      }),
      output: oneOf(ImunifyKey),
      effect: 'create',
    }),
    update: ep({
      summary: 'Change the server limit, note and/or servers count of an Imunify key.',
      description: 'Fields left out stay unchanged.',
      route: { path: '/im/key/update.json', format: 'envelope' },
      input: z
        .strictObject({
          key: ImKeyValue,
          limit: KeyLimit.optional().describe('new max servers; 0 = unlimited'),
          note: Note.optional().describe('new key note'),
          servers: z.number().int().min(0).optional().describe('number of servers registered with the key'),
        })
        .refine(
          (input) => input.limit !== undefined || input.note !== undefined || input.servers !== undefined,
          {
            message: 'give limit, note or servers (nothing to update)',
            path: ['limit'],
          },
        ),
      output: oneOf(ImunifyKey),
      effect: 'update',
    }),
    remove: ep({
      summary: 'Remove an Imunify key and every server registered with it.',
      description: 'Returns the removed servers, or true.',
      route: { path: '/im/key/remove.json', format: 'envelope' },
      input: z.strictObject({ key: ImKeyValue }),
      output: z.union([z.boolean(), listOf(ImunifyServer)]),
      effect: 'delete',
    }),
    list: ep({
      summary: "List the account's Imunify keys.",
      route: { path: '/im/key/list.json', format: 'envelope' },
      input: z.strictObject({}),
      output: listOf(ImunifyKey),
      effect: 'read',
    }),
  },
  srv: {
    list: ep({
      summary: 'List the servers registered with an Imunify key.',
      route: { path: '/im/srv/list.json', format: 'envelope' },
      input: z.strictObject({ key: ImKeyValue }),
      output: listOf(ImunifyServer),
      effect: 'read',
    }),
    remove: ep({
      summary: 'Remove one Imunify server.',
      description: 'found is false, with the vendor message, when it does not exist.',
      route: { path: '/im/srv/remove.json', format: 'envelope-full' },
      input: z.strictObject({ id: ImServerId }),
      output: withMessage(oneOf(ImunifyServer)),
      effect: 'delete',
    }),
    convert: ep({
      summary: 'Move an Imunify server to another key (license type), e.g. to upgrade from single user.',
      route: { path: '/im/srv/convert.json', format: 'envelope' },
      input: z.strictObject({
        id: ImServerId,
        key: idField('key', `target Imunify key, from ${ref('im.key.list')}`),
      }),
      output: oneOf(ImunifyServer),
      effect: 'update',
    }),
  },
};
