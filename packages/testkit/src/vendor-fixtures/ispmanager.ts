import {
  createIspManagerSimulator,
  type IspManagerSimulatorOptions,
  ispmanagerSandbox,
} from '../ispmanager/index.js';
import type { IspManagerState } from '../ispmanager/state.js';
import { formOf, unique, type VendorFixture } from './fixture.js';

const func = (name: string) => (request: { path: string; body: string }) =>
  request.path === '/ispmgr' && new URLSearchParams(request.body).get('func') === name;

/** ISPmanager: a form POST to the binary per call; `func` names the function, `authinfo` carries the login. */
export const ispmanagerFixture: VendorFixture<IspManagerState, IspManagerSimulatorOptions> = {
  id: 'ispmanager',
  format: 'xml',
  tls: true,
  pinSetting: 'ISPMANAGER_FINGERPRINT',
  sandbox: ispmanagerSandbox,
  simulator: (options = {}) => createIspManagerSimulator(options),
  settings: (url) => ({ ...ispmanagerSandbox.settings?.(url) }),
  fast: {},
  fastSettings: {},
  read: { endpoint: 'user.list', input: () => ({}), is: func('user') },
  create: {
    endpoint: 'user.edit',
    input: () => ({ mode: 'create', name: `f${unique()}`, passwd: 'Fixture-pass-1' }),
    is: func('user.edit'),
  },
  destroy: { endpoint: 'user.delete', input: () => ({ elid: 'alice' }), is: func('user.delete') },
  decode(record) {
    const { authinfo: _authinfo, ...params } = formOf(record.body);
    return { method: record.method, path: record.path, params };
  },
};
