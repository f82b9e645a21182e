import type { Dispatcher } from 'undici';
import { AbortError, ConfigError, isXError, TimeoutError, TransportError, type XError } from '../errors.js';
import { type Logger, resolveLogger, silentLogger } from '../logger.js';
import { Redactor } from '../redact.js';
import { userAgent } from '../version.js';
import { createDispatcher, type DispatcherSettings } from './dispatcher.js';
import { Exchange, splitUrl } from './exchange.js';
import { classifyFailure } from './failures.js';
import { CallState } from './interrupt.js';
import {
  type AttemptOutcome,
  DEFAULT_RETRY,
  decideRetry,
  parseRetryAfter,
  type RetryPolicy,
  type RetryRule,
} from './retry.js';
import { pinsOf, type TlsOptions, warnInsecureOnce } from './tls.js';

/** The clocks of one call. */
export interface Timeouts {
  /** TCP + TLS connect, per attempt. */
  connectMs: number;
  /** From request sent to response headers, per attempt. */
  headersMs: number;
  /** Longest silence while the body arrives, per attempt. */
  bodyMs: number;
  /** The whole call, retries and backoff included. Below the 60 s an MCP client waits for a tool. */
  deadlineMs: number;
}

/** Defaults: connect 10 s, headers 30 s, body idle 30 s, overall deadline 50 s. */
export const DEFAULT_TIMEOUTS: Readonly<Timeouts> = Object.freeze({
  connectMs: 10_000,
  headersMs: 30_000,
  bodyMs: 30_000,
  deadlineMs: 50_000,
});

/** Default response size cap: 10 MiB. */
export const DEFAULT_MAX_RESPONSE_BYTES = 10 * 1024 * 1024;

/** Options of a {@link Transport}; every vendor client accepts them. */
export interface TransportOptions {
  /** Vendor key used in messages and logs, e.g. `tuxcare`. */
  vendor: string;
  /** The vendor package, for the User-Agent. */
  product: { name: string; version: string };
  /** Bring your own undici dispatcher (shared Agent, MockAgent, proxy). The transport then never closes it. */
  dispatcher?: Dispatcher | undefined;
  timeouts?: Partial<Timeouts> | undefined;
  /** Bigger answers fail with a TransportError (phase `size-limit`). */
  maxResponseBytes?: number | undefined;
  retry?: Partial<RetryPolicy> | undefined;
  /** Vendor retry rules consulted before the default rule. */
  retryRules?: readonly RetryRule[] | undefined;
  tls?: TlsOptions | undefined;
  /** See {@link DispatcherSettings.proxy}. */
  proxy?: 'env' | string | false | undefined;
  /** Keep-alive sockets per origin (default 8). */
  connectionsPerOrigin?: number | undefined;
  logger?: Logger | undefined;
  /** The client's secrets. */
  redactor?: Redactor | undefined;
  /** Appended to the User-Agent (the MCP server adds `x-mcp-server/<version>`). */
  userAgentSuffix?: string | undefined;
  /** For tests: the jitter source. */
  random?: (() => number) | undefined;
  /** For tests: the environment to read proxy variables from. */
  env?: NodeJS.ProcessEnv | undefined;
}

/** HTTP methods the vendors use. */
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'HEAD';

/** One attempt's request, built afresh for every attempt (so signatures and tokens are fresh). */
export interface WireRequest {
  method: HttpMethod;
  url: string | URL;
  headers?: Record<string, string> | undefined;
  body?: string | Uint8Array | undefined;
  /** Secrets that exist only for this request (a signature, a per-call token): redacted from its errors and logs. */
  secrets?: readonly string[] | undefined;
  /**
   * The answer carries a credential the redactor cannot know yet (a login returning a session id or a token):
   * its body is never logged.
   */
  sensitiveResponse?: boolean | undefined;
}

