import type { SimResponse } from '../response.js';
import type { SandboxEntry } from '../sandbox-entry.js';
import { createSimulator, type Simulator } from '../simulator.js';
import type { TuxCareRouteSpec } from './context.js';
import { kcareRoutes, nagiosByKey, nagiosReseller } from './kernelcare.js';
import { iplRoutes } from './licenses.js';
import { elsRoutes, imRoutes } from './products.js';
import { AUTH_FAILED, fail, verifyToken } from './protocol.js';
import { backupRoutes, groupRoutes, statusRoutes } from './services.js';
import { seedTuxCareState, TUXCARE_DEMO_ACCOUNT, type TuxCareSimState } from './state.js';

/** Options of {@link createTuxCareSimulator}. */
export interface TuxCareSimulatorOptions {
  /** The simulator's clock for token checks and creation dates (ms since the epoch). Default `Date.now`. */
  now?: () => number;
  /** Serve HTTPS (see `createSimulator`). */
  tls?: boolean | { key: string; cert: string };
}

/** The TuxCare simulator type. */
export type TuxCareSimulator = Simulator<TuxCareSimState>;

const ROUTES: Readonly<Record<string, TuxCareRouteSpec>> = {
  ...statusRoutes,
  ...backupRoutes,
  ...elsRoutes,
  ...imRoutes,
  ...iplRoutes,
  ...kcareRoutes,
  ...groupRoutes,
};

/** The API answers under `/api` (portal and CLN alike); the Nagios URLs are also seen under `/clweb/api`. */
const BASE_PATHS = ['/api/', '/clweb/api/'];

const NOT_FOUND: SimResponse = {
  status: 404,
  headers: { 'content-type': 'text/html; charset=utf-8' },
  body: '<html><head><title>404 Not Found</title></head><body><h1>Not Found</h1></body></html>',
};

function segment(value: string): string | undefined {
  try {
    return decodeURIComponent(value);
  } catch {
    return undefined;
  }
}

/**
 * A stateful loopback simulator of the CloudLinux CLN / TuxCare portal API family, written from the vendor
 * documents: token verification (known login, SHA-1, 30-minute window, nothing from the future), the JSON
 * envelope, `.plain` and Nagios text, keys, servers, IP licenses, backups and groups kept in memory. The API
 * root is `<url>/api` (use it as the client's base URL).
 */
export function createTuxCareSimulator(options: TuxCareSimulatorOptions = {}): TuxCareSimulator {
  const now = options.now ?? Date.now;
  return createSimulator<TuxCareSimState>({
    name: 'tuxcare',
    seed: seedTuxCareState,
    ...(options.tls === undefined ? {} : { tls: options.tls }),
    handler: (req, { state }) => {
      const base = BASE_PATHS.find((prefix) => req.path.startsWith(prefix));
      if (!base) return NOT_FOUND;
      const rest = req.path.slice(base.length);
      const parts = rest.split('/');

      // The two Nagios URLs carry their arguments in the path.
      if (parts[0] === 'kcare' && parts[1] === 'nagios-res') {
        const login = segment(parts[2] ?? '');
        const token = segment(parts[3] ?? '');
        if (parts.length !== 4 || !login || !token) return NOT_FOUND;
        if (req.method !== 'GET') return fail('Method not allowed', 405);
        return nagiosReseller(state, login, token, now());
      }
      if (
        parts[0] === 'kcare' &&
        parts[1] === 'nagios' &&
        parts.length === 3 &&
        parts[2] !== 'register_key.plain'
      ) {
        const key = segment(parts[2] ?? '');
        if (!key) return NOT_FOUND;
        if (req.method !== 'GET') return fail('Method not allowed', 405);
        return nagiosByKey(state, key);
      }

      const route = ROUTES[rest];
      if (!route) return NOT_FOUND;
      if (!route.methods.includes(req.method)) {
        return { ...fail('Method not allowed', 405), headers: { allow: route.methods.join(', ') } };
      }
      const args = new URLSearchParams(req.query);
      if (
        req.method !== 'GET' &&
        String(req.headers['content-type'] ?? '').includes('x-www-form-urlencoded')
      ) {
        for (const [name, value] of req.form()) if (!args.has(name)) args.set(name, value);
      }
      const at = now();
      let account = state.accounts[0];
      if (route.token) account = verifyToken(state, args.get('token'), at);
      if (!account) return AUTH_FAILED;
      return route.handle({ args, state, account, now: at });
    },
  });
}

/** The sandbox entry: the simulator plus the client settings that point at it (demo credentials are public). */
export const tuxcareSandbox: SandboxEntry = {
  name: 'tuxcare',
  create: (options) => createTuxCareSimulator(options?.tls ? { tls: true } : {}) as Simulator<unknown>,
  settings: (url) => ({
    TUXCARE_LOGIN: TUXCARE_DEMO_ACCOUNT.login,
    TUXCARE_SECRET_KEY: TUXCARE_DEMO_ACCOUNT.secretKey,
    TUXCARE_BASE_URL: `${url}/api`,
  }),
  portOffset: 1,
  basePath: '/api',
  credentials: { login: TUXCARE_DEMO_ACCOUNT.login, secret_key: TUXCARE_DEMO_ACCOUNT.secretKey },
  // The token is login|ts|sha1(secret+ts); the status call needs none.
  curl: "curl -s '{url}/api/status.json'",
};
