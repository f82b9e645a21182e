import {
  type ClientEntryPoints,
  type CommonClientOptions,
  ConfigError,
  clientFacade,
  createVendorClient,
  Redactor,
  readBaseUrl,
  readSetting,
  readTlsSettings,
} from '@x/auth-core';
import { type IspManagerCatalog, ispmanagerCatalog } from './catalog.js';
import {
  type AuthMode,
  createPanelCodec,
  type IspManagerCallOptions,
  type OutputFormat,
  VENDOR,
} from './codec.js';
import type { IspManagerMethods } from './methods.generated.js';
import { type ListMethod, listItems, listPages } from './pages.js';
import { PRODUCT } from './version.js';

/** Environment variables the client reads when an option is not given. */
export const ISPMANAGER_ENV = {
  url: 'ISPMANAGER_URL',
  username: 'ISPMANAGER_USERNAME',
  password: 'ISPMANAGER_PASSWORD',
  auth: 'ISPMANAGER_AUTH',
  format: 'ISPMANAGER_FORMAT',
  lang: 'ISPMANAGER_LANG',
  caFile: 'ISPMANAGER_CA_FILE',
  fingerprint: 'ISPMANAGER_FINGERPRINT',
  insecure: 'ISPMANAGER_INSECURE',
} as const;

/** Options of {@link createIspManagerClient}; every credential falls back to its environment variable. */
export interface IspManagerClientOptions extends CommonClientOptions {
  /**
   * The panel binary URL: `https://host:1500/ispmgr` (also `/manager/ispmgr`, `billmgr`, `dnsmgr`, `vmmgr`,
   * `dcimgr`, `ipmgr`, ...). Env `ISPMANAGER_URL`.
   */
  url?: string | undefined;
  /** Panel login. Env `ISPMANAGER_USERNAME`. */
  username?: string | undefined;
  /** Panel password. Env `ISPMANAGER_PASSWORD`. */
  password?: string | undefined;
  /**
   * `authinfo` (default): credentials in every request body, no session. `session`: one `func=auth` login,
   * its session id reused (single-flight, renewed once when the panel drops it). Env `ISPMANAGER_AUTH`.
   */
  auth?: AuthMode | undefined;
  /** Answer format requested (`out=`): `xml` (default) or `json`. Env `ISPMANAGER_FORMAT`. */
  format?: OutputFormat | undefined;
  /** Default answer language (`lang=`), e.g. `en`. Env `ISPMANAGER_LANG`. */
  lang?: string | undefined;
  /** How long the panel keeps an idle session (default one hour, as COREmanager does). */
  sessionIdleMs?: number | undefined;
}

/** The ISPmanager client: typed methods, the generic `call`, and page iterators. */
export type IspManagerClient = IspManagerMethods<IspManagerCallOptions> &
  ClientEntryPoints<IspManagerCatalog, IspManagerCallOptions> & {
    /** Yields every page of a list method (`p_num` 1, 2, ...) until the panel's `p_elems` are read. */
    pages: <I extends object, E>(
      method: ListMethod<I, E>,
      input?: I,
      options?: IspManagerCallOptions,
    ) => AsyncGenerator<{
      elements: E[];
      paging?: { p_num: number; p_cnt: number; p_elems: number } | null | undefined;
    }>;
    /** Yields every element of a list method across pages. */
    items: <I extends object, E>(
      method: ListMethod<I, E>,
      input?: I,
      options?: IspManagerCallOptions,
    ) => AsyncGenerator<E>;
  };

const FACTORY = 'createIspManagerClient';
const source = (option: string, env: string) => ({ vendor: 'ISPmanager', option, env, factory: FACTORY });

function oneOf<T extends string>(
  value: string | undefined,
  allowed: readonly T[],
  option: string,
  env: string,
): T | undefined {
  if (value === undefined) return undefined;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new ConfigError(`ISPmanager: ${option} (${env}) must be one of ${allowed.join(', ')}.`, {
    setting: env,
  });
}

/** Validates the panel URL: http(s), no credentials, no query, and a path naming the panel binary. */
function panelUrl(value: string): URL {
  const url = readBaseUrl(value, 'ISPmanager', ISPMANAGER_ENV.url);
  if (url.search || url.hash) {
    throw new ConfigError(
      'ISPmanager: the URL must not carry a query or fragment (credentials never go in a URL).',
      {
        setting: ISPMANAGER_ENV.url,
      },
    );
  }
  const binary = url.pathname.replace(/\/+$/, '').split('/').pop() ?? '';
  if (!/^[a-z][a-z0-9_]*$/i.test(binary)) {
    throw new ConfigError(
      'ISPmanager: the URL must name the panel binary, e.g. https://host:1500/ispmgr (or /manager/billmgr, /dnsmgr, /vmmgr ...).',
      { setting: ISPMANAGER_ENV.url },
    );
  }
  url.pathname = url.pathname.replace(/\/+$/, '');
  return url;
}

/**
 * Creates a client of one ISPmanager (or other COREmanager) panel account.
 *
 * @example
 * ```ts
 * const isp = createIspManagerClient({ url: 'https://panel.example.com:1500/ispmgr', username: 'root', password });
 * const users = await isp.user.list();
 * await isp.user.suspend({ elid: ['alice', 'bob'] });
 * ```
 * @throws ConfigError when a credential or the URL is missing or malformed.
 */
export function createIspManagerClient(options: IspManagerClientOptions = {}): IspManagerClient {
  const env = options.env ?? process.env;
  const url = panelUrl(readSetting(options.url, source('url', ISPMANAGER_ENV.url), env));
  const username = readSetting(options.username, source('username', ISPMANAGER_ENV.username), env);
  // The password is used verbatim (spaces included): only an entirely empty one counts as missing.
  const password = options.password ?? env[ISPMANAGER_ENV.password];
  if (!password) readSetting(undefined, source('password', ISPMANAGER_ENV.password), env);
  if (username.includes(':')) {
    throw new ConfigError('ISPmanager: the username must not contain ":" (authinfo is user:password).', {
      setting: ISPMANAGER_ENV.username,
    });
  }
  const auth =
    oneOf(
      options.auth ?? env[ISPMANAGER_ENV.auth]?.trim(),
      ['authinfo', 'session'] as const,
      'auth',
      ISPMANAGER_ENV.auth,
    ) ?? 'authinfo';
  const format =
    oneOf(
      options.format ?? env[ISPMANAGER_ENV.format]?.trim(),
      ['xml', 'json'] as const,
      'format',
      ISPMANAGER_ENV.format,
    ) ?? 'xml';
  const lang = options.lang ?? (env[ISPMANAGER_ENV.lang]?.trim() || undefined);
  const redactor = new Redactor();
  const secret = password as string;
  const codec = createPanelCodec({
    url,
    username,
    password: secret,
    auth,
    format,
    lang,
    sessionIdleMs: options.sessionIdleMs ?? 3_600_000,
    redactor,
  });
  const core = createVendorClient({
    vendor: VENDOR,
    product: PRODUCT,
    catalog: ispmanagerCatalog,
    codec,
    options: { ...options, tls: options.tls ?? readTlsSettings('ISPmanager', ISPMANAGER_ENV, env) },
    secrets: [secret, `${username}:${secret}`],
    redactor,
  });
  codec.attach(core.transport);
  const facade = clientFacade(core);
  // Typed, not asserted: the facade's methods must be the generated, documented declarations.
  const client: IspManagerClient = {
    ...facade,
    pages: (method, input, callOptions) => listPages(method, input, callOptions),
    items: (method, input, callOptions) => listItems(method, input, callOptions),
  };
  return Object.freeze(client);
}
