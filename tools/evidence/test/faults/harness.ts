// The setup every fault test shares, so a test states only the fault and what must happen: a simulator per
// vendor, a fresh client (or an MCP server) in front of it, everything closed afterwards, and a check that no
// promise was left to reject unseen. Assertions live in expectations.ts, the vendor table in support.ts.
import type { CommonClientOptions } from '@x/auth-core';
import type { Simulator } from '@x/testkit';
import { afterAll, afterEach, beforeAll, beforeEach, expect } from 'vitest';
import { expectUsable } from './expectations.js';
import {
  FAST,
  type FaultClient,
  type McpHarness,
  type McpSources,
  startMcp,
  type VendorCase,
} from './support.js';

/** One vendor's simulator and the client a test drives against it. */
export interface ClientRig {
  readonly vendor: VendorCase;
  readonly sim: Simulator<unknown>;
  readonly client: FaultClient;
}

/** One vendor's simulator and an MCP server whose accounts point at it. */
export interface McpRig {
  readonly vendor: VendorCase;
  readonly sim: Simulator<unknown>;
  readonly mcp: McpHarness;
}

/**
 * Fails the test file if a promise rejected with nobody listening while it ran: a client that fires and
 * forgets (a socket error, a timer) would otherwise go unnoticed. Call once at the top of a test file.
 */
export function failOnUnhandledRejections(): void {
  const unhandled: unknown[] = [];
  const onUnhandled = (reason: unknown) => unhandled.push(reason);
  beforeAll(() => {
    process.on('unhandledRejection', onUnhandled);
  });
  afterAll(() => {
    process.off('unhandledRejection', onUnhandled);
    expect(unhandled).toEqual([]);
  });
}

/** A value a hook sets; reading it outside a test (before the hook ran) is a mistake in the test file. */
function ready<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`the ${what} exists only inside a test, once its hook has run`);
  return value;
}

/**
 * Inside a `describe`: one simulator for the whole block (HTTPS with the testkit certificate when `tls`), reset
 * before each test, and a fresh client per test with `options` (default {@link FAST}). After each test the
 * faults are cleared and a read must succeed (every fault leaves the client usable); then the client closes.
 * Read `sim` and `client` inside tests only.
 */
export function useVendorClient(
  vendor: VendorCase,
  setup: { tls?: boolean; options?: CommonClientOptions } = {},
): ClientRig {
  let sim: Simulator<unknown> | undefined;
  let client: FaultClient | undefined;
  beforeAll(async () => {
    sim = await vendor.createSimulator(setup.tls ? { tls: true } : {}).start();
  });
  // A fresh client per test: reset() forgets VMmanager tokens, and a stale token would add a 401 round trip.
  beforeEach(() => {
    const started = ready(sim, 'simulator');
    started.reset();
    client = vendor.client(started.url, setup.options ?? FAST);
  });
  afterEach(async () => {
    const used = ready(client, 'client');
    client = undefined;
    try {
      await expectUsable({ vendor, sim: ready(sim, 'simulator'), client: used });
    } finally {
      await used.close();
    }
  });
  afterAll(() => sim?.stop());
  return {
    vendor,
    get sim() {
      return ready(sim, 'simulator');
    },
    get client() {
      return ready(client, 'client');
    },
  };
}

/**
 * For one test on its own (concurrent tests): starts a simulator and a client with `options`, runs `test`, then
 * clears the faults and checks a read succeeds (every fault leaves the client usable). The client and the
 * simulator close whatever happens.
 */
export async function withVendorClient(
  vendor: VendorCase,
  options: CommonClientOptions,
  test: (rig: ClientRig) => Promise<void>,
): Promise<void> {
  await using sim = await vendor.createSimulator().start();
  await using client = vendor.client(sim.url, options);
  const rig: ClientRig = { vendor, sim, client };
  await test(rig);
  await expectUsable(rig);
}

/**
 * Inside a `describe`: one simulator (HTTPS with the testkit certificate when `tls`) and one MCP server for the
 * whole block, its accounts from `sources` (default: the vendor's environment settings for the simulator).
 * The simulator is never reset, since that would drop VMmanager's token: count requests per call. Read `sim`
 * and `mcp` inside tests only.
 */
export function useMcpServer(
  vendor: VendorCase,
  setup: { tls?: boolean; sources?: (sim: Simulator<unknown>) => McpSources | Promise<McpSources> } = {},
): McpRig {
  let sim: Simulator<unknown> | undefined;
  let mcp: McpHarness | undefined;
  beforeAll(async () => {
    const started = await vendor.createSimulator(setup.tls ? { tls: true } : {}).start();
    sim = started;
    const sources = setup.sources ? await setup.sources(started) : { env: vendor.settings(started.url) };
    mcp = await startMcp([vendor.module], sources);
  });
  afterAll(async () => {
    await mcp?.close();
    await sim?.stop();
  });
  return {
    vendor,
    get sim() {
      return ready(sim, 'simulator');
    },
    get mcp() {
      return ready(mcp, 'MCP server');
    },
  };
}
