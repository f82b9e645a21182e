import {
  FAST_CLIENT_OPTIONS,
  lastRecord,
  TUXCARE_DEMO_ACCOUNT,
  type TuxCareSimulator,
  tuxcareFixture,
  useFixture,
} from '@x/testkit';
import * as vitest from 'vitest';
import { createTuxCareClient, type TuxCareClientOptions } from '../src/index.js';

/** The demo credentials the simulator knows. */
export const DEMO = TUXCARE_DEMO_ACCOUNT;

/** A fixed clock for tests that check token timestamps (2024-05-01T12:00:00Z). */
export const FIXED_NOW = Date.UTC(2024, 4, 1, 12, 0, 0);

/**
 * Per-file setup on the TuxCare fixture: one simulator (state re-seeded before each test) and clients on the
 * demo account. Options override the client's defaults (clock, credentials); `make(extra)` adds more.
 */
export function useSimulator(options: TuxCareClientOptions = {}) {
  return useFixture(tuxcareFixture, vitest, (_url, settings, extra: TuxCareClientOptions | undefined) =>
    createTuxCareClient({
      ...FAST_CLIENT_OPTIONS,
      ...tuxcareFixture.fast,
      env: settings,
      ...options,
      ...extra,
    }),
  );
}

/** The last request the simulator received. */
export function lastRequest(sim: TuxCareSimulator) {
  return lastRecord(sim);
}

/** The names of the query parameters of a request, sorted. */
export function queryNames(query: Record<string, string>): string[] {
  return Object.keys(query).sort();
}
