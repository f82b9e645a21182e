import type { Dispatcher, Pool } from 'undici';
import { pinConnector, pinsOf, type TlsOptions } from './tls.js';
import { loadUndici } from './undici.js';

/** Socket-level settings of the dispatcher a client creates for itself. */
export interface DispatcherSettings {
  /** TCP + TLS connect timeout, ms. */
  connectTimeoutMs: number;
  /** Idle keep-alive sockets are closed after this, ms. */
  keepAliveTimeoutMs: number;
  /** Sockets per origin; small panels do not like many parallel connections. */
  connectionsPerOrigin: number;
  tls?: TlsOptions | undefined;
  /**
   * `'env'` (default) honours HTTPS_PROXY / HTTP_PROXY / NO_PROXY (lower case wins, as curl does); a URL forces
   * that proxy; `false` connects directly.
   */
  proxy?: 'env' | string | false | undefined;
  env?: NodeJS.ProcessEnv | undefined;
}

function hasProxyEnv(env: NodeJS.ProcessEnv): boolean {
  return Boolean(env.https_proxy || env.HTTPS_PROXY || env.http_proxy || env.HTTP_PROXY);
}

/**
 * Creates the keep-alive dispatcher of one client. With TLS pins, every connection (direct or tunnelled through
 * a proxy) passes through {@link pinConnector}: undici hands each origin's final connect function to `factory`,
 * so wrapping it there covers both paths.
 */
export async function createDispatcher(settings: DispatcherSettings): Promise<Dispatcher> {
  const { Agent, buildConnector, EnvHttpProxyAgent, Pool, ProxyAgent } = await loadUndici();
  const env = settings.env ?? process.env;
  const tls = settings.tls ?? {};
  const pins = pinsOf(tls);
  const skipVerify = pins !== undefined || tls.insecure === true;

  const tlsOptions = {
    ...(tls.ca !== undefined ? { ca: tls.ca as string | Buffer | Array<string | Buffer> } : {}),
    ...(skipVerify ? { rejectUnauthorized: false } : {}),
    // A resumed TLS session may not expose the peer certificate, so pinned clients always do a full handshake.
    ...(pins ? { maxCachedSessions: 0 } : {}),
  };

  const factory = (origin: string | URL, options: Pool.Options): Dispatcher => {
    if (!pins) return new Pool(origin, options);
    // A direct connection gets connect *options* here, a proxy tunnel a connect *function*; pin both.
    const connect =
      typeof options.connect === 'function'
        ? options.connect
        : buildConnector({ ...(options.connect ?? {}) });
    return new Pool(origin, { ...options, connect: pinConnector(connect, pins) });
  };

  const base = {
    keepAliveTimeout: settings.keepAliveTimeoutMs,
    keepAliveMaxTimeout: Math.max(settings.keepAliveTimeoutMs, 60_000),
    connections: settings.connectionsPerOrigin,
    connect: { timeout: settings.connectTimeoutMs, ...tlsOptions },
    factory,
  };

  if (typeof settings.proxy === 'string') {
    return new ProxyAgent({ ...base, uri: settings.proxy, requestTls: tlsOptions });
  }
  if ((settings.proxy ?? 'env') === 'env' && hasProxyEnv(env)) {
    const httpProxy = env.http_proxy ?? env.HTTP_PROXY;
    const httpsProxy = env.https_proxy ?? env.HTTPS_PROXY;
    const noProxy = env.no_proxy ?? env.NO_PROXY;
    return new EnvHttpProxyAgent({
      ...base,
      requestTls: tlsOptions,
      ...(httpProxy ? { httpProxy } : {}),
      ...(httpsProxy ? { httpsProxy } : {}),
      ...(noProxy !== undefined ? { noProxy } : {}),
    });
  }
  return new Agent(base);
}
