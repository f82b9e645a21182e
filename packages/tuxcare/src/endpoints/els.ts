import { z } from 'zod';
import { ElsProductCode } from '../schemas/codes.js';
import { KeyLimit, listOf, Note, oneOf, opaqueId } from '../schemas/common.js';
import { ElsKey, ElsServer } from '../schemas/objects.js';
import { withMessage } from '../schemas/results.js';
import { tuxcareEndpoint as ep } from './define.js';

const ElsKeyValue = opaqueId('key').describe(
  'ELS or ESU key, e.g. CELS-yUDxBd5ethmG05d3hnAZEau0, from tuxcare_els_key_list',
);

/** ELS (CentOS, Oracle, Ubuntu, PHP, Python) and AlmaLinux ESU keys and servers (`/els`). */
export const els = {
  key: {
    create: ep({
      summary: 'Create an ELS or AlmaLinux ESU license key for a product.',
      description:
        'Sent as GET with code, limit and note (see the README on the POST label and productType).',
      route: { path: '/els/key/create.json', format: 'envelope' },
      input: z.strictObject({
        code: ElsProductCode,
        limit: KeyLimit.describe('maximum servers on the key; 0 = unlimited'),
        note: Note.optional().describe('key note, up to 100 characters'),
      }),
      output: oneOf(ElsKey),
      effect: 'create',
    }),
    update: ep({
      summary: 'Change the server limit or the note of an ELS or ESU key.',
      route: { path: '/els/key/update.json', format: 'envelope' },
      input: z
        .strictObject({
          key: ElsKeyValue,
          limit: KeyLimit.optional().describe('new maximum servers; 0 = unlimited'),
          note: Note.optional().describe('new key note, up to 100 characters'),
        })
        .refine((input) => input.limit !== undefined || input.note !== undefined, {
          message: 'give limit, note or both (nothing to update)',
          path: ['limit'],
        }),
      output: oneOf(ElsKey),
      effect: 'update',
    }),
    remove: ep({
      summary: 'Remove an ELS or ESU key together with every server registered with it.',
      route: { path: '/els/key/remove.json', format: 'envelope' },
      input: z.strictObject({ key: ElsKeyValue }),
      output: listOf(z.looseObject({ key: z.string() })),
      effect: 'delete',
    }),
    list: ep({
      summary: 'List the ELS or ESU keys of one product.',
      description:
        'Sends the product code as both code and productType (the documents disagree; see the README).',
      route: { path: '/els/key/list.json', format: 'envelope', params: { code: ['code', 'productType'] } },
      input: z.strictObject({ code: ElsProductCode }),
      output: listOf(ElsKey),
      effect: 'read',
    }),
  },
  srv: {
    list: ep({
      summary: 'List the servers registered with ELS or ESU keys of one product.',
      description:
        'Sends the product code as both code and productType (the documents disagree; see the README).',
      route: { path: '/els/srv/list.json', format: 'envelope', params: { code: ['code', 'productType'] } },
      input: z.strictObject({ code: ElsProductCode }),
      output: listOf(ElsServer),
      effect: 'read',
    }),
    remove: ep({
      summary: 'Remove one ELS or ESU server by its id.',
      description:
        'id from tuxcare_els_srv_list. Calls /els/srv/remove.json (never key/remove). found is false, with the vendor message, when the server does not exist.',
      route: { path: '/els/srv/remove.json', format: 'envelope-full' },
      input: z.strictObject({ id: opaqueId('id').describe('server id, from tuxcare_els_srv_list') }),
      output: withMessage(oneOf(ElsServer)),
      effect: 'delete',
    }),
  },
};
