// Slow answers against every vendor client over loopback: headers that never come, a body that goes silent,
// a body that drips without ever going silent. Each test has its own simulator and client, so they run
// concurrently (they mostly wait on clocks).
import { TimeoutError } from '@x/auth-core';
import type { Simulator } from '@x/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countOf, FAST, type FaultClient, failure, only, VENDORS, type VendorCase } from './support.js';

const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);
beforeAll(() => {
  process.on('unhandledRejection', onUnhandled);
});
afterAll(() => {
  process.off('unhandledRejection', onUnhandled);
  expect(unhandled).toEqual([]);
});

const CLOCK_MS = 400;

async function withClient(
  vendor: VendorCase,
  run: (sim: Simulator<unknown>, client: FaultClient) => Promise<void>,
  deadlineMs?: number,
): Promise<void> {
  const sim = await vendor.createSimulator().start();
  const timeouts = { ...FAST.timeouts, headersMs: CLOCK_MS, bodyMs: CLOCK_MS };
  const client = vendor.client(sim.url, {
    ...FAST,
    timeouts: deadlineMs ? { ...timeouts, deadlineMs } : timeouts,
  });
  try {
    await run(sim, client);
    // The client still works after the fault.
    sim.faults.clear();
    await client.read();
  } finally {
    await client.close();
    await sim.stop();
  }
}

describe.concurrent.each(VENDORS)('$id client, slow answers', (vendor) => {
  it('slow headers on a read: the attempt times out and the retry succeeds', async ({ expect }) => {
    await withClient(vendor, async (sim, client) => {
      sim.faults.add({ kind: 'delay', ms: 5_000 }, { match: only(vendor.read) });
      await expect(client.read()).resolves.toBeDefined();
      expect(countOf(sim, vendor.read)).toBe(2);
    });
  });

  it('no headers on a create: a headers TimeoutError after one request', async ({ expect }) => {
    await withClient(vendor, async (sim, client) => {
      sim.faults.add({ kind: 'hang' }, { match: only(vendor.create) });
      const error = await failure(client.create());
      expect(error).toBeInstanceOf(TimeoutError);
      expect(error).toMatchObject({ phase: 'headers', mayHaveReachedServer: true, attempts: 1 });
      expect(error.message).toMatch(
        new RegExp(`did not answer within ${CLOCK_MS} ms.*may still have been processed`),
      );
      expect(countOf(sim, vendor.create)).toBe(1);
    });
  });

  it('a body that goes silent on a read: the attempt times out and the retry succeeds', async ({
    expect,
  }) => {
    await withClient(vendor, async (sim, client) => {
      sim.faults.add({ kind: 'slow-body', intervalMs: 5_000, chunkBytes: 4 }, { match: only(vendor.read) });
      await expect(client.read()).resolves.toBeDefined();
      expect(countOf(sim, vendor.read)).toBe(2);
    });
  });

  it('a body that goes silent on a create: a body TimeoutError after one request', async ({ expect }) => {
    await withClient(vendor, async (sim, client) => {
      sim.faults.add({ kind: 'slow-body', intervalMs: 5_000, chunkBytes: 4 }, { match: only(vendor.create) });
      const error = await failure(client.create());
      expect(error).toBeInstanceOf(TimeoutError);
      expect(error).toMatchObject({ phase: 'body', mayHaveReachedServer: true, attempts: 1 });
      expect(error.message).toMatch(new RegExp(`stopped sending its answer for ${CLOCK_MS} ms`));
      expect(countOf(sim, vendor.create)).toBe(1);
    });
  });

  it('a body that drips but never goes silent: the call deadline ends it, in one attempt', async ({
    expect,
  }) => {
    await withClient(
      vendor,
      async (sim, client) => {
        // One byte every 100 ms never trips the 400 ms idle clock; only the deadline can stop it.
        sim.faults.add(
          { kind: 'slow-body', intervalMs: 100, chunkBytes: 1 },
          { match: only(vendor.read), times: Number.POSITIVE_INFINITY },
        );
        const error = await failure(client.read());
        expect(error).toBeInstanceOf(TimeoutError);
        expect(error).toMatchObject({ phase: 'deadline', mayHaveReachedServer: true });
        expect(error.message).toMatch(/no answer within the 1000 ms deadline/);
        // The idle clock saw the drip as activity, not silence: no attempt was cut short and retried.
        expect(countOf(sim, vendor.read)).toBe(1);
      },
      1_000,
    );
  });
});
