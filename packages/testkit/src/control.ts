/**
 * The control path every simulator answers under `/__sandbox/`, so a test outside the process (a user's CI job
 * running their own client) can reset the simulator and read what its client sent. Loopback callers only; the
 * requests are neither logged nor given to the fault injector.
 */
import type { SimRequest } from './request.js';
import type { SimResponse } from './response.js';
import type { RequestRecord } from './simulator.js';

/** The prefix of the control path. */
export const CONTROL_PATH = '/__sandbox';

/** What {@link control} needs of a simulator. */
interface Controlled {
  readonly name: string;
  readonly log: readonly RequestRecord[];
  reset(): void;
}

/** Whether an address is a loopback one (IPv4 127/8, IPv6 ::1, or IPv4-mapped 127/8). */
export function isLoopbackAddress(address: string | undefined): boolean {
  if (address === undefined) return false;
  const v4 = address.startsWith('::ffff:') ? address.slice(7) : address;
  return v4.startsWith('127.') || address === '::1';
}

/**
 * Answers a control request:
 * - `GET /__sandbox/` lists the control endpoints;
 * - `GET /__sandbox/log` is `{ "requests": [...] }`, every request since start or the last reset, oldest
 *   first (`?path=` keeps the ones whose path starts with it);
 * - `POST /__sandbox/reset` re-seeds the demo state and clears the log, counters and faults.
 */
export function control(sim: Controlled, req: SimRequest, remote: string | undefined): SimResponse {
  if (!isLoopbackAddress(remote))
    return { status: 403, body: { error: 'the control path is loopback-only' } };
  const action = req.path.slice(CONTROL_PATH.length).replace(/^\/+|\/+$/g, '');
  if (action === '' && req.method === 'GET') {
    return {
      body: {
        simulator: sim.name,
        endpoints: {
          log: `GET ${CONTROL_PATH}/log[?path=/prefix]`,
          reset: `POST ${CONTROL_PATH}/reset`,
        },
      },
    };
  }
  if (action === 'log' && req.method === 'GET') {
    const prefix = req.query.get('path');
    const requests = prefix ? sim.log.filter((record) => record.path.startsWith(prefix)) : sim.log;
    return { body: { simulator: sim.name, requests } };
  }
  if (action === 'reset' && req.method === 'POST') {
    sim.reset();
    return { body: { simulator: sim.name, reset: true } };
  }
  return { status: 404, body: { error: `no control endpoint ${req.method} ${req.path}` } };
}
