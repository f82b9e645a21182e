import {
  createVmManagerSimulator,
  type VmManagerSimulatorOptions,
  vmmanagerSandbox,
} from '../vmmanager/index.js';
import type { VmManagerState } from '../vmmanager/state.js';
import { unique, type VendorFixture } from './fixture.js';

const route = (method: string, path: string) => (request: { method: string; path: string }) =>
  request.method === method && request.path === path;

/** The 503 ("suspended") rule of test clients: four retries a millisecond apart. */
export const VMMANAGER_TEST_SUSPENDED = { retries: 4, stepMs: 1 } as const;

/** VMmanager 6: REST with JSON bodies after a password login; the session token travels in `x-xsrf-token`. */
export const vmmanagerFixture: VendorFixture<VmManagerState, VmManagerSimulatorOptions> = {
  id: 'vmmanager',
  format: 'json',
  tls: true,
  pinSetting: 'VMMANAGER_FINGERPRINT',
  sandbox: vmmanagerSandbox,
  // Tasks finish after 20 ms instead of 1.5 s.
  simulator: (options = {}) => createVmManagerSimulator({ taskDelayMs: 20, ...options }),
  settings: (url) => ({ ...vmmanagerSandbox.settings?.(url) }),
  // 503 ("suspended") retries a millisecond apart; task waits poll every 10 ms (under the 1 000 ms floor of
  // task.wait's input, which this test-only option lowers).
  fast: { suspendedRetry: VMMANAGER_TEST_SUSPENDED, waitPacing: { intervalMs: 10 } },
  fastSettings: {},
  read: { endpoint: 'account.list', input: () => ({}), is: route('GET', '/vm/v3/account') },
  create: {
    endpoint: 'account.create',
    input: () => ({ email: `f${unique()}@example.com`, password: 'Fixture-pass-1' }),
    is: route('POST', '/vm/v3/account'),
  },
  destroy: { endpoint: 'host.delete', input: () => ({ host_id: 1 }), is: route('DELETE', '/vm/v3/host/1') },
  decode(record) {
    const body = record.body ? (JSON.parse(record.body) as Record<string, unknown>) : {};
    return { method: record.method, path: record.path, params: { ...record.query, ...body } };
  },
};
