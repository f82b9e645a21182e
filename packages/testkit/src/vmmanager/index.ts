/**
 * A loopback simulator of the VMmanager 6 REST API, written from the vendor document and research notes (it
 * shares no code with @x/vmmanager): auth v4 tokens with idle expiry, `x-xsrf-token` checked on every call,
 * `where` / `orderby` / `limit` evaluated on every list, actions run as tasks that finish after a short delay
 * (or fail on request), a "suspended" mode answering 503, error 3001 for functions marked internal.
 */
import type { SandboxEntry } from '../sandbox-entry.js';
import { createSimulator, type Simulator } from '../simulator.js';
import { handleVmManager } from './router.js';
import {
  seedVmManager,
  VMMANAGER_DEMO_EMAIL,
  VMMANAGER_DEMO_PASSWORD,
  type VmManagerState,
} from './state.js';

export { VM_ERROR as VMMANAGER_ERROR } from './errors.js';
export {
  FilterSyntaxError as VmManagerFilterSyntaxError,
  parseWhere as parseVmManagerWhere,
} from './query.js';
export {
  type InternalFunction as VmManagerInternalFunction,
  type SimHost as VmManagerSimHost,
  type SimTask as VmManagerSimTask,
  VMMANAGER_DEMO_EMAIL,
  VMMANAGER_DEMO_PASSWORD,
  type VmManagerState,
} from './state.js';

/** Options of {@link createVmManagerSimulator}. */
export interface VmManagerSimulatorOptions {
  /** How long a task runs before it completes or fails (default 30 ms). */
  taskDelayMs?: number;
  /** Clock for token expiry and tasks (default `Date.now`). */
  now?: () => number;
  /** Serve HTTPS (`true`: the test certificate, or your own PEM key and certificate). */
  tls?: boolean | { key: string; cert: string };
}

/** Creates the VMmanager simulator (call `start()`); the demo administrator is {@link VMMANAGER_DEMO_EMAIL}. */
export function createVmManagerSimulator(options: VmManagerSimulatorOptions = {}): Simulator<VmManagerState> {
  const now = options.now ?? Date.now;
  return createSimulator<VmManagerState>({
    name: 'vmmanager',
    seed: () => seedVmManager({ taskDelayMs: options.taskDelayMs }),
    handler: (req, { state }) => handleVmManager(req, state, now()),
    ...(options.tls !== undefined && { tls: options.tls }),
  });
}

/** Test switches of a running simulator (they act on `sim.state`, so `reset()` clears them). */
export const vmmanagerControls = {
  /** Answer the next `times` requests with 503, as a suspended instance does. */
  suspend(sim: Simulator<VmManagerState>, times: number): void {
    sim.state.suspended = times;
  },
  /** Make the next task with this name fail (once per call). */
  failNextTask(sim: Simulator<VmManagerState>, name: string): void {
    sim.state.failTasks.push(name);
  },
  /** Mark a function internal: external requests to it get error 3001. */
  markInternal(sim: Simulator<VmManagerState>, method: string, path: RegExp): void {
    sim.state.internal.push({ method: method.toUpperCase(), path });
  },
  /** Delete every token, as VMmanager does after 60 minutes unused. */
  expireTokens(sim: Simulator<VmManagerState>): void {
    sim.state.tokens = [];
  },
  /** Successful password logins so far. */
  logins(sim: Simulator<VmManagerState>): number {
    return sim.state.logins;
  },
};

/** The sandbox entry: the simulator and the client settings that point at it (demo administrator). */
export const vmmanagerSandbox: SandboxEntry = {
  name: 'vmmanager',
  create: (options) =>
    createVmManagerSimulator({
      taskDelayMs: 1_500,
      ...(options?.tls && { tls: true }),
    }) as Simulator<unknown>,
  settings: (url, context) => ({
    VMMANAGER_URL: url,
    VMMANAGER_EMAIL: VMMANAGER_DEMO_EMAIL,
    VMMANAGER_PASSWORD: VMMANAGER_DEMO_PASSWORD,
    ...(context?.caFile && url.startsWith('https:') && { VMMANAGER_CA_FILE: context.caFile }),
  }),
  portOffset: 4,
  basePath: '',
  credentials: { email: VMMANAGER_DEMO_EMAIL, password: VMMANAGER_DEMO_PASSWORD },
  curl: `curl -s -X POST '{url}/auth/v4/public/token' -d '{"email":"${VMMANAGER_DEMO_EMAIL}","password":"${VMMANAGER_DEMO_PASSWORD}"}'`,
};
