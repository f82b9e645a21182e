import { createTuxCareSimulator, TUXCARE_DEMO_ACCOUNT, type TuxCareSimulator } from '@x/testkit';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { createTuxCareClient, type TuxCareClient, type TuxCareClientOptions } from '../src/index.js';

/** The demo credentials the simulator knows. */
export const DEMO = TUXCARE_DEMO_ACCOUNT;

/** A fixed clock for tests that check token timestamps (2024-05-01T12:00:00Z). */
export const FIXED_NOW = Date.UTC(2024, 4, 1, 12, 0, 0);

/**
 * Per-file setup: one simulator (state re-seeded before each test) and a client pointing at it. Options
 * override the client's defaults (clock, credentials).
 */
export function useSimulator(options: TuxCareClientOptions = {}) {
  const ctx = {} as {
    sim: TuxCareSimulator;
    client: TuxCareClient;
    make: (extra?: TuxCareClientOptions) => TuxCareClient;
  };
  const made: TuxCareClient[] = [];
  beforeAll(async () => {
    ctx.sim = await createTuxCareSimulator().start();
    ctx.make = (extra = {}) => {
      const client = createTuxCareClient({
        login: DEMO.login,
        secretKey: DEMO.secretKey,
        baseUrl: `${ctx.sim.url}/api`,
        env: {},
        retry: { baseDelayMs: 1, maxDelayMs: 5 },
        ...options,
        ...extra,
      });
      made.push(client);
      return client;
    };
    ctx.client = ctx.make();
  });
  beforeEach(() => ctx.sim.reset());
  afterAll(async () => {
    await Promise.all(made.map((client) => client.close()));
    await ctx.sim.stop();
  });
  return ctx;
}

/** The last request the simulator received. */
export function lastRequest(sim: TuxCareSimulator) {
  const record = sim.log[sim.log.length - 1];
  if (!record) throw new Error('no request reached the simulator');
  return record;
}

/** The names of the query parameters of a request, sorted. */
export function queryNames(query: Record<string, string>): string[] {
  return Object.keys(query).sort();
}
