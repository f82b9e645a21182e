import { setTimeout as sleep } from 'node:timers/promises';
import { type Dispatcher, request } from 'undici';
import { AbortError, ConfigError, TimeoutError, TransportError, type XError, isXError } from '../errors.js';
import { type Logger, resolveLogger, silentLogger } from '../logger.js';
import { Redactor } from '../redact.js';
import { userAgent } from '../version.js';
import { createDispatcher } from './dispatcher.js';
import { classifyFailure } from './failures.js';
import { type AttemptOutcome, DEFAULT_RETRY, type RetryPolicy, type RetryRule, decideRetry, parseRetryAfter } from './retry.js';
import { type TlsOptions, pinsOf } from './tls.js';

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

class DeadlineExceeded extends Error {
  readonly code = 'X_DEADLINE';
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
  readonly #dispatcher: Dispatcher;
  readonly #ownsDispatcher: boolean;
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
        throw new ConfigError('tls options cannot be combined with a custom dispatcher; configure TLS on it.', {
          vendor: this.vendor,
          setting: 'tls',
        });
      }
      this.#dispatcher = options.dispatcher;
      this.#ownsDispatcher = false;
    } else {
      this.#dispatcher = createDispatcher({
        connectTimeoutMs: this.timeouts.connectMs,
        keepAliveTimeoutMs: 4_000,
        connectionsPerOrigin: options.connectionsPerOrigin ?? 8,
        tls: options.tls,
        proxy: options.proxy,
        env: options.env,
      });
      this.#ownsDispatcher = true;
    }
  }

  /**
   * Sends a call: builds the request for each attempt with `prepare`, retries per policy within the deadline,
   * and returns the final answer whatever its status. Throws only typed errors (transport, timeout, abort).
   */
  async send(prepare: (attempt: number) => WireRequest | Promise<WireRequest>, context: CallContext): Promise<WireResponse> {
    const deadlineMs = context.deadlineMs ?? this.timeouts.deadlineMs;
    const policy = context.maxAttempts ? { ...this.retry, maxAttempts: context.maxAttempts } : this.retry;
    const rules = context.retryRules ? [...context.retryRules, ...this.#rules] : this.#rules;
    const started = performance.now();
    // One controller per call, fed by the caller's signal and the deadline timer. Listeners instead of
    // AbortSignal.any(): cheaper on the hot path and nothing lingers once the call settles.
    const call = new AbortController();
    let deadlineHit = false;
    const onCallerAbort = () => call.abort(context.signal?.reason);
    context.signal?.addEventListener('abort', onCallerAbort, { once: true });
    const timer = setTimeout(() => {
      deadlineHit = true;
      call.abort(new DeadlineExceeded('deadline'));
    }, deadlineMs);
    const signal = call.signal;
    let last: { method: string; url: string } | undefined;

    const interrupted = (attempts: number): XError | undefined => {
      if (context.signal?.aborted) {
        return new AbortError(`${this.vendor} ${context.endpoint}: aborted by the caller.`, {
          vendor: this.vendor,
          endpoint: context.endpoint,
          request: last,
          attempts,
        });
      }
      if (deadlineHit) {
        return new TimeoutError(
          `${this.vendor} ${context.endpoint}: no answer within the ${deadlineMs} ms deadline after ${attempts} attempt(s).`,
          {
            vendor: this.vendor,
            endpoint: context.endpoint,
            request: last,
            attempts,
            phase: 'deadline',
            timeoutMs: deadlineMs,
            mayHaveReachedServer: attempts > 0,
          },
        );
      }
      return undefined;
    };

    try {
      for (let attempt = 1; ; attempt++) {
        const stop = interrupted(attempt - 1);
        if (stop) throw stop;
        const wire = await prepare(attempt);
        const redactor = wire.secrets?.length ? this.redactor.with(wire.secrets) : this.redactor;
        const url = new URL(wire.url);
        if (this.#pinned && url.protocol !== 'https:') {
          throw new ConfigError(`${this.vendor}: fingerprint256 pinning needs an https:// URL, got ${url.protocol}//.`, {
            vendor: this.vendor,
            setting: 'fingerprint256',
          });
        }
        last = { method: wire.method, url: redactor.url(url) };

        let response: WireResponse | undefined;
        let failure: XError | undefined;
        try {
          response = await this.#attempt(wire, url, signal, redactor, context, attempt, last);
        } catch (error) {
          const stopped = interrupted(attempt);
          if (stopped) throw stopped;
          failure = isXError(error) ? error : new TransportError(String(error), { phase: 'send', mayHaveReachedServer: true });
        }

        if (response && response.status >= 300 && response.status < 400) {
          throw new TransportError(
            `${this.vendor} ${context.endpoint}: the server answered with a redirect (HTTP ${response.status}` +
              `${locationOrigin(response.headers.location)}); redirects are never followed with credentials. ` +
              'Check the base URL (http vs https, path).',
            { vendor: this.vendor, endpoint: context.endpoint, request: last, attempts: attempt, phase: 'redirect', mayHaveReachedServer: true },
            false,
          );
        }

        const outcome: AttemptOutcome = response
          ? { attempt, idempotent: context.idempotent, status: response.status, retryAfterMs: response.retryAfterMs }
          : {
              attempt,
              idempotent: context.idempotent,
              failure: {
                mayHaveReachedServer: (failure as { mayHaveReachedServer?: boolean }).mayHaveReachedServer ?? true,
                retryable: failure?.retryable ?? false,
              },
            };
        if (response && response.status < 400) return response;

        const decision = decideRetry(outcome, policy, rules, this.#random);
        const remaining = deadlineMs - (performance.now() - started);
        const give = !decision.retry || decision.delayMs >= remaining;
        if (give) {
          if (decision.retry) this.logger.info(`${this.vendor} ${context.endpoint}: not retrying, the deadline is near`);
          if (response) return response;
          throw failure;
        }
        this.logger.info(`${this.vendor} ${context.endpoint}: retrying in ${decision.delayMs} ms (${decision.reason})`, {
          attempt,
        });
        try {
          await sleep(decision.delayMs, undefined, { signal });
        } catch {
          throw interrupted(attempt) ?? failure;
        }
      }
    } finally {
      clearTimeout(timer);
      context.signal?.removeEventListener('abort', onCallerAbort);
    }
  }

  async #attempt(
    wire: WireRequest,
    url: URL,
    signal: AbortSignal,
    redactor: Redactor,
    context: CallContext,
    attempt: number,
    requestInfo: { method: string; url: string },
  ): Promise<WireResponse> {
    const verbose = this.logger !== silentLogger;
    const began = verbose ? performance.now() : 0;
    if (verbose) {
      this.logger.debug(`→ ${requestInfo.method} ${requestInfo.url}`, {
        endpoint: context.endpoint,
        attempt,
        ...(wire.body !== undefined ? { body: describeBody(wire, redactor) } : {}),
      });
    }
    let responseStarted = false;
    // Our own headers and body-idle clocks: undici's per-request timers proved unreliable for short values.
    const attemptAbort = new AbortController();
    const relay = () => attemptAbort.abort(signal.reason);
    signal.addEventListener('abort', relay, { once: true });
    let timedOut: 'UND_ERR_HEADERS_TIMEOUT' | 'UND_ERR_BODY_TIMEOUT' | undefined;
    const expire = (code: 'UND_ERR_HEADERS_TIMEOUT' | 'UND_ERR_BODY_TIMEOUT') => () => {
      timedOut = code;
      attemptAbort.abort(new Error(code));
    };
    let clock = setTimeout(expire('UND_ERR_HEADERS_TIMEOUT'), this.timeouts.headersMs);
    const failureContext = () => ({
      vendor: this.vendor,
      endpoint: context.endpoint,
      request: requestInfo,
      attempts: attempt,
      target: url.host,
      timeouts: { connectMs: this.timeouts.connectMs, headersMs: this.timeouts.headersMs, bodyMs: this.timeouts.bodyMs },
      responseStarted,
      redactor,
    });
    try {
      const answer = await request(url, {
        dispatcher: this.#dispatcher,
        method: wire.method,
        headers: { 'user-agent': this.userAgent, ...wire.headers },
        body: wire.body ?? null,
        signal: attemptAbort.signal,
        // Backstops only; the clocks above decide.
        headersTimeout: this.timeouts.headersMs + 1000,
        bodyTimeout: this.timeouts.bodyMs + 1000,
      });
      responseStarted = true;
      clearTimeout(clock);
      clock = setTimeout(expire('UND_ERR_BODY_TIMEOUT'), this.timeouts.bodyMs);
      const body = await this.#readBody(answer, context, requestInfo, attempt, clock);
      const headers = answer.headers as Record<string, string | string[] | undefined>;
      const response: WireResponse = {
        status: answer.statusCode,
        headers,
        body,
        text: () => body.toString('utf8'),
        retryAfterMs: parseRetryAfter(headers),
        attempts: attempt,
        redactor,
        request: requestInfo,
      };
      if (verbose) {
        this.logger.debug(`← ${answer.statusCode} ${requestInfo.method} ${requestInfo.url}`, {
          endpoint: context.endpoint,
          ms: Math.round(performance.now() - began),
          bytes: body.length,
          body: redactor.text(body.subarray(0, 500).toString('utf8')),
        });
      }
      return response;
    } catch (error) {
      if (isXError(error)) throw error;
      const failure = classifyFailure(timedOut && !signal.aborted ? { code: timedOut } : error, failureContext());
      if (verbose && !signal.aborted) this.logger.debug(`✗ ${failure.message}`);
      throw failure;
    } finally {
      clearTimeout(clock);
      signal.removeEventListener('abort', relay);
    }
  }

  async #readBody(
    answer: Dispatcher.ResponseData,
    context: CallContext,
    requestInfo: { method: string; url: string },
    attempt: number,
    idleClock: NodeJS.Timeout,
  ): Promise<Buffer> {
    const limit = this.maxResponseBytes;
    const tooLarge = (size: string) => {
      // Destroying emits 'error' on the body stream; nobody else listens, so swallow it here.
      answer.body.on('error', () => {});
      answer.body.destroy();
      return new TransportError(
        `${this.vendor} ${context.endpoint}: the answer is larger than the ${limit}-byte cap (${size}). ` +
          'Narrow the request (filters, paging) or raise maxResponseBytes.',
        {
          vendor: this.vendor,
          endpoint: context.endpoint,
          request: requestInfo,
          attempts: attempt,
          phase: 'size-limit',
          mayHaveReachedServer: true,
        },
        false,
      );
    };
    const declared = Number(answer.headers['content-length']);
    if (Number.isFinite(declared) && declared > limit) throw tooLarge(`${declared} bytes declared`);
    const chunks: Buffer[] = [];
    let total = 0;
    for await (const chunk of answer.body) {
      idleClock.refresh();
      total += (chunk as Buffer).length;
      if (total > limit) throw tooLarge('more arrived');
      chunks.push(chunk as Buffer);
    }
    return chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks, total);
  }

  /** Closes the dispatcher if this transport created it (idle sockets close at once). */
  async close(): Promise<void> {
    if (this.#ownsDispatcher) await this.#dispatcher.close();
  }
}

function describeBody(wire: WireRequest, redactor: Redactor): string {
  const type = Object.entries(wire.headers ?? {}).find(([name]) => name.toLowerCase() === 'content-type')?.[1] ?? '';
  const text = typeof wire.body === 'string' ? wire.body : Buffer.from(wire.body ?? []).toString('utf8');
  const shown = type.includes('x-www-form-urlencoded') ? redactor.form(text) : redactor.text(text);
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
