import {
  FAST_CLIENT_OPTIONS,
  formOf,
  ISPMANAGER_DEMO,
  type IspManagerSimulatorOptions,
  type IspManagerState,
  ispmanagerFixture,
  lastRecord,
  type RequestRecord,
  type Simulator,
} from '@x/testkit';
import { createIspManagerClient, type IspManagerClientOptions } from '../src/index.js';

export { ISPMANAGER_DEMO };

/** Starts the fixture's simulator (plain HTTP unless told); the test stops it. */
export async function startPanel(
  options: IspManagerSimulatorOptions = {},
): Promise<Simulator<IspManagerState>> {
  return ispmanagerFixture.simulator(options).start();
}

/** A client of the demo administrator on a simulator (the fixture's settings), with the environment ignored. */
export function clientFor(sim: Simulator<IspManagerState>, options: IspManagerClientOptions = {}) {
  return createIspManagerClient({
    ...FAST_CLIENT_OPTIONS,
    ...ispmanagerFixture.fast,
    env: ispmanagerFixture.settings(sim.url),
    ...options,
  });
}

/** The last request the simulator received. */
export function lastRequest(sim: Simulator<IspManagerState>): RequestRecord {
  return lastRecord(sim);
}

/** The POST body of a request as a plain object. */
export function bodyOf(record: RequestRecord): Record<string, string> {
  return formOf(record.body);
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
