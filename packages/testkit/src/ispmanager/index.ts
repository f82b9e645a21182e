// The ISPmanager (COREmanager) simulator: a stateful panel binary on loopback, for tests and the sandbox.
import type { SandboxEntry } from '../sandbox-entry.js';
import { createSimulator, type Simulator } from '../simulator.js';
import { handlePanel } from './panel.js';
import { ISPMANAGER_DEMO, type IspManagerState, seedIspManager } from './state.js';

export type { DocNode as IspManagerDocNode } from './render.js';
export { ISPMANAGER_DEMO, type IspManagerState, type Row as IspManagerRow, seedIspManager } from './state.js';

/** Options of {@link createIspManagerSimulator}. */
export interface IspManagerSimulatorOptions {
  /** Serve HTTPS (`true`: the test certificate), as panels on :1500 do. */
  tls?: boolean | { key: string; cert: string };
  /** Sessions idle out after this long (default one hour, as COREmanager). */
  sessionIdleMs?: number;
  /** The clock, ms (tests move it to expire sessions). */
  now?: () => number;
  /**
   * Ask for confirmation (`<doc func="confirm">`) on `.delete` / `.suspend` / `.resume` without `sok`, as a
   * panel set up to confirm does. Default false: they are carried out and answer `<ok/>`, as documented.
   */
  confirmActions?: boolean;
}

/** The path of the panel binary: `https://127.0.0.1:<port>/ispmgr`. */
export const ISPMANAGER_BINARY_PATHS: readonly string[] = [
  '/ispmgr',
  '/manager/ispmgr',
  '/billmgr',
  '/dnsmgr',
  '/vmmgr',
  '/dcimgr',
  '/ipmgr',
];

/**
 * A stateful COREmanager panel: authinfo and session auth (idle expiry), one-time keys, `su`, `lang`,
 * `out=xml` / `out=json`, errors with HTTP 200, `.edit` answering the form without `sok` and saving with it,
 * group actions with ", "-joined ids, paging. Every binary path above answers as the same ISPmanager; any other
 * path is a 404 HTML page.
 */
export function createIspManagerSimulator(
  options: IspManagerSimulatorOptions = {},
): Simulator<IspManagerState> {
  const settings = {
    sessionIdleMs: options.sessionIdleMs ?? 3_600_000,
    now: options.now ?? Date.now,
    confirmActions: options.confirmActions ?? false,
  };
  return createSimulator<IspManagerState>({
    name: 'ispmanager',
    seed: seedIspManager,
    ...(options.tls !== undefined && { tls: options.tls }),
    handler: (req, { state }) => {
      if (!ISPMANAGER_BINARY_PATHS.includes(req.path.replace(/\/+$/, ''))) {
        return {
          status: 404,
          headers: { 'content-type': 'text/html' },
          body: '<html><body>404 Not Found</body></html>',
        };
      }
      return handlePanel(req, state, settings);
    },
  });
}

/** The sandbox entry: the simulator and the client settings (demo administrator, session auth off). */
export const ispmanagerSandbox: SandboxEntry = {
  name: 'ispmanager',
  create: (options) => createIspManagerSimulator(options?.tls ? { tls: true } : {}),
  settings: (url, context) => ({
    ISPMANAGER_URL: `${url}/ispmgr`,
    ISPMANAGER_USERNAME: ISPMANAGER_DEMO.username,
    ISPMANAGER_PASSWORD: ISPMANAGER_DEMO.password,
    ...(context?.caFile && url.startsWith('https:') && { ISPMANAGER_CA_FILE: context.caFile }),
  }),
  portOffset: 3,
  basePath: '/ispmgr',
  credentials: { username: ISPMANAGER_DEMO.username, password: ISPMANAGER_DEMO.password },
  curl: `curl -s '{url}/ispmgr' -d 'authinfo=${ISPMANAGER_DEMO.username}:${ISPMANAGER_DEMO.password}&out=xml&func=user'`,
};
