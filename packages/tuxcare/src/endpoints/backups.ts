import { z } from 'zod';
import { listOf, oneOf, opaqueId } from '../schemas/common.js';
import { Backup } from '../schemas/objects.js';
import { tuxcareEndpoint as ep } from './define.js';

const BackupId = z.number().int().positive().describe('backup id, from tuxcare_ab_list (backupId)');

/** CloudLinux Backups (`/ab`), for Imunify360 servers. */
export const ab = {
  list: ep({
    summary: 'List every CloudLinux Backup owned by the account.',
    route: { path: '/ab/list.json', format: 'envelope' },
    input: z.strictObject({}),
    output: listOf(Backup),
    effect: 'read',
  }),
  im: {
    create: ep({
      summary: 'Create a CloudLinux Backup for an Imunify360 server.',
      description:
        'server_id is an Imunify server id (tuxcare_im_srv_list). size is in GB and a multiple of ten.',
      route: { path: '/ab/im/create.json', format: 'envelope' },
      input: z.strictObject({
        server_id: opaqueId('server_id').describe('Imunify360 server id, from tuxcare_im_srv_list'),
        size: z
          .number()
          .int()
          .positive('must be positive')
          .multipleOf(10, 'must be a multiple of ten')
          .describe('backup size in GB, a positive multiple of ten'),
        datacenter: z
          .string()
          .regex(/^[A-Za-z0-9_-]{1,32}$/, 'must be a datacenter alias such as EU2')
          .describe('datacenter alias where the backup is stored, e.g. EU2'),
      }),
      output: oneOf(Backup),
      effect: 'create',
    }),
  },
  resize: ep({
    summary: 'Grow or shrink a CloudLinux Backup by a delta in GB.',
    description: 'delta is a multiple of ten and may be negative; it is added to the current size.',
    route: { path: '/ab/resize.json', format: 'envelope' },
    input: z.strictObject({
      backup_id: BackupId,
      delta: z
        .number()
        .int()
        .multipleOf(10, 'must be a multiple of ten')
        .refine((value) => value !== 0, 'must not be 0')
        .describe('change of size in GB, a non-zero multiple of ten; negative shrinks'),
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
