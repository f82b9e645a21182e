import {
  asXError,
  type BoundCatalog,
  bindCatalog,
  type CallOptions,
  type Invocation,
  parseInput,
  parseOutput,
} from './binder.js';
import { type Catalog, type CatalogEntry, type Endpoint, isIdempotent, walkCatalog } from './endpoint.js';
import { InputError } from './errors.js';
import type { Logger } from './logger.js';
import { wireHost, wireParams, wirePath } from './preview.js';
import { Redactor } from './redact.js';
import type { RetryPolicy, RetryRule } from './transport/retry.js';
import type { TlsOptions } from './transport/tls.js';
import {
  redactedBody,
  type Timeouts,
  Transport,
  type WireRequest,
  type WireResponse,
} from './transport/transport.js';

/** Options every vendor client factory accepts besides its credentials. */
export interface CommonClientOptions {
  /** Bring your own undici dispatcher (a shared Agent, a MockAgent). */
  dispatcher?: import('undici').Dispatcher | undefined;
  timeouts?: Partial<Timeouts> | undefined;
  maxResponseBytes?: number | undefined;
  retry?: Partial<RetryPolicy> | undefined;
  tls?: TlsOptions | undefined;
  proxy?: 'env' | string | false | undefined;
  connectionsPerOrigin?: number | undefined;
  logger?: Logger | undefined;
  /** Appended to the User-Agent (the MCP server adds its own name and version). */
  userAgentSuffix?: string | undefined;
  /** Environment to read settings from (default `process.env`). */
  env?: NodeJS.ProcessEnv | undefined;
  /**
   * The process environment for proxy variables (HTTPS_PROXY, NO_PROXY, ...) and `X_LOG` (default: `env`).
   * Vendor modules read an account's settings from `env` and keep the host's environment here, so a proxy
   * configured for the process applies to every account.
   */
  processEnv?: NodeJS.ProcessEnv | undefined;
}

/** What a codec's `build` is told about the attempt. */
export interface BuildContext {
  /** 1 for the first attempt. */
  attempt: number;
  /**
   * True for a preview (MCP `dry_run`): build the exact request but perform no I/O (no login), using a
   * placeholder where a session credential would go.
   */
  dryRun: boolean;
}

/** The vendor-specific half of a client: wire format in, wire format out. */
export interface Codec<R, Options extends CallOptions = CallOptions> {
  /** Builds the request of one attempt (afresh each time: tokens and signatures are per attempt). */
  build(call: Invocation<R, Options>, context: BuildContext): WireRequest | Promise<WireRequest>;
  /** Unwraps the envelope and maps vendor errors to typed errors; returns the value the output schema checks. */
  decode(response: WireResponse, call: Invocation<R, Options>): unknown;
  /** Wraps each call, e.g. to re-login once when a session died. Default: just send. */
  around?: ((call: Invocation<R, Options>, send: () => Promise<unknown>) => Promise<unknown>) | undefined;
  /** Vendor retry rules (VMmanager's 503). */
  retryRules?: readonly RetryRule[] | undefined;
  /**
   * The parameters of a built request as the vendor reads them, for previews and confirmation prompts
   * (LunaNode: the fields inside the signed `req`). Default: the URL query plus a form or JSON body. Values
   * are redacted afterwards, by name and by value.
   */
  describe?: ((wire: WireRequest) => Record<string, unknown>) | undefined;
}

/** The request a call would send, with secrets redacted. */
export interface RequestPreview {
  method: string;
  url: string;
  /** The vendor host (and port) the request goes to. */
  host: string;
  /** The URL path, as the vendor routes it. */
  path: string;
  /** The parameters as the vendor receives them, decoded (query, form or JSON body), secrets masked. */
  params: Record<string, unknown>;
  headers: Record<string, string>;
  body?: string | undefined;
}

/** An answer together with what it takes to show it safely. */
export interface ExecutedCall {
  /** The validated answer, exactly as `invoke` returns it. */
  value: unknown;
  /**
   * Knows every secret of this call: the client's credentials, its sessions, and each attempt's tokens,
   * signatures and one-time keys. Whoever shows the answer to someone redacts it with this.
   */
  redactor: Redactor;
}

