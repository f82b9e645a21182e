import { z } from 'zod';
import { ImunifyProductCode } from '../schemas/codes.js';
import { KeyLimit, listOf, Note, oneOf, opaqueId } from '../schemas/common.js';
import { ImunifyKey, ImunifyServer } from '../schemas/objects.js';
import { withMessage } from '../schemas/results.js';
import { tuxcareEndpoint as ep } from './define.js';

const ImKeyValue = opaqueId('key').describe('Imunify key, from tuxcare_im_key_list');
const ImServerId = opaqueId('id').describe('Imunify server id, from tuxcare_im_srv_list');

/** Imunify (ImunifyAV+, Imunify360) keys and servers (`/im`). */
export const im = {
  key: {
    create: ep({
      summary: 'Create an Imunify key for a product (ImunifyAV+ or an Imunify360 tier).',
      route: { path: '/im/key/create.json', format: 'envelope' },
      input: z.strictObject({
        code: ImunifyProductCode,
        limit: KeyLimit.describe('maximum servers on the key; 0 = unlimited'),
        note: Note.optional().describe('key note, up to 100 characters'),
      }),
      output: oneOf(ImunifyKey),
      effect: 'create',
    }),
    update: ep({
      summary: 'Change the server limit, the note or the servers count of an Imunify key.',
      description: 'Fields left out are not changed.',
      route: { path: '/im/key/update.json', format: 'envelope' },
      input: z
        .strictObject({
          key: ImKeyValue,
          limit: KeyLimit.optional().describe('new maximum servers; 0 = unlimited'),
          note: Note.optional().describe('new key note, up to 100 characters; not changed when absent'),
          servers: z
            .number()
            .int()
            .min(0)
            .optional()
            .describe('number of servers registered with the key (a documented argument of this call)'),
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
      summary: 'Remove an Imunify key together with every server registered with it.',
      description: 'Returns the removed servers (or true, as some deployments answer).',
      route: { path: '/im/key/remove.json', format: 'envelope' },
      input: z.strictObject({ key: ImKeyValue }),
      output: z.union([z.boolean(), listOf(ImunifyServer)]),
      effect: 'delete',
    }),
    list: ep({
      summary: 'List every Imunify key of the account.',
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
      summary: 'Remove one Imunify server by its id.',
      description: 'found is false, with the vendor message, when the server does not exist.',
      route: { path: '/im/srv/remove.json', format: 'envelope-full' },
      input: z.strictObject({ id: ImServerId }),
      output: withMessage(oneOf(ImunifyServer)),
      effect: 'delete',
    }),
    convert: ep({
      summary:
        'Move an Imunify server to another key (another license type), e.g. to upgrade from single user.',
      description: 'key is the target key, from tuxcare_im_key_list.',
      route: { path: '/im/srv/convert.json', format: 'envelope' },
      input: z.strictObject({
        id: ImServerId,
        key: ImKeyValue.describe('the new Imunify key for the server'),
      }),
      output: oneOf(ImunifyServer),
      effect: 'update',
    }),
  },
};
