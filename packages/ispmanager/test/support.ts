import {
  createIspManagerSimulator,
  ISPMANAGER_DEMO,
  type IspManagerState,
  type RequestRecord,
  type Simulator,
} from '@x/testkit';
import { createIspManagerClient, type IspManagerClientOptions } from '../src/index.js';

export { ISPMANAGER_DEMO };

/** Starts a simulator (plain HTTP unless told). */
export async function startPanel(options: Parameters<typeof createIspManagerSimulator>[0] = {}) {
  return createIspManagerSimulator(options).start() as Promise<Simulator<IspManagerState>>;
}

/** A client of the demo administrator on a simulator, with the environment ignored. */
export function clientFor(sim: Simulator<IspManagerState>, options: IspManagerClientOptions = {}) {
  return createIspManagerClient({
    url: `${sim.url}/ispmgr`,
    username: ISPMANAGER_DEMO.username,
    password: ISPMANAGER_DEMO.password,
    env: {},
    proxy: false,
    retry: { baseDelayMs: 1, maxDelayMs: 5 },
    ...options,
  });
}

/** The last request the simulator received. */
export function lastRequest(sim: Simulator<IspManagerState>): RequestRecord {
  const record = sim.log.at(-1);
  if (!record) throw new Error('no request reached the simulator');
  return record;
}

/** The POST body of a request as a plain object. */
export function bodyOf(record: RequestRecord): Record<string, string> {
  return Object.fromEntries(new URLSearchParams(record.body));
}

/**
 * Checks what every request must look like on the wire: POST to the binary, no query string (so no
 * credentials in the URL), a form body.
 */
export function expectWireShape(record: RequestRecord): Record<string, string> {
  if (record.method !== 'POST') throw new Error(`expected POST, got ${record.method}`);
  if (Object.keys(record.query).length > 0)
    throw new Error(`query string present: ${JSON.stringify(record.query)}`);
  if (!String(record.headers['content-type']).startsWith('application/x-www-form-urlencoded')) {
    throw new Error(`unexpected content-type ${record.headers['content-type']}`);
  }
  return bodyOf(record);
}