/** A vendor client: typed methods plus the generic entry points the MCP server uses. */
export interface VendorClient<C extends Catalog, Options extends CallOptions = CallOptions> {
  /** Typed methods, nested as in the catalog. */
  readonly api: BoundCatalog<C, Options>;
  /** Vendor key, e.g. `tuxcare`. */
  readonly vendor: string;
  readonly transport: Transport;
  /** This client's secrets, for callers that build their own messages. */
  readonly redactor: Redactor;
  /** Every endpoint by catalog id. */
  readonly entries: ReadonlyMap<string, CatalogEntry>;
  /** Calls an endpoint by catalog id with unvalidated input (validated here, exactly as the typed method). */
  invoke(id: string, input: unknown, options?: Options): Promise<unknown>;
  /** {@link invoke}, plus a redactor that knows the secrets this call made or received. */
  execute(id: string, input: unknown, options?: Options): Promise<ExecutedCall>;
  /** The exact request a call would send, credentials redacted; sends nothing (MCP `dry_run`). */
  preview(id: string, input: unknown): Promise<RequestPreview>;
  /** Closes idle sockets. */
  close(): Promise<void>;
}

/**
 * How to assemble a vendor client. The catalog's routes must be the codec's (`Catalog<R>` with `R` taken
 * from the codec), so binding a catalog to another vendor's codec is a compile error.
 */
export interface VendorClientConfig<C extends Catalog<R>, R, Options extends CallOptions> {
  vendor: string;
  product: { name: string; version: string };
  catalog: C & Catalog<NoInfer<R>>;
  codec: Codec<R, Options>;
  options?: CommonClientOptions | undefined;
  /** The credentials, registered for redaction. */
  secrets?: ReadonlyArray<string | undefined> | undefined;
  /** Use this redactor (to add secrets learned later, such as session ids). */
  redactor?: Redactor | undefined;
}

/**
 * Assembles a client from a catalog and a codec: the transport, the redactor, the typed methods, the generic
 * `call` and the dry-run `preview`. Every vendor package builds its client with this, so behaviour is the
 * same everywhere.
 */
