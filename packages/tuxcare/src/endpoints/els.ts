import { ref } from '@x/auth-core';
import { z } from 'zod';
import { ElsProductCode, ElsProductCodeSeeList } from '../schemas/codes.js';
import { idField, KeyLimit, listOf, Note, oneOf } from '../schemas/common.js';
import { ElsKey, ElsServer } from '../schemas/objects.js';
import { withMessage } from '../schemas/results.js';
import { tuxcareEndpoint as ep } from './define.js';

const ElsKeyValue = idField('key', `ELS/ESU key, from ${ref('els.key.list')}`);

/** ELS (CentOS, Oracle, Ubuntu, PHP, Python) and AlmaLinux ESU keys and servers (`/els`). */
export const els = {
  key: {
    create: ep({
      // Sent as GET with code, limit and note (see the README on the POST label and productType).
      summary: 'Create an ELS or AlmaLinux ESU license key.',
      route: { path: '/els/key/create.json', format: 'envelope' },
      input: z.strictObject({
        code: ElsProductCodeSeeList,
        limit: KeyLimit.describe('max servers; 0 = unlimited'),
        note: Note.optional().describe('key note'),
      }),
      output: oneOf(ElsKey),
      effect: 'create',
    }),
    update: ep({
      summary: 'Change the server limit and/or note of an ELS/ESU key.',
      route: { path: '/els/key/update.json', format: 'envelope' },
      input: z
        .strictObject({
          key: ElsKeyValue,
          limit: KeyLimit.optional().describe('new max servers; 0 = unlimited'),
          note: Note.optional().describe('new key note'),
        })
        .refine((input) => input.limit !== undefined || input.note !== undefined, {
          message: 'give limit, note or both (nothing to update)',
          path: ['limit'],
        }),
      output: oneOf(ElsKey),
      effect: 'update',
    }),
    remove: ep({
      summary: 'Remove an ELS/ESU key and every server registered with it.',
      route: { path: '/els/key/remove.json', format: 'envelope' },
      input: z.strictObject({ key: ElsKeyValue }),
      output: listOf(z.looseObject({ key: z.string() })),
      effect: 'delete',
    }),
    list: ep({
      // Sends the product code as both code and productType (the documents disagree; see the README).
      summary: 'List the ELS/ESU keys of one product.',
      route: { path: '/els/key/list.json', format: 'envelope', params: { code: ['code', 'productType'] } },
      input: z.strictObject({ code: ElsProductCode }),
      output: listOf(ElsKey),
      effect: 'read',
    }),
  },
  srv: {
    list: ep({
      // Sends the product code as both code and productType (the documents disagree; see the README).
      summary: 'List the servers on ELS/ESU keys of one product.',
      route: { path: '/els/srv/list.json', format: 'envelope', params: { code: ['code', 'productType'] } },
      input: z.strictObject({ code: ElsProductCodeSeeList }),
      output: listOf(ElsServer),
      effect: 'read',
    }),
    remove: ep({
      // Calls /els/srv/remove.json (never key/remove).
      summary: 'Remove one ELS/ESU server (its key stays).',
      description: 'found is false, with the vendor message, when it does not exist.',
      route: { path: '/els/srv/remove.json', format: 'envelope-full' },
      input: z.strictObject({ id: idField('id', `server id, from ${ref('els.srv.list')}`) }),
      output: withMessage(oneOf(ElsServer)),
      effect: 'delete',
    }),
  },
};
