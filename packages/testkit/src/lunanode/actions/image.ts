import { type ActionContext, type ActionTable, fail, find, region } from '../params.js';
import { nextId, type SimImage } from '../state.js';

function imageOf(ctx: ActionContext): SimImage {
  const id = ctx.params.get('image_id');
  return find(ctx.state.images, (image) => image.image_id === id, 'image');
}

function newImage(
  ctx: ActionContext,
  fields: Pick<SimImage, 'name' | 'region' | 'format' | 'virtio' | 'size'>,
  fails = false,
): SimImage {
  const image: SimImage = {
    ...fields,
    image_id: nextId(ctx.state),
    status: 'queued',
    // A fetch from an unreachable location ends `killed`, as real image downloads do.
    pending: { status: fails ? 'killed' : 'active', at: ctx.now + ctx.transitionMs },
    template: false,
    created: new Date(ctx.now).toISOString().replace('Z', '000'),
  };
  ctx.state.images.push(image);
  return image;
}

/** `.invalid` is reserved (RFC 2606) and never resolves: the simulator's way to provoke a failed fetch. */
function unreachable(location: string): boolean {
  try {
    return new URL(location).hostname.endsWith('.invalid');
  } catch {
    return true;
  }
}

/** The `image` category. */
export const imageActions: ActionTable = {
  list: (ctx) => {
    const wanted = ctx.params.has('region') ? region(ctx) : undefined;
    return {
      images: ctx.state.images
        .filter((image) => wanted === undefined || image.region === wanted)
        .map(({ image_id, name, region: where, status }) => ({ image_id, name, region: where, status })),
    };
  },
  details: (ctx) => {
    const image = imageOf(ctx);
    return {
      details: {
        time_created: image.created,
        status: image.status,
        size: String(image.size),
        checksum: image.status === 'active' ? 'd41d8cd98f00b204e9800998ecf8427e' : '',
        hw_vif_model: image.virtio ? 'virtio' : 'e1000',
        hw_disk_bus: image.virtio ? 'virtio' : 'ide',
        libvirt_cpu_mode: 'host-model',
        hw_video_model: 'cirrus',
        name: image.name,
        region: image.region,
        disk_format: image.format,
        // The real API sends "" or [] when there is no metadata; both occur.
        metadata: image.template ? [] : '',
      },
    };
  },
  delete: (ctx) => {
    const image = imageOf(ctx);
    if (image.template) fail("can't delete a template image");
    ctx.state.images = ctx.state.images.filter((item) => item !== image);
    return {};
  },
  replicate: (ctx) => {
    ctx.params.require('image_id', 'region');
    const image = imageOf(ctx);
    const target = region(ctx);
    if (image.status !== 'active') fail('image is not active');
    const copy = newImage(ctx, { ...image, region: target });
    return { image_id: copy.image_id };
  },
  fetch: (ctx) => {
    ctx.params.require('region', 'name', 'location', 'format');
    const where = region(ctx);
    const format = ctx.params.get('format');
    if (format !== 'iso' && format !== 'qcow2') fail('invalid format');
    const location = ctx.params.get('location');
    const image = newImage(
      ctx,
      { name: ctx.params.get('name'), region: where, format, virtio: ctx.params.flag('virtio'), size: 0 },
      unreachable(location),
    );
    return { image_id: image.image_id };
  },
  rename: (ctx) => {
    ctx.params.require('image_id', 'name');
    const image = imageOf(ctx);
    if (image.template) fail('cannot rename a template image');
    image.name = ctx.params.get('name');
    return {};
  },
};

/** image/retrieve answers with the image's bytes, not JSON (handled by the simulator itself). */
export function retrieveImage(ctx: ActionContext): Buffer {
  const image = imageOf(ctx);
  if (image.status !== 'active') fail('image is not active');
  // A qcow2 magic number and the name: enough for a client to tell bytes from JSON.
  return Buffer.concat([
    Buffer.from([0x51, 0x46, 0x49, 0xfb]),
    Buffer.from(`demo image ${image.name}\n`, 'utf8'),
  ]);
}