export function createVendorClient<C extends Catalog<R>, R, Options extends CallOptions = CallOptions>(
  config: VendorClientConfig<C, R, Options>,
): VendorClient<C, Options> {
  const options = config.options ?? {};
  const redactor = config.redactor ?? new Redactor();
  for (const secret of config.secrets ?? []) redactor.addSecret(secret);
  const transport = new Transport({
    vendor: config.vendor,
    product: config.product,
    dispatcher: options.dispatcher,
    timeouts: options.timeouts,
    maxResponseBytes: options.maxResponseBytes,
    retry: options.retry,
    retryRules: config.codec.retryRules,
    tls: options.tls,
    proxy: options.proxy,
    connectionsPerOrigin: options.connectionsPerOrigin,
    logger: options.logger,
    redactor,
    userAgentSuffix: options.userAgentSuffix,
    env: options.processEnv ?? options.env,
  });
  const { codec } = config;

  // `scope` collects each attempt's call-scoped secrets for execute(); the typed methods pass none.
  const invoke = (call: Invocation<R, Options>, scope?: string[]): Promise<unknown> => {
    const build = async (attempt: number) => {
      const wire = await codec.build(call, { attempt, dryRun: false });
      if (scope && wire.secrets) scope.push(...wire.secrets);
      return wire;
    };
    const send = async () => {
      const response = await transport.send(build, {
        endpoint: call.id,
        idempotent: isIdempotent(call.endpoint),
        signal: call.options.signal,
        deadlineMs: call.options.deadlineMs,
        maxAttempts: call.options.maxAttempts,
      });
      return codec.decode(response, call);
    };
    return codec.around ? codec.around(call, send) : send();
  };

  const api = bindCatalog(config.catalog, { vendor: config.vendor, invoke, redactor });
  const entries = new Map(walkCatalog(config.catalog).map((entry) => [entry.id, entry]));

  const lookup = (id: string): Endpoint<R> => {
    const entry = entries.get(id);
    if (!entry) {
      throw new InputError(`${config.vendor} has no endpoint "${id}".`, {
        vendor: config.vendor,
        endpoint: id,
        issues: [{ path: '(endpoint)', message: 'unknown endpoint' }],
      });
    }
    return entry.endpoint as Endpoint<R>;
  };

  const call = async (id: string, input: unknown, callOptions: Options | undefined, scope?: string[]) => {
    const endpoint = lookup(id);
    const parsed = parseInput(config.vendor, id, endpoint, input, redactor);
    const options = (callOptions ?? {}) as Options;
    let answer: unknown;
    try {
      answer = await invoke({ id, endpoint, input: parsed, options }, scope);
    } catch (error) {
      throw asXError(config.vendor, id, error, scope ? redactor.with(scope) : redactor);
    }
    return parseOutput(config.vendor, id, endpoint, answer, redactor);
  };

  return {
    api,
    vendor: config.vendor,
    transport,
    redactor,
    entries,
    invoke: (id, input, callOptions) => call(id, input, callOptions),
    async execute(id, input, callOptions) {
      const scope: string[] = [];
      const value = await call(id, input, callOptions, scope);
      // Built after the call: sessions learned during it are on the client's redactor by now.
      return { value, redactor: redactor.with(scope) };
    },
    async preview(id, input) {
      const endpoint = lookup(id);
      const parsed = parseInput(config.vendor, id, endpoint, input, redactor);
      const wire = await codec.build(
        { id, endpoint, input: parsed, options: {} as Options },
        { attempt: 1, dryRun: true },
      );
      const scoped = wire.secrets?.length ? redactor.with(wire.secrets) : redactor;
      const body = redactedBody(wire, scoped);
      const params = codec.describe ? codec.describe(wire) : wireParams(wire);
      return {
        method: wire.method,
        url: scoped.url(wire.url),
        host: wireHost(wire),
        path: scoped.secrets(wirePath(wire)),
        params: scoped.value(params) as Record<string, unknown>,
        headers: scoped.headers(wire.headers ?? {}),
        ...(body === undefined ? {} : { body }),
      };
    },
    close: () => transport.close(),
  };
}

/** What a vendor factory returns: the typed methods at the top level, plus the generic entry points. */
export type ClientFacade<C extends Catalog, Options extends CallOptions = CallOptions> = BoundCatalog<
  C,
  Options
> &
  ClientEntryPoints<C, Options>;

/**
 * The generic entry points of a vendor client, beside its typed methods. A vendor package's client type is
 * its generated, documented method declarations (the same shape as `BoundCatalog` of its catalog) plus these.
 */
export type ClientEntryPoints<C extends Catalog, Options extends CallOptions = CallOptions> = {
  /** Calls an endpoint by catalog id with unvalidated input. */
  invoke(id: string, input: unknown, options?: Options): Promise<unknown>;
  /** {@link invoke}, plus a redactor that knows the secrets this call made or received. */
  execute(id: string, input: unknown, options?: Options): Promise<ExecutedCall>;
  /** The exact request a call would send, credentials redacted; sends nothing. */
  preview(id: string, input: unknown): Promise<RequestPreview>;
  /** Closes idle sockets. */
  close(): Promise<void>;
  [Symbol.asyncDispose](): Promise<void>;
  /** The underlying client (transport, redactor, entries). */
  readonly core: VendorClient<C, Options>;
};

/** Builds the user-facing client object of a vendor package from its {@link VendorClient}. */
export function clientFacade<C extends Catalog, Options extends CallOptions>(
  core: VendorClient<C, Options>,
): ClientFacade<C, Options> {
  return Object.freeze({
    ...(core.api as object),
    invoke: core.invoke,
    execute: core.execute,
    preview: core.preview,
    close: core.close,
    [Symbol.asyncDispose]: core.close,
    core,
  }) as ClientFacade<C, Options>;
}
