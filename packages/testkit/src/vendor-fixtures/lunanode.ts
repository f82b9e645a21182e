import {
  createLunaNodeSimulator,
  type LunaNodeSimulatorOptions,
  lunanodeSandbox,
} from '../lunanode/simulator.js';
import type { LunaNodeState } from '../lunanode/state.js';
import { unique, type VendorFixture } from './fixture.js';

const action = (category: string, name: string) => (request: { path: string }) =>
  request.path === `/api/${category}/${name}/`;

/** A public key the simulator accepts (not one of the seeded ones). */
const SSH_KEY = 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOtherDemoKey me@host';

/** LunaNode: a signed POST per call; the parameters travel as JSON in the form field `req`. */
export const lunanodeFixture: VendorFixture<LunaNodeState, LunaNodeSimulatorOptions> = {
  id: 'lunanode',
  format: 'json',
  tls: false,
  sandbox: lunanodeSandbox,
  // Builds and stops take 40 ms instead of 2 s.
  simulator: (options = {}) => createLunaNodeSimulator({ transitionMs: 40, ...options }),
  settings: (url) => ({ ...lunanodeSandbox.settings?.(url) }),
  // Tests sign several attempts per second (retries, storms): the nonce must still go up; waits poll often.
  fast: { monotonicNonce: true },
  fastSettings: { LUNANODE_MONOTONIC_NONCE: '1' },
  read: { endpoint: 'sshkey.list', input: () => ({}), is: action('sshkey', 'list') },
  create: {
    endpoint: 'sshkey.add',
    input: () => ({ label: `fixture-${unique()}`, sshkey: SSH_KEY }),
    is: action('sshkey', 'add'),
  },
  destroy: { endpoint: 'vm.delete', input: () => ({ vm_id: '12102' }), is: action('vm', 'delete') },
  decode(record) {
    const req = new URLSearchParams(record.body).get('req') ?? '{}';
    const { api_id: _id, api_partialkey: _key, ...params } = JSON.parse(req) as Record<string, unknown>;
    return { method: record.method, path: record.path, params };
  },
};
