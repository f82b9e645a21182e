import { ref } from '@x/auth-core';
import { z } from 'zod';
import { idField, listOf, oneOf } from '../schemas/common.js';
import { Backup } from '../schemas/objects.js';
import { tuxcareEndpoint as ep } from './define.js';

const BackupId = z
  .number()
  .int()
  .positive()
  .describe(`backupId from ${ref('ab.list')}`);

/** CloudLinux Backups (`/ab`), for Imunify360 servers. */
export const ab = {
  list: ep({
    summary: "List the account's CloudLinux Backups.",
    route: { path: '/ab/list.json', format: 'envelope' },
    input: z.strictObject({}),
    output: listOf(Backup),
    effect: 'read',
  }),
  im: {
    create: ep({
      summary: 'Create a CloudLinux Backup for an Imunify360 server.',
      route: { path: '/ab/im/create.json', format: 'envelope' },
      input: z.strictObject({
        server_id: idField('server_id', `Imunify360 server id, from ${ref('im.srv.list')}`),
        size: z
          .number()
          .int()
          .positive('must be positive')
          .multipleOf(10, 'must be a multiple of ten')
          .describe('size in GB'),
        datacenter: z
          .string()
          .regex(/^[A-Za-z0-9_-]{1,32}$/, 'must be a datacenter alias such as EU2')
          .describe('datacenter alias, e.g. EU2'),
      }),
      output: oneOf(Backup),
      effect: 'create',
    }),
  },
  resize: ep({
    summary: 'Grow or shrink a CloudLinux Backup by a delta in GB.',
    route: { path: '/ab/resize.json', format: 'envelope' },
    input: z.strictObject({
      backup_id: BackupId,
      delta: z
        .number()
        .int()
        .multipleOf(10, 'must be a multiple of ten')
        .refine((value) => value !== 0, 'must not be 0')
        .describe('GB to add, not 0; negative shrinks'),
    }),
    output: oneOf(Backup),
    // Applying the same delta twice resizes twice: not safe to repeat.
    effect: 'action',
  }),
  remove: ep({
    summary: 'Remove a CloudLinux Backup.',
    route: { path: '/ab/remove.json', format: 'envelope' },
    input: z.strictObject({ backup_id: BackupId }),
    output: oneOf(Backup),
    effect: 'delete',
  }),
};