/** What one call needs besides the request. */
export interface CallContext {
  /** Catalog id, e.g. `els.key.create`. */
  endpoint: string;
  /** Whether the call is safe to repeat after it may have reached the server. */
  idempotent: boolean;
  signal?: AbortSignal | undefined;
  deadlineMs?: number | undefined;
  maxAttempts?: number | undefined;
  /** Extra retry rules for this call (prepended to the transport's). */
  retryRules?: readonly RetryRule[] | undefined;
}

/** A complete answer (any status: the vendor codec interprets it). */
export interface WireResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
  /** The body as UTF-8. */
  text(): string;
  /** `Retry-After` in ms, when the server sent one. */
  retryAfterMs: number | undefined;
  /** Attempts made, including this one. */
  attempts: number;
  /** The call's redactor (with the last request's ephemeral secrets), for the codec's error messages. */
  redactor: Redactor;
  /** Method and redacted URL of the last attempt. */
  request: { method: string; url: string };
}

/** Method and URL of an attempt, redacted only when someone asks (errors and logs), not on the hot path. */
class RequestDescription {
  #described: { method: string; url: string } | undefined;
  constructor(
    readonly method: string,
    readonly url: string | URL,
    readonly redactor: Redactor,
  ) {}

  describe(): { method: string; url: string } {
    this.#described ??= { method: this.method, url: this.redactor.url(this.url) };
    return this.#described;
  }

  host(): string {
    try {
      return new URL(this.url).host;
    } catch {
      return 'the server';
    }
  }
}

/**
 * The only place where HTTP happens. One keep-alive undici dispatcher per client, explicit timeouts, an
 * overall deadline, a response size cap, retries that respect idempotency, redirects never followed, and
 * errors that are typed and redacted.
 */
export class Transport {
  readonly vendor: string;
  readonly redactor: Redactor;
  readonly logger: Logger;
  readonly timeouts: Readonly<Timeouts>;
  readonly retry: Readonly<RetryPolicy>;
  readonly maxResponseBytes: number;
  readonly userAgent: string;
  #dispatcher: Dispatcher | Promise<Dispatcher> | undefined;
  readonly #dispatcherSettings: DispatcherSettings | undefined;
  readonly #pinned: boolean;
  readonly #rules: readonly RetryRule[];
  readonly #random: () => number;

  constructor(options: TransportOptions) {
    this.vendor = options.vendor;
    this.redactor = options.redactor ?? new Redactor();
    this.logger = resolveLogger(options.logger, options.env);
    this.timeouts = Object.freeze({ ...DEFAULT_TIMEOUTS, ...definedOnly(options.timeouts ?? {}) });
    this.retry = Object.freeze({ ...DEFAULT_RETRY, ...definedOnly(options.retry ?? {}) });
    this.maxResponseBytes = options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
    this.userAgent = userAgent(options.product, options.userAgentSuffix);
    this.#rules = options.retryRules ?? [];
    this.#random = options.random ?? Math.random;
    this.#pinned = pinsOf(options.tls) !== undefined;
    if (options.dispatcher) {
      if (options.tls?.ca || options.tls?.fingerprint256 || options.tls?.insecure) {
        throw new ConfigError(
          'tls options cannot be combined with a custom dispatcher; configure TLS on it.',
          {
            vendor: this.vendor,
            setting: 'tls',
          },
        );
      }
      this.#dispatcher = options.dispatcher;
      this.#dispatcherSettings = undefined;
    } else {
      // Built on the first request (see undici.ts); the TLS options were already validated above.
      this.#dispatcherSettings = {
        connectTimeoutMs: this.timeouts.connectMs,
        keepAliveTimeoutMs: 4_000,
        connectionsPerOrigin: options.connectionsPerOrigin ?? 8,
        tls: options.tls,
        proxy: options.proxy,
        env: options.env,
      };
      if (options.tls?.insecure && !this.#pinned) warnInsecureOnce();
    }
  }

  /** The dispatcher, created on first use (loading undici then, see undici.ts). */
  async #ready(): Promise<Dispatcher> {
    if (!this.#dispatcher)
      this.#dispatcher = createDispatcher(this.#dispatcherSettings as DispatcherSettings);
    const dispatcher = await this.#dispatcher;
    this.#dispatcher = dispatcher;
    return dispatcher;
  }

