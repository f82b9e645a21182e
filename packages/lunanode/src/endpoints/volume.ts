import { listedAs, ref } from '@x/auth-core';
import { z } from 'zod';
import { label, numericId, region, regionField, vmId } from '../schemas/input.js';
import { Ack, idString, listOf } from '../schemas/output.js';
import { Volume, VolumeSnapshot } from '../schemas/resources.js';
import { lunanodeAction } from './define.js';

const route = (action: string) => ({ category: 'volume', action });
const volumeId = numericId(`From ${ref('volume.list')}`);
const size = z.number().int().min(1).max(10_000).describe('Size in GB');

/** The `volume` category: block storage and its snapshots. */
export const volume = {
  list: lunanodeAction(route('list'), {
    summary: 'List the volumes of a region.',
    input: z.strictObject({ region }),
    output: z.looseObject({ volumes: listOf(Volume, 'id') }),
    effect: 'read',
  }),
  info: lunanodeAction(route('info'), {
    summary: 'Show a volume: size, status (creating, available, in-use, ...).',
    input: z.strictObject({ region, volume_id: volumeId }),
    output: z.looseObject({ volume: Volume }),
    effect: 'read',
  }),
  create: lunanodeAction(route('create'), {
    summary: 'Create a volume, empty or from an image or a volume snapshot.',
    description: `Poll ${ref('volume.info')} until status is available.`,
    input: z
      .strictObject({
        region,
        label: label('Name'),
        size,
        image: numericId(`Image to copy in, from ${ref('image.list')}`).optional(),
        snapshot_id: numericId(
          `Snapshot to restore (not with image), from ${ref('volume.snapshot_list')}`,
        ).optional(),
      })
      .refine((input) => input.image === undefined || input.snapshot_id === undefined, {
        path: ['snapshot_id'],
        message: 'give either image or snapshot_id, not both',
      }),
    output: z.looseObject({ volume_id: idString.optional() }),
    effect: 'create',
  }),
  delete: lunanodeAction(route('delete'), {
    summary: 'Delete a detached volume.',
    input: z.strictObject({ region, volume_id: volumeId }),
    output: Ack,
    effect: 'delete',
  }),
  attach: lunanodeAction(route('attach'), {
    summary: 'Attach an available volume to a VM of the same region.',
    input: z.strictObject({
      region,
      volume_id: volumeId,
      vm_id: vmId,
      target: listedAs(
        z
          .union([
            z.literal('auto'),
            z.string().regex(/^\/dev\/[sv]d[a-z]$/, "must be 'auto' or a device such as /dev/vdc"),
          ])
          .describe("'auto' or a device such as /dev/vdc"),
        { type: 'string', description: "'auto' or a device /dev/sdX or /dev/vdX, e.g. /dev/vdc" },
      ),
    }),
    output: Ack,
    effect: 'action',
    // Starts or restores something; destroys nothing, so no confirmation is asked.
    destructive: false,
  }),
  detach: lunanodeAction(route('detach'), {
    summary: 'Detach a volume from its VM.',
    input: z.strictObject({ region, volume_id: volumeId }),
    output: Ack,
    effect: 'action',
  }),
  extend: lunanodeAction(route('extend'), {
    summary: 'Grow a detached volume.',
    input: z.strictObject({
      region,
      volume_id: volumeId,
      size: size.describe('New size in GB, larger than now'),
    }),
    output: Ack,
    effect: 'update',
  }),
  rename: lunanodeAction(route('rename'), {
    summary: 'Rename a volume.',
    input: z.strictObject({ volume_id: volumeId, name: label('New name') }),
    output: Ack,
    effect: 'update',
  }),
  snapshot_list: lunanodeAction(route('snapshot-list'), {
    summary: 'List the volume snapshots of a region.',
    input: z.strictObject({ region }),
    output: z.looseObject({ snapshots: listOf(VolumeSnapshot, 'snapshot_id') }),
    effect: 'read',
  }),
  snapshot_create: lunanodeAction(route('snapshot-create'), {
    summary: 'Snapshot a volume.',
    input: z.strictObject({ region, volume_id: volumeId, label: label('Name') }),
    output: z.looseObject({ snapshot_id: idString.optional() }),
    effect: 'create',
  }),
  snapshot_delete: lunanodeAction(route('snapshot-delete'), {
    summary: 'Delete a volume snapshot.',
    input: z.strictObject({
      region,
      snapshot_id: numericId(`From ${ref('volume.snapshot_list')}`),
    }),
    output: Ack,
    effect: 'delete',
  }),
  snapshot_replicate: lunanodeAction(route('snapshot-replicate'), {
    summary: 'Turn a volume snapshot into an image in another region.',
    input: z.strictObject({
      region: regionField('Region of the snapshot'),
      snapshot_id: numericId(`From ${ref('volume.snapshot_list')}`),
      image_name: label('New image name'),
      dst_region: regionField('Destination region'),
    }),
    output: z.looseObject({ image_id: idString.optional() }),
    effect: 'create',
  }),
};
