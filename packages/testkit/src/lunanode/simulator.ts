import type { SimRequest } from '../request.js';
import type { SimResponse } from '../response.js';
import type { SandboxEntry } from '../sandbox-entry.js';
import { createSimulator, type Simulator } from '../simulator.js';
import {
  billingActions,
  planActions,
  regionActions,
  scriptActions,
  sshKeyActions,
} from './actions/account.js';
import { dnsActions } from './actions/dns.js';
import { emailActions } from './actions/email.js';
import { imageActions, retrieveImage } from './actions/image.js';
import { monitorActions } from './actions/monitor.js';
import { floatingActions, lbActions, networkActions, securityGroupActions } from './actions/network.js';
import { vmActions } from './actions/vm.js';
import { volumeActions } from './actions/volume.js';
import { LUNANODE_AUTH_FAILURE, type LunaNodeCredential, verifyLegacy, verifySigned } from './auth.js';
import { type ActionContext, type ActionTable, LunaNodeFailure, Params } from './params.js';
import { type LunaNodeState, seedLunaNodeState } from './state.js';

/**
 * The sandbox's public demo token. It is not a secret: it only opens the loopback simulator.
 * 16 characters and 128 characters, the shapes of a real LunaNode API ID and key.
 */
export const LUNANODE_DEMO_API_ID = 'sandboxDemoId016';
export const LUNANODE_DEMO_API_KEY = 'lunanode-sandbox-demo-key-public-not-a-secret-'.repeat(3).slice(0, 128);

/** Options of {@link createLunaNodeSimulator}. */
export interface LunaNodeSimulatorOptions {
  /** Accepted tokens; default the demo token. */
  credentials?: readonly LunaNodeCredential[];
  /** The simulator's clock in ms (nonce checks and status transitions); default `Date.now`. */
  now?: () => number;
  /** How long builds, stops, attaches and image saves take; default 2000 ms. */
  transitionMs?: number;
  /** How far a nonce may be from the clock, in seconds; default 300. */
  nonceToleranceSeconds?: number;
  /** Serve the legacy API (`api_key` in the query string) at the base path; default true. */
  legacy?: boolean;
  /** Serve HTTPS (`true`: the test certificate), as the real API (https only) does. */
  tls?: boolean | { key: string; cert: string };
}

/** Every category and its actions, keyed by the exact wire names. */
const CATEGORIES: Readonly<Record<string, ActionTable>> = {
  vm: vmActions,
  dns: dnsActions,
  image: imageActions,
  volume: volumeActions,
  floating: floatingActions,
  network: networkActions,
  lb: lbActions,
  plan: planActions,
  region: regionActions,
  monitor: monitorActions,
  securitygroup: securityGroupActions,
  script: scriptActions,
  sshkey: sshKeyActions,
  billing: billingActions,
  email: emailActions,
};

const SIGNED_PATH = /^\/api\/([a-z0-9_-]+)\/([a-z0-9_-]+)\/$/i;
const LEGACY_PATHS = new Set(['/api', '/api/', '/api.php']);

/**
 * A stateful loopback simulator of the LunaNode Dynamic API (`{base}/api/{category}/{action}/`), written
 * from the vendor document and the response shapes real clients decode. It verifies signatures and nonces,
 * keeps VMs (with status transitions over time), images, volumes and snapshots, floating IPs, networks, load
 * balancers, DNS zones and records, dynamic DNS, monitor checks, contacts and alerts, security groups,
 * scripts, SSH keys, email domains, users and aliases and the credit, and answers every refusal as the real
 * API does: HTTP 200 with `{"success":"no","error":"..."}`.
 *
 * Point a client at `${sim.url}/api`. Image fetches from a `.invalid` host end `killed`.
 */
