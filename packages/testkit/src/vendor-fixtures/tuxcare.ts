import { type TuxCareSimState, tuxcareSandbox } from '../tuxcare/index.js';
import { createTuxCareSimulator, type TuxCareSimulatorOptions } from '../tuxcare/simulator.js';
import { unique, type VendorFixture } from './fixture.js';

const api = (path: string) => (request: { path: string }) => request.path === `/api${path}`;

/** TuxCare: a GET per call, parameters in the query, a fresh token in `token`. */
export const tuxcareFixture: VendorFixture<TuxCareSimState, TuxCareSimulatorOptions> = {
  id: 'tuxcare',
  format: 'json',
  tls: false,
  sandbox: tuxcareSandbox,
  simulator: (options = {}) => createTuxCareSimulator(options),
  settings: (url) => ({ ...tuxcareSandbox.settings?.(url) }),
  fast: {},
  fastSettings: {},
  read: { endpoint: 'kcare.key.list', input: () => ({}), is: api('/kcare/key/list.json') },
  create: {
    endpoint: 'kcare.key.create',
    input: () => ({ limit: 1, note: `fixture ${unique()}` }),
    is: api('/kcare/key/create.json'),
  },
  destroy: {
    endpoint: 'kcare.key.delete',
    input: () => ({ key: 'WsTs821nSAtiastD' }),
    is: api('/kcare/key/delete.json'),
  },
  decode(record) {
    const { token: _token, ...params } = record.query;
    return { method: record.method, path: record.path, params };
  },
};