  /**
   * Sends a call: builds the request for each attempt with `prepare`, retries per policy within the deadline,
   * and returns the final answer whatever its status. Throws only typed errors (transport, timeout, abort).
   */
  async send(
    prepare: (attempt: number) => WireRequest | Promise<WireRequest>,
    context: CallContext,
  ): Promise<WireResponse> {
    const deadlineMs = context.deadlineMs ?? this.timeouts.deadlineMs;
    const policy = context.maxAttempts ? { ...this.retry, maxAttempts: context.maxAttempts } : this.retry;
    const rules = context.retryRules ? [...context.retryRules, ...this.#rules] : this.#rules;
    const started = Date.now();
    // The deadline has no timer of its own: each attempt's clock is capped by it, and a backoff never sleeps
    // past it. One timer per attempt instead of two matters on the hot path.
    const state = new CallState(started + deadlineMs);
    const callerSignal = context.signal;
    const onCallerAbort = () => state.abort(callerSignal?.reason);
    if (callerSignal?.aborted) state.abort(callerSignal.reason);
    else callerSignal?.addEventListener('abort', onCallerAbort, { once: true });
    let last: RequestDescription | undefined;

    const interrupted = (attempts: number): XError | undefined => {
      if (!state.aborted) return undefined;
      const request = last?.describe();
      if (!state.deadlineHit) {
        return new AbortError(`${this.vendor} ${context.endpoint}: aborted by the caller.`, {
          vendor: this.vendor,
          endpoint: context.endpoint,
          request,
          attempts,
        });
      }
      return new TimeoutError(
        `${this.vendor} ${context.endpoint}: no answer within the ${deadlineMs} ms deadline after ${attempts} attempt(s).`,
        {
          vendor: this.vendor,
          endpoint: context.endpoint,
          request,
          attempts,
          phase: 'deadline',
          timeoutMs: deadlineMs,
          mayHaveReachedServer: attempts > 0,
        },
      );
    };

    try {
      for (let attempt = 1; ; attempt++) {
        if (Date.now() >= state.deadlineAt) state.abort(new Error('deadline'), true);
        const stop = interrupted(attempt - 1);
        if (stop) throw stop;
        const wire = await prepare(attempt);
        const redactor = wire.secrets?.length ? this.redactor.with(wire.secrets) : this.redactor;
        if (this.#pinned && !String(wire.url).startsWith('https:')) {
          throw new ConfigError(`${this.vendor}: fingerprint256 pinning needs an https:// URL.`, {
            vendor: this.vendor,
            setting: 'fingerprint256',
          });
        }
        last = new RequestDescription(wire.method, wire.url, redactor);

        let response: WireResponse | undefined;
        let failure: XError | undefined;
        try {
          response = await this.#attempt(wire, state, redactor, context, attempt, last);
        } catch (error) {
          const stopped = interrupted(attempt);
          if (stopped) throw stopped;
          failure = isXError(error)
            ? error
            : new TransportError(String(error), { phase: 'send', mayHaveReachedServer: true });
        }

        if (response && response.status < 300) return response;
        if (response && response.status < 400) {
          throw new TransportError(
            `${this.vendor} ${context.endpoint}: the server answered with a redirect (HTTP ${response.status}` +
              `${locationOrigin(response.headers.location)}); redirects are never followed with credentials. ` +
              'Check the base URL (http vs https, path).',
            {
              vendor: this.vendor,
              endpoint: context.endpoint,
              request: last.describe(),
              attempts: attempt,
              phase: 'redirect',
              mayHaveReachedServer: true,
            },
            false,
          );
        }

        const outcome: AttemptOutcome = response
          ? {
              attempt,
              idempotent: context.idempotent,
              status: response.status,
              retryAfterMs: response.retryAfterMs,
            }
          : {
              attempt,
              idempotent: context.idempotent,
              failure: {
                mayHaveReachedServer:
                  (failure as { mayHaveReachedServer?: boolean }).mayHaveReachedServer ?? true,
                retryable: failure?.retryable ?? false,
              },
            };
        const decision = decideRetry(outcome, policy, rules, this.#random);
        const remaining = deadlineMs - (Date.now() - started);
        if (!decision.retry || decision.delayMs >= remaining) {
          if (decision.retry)
            this.logger.info(`${this.vendor} ${context.endpoint}: not retrying, the deadline is near`);
          if (response) return response;
          throw failure;
        }
        this.logger.info(
          `${this.vendor} ${context.endpoint}: retrying in ${decision.delayMs} ms (${decision.reason})`,
          {
            attempt,
          },
        );
        await state.sleep(decision.delayMs);
      }
    } finally {
      callerSignal?.removeEventListener('abort', onCallerAbort);
    }
  }

  async #attempt(
    wire: WireRequest,
    state: CallState,
    redactor: Redactor,
    context: CallContext,
    attempt: number,
    description: RequestDescription,
  ): Promise<WireResponse> {
    const verbose = this.logger !== silentLogger;
    const began = verbose ? performance.now() : 0;
    if (verbose) {
      const { method, url } = description.describe();
      this.logger.debug(`→ ${method} ${url}`, {
        endpoint: context.endpoint,
        attempt,
        ...(wire.body !== undefined ? { body: describeBody(wire, redactor) } : {}),
      });
    }
    // Our own clock: undici's per-request timers proved unreliable for short values. One timer per attempt
    // covers the headers timeout, the body idle timeout and the call deadline; when it fires while a body is
    // still arriving, it re-arms itself for the rest of the body idle time.
    let timedOut: 'UND_ERR_HEADERS_TIMEOUT' | 'UND_ERR_BODY_TIMEOUT' = 'UND_ERR_HEADERS_TIMEOUT';
    let expired = false;
    let lastActivity = 0;
    let deadlineArmed = false;
    let dueAt = 0;
    let clock: ReturnType<typeof setTimeout> | undefined;
    const { headersMs, bodyMs } = this.timeouts;
    const limit = this.maxResponseBytes;
    // Timers may fire a millisecond early by Date.now(), so remember whether the deadline set this one.
    const arm = (ms: number) => {
      const now = Date.now();
      const remaining = state.deadlineAt - now;
      deadlineArmed = remaining <= ms;
      const wait = Math.max(1, Math.min(ms, remaining));
      dueAt = now + wait;
      return setTimeout(onExpire, wait);
    };
    const onExpire = () => {
      const idle = Date.now() - lastActivity;
      if (exchange.responseStarted && idle < bodyMs && !deadlineArmed) {
        clock = arm(bodyMs - idle);
        return;
      }
      if (deadlineArmed) {
        state.abort(new Error('deadline'), true);
        return;
      }
      expired = true;
      exchange.abort(new Error(timedOut));
    };
    const tooLarge = (size: string) =>
      new TransportError(
        `${this.vendor} ${context.endpoint}: the answer is larger than the ${limit}-byte cap (${size}). ` +
          'Narrow the request (filters, paging) or raise maxResponseBytes.',
        {
          vendor: this.vendor,
          endpoint: context.endpoint,
          request: description.describe(),
          attempts: attempt,
          phase: 'size-limit',
          mayHaveReachedServer: true,
        },
        false,
      );
    const exchange = new Exchange({
      onHeaders: (_status, headers) => {
        timedOut = 'UND_ERR_BODY_TIMEOUT';
        lastActivity = Date.now();
        // The running clock already covers the body unless the body idle time ends before it fires; re-arming
        // only then saves a timer on nearly every call (the body usually arrives with the headers).
        if (lastActivity + bodyMs < dueAt) {
          clearTimeout(clock);
          clock = arm(bodyMs);
        }
        const declared = Number(headers['content-length']);
        if (Number.isFinite(declared) && declared > limit) throw tooLarge(`${declared} bytes declared`);
      },
      onBody: (total) => {
        lastActivity = Date.now();
        if (total > limit) throw tooLarge('more arrived');
      },
    });
    state.attach(exchange);
    try {
      const dispatcher =
        this.#dispatcher && !(this.#dispatcher instanceof Promise) ? this.#dispatcher : await this.#ready();
      // Armed only now: loading undici and building the dispatcher (first call) sends nothing, so a slow
      // import must not become a headers timeout that claims the request may have reached the server.
      if (!state.aborted) {
        clock = arm(headersMs);
        const { origin, path } = splitUrl(wire.url);
        dispatcher.dispatch(
          {
            origin,
            path,
            method: wire.method,
            headers: wire.headers
              ? { 'user-agent': this.userAgent, ...wire.headers }
              : { 'user-agent': this.userAgent },
            body: wire.body ?? null,
            // Backstops only; the clock above decides.
            headersTimeout: headersMs + 1000,
            bodyTimeout: bodyMs + 1000,
          },
          exchange,
        );
      }
      const answer = await exchange.done;
      const { body, headers } = answer;
      const response: WireResponse = {
        status: answer.status,
        headers,
        body,
        text: () => body.toString('utf8'),
        retryAfterMs: answer.status >= 400 ? parseRetryAfter(headers) : undefined,
        attempts: attempt,
        redactor,
        get request() {
          return description.describe();
        },
      };
      if (verbose) {
        const { method, url } = description.describe();
        this.logger.debug(`← ${answer.status} ${method} ${url}`, {
          endpoint: context.endpoint,
          ms: Math.round(performance.now() - began),
          bytes: body.length,
          body: wire.sensitiveResponse
            ? '[withheld: this answer carries a credential]'
            : redactor.excerpt(body.subarray(0, 65_536).toString('utf8'), 500),
        });
      }
      return response;
    } catch (error) {
      if (isXError(error)) throw error;
      const failure = classifyFailure(expired ? { code: timedOut } : error, {
        vendor: this.vendor,
        endpoint: context.endpoint,
        request: description.describe(),
        attempts: attempt,
        target: description.host(),
        timeouts: { connectMs: this.timeouts.connectMs, headersMs, bodyMs },
        responseStarted: exchange.responseStarted,
        redactor,
      });
      if (verbose && !state.aborted) this.logger.debug(`✗ ${failure.message}`);
      throw failure;
    } finally {
      clearTimeout(clock);
    }
  }

  /** Closes the dispatcher if this transport created it (idle sockets close at once). */
  async close(): Promise<void> {
    // An injected dispatcher belongs to the caller; ours exists only if a request was made.
    if (!this.#dispatcherSettings || !this.#dispatcher) return;
    const dispatcher = await this.#dispatcher;
    this.#dispatcher = undefined;
    await dispatcher.close();
  }
}

/**
 * A request body as it may be shown (log lines, dry-run previews): form bodies redacted by parameter name and
 * value, anything else as text. Undefined when the request has no body.
 */
export function redactedBody(wire: WireRequest, redactor: Redactor): string | undefined {
  if (wire.body === undefined) return undefined;
  const type =
    Object.entries(wire.headers ?? {}).find(([name]) => name.toLowerCase() === 'content-type')?.[1] ?? '';
  const text = typeof wire.body === 'string' ? wire.body : Buffer.from(wire.body).toString('utf8');
  return type.includes('x-www-form-urlencoded') ? redactor.form(text) : redactor.text(text);
}

function describeBody(wire: WireRequest, redactor: Redactor): string {
  const shown = redactedBody(wire, redactor) ?? '';
  return shown.length > 500 ? `${shown.slice(0, 500)}…` : shown;
}

function locationOrigin(location: string | string[] | undefined): string {
  const value = Array.isArray(location) ? location[0] : location;
  if (!value) return '';
  try {
    return ` to ${new URL(value, 'http://relative.invalid').origin.replace('http://relative.invalid', 'the same host')}`;
  } catch {
    return '';
  }
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
