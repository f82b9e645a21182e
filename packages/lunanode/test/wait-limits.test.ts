import { describe, expect, it } from 'vitest';
import {
  AbortError,
  InputError,
  TimeoutError,
  WAIT_MAX_TIMEOUT_MS,
  WAIT_MIN_INTERVAL_MS,
  type WaitProgress,
  waitForImageActive,
  waitForVmStatus,
  waitForVolumeAvailable,
} from '../src/index.js';
import { lunanodeHarness, TEST_PACING } from './support.js';

const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

// A build that lasts an hour of simulator time: the waits below end by limit, abort or a moved clock.
const h = lunanodeHarness({ transitionMs: 3_600_000 });

/** Requests to vm/info (the polls of waitForVmStatus). */
const polls = () => h.sim.log.filter((entry) => entry.path === '/api/vm/info/').length;

async function slowVm(): Promise<string> {
  const { vm_id } = await h.client.vm.create({ hostname: 'slow', plan_id: 'm.1s', image_id: 2686 });
  return vm_id;
}

describe('waiter limits', () => {
  it.each([
    [{ intervalMs: 10 }, 'intervalMs', /at least 1000 ms/],
    [{ intervalMs: WAIT_MIN_INTERVAL_MS - 1 }, 'intervalMs', /at least 1000 ms/],
    [{ intervalMs: Number.NaN }, 'intervalMs', /at least 1000 ms/],
    [{ timeoutMs: WAIT_MAX_TIMEOUT_MS + 1 }, 'timeoutMs', /at most 1800000 ms/],
    [{ timeoutMs: Number.POSITIVE_INFINITY }, 'timeoutMs', /at most 1800000 ms/],
    [{ timeoutMs: 0 }, 'timeoutMs', /more than 0/],
    [{ timeoutMs: -5 }, 'timeoutMs', /more than 0/],
  ])('%j is an InputError naming %s, and nothing is sent', async (options, field, rule) => {
    const before = h.sim.log.length;
    // h.client carries the test pacing (10 ms polls): the per-wait options still cannot go under the floor.
    for (const wait of [
      () => waitForVmStatus(h.client, 1, 'active', options),
      () => waitForVolumeAvailable(h.client, { region: 'toronto', volume_id: 1 }, options),
      () => waitForImageActive(h.client, 1, options),
    ]) {
      const error = await wait().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(InputError);
      expect((error as InputError).issues).toEqual([{ path: field, message: expect.stringMatching(rule) }]);
    }
    expect(h.sim.log.length).toBe(before);
  });

  it('names both fields when both are out of range', async () => {
    const error = await waitForImageActive(h.client, 1, { intervalMs: 1, timeoutMs: 1e12 }).catch(
      (e: unknown) => e,
    );
    expect((error as InputError).issues.map((issue) => issue.path)).toEqual(['timeoutMs', 'intervalMs']);
  });

  it('a wait on the clock it is given: gives up once that clock passes the timeout', async () => {
    const vm_id = await slowVm();
    let offset = 0;
    const client = { ...h.client, waitPacing: { ...TEST_PACING, now: () => Date.now() + offset } };
    const waiting = waitForVmStatus(client, vm_id, 'active', { timeoutMs: 60_000 }).catch((e: unknown) => e);
    while (polls() < 2) await tick();
    offset = 120_000;
    const error = await waiting;
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error).toMatchObject({ phase: 'deadline', timeoutMs: 60_000, endpoint: 'vm.info' });
  });
});

describe('waiter cancellation', () => {
  it('an abort between polls ends the wait at once: no further request reaches the simulator', async () => {
    const vm_id = await slowVm();
    const controller = new AbortController();
    const waiting = waitForVmStatus(h.client, vm_id, 'active', { signal: controller.signal }).catch(
      (e: unknown) => e,
    );
    while (polls() < 3) await tick();
    controller.abort();
    expect(await waiting).toBeInstanceOf(AbortError);
    const after = h.sim.log.length;
    // Twenty intervals of the test pacing: a waiter that kept polling would have sent more by now.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(h.sim.log.length).toBe(after);
  });

  it('an abort during a poll that hangs ends the wait at once, and nothing is sent after it', async () => {
    const vm_id = await slowVm();
    h.sim.faults.add({ kind: 'hang' }, { match: { path: '/api/vm/info/' }, times: 1 });
    const controller = new AbortController();
    const waiting = waitForVmStatus(h.client, vm_id, 'active', { signal: controller.signal }).catch(
      (e: unknown) => e,
    );
    // Only the abort can end this wait: the poll never gets an answer (else the test times out).
    while (!h.sim.log.some((entry) => entry.fault === 'hang')) await tick();
    const sent = h.sim.log.length;
    controller.abort();
    const error = await waiting;
    expect(error).toBeInstanceOf(AbortError);
    expect((error as Error).message).toMatch(/^Stopped waiting for VM .*: the caller aborted\.$/);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(h.sim.log.length).toBe(sent);
  });
});

describe('waiter progress', () => {
  it('reports elapsed time, polls and the last status after each poll that did not end the wait', async () => {
    const vm_id = await slowVm();
    const controller = new AbortController();
    const seen: WaitProgress[] = [];
    const error = await waitForVmStatus(h.client, vm_id, 'active', {
      signal: controller.signal,
      onProgress: (progress) => {
        seen.push(progress);
        if (seen.length === 3) controller.abort();
      },
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AbortError);
    expect(seen.map((progress) => progress.attempts)).toEqual([1, 2, 3]);
    expect(seen[0]).toMatchObject({ attempts: 1, status: 'build' });
    for (const progress of seen) expect(progress.elapsedMs).toBeGreaterThanOrEqual(0);
  });

  it('a progress callback that throws does not end the wait', async () => {
    const vm_id = await slowVm();
    let calls = 0;
    const controller = new AbortController();
    const error = await waitForVmStatus(h.client, vm_id, 'active', {
      signal: controller.signal,
      onProgress: () => {
        calls += 1;
        if (calls === 3) controller.abort();
        throw new Error('reporter is broken');
      },
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AbortError);
    expect(calls).toBe(3);
  });
});
