import { describe, expect, it } from 'vitest';
import {
  AbortError,
  ApiError,
  TimeoutError,
  waitForImageActive,
  waitForVmStatus,
  waitForVolumeAvailable,
} from '../src/index.js';
import { lunanodeHarness } from './support.js';

// The simulator moves statuses on its own clock: builds, stops, attaches and image saves land after
// `transitionMs`. These tests only assert outcomes, never durations.
// The BUILD state must be observed before it ends, which a 30 ms window cannot promise on a loaded machine: this
// build takes a minute of simulator time, and the test moves the simulator's clock instead of waiting.
describe('a VM build on a controlled clock', () => {
  let offset = 0;
  const h = lunanodeHarness({ transitionMs: 60_000, now: () => Date.now() + offset });

  it('waitForVmStatus sees a new VM go from BUILD to active', async () => {
    const { vm_id } = await h.client.vm.create({ hostname: 'w1', plan_id: 'm.1s', image_id: 2686 });
    const first = await h.client.vm.info({ vm_id });
    expect(first.info.status_raw).toBe('build');
    expect(first.info.status).toBe('BUILD');
    offset += 60_000; // within the simulator's nonce tolerance (300 s)
    const info = await waitForVmStatus(h.client, vm_id, undefined, { timeoutMs: 15_000 });
    expect(info.status_raw).toBe('active');
  });
});

describe('waiters against fast transitions', () => {
  const h = lunanodeHarness({ transitionMs: 30 });
  const fast = { timeoutMs: 15_000 };

  it('waitForVmStatus accepts several targets and panel labels, case-insensitively', async () => {
    await h.client.vm.stop({ vm_id: '12102' });
    const info = await waitForVmStatus(h.client, '12102', ['OFFLINE', 'error'], fast);
    expect(info.status_nohtml).toBe('Offline');
  });

  it('waitForVolumeAvailable follows creating → available', async () => {
    const { volume_id } = await h.client.volume.create({ region: 'toronto', label: 'w', size: 2 });
    const volume = await waitForVolumeAvailable(
      h.client,
      { region: 'toronto', volume_id: volume_id ?? '' },
      fast,
    );
    expect(volume).toMatchObject({ status: 'available', name: 'w' });
  });

  it('waitForImageActive resolves for a good fetch and fails for a killed one', async () => {
    const good = await h.client.image.fetch({
      region: 'toronto',
      name: 'ok',
      location: 'https://images.example.com/ok.iso',
      format: 'iso',
    });
    expect((await waitForImageActive(h.client, good.image_id ?? '', fast)).status).toBe('active');
    const bad = await h.client.image.fetch({
      region: 'toronto',
      name: 'broken',
      location: 'https://nowhere.invalid/broken.iso',
      format: 'iso',
    });
    const error = await waitForImageActive(h.client, bad.image_id ?? '', fast).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ code: 'wait_failed', vendorMessage: 'the image is killed' });
  });
});

describe('waiters that give up', () => {
  const h = lunanodeHarness({ transitionMs: 3_600_000 });
  const client = {
    get vm() {
      return h.client.vm;
    },
    get volume() {
      return h.client.volume;
    },
    get image() {
      return h.client.image;
    },
    get waitPacing() {
      return h.client.waitPacing;
    },
  };

  it('time out with a TimeoutError', async () => {
    const { vm_id } = await client.vm.create({ hostname: 'slow', plan_id: 'm.1s', image_id: 2686 });
    const error = await waitForVmStatus(client, vm_id, 'active', { timeoutMs: 150 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error).toMatchObject({ phase: 'deadline', timeoutMs: 150, endpoint: 'vm.info' });
    expect(String((error as Error).message)).toMatch(
      /^Gave up waiting for VM .* to become active after 150 ms\.$/,
    );
  });

  it('time out even when a poll hangs past the deadline', async () => {
    // Every request hangs (not just the next one, which a stray request from an earlier test could take).
    h.sim.faults.add({ kind: 'delay', ms: 5_000 }, { times: Number.POSITIVE_INFINITY });
    const error = await waitForImageActive(client, 3236, { timeoutMs: 100 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimeoutError);
    expect(String((error as Error).message)).toMatch(/^Gave up waiting for image 3236/);
  });

  it('stop with an AbortError when the signal fires', async () => {
    const { volume_id } = await client.volume.create({ region: 'toronto', label: 'slow', size: 1 });
    const controller = new AbortController();
    const waiting = waitForVolumeAvailable(
      client,
      { region: 'toronto', volume_id: volume_id ?? '' },
      { intervalMs: 5_000, timeoutMs: 60_000, signal: controller.signal },
    );
    setTimeout(() => controller.abort(), 20);
    await expect(waiting).rejects.toBeInstanceOf(AbortError);
  });

  it('an already aborted signal sends nothing', async () => {
    const before = h.sim.log.length;
    await expect(waitForImageActive(client, 1, { signal: AbortSignal.abort() })).rejects.toBeInstanceOf(
      AbortError,
    );
    expect(h.sim.log.length).toBe(before);
  });
});
