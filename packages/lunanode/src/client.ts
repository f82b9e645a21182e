import {
  type ClientEntryPoints,
  type CommonClientOptions,
  ConfigError,
  clientFacade,
  createNonceSource,
  createVendorClient,
  LUNANODE_API_ID_LENGTH,
  LUNANODE_API_KEY_LENGTH,
  readBaseUrl,
  readBoolean,
  readSetting,
  type VendorClient,
} from '@x/auth-core';
import { type LunaNodeCatalog, lunanodeCatalog } from './catalog.js';
import { createLunaNodeCodec } from './codec.js';
import { VENDOR } from './errors.js';
import type { LunaNodeMethods } from './methods.generated.js';
import { PRODUCT } from './version.js';

/** The production endpoint of the Dynamic API. */
export const LUNANODE_DEFAULT_BASE_URL = 'https://dynamic.lunanode.com/api';

/** Options of {@link createLunaNodeClient}. */
export interface LunaNodeClientOptions extends CommonClientOptions {
  /** API ID (16 characters); default `LUNANODE_API_ID`. */
  apiId?: string | undefined;
  /** API key (128 characters); default `LUNANODE_API_KEY`. */
  apiKey?: string | undefined;
  /** Default `LUNANODE_BASE_URL`, else `https://dynamic.lunanode.com/api`. */
  baseUrl?: string | undefined;
  /**
   * Strictly increasing nonces (`max(now, last + 1)` seconds) for callers that fire several calls per
   * second; they may run a few seconds ahead of the clock during a burst. Default `LUNANODE_MONOTONIC_NONCE`
   * (`1`/`true`/`yes`/`on`), else the current second.
   */
  monotonicNonce?: boolean | undefined;
  /** The clock for nonces, in ms (tests). Default `Date.now`. */
  now?: (() => number) | undefined;
  /**
   * Use the legacy API: a GET with the whole API key in the query string. Less safe (the key travels in
   * every URL, where proxies and server logs may keep it); only for setups that cannot sign. Default false.
   */
  legacyApi?: boolean | undefined;
}

/** A LunaNode client: typed methods per category (`client.vm.list()`), plus `invoke`, `preview`, `close`. */
export type LunaNodeClient = LunaNodeMethods & ClientEntryPoints<LunaNodeCatalog>;

const FACTORY = 'createLunaNodeClient';

/** Values of `LUNANODE_MONOTONIC_NONCE` that switch the strictly increasing nonces on. */

/**
 * Builds the generic client (what {@link lunanodeModule} returns). `settingsEnv` is where missing
 * credentials are looked up; `options.env` still feeds proxies and logging.
 */
export function createLunaNodeCore(
  options: LunaNodeClientOptions = {},
  settingsEnv: NodeJS.ProcessEnv = options.env ?? process.env,
): VendorClient<LunaNodeCatalog> {
  const source = (option: string, env: string) => ({ vendor: 'LunaNode', option, env, factory: FACTORY });
  const apiId = readSetting(options.apiId, source('apiId', 'LUNANODE_API_ID'), settingsEnv);
  const apiKey = readSetting(options.apiKey, source('apiKey', 'LUNANODE_API_KEY'), settingsEnv);
  checkShape(apiId, LUNANODE_API_ID_LENGTH, 'apiId', 'LUNANODE_API_ID', 'API ID');
  checkShape(apiKey, LUNANODE_API_KEY_LENGTH, 'apiKey', 'LUNANODE_API_KEY', 'API key');
  const base =
    readSetting(options.baseUrl, source('baseUrl', 'LUNANODE_BASE_URL'), settingsEnv, false) ??
    LUNANODE_DEFAULT_BASE_URL;
  const baseUrl = readBaseUrl(base, 'LunaNode', 'LUNANODE_BASE_URL').toString().replace(/\/+$/, '');
  const now = options.now ?? Date.now;
  const monotonicSetting = readSetting(
    undefined,
    source('monotonicNonce', 'LUNANODE_MONOTONIC_NONCE'),
    settingsEnv,
    false,
  );
  const monotonic =
    options.monotonicNonce ?? readBoolean(monotonicSetting, 'LunaNode', 'LUNANODE_MONOTONIC_NONCE');
  const codec = createLunaNodeCodec({
    apiId,
    apiKey,
    baseUrl,
    now,
    nonces: createNonceSource({ monotonic, now }),
    legacy: options.legacyApi ?? false,
  });
  return createVendorClient({
    vendor: VENDOR,
    product: PRODUCT,
    catalog: lunanodeCatalog,
    codec,
    options,
    // The partial key travels in every request; it is a secret of its own. The API id is the key's other half
    // (the legacy API sends it next to api_key in the URL): an error or log line must not name the account.
    secrets: [apiKey, apiKey.slice(0, 64), apiId],
  });
}

/**
 * Creates a LunaNode Dynamic API client. Credentials come from the options or from `LUNANODE_API_ID` /
 * `LUNANODE_API_KEY` (and `LUNANODE_BASE_URL`).
 *
 * @throws ConfigError when a credential is missing or has the wrong shape (the value is never echoed).
 * @example
 * ```ts
 * const ln = createLunaNodeClient({ apiId, apiKey });
 * const { vms } = await ln.vm.list();
 * ```
 */
export function createLunaNodeClient(options: LunaNodeClientOptions = {}): LunaNodeClient {
  return clientFacade(createLunaNodeCore(options));
}

function checkShape(value: string, length: number, option: string, env: string, what: string): void {
  // Printable ASCII without spaces: a key pasted with a newline or quotes in the middle fails here, not as
  // a baffling "authentication failure" from the API.
  if (value.length !== length || !/^[\x21-\x7e]+$/.test(value)) {
    throw new ConfigError(
      `LunaNode ${what} (\`${option}\` / ${env}) must be exactly ${length} printable characters without spaces; ` +
        `the one given has ${value.length}. Copy it again from the API tab of the LunaNode panel.`,
      { vendor: VENDOR, setting: env },
    );
  }
}
