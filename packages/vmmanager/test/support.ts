import {
  FAST_CLIENT_OPTIONS,
  type Simulator,
  useFixture,
  VMMANAGER_DEMO_EMAIL,
  VMMANAGER_DEMO_PASSWORD,
  type VmManagerState,
  vmmanagerFixture,
} from '@x/testkit';
import * as vitest from 'vitest';
import { createVmManagerClient, type VmManagerClient, type VmManagerClientOptions } from '../src/index.js';

/** Options of a harness client: the common ones, plus another account's e-mail and password, or a token. */
type ClientExtra = VmManagerClientOptions & { email?: string; password?: string; token?: string };

/**
 * Per-file setup on the VMmanager fixture: one simulator (reset after each test) and clients that are closed
 * after each test. Clients log in as the demo administrator; 503 retries and task polls are quick
 * (`vmmanagerFixture.fast`) so tests stay fast.
 */
export function setup(options: { taskDelayMs?: number } = {}) {
  const h = useFixture(
    vmmanagerFixture,
    vitest,
    (url, _settings, extra: ClientExtra | undefined): VmManagerClient => {
      const { email, password, token, ...rest } = extra ?? {};
      if (token !== undefined) return createVmManagerClient({ url, token }, { env: {}, ...rest });
      return createVmManagerClient(
        { url, email: email ?? VMMANAGER_DEMO_EMAIL, password: password ?? VMMANAGER_DEMO_PASSWORD },
        // The fixture's 503 steps are 1 ms; these tests count retries at 2 ms steps, as before.
        { ...FAST_CLIENT_OPTIONS, ...vmmanagerFixture.fast, suspendedRetry: { stepMs: 2 }, ...rest },
      );
    },
    {
      scope: 'test',
      ...(options.taskDelayMs !== undefined && { simulator: { taskDelayMs: options.taskDelayMs } }),
    },
  );
  return {
    get sim(): Simulator<VmManagerState> {
      return h.sim;
    },
    /** A client logged in as the demo administrator (or the given account). */
    client: (extra: VmManagerClientOptions & { email?: string; password?: string } = {}): VmManagerClient =>
      h.make(extra),
    /** A client on a static token. */
    tokenClient: (token: string, options: VmManagerClientOptions = {}): VmManagerClient =>
      h.make({ ...options, token }),
    /** Requests after the login, as the simulator logged them. */
    calls() {
      return h.sim.log.filter((entry) => entry.path !== '/auth/v4/public/token');
    },
    last() {
      const entry = h.last();
      return { ...entry, json: entry.body ? (JSON.parse(entry.body) as unknown) : undefined };
    },
  };
}
