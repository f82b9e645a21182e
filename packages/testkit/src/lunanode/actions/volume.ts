import { type ActionContext, type ActionTable, fail, find, region } from '../params.js';
import { nextId, type SimVolume } from '../state.js';

function volumeOf(ctx: ActionContext): SimVolume {
  ctx.params.require('region', 'volume_id');
  const where = region(ctx);
  const id = ctx.params.get('volume_id');
  return find(ctx.state.volumes, (volume) => volume.id === id && volume.region === where, 'volume');
}

function settledVolume(ctx: ActionContext): SimVolume {
  const volume = volumeOf(ctx);
  if (volume.pending) fail('volume is busy, try again later');
  return volume;
}

function view(volume: SimVolume): Record<string, string> {
  return {
    id: volume.id,
    name: volume.name,
    size: String(volume.size),
    region: volume.region,
    status: volume.status,
    ...(volume.attached_vm ? { vm_id: volume.attached_vm, target: volume.target ?? '' } : {}),
  };
}

function size(ctx: ActionContext): number {
  const value = ctx.params.int('size');
  if (value < 1 || value > 10_000) fail('invalid size');
  return value;
}

/** The `volume` category, with the snapshot actions production clients use. */
export const volumeActions: ActionTable = {
  list: (ctx) => {
    const where = region(ctx);
    return { volumes: ctx.state.volumes.filter((volume) => volume.region === where).map(view) };
  },
  info: (ctx) => ({ volume: view(volumeOf(ctx)) }),
  create: (ctx) => {
    ctx.params.require('region', 'label', 'size');
    const where = region(ctx);
    const imageId = ctx.params.optional('image');
    const snapshotId = ctx.params.optional('snapshot_id');
    if (imageId !== undefined) {
      find(ctx.state.images, (image) => image.image_id === imageId && image.region === where, 'image');
    }
    if (snapshotId !== undefined) {
      find(
        ctx.state.volumeSnapshots,
        (snap) => snap.snapshot_id === snapshotId && snap.region === where,
        'snapshot',
      );
    }
    const volume: SimVolume = {
      id: nextId(ctx.state),
      name: ctx.params.get('label'),
      size: size(ctx),
      region: where,
      status: imageId !== undefined ? 'downloading' : 'creating',
      pending: { status: 'available', at: ctx.now + ctx.transitionMs },
      attached_vm: undefined,
      target: undefined,
    };
    ctx.state.volumes.push(volume);
    return { volume_id: volume.id };
  },
  delete: (ctx) => {
    const volume = settledVolume(ctx);
    if (volume.status === 'in-use') fail('volume is attached to a VM; detach it first');
    ctx.state.volumes = ctx.state.volumes.filter((item) => item !== volume);
    return {};
  },
  attach: (ctx) => {
    ctx.params.require('region', 'volume_id', 'vm_id', 'target');
    const volume = settledVolume(ctx);
    const vmId = ctx.params.get('vm_id');
    const vm = find(ctx.state.vms, (item) => item.vm_id === vmId, 'vm');
    if (vm.region !== volume.region) fail('volume and VM are in different regions');
    if (volume.status !== 'available') fail('volume is not available');
    const target = ctx.params.get('target');
    if (target !== 'auto' && !/^\/dev\/[sv]d[a-z]$/.test(target)) fail('invalid target');
    volume.status = 'attaching';
    volume.pending = { status: 'in-use', at: ctx.now + ctx.transitionMs };
    volume.attached_vm = vm.vm_id;
    volume.target = target === 'auto' ? '/dev/vdc' : target;
    return {};
  },
  detach: (ctx) => {
    const volume = settledVolume(ctx);
    if (volume.status !== 'in-use') fail('volume is not attached');
    volume.status = 'detaching';
    volume.pending = { status: 'available', at: ctx.now + ctx.transitionMs };
    volume.attached_vm = undefined;
    volume.target = undefined;
    return {};
  },
  extend: (ctx) => {
    ctx.params.require('region', 'volume_id', 'size');
    const volume = settledVolume(ctx);
    const wanted = size(ctx);
    if (wanted <= volume.size) fail('new size must be larger than the current size');
    if (volume.status !== 'available') fail('volume must be detached to be extended');
    volume.size = wanted;
    return {};
  },
  rename: (ctx) => {
    ctx.params.require('volume_id', 'name');
    const id = ctx.params.get('volume_id');
    const volume = find(ctx.state.volumes, (item) => item.id === id, 'volume');
    volume.name = ctx.params.get('name');
    return {};
  },
  'snapshot-list': (ctx) => {
    const where = region(ctx);
    return {
      snapshots: ctx.state.volumeSnapshots
        .filter((snap) => snap.region === where)
        .map((snap) => ({
          snapshot_id: snap.snapshot_id,
          volume_id: snap.volume_id,
          name: snap.name,
          size: String(snap.size),
          region: snap.region,
          status: snap.status,
        })),
    };
  },
  'snapshot-create': (ctx) => {
    ctx.params.require('region', 'volume_id', 'label');
    const volume = volumeOf(ctx);
    const snapshot_id = nextId(ctx.state);
    ctx.state.volumeSnapshots.push({
      snapshot_id,
      volume_id: volume.id,
      name: ctx.params.get('label'),
      size: volume.size,
      region: volume.region,
      status: 'available',
    });
    return { snapshot_id };
  },
  'snapshot-delete': (ctx) => {
    ctx.params.require('region', 'snapshot_id');
    const where = region(ctx);
    const id = ctx.params.get('snapshot_id');
    find(ctx.state.volumeSnapshots, (snap) => snap.snapshot_id === id && snap.region === where, 'snapshot');
    ctx.state.volumeSnapshots = ctx.state.volumeSnapshots.filter((snap) => snap.snapshot_id !== id);
    return {};
  },
  'snapshot-replicate': (ctx) => {
    ctx.params.require('region', 'snapshot_id', 'image_name', 'dst_region');
    const where = region(ctx);
    const target = region(ctx, 'dst_region');
    const id = ctx.params.get('snapshot_id');
    const snap = find(
      ctx.state.volumeSnapshots,
      (item) => item.snapshot_id === id && item.region === where,
      'snapshot',
    );
    const image_id = nextId(ctx.state);
    ctx.state.images.push({
      image_id,
      name: ctx.params.get('image_name'),
      region: target,
      status: 'queued',
      pending: { status: 'active', at: ctx.now + ctx.transitionMs },
      size: snap.size * 1024 ** 3,
      format: 'qcow2',
      virtio: true,
      template: false,
      created: new Date(ctx.now).toISOString().replace('Z', '000'),
    });
    return { image_id };
  },
};
