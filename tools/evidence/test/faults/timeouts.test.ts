// Slow answers against every vendor client over loopback: headers that never come, a body that goes silent,
// a body that drips without ever going silent. Each test has its own simulator and client, so they run
// concurrently (they mostly wait on clocks).
import { TimeoutError } from '@x/auth-core';
import { describe, it } from 'vitest';
import { expectFails, expectRecovers } from './expectations.js';
import { failOnUnhandledRejections, withVendorClient } from './harness.js';
import { FAST, VENDORS } from './support.js';

failOnUnhandledRejections();

const CLOCK_MS = 400;

/** {@link FAST} with both idle clocks at {@link CLOCK_MS}, and the call deadline when given. */
function clocks(deadlineMs?: number) {
  const timeouts = { ...FAST.timeouts, headersMs: CLOCK_MS, bodyMs: CLOCK_MS };
  return { ...FAST, timeouts: deadlineMs ? { ...timeouts, deadlineMs } : timeouts };
}

describe.concurrent.each(VENDORS)('$id client, slow answers', (vendor) => {
  it('slow headers on a read: the attempt times out and the retry succeeds', async () => {
    await withVendorClient(vendor, clocks(), async (rig) => {
      await expectRecovers(rig, 'read', { kind: 'delay', ms: 5_000 }, { requests: 2 });
    });
  });

  it('no headers on a create: a headers TimeoutError after one request', async ({ expect }) => {
    await withVendorClient(vendor, clocks(), async (rig) => {
      const error = await expectFails(rig, 'create', { kind: 'hang' }, { requests: 1 });
      expect(error).toBeInstanceOf(TimeoutError);
      expect(error).toMatchObject({ phase: 'headers', mayHaveReachedServer: true, attempts: 1 });
      expect(error.message).toMatch(
        new RegExp(`did not answer within ${CLOCK_MS} ms.*may still have been processed`),
      );
    });
  });

  it('a body that goes silent on a read: the attempt times out and the retry succeeds', async () => {
    await withVendorClient(vendor, clocks(), async (rig) => {
      const silent = { kind: 'slow-body', intervalMs: 5_000, chunkBytes: 4 } as const;
      await expectRecovers(rig, 'read', silent, { requests: 2 });
    });
  });

  it('a body that goes silent on a create: a body TimeoutError after one request', async ({ expect }) => {
    await withVendorClient(vendor, clocks(), async (rig) => {
      const silent = { kind: 'slow-body', intervalMs: 5_000, chunkBytes: 4 } as const;
      const error = await expectFails(rig, 'create', silent, { requests: 1 });
      expect(error).toBeInstanceOf(TimeoutError);
      expect(error).toMatchObject({ phase: 'body', mayHaveReachedServer: true, attempts: 1 });
      expect(error.message).toMatch(new RegExp(`stopped sending its answer for ${CLOCK_MS} ms`));
    });
  });

  it('a body that drips but never goes silent: the call deadline ends it, in one attempt', async ({
    expect,
  }) => {
    await withVendorClient(vendor, clocks(1_000), async (rig) => {
      // One byte every 100 ms never trips the 400 ms idle clock; only the deadline can stop it. The idle clock
      // must see the drip as activity, not silence: no attempt is cut short and retried (one request).
      const drip = { kind: 'slow-body', intervalMs: 100, chunkBytes: 1 } as const;
      const error = await expectFails(rig, 'read', drip, { requests: 1 });
      expect(error).toBeInstanceOf(TimeoutError);
      expect(error).toMatchObject({ phase: 'deadline', mayHaveReachedServer: true });
      expect(error.message).toMatch(/no answer within the 1000 ms deadline/);
    });
  });
});