export function createLunaNodeSimulator(options: LunaNodeSimulatorOptions = {}): Simulator<LunaNodeState> {
  const now = options.now ?? Date.now;
  const credentials = options.credentials ?? [{ apiId: LUNANODE_DEMO_API_ID, apiKey: LUNANODE_DEMO_API_KEY }];
  const transitionMs = options.transitionMs ?? 2000;
  const tolerance = options.nonceToleranceSeconds ?? 300;
  const legacy = options.legacy ?? true;

  const handler = (req: SimRequest, state: LunaNodeState): SimResponse => {
    const signed = SIGNED_PATH.exec(req.path);
    if (signed) {
      if (req.method !== 'POST')
        return { status: 405, headers: { allow: 'POST' }, body: 'Method Not Allowed' };
      const [, category = '', action = ''] = signed;
      const check = verifySigned(req.form(), `${category}/${action}/`, credentials, now(), tolerance);
      if (!check.ok) return refusal(LUNANODE_AUTH_FAILURE);
      return dispatch(state, category, action, check.params);
    }
    if (legacy && LEGACY_PATHS.has(req.path)) {
      const values = req.method === 'POST' ? req.form() : req.query;
      if (!verifyLegacy(values, credentials)) return refusal(LUNANODE_AUTH_FAILURE);
      const params: Record<string, unknown> = {};
      for (const [name, value] of values) {
        if (!['api_id', 'api_key', 'category', 'action'].includes(name)) params[name] = value;
      }
      return dispatch(state, values.get('category') ?? '', values.get('action') ?? '', params);
    }
    return {
      status: 404,
      headers: { 'content-type': 'text/html' },
      body: '<html><body>404 Not Found</body></html>',
    };
  };

  const dispatch = (
    state: LunaNodeState,
    category: string,
    action: string,
    raw: Record<string, unknown>,
  ): SimResponse => {
    const at = now();
    settle(state, at);
    const table = CATEGORIES[category];
    const run = table && Object.hasOwn(table, action) ? table[action] : undefined;
    const isRetrieve = category === 'image' && action === 'retrieve';
    if (!run && !isRetrieve) return refusal('invalid category or action');
    try {
      const ctx: ActionContext = { state, params: new Params(stringParams(raw)), now: at, transitionMs };
      if (isRetrieve) return { body: retrieveImage(ctx) };
      return { body: { success: 'yes', ...(run as NonNullable<typeof run>)(ctx) } };
    } catch (error) {
      if (error instanceof LunaNodeFailure) return refusal(error.message);
      throw error;
    }
  };

  return createSimulator<LunaNodeState>({
    name: 'lunanode',
    ...(options.tls !== undefined && { tls: options.tls }),
    seed: () => seedLunaNodeState(now()),
    handler: (req, { state }) => handler(req, state),
  });
}

/** HTTP 200 with the API's failure envelope; the message is HTML-escaped as the real API escapes it. */
function refusal(message: string): SimResponse {
  const escaped = message
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/'/g, '&#039;');
  return { body: { success: 'no', error: escaped } };
}

/**
 * Parameter values must be strings (numbers are accepted and stringified, as the C# client sends ints);
 * `null` and nested values are refused, as the API does since it stopped accepting null optionals.
 */
function stringParams(raw: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(raw)) {
    if (typeof value === 'string') out[name] = value;
    else if (typeof value === 'number' || typeof value === 'boolean') out[name] = String(value);
    else throw new LunaNodeFailure(`invalid value for parameter ${name}`);
  }
  return out;
}

/** Applies every status change whose time has come. */
function settle(state: LunaNodeState, now: number): void {
  for (const item of [...state.vms, ...state.volumes, ...state.images]) {
    if (item.pending && item.pending.at <= now) {
      item.status = item.pending.status;
      item.pending = undefined;
    }
  }
}

/** The sandbox entry: the simulator plus the client settings (demo token, base URL) that reach it. */
export const lunanodeSandbox: SandboxEntry = {
  name: 'lunanode',
  create: (options) => createLunaNodeSimulator(options?.tls ? { tls: true } : {}) as Simulator<unknown>,
  settings: (url) => ({
    LUNANODE_API_ID: LUNANODE_DEMO_API_ID,
    LUNANODE_API_KEY: LUNANODE_DEMO_API_KEY,
    LUNANODE_BASE_URL: `${url}/api`,
  }),
  portOffset: 2,
  basePath: '/api',
  credentials: { api_id: LUNANODE_DEMO_API_ID, api_key: LUNANODE_DEMO_API_KEY },
  // The legacy form (api_key in the query) needs no signature, so curl alone can call it.
  curl: `curl -s '{url}/api/?api_id=${LUNANODE_DEMO_API_ID}&api_key=${LUNANODE_DEMO_API_KEY}&category=vm&action=list'`,
};
