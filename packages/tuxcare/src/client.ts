import {
  type ClientEntryPoints,
  type CommonClientOptions,
  ConfigError,
  clientFacade,
  createVendorClient,
  readBaseUrl,
  readSetting,
  type VendorClient,
} from '@x/auth-core';
import { type TuxCareCatalog, tuxcareCatalog } from './catalog.js';
import { createTuxCareCodec } from './codec.js';
import type { TuxCareMethods } from './methods.generated.js';
import { PRODUCT } from './version.js';

/** The two documented roots of the API family: one catalog serves both. */
export const TUXCARE_BASE_URLS = {
  /** TuxCare portal (the default). */
  portal: 'https://portal.tuxcare.com/api',
  /** CloudLinux Network (CLN). */
  cln: 'https://cln.cloudlinux.com/api',
} as const;

/** A named base URL preset. */
export type TuxCareBaseUrlPreset = keyof typeof TUXCARE_BASE_URLS;

/** Environment variables the client reads when an option is not given. */
export const TUXCARE_ENV = {
  login: 'TUXCARE_LOGIN',
  secretKey: 'TUXCARE_SECRET_KEY',
  baseUrl: 'TUXCARE_BASE_URL',
} as const;

/** Options of {@link createTuxCareClient}. */
export interface TuxCareClientOptions extends CommonClientOptions {
  /** Account login (env TUXCARE_LOGIN). */
  login?: string | undefined;
  /** API secret key from the portal settings (env TUXCARE_SECRET_KEY). Never logged or shown in errors. */
  secretKey?: string | undefined;
  /**
   * API root ending in `/api`, or a preset name `portal` / `cln` (env TUXCARE_BASE_URL). Default: the TuxCare
   * portal, `https://portal.tuxcare.com/api`.
   */
  baseUrl?: TuxCareBaseUrlPreset | (string & {}) | undefined;
  /** Clock in ms since the epoch, for the token timestamp (tests inject one). Default `Date.now`. */
  now?: (() => number) | undefined;
}

/** The TuxCare client: typed methods nested as the catalog (`client.els.key.create(...)`) plus invoke/preview/close. */
export type TuxCareClient = TuxCareMethods & ClientEntryPoints<TuxCareCatalog>;

const FACTORY = 'createTuxCareClient';

function resolveBaseUrl(value: string): string {
  const preset = (TUXCARE_BASE_URLS as Record<string, string>)[value];
  const url = readBaseUrl(preset ?? value, 'TuxCare', TUXCARE_ENV.baseUrl);
  if (url.search || url.hash) {
    throw new ConfigError(`TuxCare: ${TUXCARE_ENV.baseUrl} must not carry a query or fragment.`, {
      vendor: 'tuxcare',
      setting: TUXCARE_ENV.baseUrl,
    });
  }
  return url.href.replace(/\/+$/, '');
}

/** Builds the core client (what `tuxcareModule.connect` returns). */
export function createTuxCareCore(options: TuxCareClientOptions = {}): VendorClient<TuxCareCatalog> {
  const { login: loginOption, secretKey: secretOption, baseUrl: baseOption, now, ...common } = options;
  const env = options.env ?? process.env;
  const source = (option: string, name: string) => ({
    vendor: 'TuxCare',
    option,
    env: name,
    factory: FACTORY,
  });
  const login = readSetting(loginOption, source('login', TUXCARE_ENV.login), env);
  const secretKey = readSetting(secretOption, source('secretKey', TUXCARE_ENV.secretKey), env);
  // The token is `login|ts|sha1`: a `|` in the login would make it ambiguous to the server.
  if (login.includes('|') || /\s/.test(login)) {
    throw new ConfigError('TuxCare: the login must not contain "|" or whitespace.', {
      vendor: 'tuxcare',
      setting: TUXCARE_ENV.login,
    });
  }
  const baseUrl = resolveBaseUrl(
    readSetting(baseOption, source('baseUrl', TUXCARE_ENV.baseUrl), env, false) ?? TUXCARE_BASE_URLS.portal,
  );
  return createVendorClient({
    vendor: 'tuxcare',
    product: PRODUCT,
    catalog: tuxcareCatalog,
    codec: createTuxCareCodec({ baseUrl, login, secretKey, now: now ?? Date.now }),
    options: common,
    secrets: [secretKey],
  });
}

/**
 * Creates a client of the CloudLinux CLN / TuxCare portal licensing API. Credentials fall back to
 * TUXCARE_LOGIN and TUXCARE_SECRET_KEY; a missing one is a ConfigError naming both ways to give it.
 *
 * @example
 * const tc = createTuxCareClient({ login, secretKey });               // portal
 * const cln = createTuxCareClient({ login, secretKey, baseUrl: 'cln' }); // CLN
 * const key = await tc.els.key.create({ code: 'CELS', limit: 2 });
 */
export function createTuxCareClient(options: TuxCareClientOptions = {}): TuxCareClient {
  return clientFacade(createTuxCareCore(options));
}
