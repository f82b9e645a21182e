import { ref } from '@x/auth-core';
import { z } from 'zod';
import { listFilterShape } from '../filter.js';
import { vmEndpoint } from '../route.js';
import { ActionResult, Defer, idField, listOf } from '../schemas/common.js';
import { Backup, Disk } from '../schemas/objects.js';

/** Virtual disks (`/vm/v3/disk`). */
export const disk = {
  list: vmEndpoint({
    summary: 'List virtual disks.',
    description: 'Filter by VM on host.id.',
    route: { method: 'GET', path: '/vm/v3/disk', filter: true },
    input: z.strictObject(listFilterShape),
    output: listOf(Disk),
    effect: 'read',
  }),
  update: vmEndpoint({
    summary: 'Resize a virtual disk.',
    description: `Disks only grow. Answers a task id for ${ref('task.wait')}.`,
    route: { method: 'POST', path: '/vm/v3/disk/{disk_id}' },
    input: z.strictObject({
      disk_id: idField('Disk', `${ref('disk.list')} or ${ref('host.get')}`),
      size_mib: z.int().min(1024).max(67_108_864).describe('New size in MiB'),
      defer: Defer.optional(),
    }),
    output: ActionResult,
    effect: 'update',
  }),
};

/** Backups of every VM (`/vm/v3/backup`). */
export const backup = {
  list: vmEndpoint({
    summary: 'List the backups of all VMs.',
    route: { method: 'GET', path: '/vm/v3/backup', filter: true },
    input: z.strictObject(listFilterShape),
    output: listOf(Backup),
    effect: 'read',
  }),
  delete: vmEndpoint({
    summary: 'Delete a backup.',
    route: { method: 'DELETE', path: '/vm/v3/backup/{backup_id}' },
    input: z.strictObject({ backup_id: idField('Backup', ref('backup.list')) }),
    output: ActionResult,
    effect: 'delete',
  }),
};
