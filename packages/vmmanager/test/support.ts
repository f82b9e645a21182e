import {
  createVmManagerSimulator,
  type Simulator,
  VMMANAGER_DEMO_EMAIL,
  VMMANAGER_DEMO_PASSWORD,
  type VmManagerState,
} from '@x/testkit';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { createVmManagerClient, type VmManagerClient, type VmManagerClientOptions } from '../src/index.js';

/** One simulator per test file (reset after each test) and clients that are closed after each test. */
export function setup(options: { taskDelayMs?: number } = {}) {
  const sim = createVmManagerSimulator({ taskDelayMs: options.taskDelayMs ?? 20 });
  const clients: VmManagerClient[] = [];
  beforeAll(async () => {
    await sim.start();
  });
  afterEach(async () => {
    await Promise.all(clients.splice(0).map((client) => client.close()));
    sim.reset();
  });
  afterAll(() => sim.stop());

  return {
    sim: sim as Simulator<VmManagerState>,
    /** A client logged in as the demo administrator; 503 retries and task polls are quick so tests stay fast. */
    client(extra: VmManagerClientOptions & { email?: string; password?: string } = {}): VmManagerClient {
      const { email, password, ...options } = extra;
      const client = createVmManagerClient(
        { url: sim.url, email: email ?? VMMANAGER_DEMO_EMAIL, password: password ?? VMMANAGER_DEMO_PASSWORD },
        // Waits poll every 10 ms: the 1000 ms floor of task.wait's input is lowered by this test-only option.
        { env: {}, suspendedRetry: { stepMs: 2 }, waitPacing: { intervalMs: 10 }, ...options },
      );
      clients.push(client);
      return client;
    },
    tokenClient(token: string, options: VmManagerClientOptions = {}): VmManagerClient {
      const client = createVmManagerClient({ url: sim.url, token }, { env: {}, ...options });
      clients.push(client);
      return client;
    },
    /** Requests after the login, as the simulator logged them. */
    calls() {
      return sim.log.filter((entry) => entry.path !== '/auth/v4/public/token');
    },
    last() {
      const entry = sim.log.at(-1);
      if (!entry) throw new Error('no request logged');
      return { ...entry, json: entry.body ? (JSON.parse(entry.body) as unknown) : undefined };
    },
  };
}
