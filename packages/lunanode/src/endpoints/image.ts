import { ref } from '@x/auth-core';
import { z } from 'zod';
import { label, numericId, region, regionField } from '../schemas/input.js';
import { Ack, idString, listOf, num, text } from '../schemas/output.js';
import { Image, ImageDetails } from '../schemas/resources.js';
import { lunanodeAction } from './define.js';

const route = (action: string) => ({ category: 'image', action });
const imageId = numericId(`From ${ref('image.list')}`);

/** The `image` category: templates, ISOs and snapshots. */
export const image = {
  list: lunanodeAction(route('list'), {
    summary: 'List images: templates, ISOs and your snapshots.',
    description: "Templates have '(template)' in their name, ISOs '(ISO)'.",
    input: z.strictObject({ region: regionField('Only this region (default all)').optional() }),
    output: z.looseObject({ images: listOf(Image, 'image_id') }),
    effect: 'read',
  }),
  details: lunanodeAction(route('details'), {
    summary: 'Show an image: status (active, queued, saving, killed), size, checksum, drivers.',
    input: z.strictObject({ image_id: imageId }),
    output: z.looseObject({ details: ImageDetails }),
    effect: 'read',
  }),
  delete: lunanodeAction(route('delete'), {
    summary: 'Delete one of your images.',
    input: z.strictObject({ image_id: imageId }),
    output: Ack,
    effect: 'delete',
  }),
  replicate: lunanodeAction(route('replicate'), {
    summary: 'Copy an image to another region.',
    input: z.strictObject({ image_id: imageId, region: regionField('Destination region') }),
    output: z.looseObject({ image_id: idString.optional() }),
    effect: 'create',
  }),
  fetch: lunanodeAction(route('fetch'), {
    summary: 'Import an image from an external URL.',
    description: `The image starts queued, ends active or killed (${ref('image.details')}).`,
    input: z.strictObject({
      region,
      name: label('Image name'),
      location: z
        .url({ protocol: /^(https?|ftp)$/ })
        .max(2048)
        .describe('http(s) or ftp URL of the image file'),
      format: z.enum(['iso', 'qcow2']).describe('Image format'),
      virtio: z.boolean().optional().describe('Use virtio disk and network drivers'),
    }),
    output: z.looseObject({ image_id: idString.optional() }),
    effect: 'create',
  }),
  retrieve: lunanodeAction(
    { category: 'image', action: 'retrieve', binary: true },
    {
      summary: "Download an image's contents as base64 (capped at the client's maxResponseBytes).",
      input: z.strictObject({ image_id: imageId }),
      output: z.object({ content_type: text, size: num, data_base64: z.string() }),
      effect: 'read',
    },
  ),
  rename: lunanodeAction(route('rename'), {
    summary: 'Rename one of your images.',
    input: z.strictObject({ image_id: imageId, name: label('New name') }),
    output: Ack,
    effect: 'update',
  }),
};
