import {
  FAST_CLIENT_OPTIONS,
  LUNANODE_DEMO_API_ID,
  LUNANODE_DEMO_API_KEY,
  type LunaNodeSimulatorOptions,
  lunanodeFixture,
  type RequestRecord,
  useFixture,
} from '@x/testkit';
import * as vitest from 'vitest';
import {
  createLunaNodeClient,
  type LunaNodeClient,
  type LunaNodeClientOptions,
  type WaitPacing,
} from '../src/index.js';

/** The decoded wire form of one signed request, as the simulator received it. */
export interface WireCall {
  path: string;
  req: string;
  signature: string;
  nonce: string;
  /** The parameters inside `req`, without api_id and api_partialkey. */
  params: Record<string, unknown>;
  apiId: unknown;
  partialKey: unknown;
}

/** Decodes a logged request's form body. */
export function wireOf(record: RequestRecord): WireCall {
  const form = new URLSearchParams(record.body);
  const req = form.get('req') ?? '';
  const { api_id, api_partialkey, ...params } = JSON.parse(req) as Record<string, unknown>;
  return {
    path: record.path,
    req,
    signature: form.get('signature') ?? '',
    nonce: form.get('nonce') ?? '',
    params,
    apiId: api_id,
    partialKey: api_partialkey,
  };
}

/** A client whose waiters poll every 10 ms: the test-only pacing under the 1 000 ms floor of `intervalMs`. */
export type PacedClient = LunaNodeClient & { readonly waitPacing: WaitPacing };

/** The pacing the harness client's waits use. */
export const TEST_PACING: WaitPacing = { intervalMs: 10 };

/**
 * Per-file setup on the LunaNode fixture: one simulator (fast transitions) and one client on the demo token,
 * the state reset before each test. The client's waits poll every 10 ms ({@link TEST_PACING}). `last()`
 * decodes the latest request.
 */
export function lunanodeHarness(
  simOptions: LunaNodeSimulatorOptions = {},
  clientOptions: LunaNodeClientOptions = {},
) {
  const h = useFixture(
    lunanodeFixture,
    vitest,
    (_url, settings): PacedClient => ({
      ...createLunaNodeClient({ ...FAST_CLIENT_OPTIONS, env: settings, ...clientOptions }),
      waitPacing: TEST_PACING,
    }),
    { simulator: simOptions },
  );
  return {
    get sim() {
      return h.sim;
    },
    get client() {
      return h.client;
    },
    last: (): WireCall => wireOf(h.last()),
  };
}

export { LUNANODE_DEMO_API_ID, LUNANODE_DEMO_API_KEY };
