/**
 * The VMmanager codec: builds requests (token header, filters, JSON bodies), decodes `{"error":{...}}`
 * answers to typed errors, logs in single-flight with a cached token, re-logs in once when the token died,
 * never on error 3001, and retries the documented 503 ("suspended") on every method.
 */
import {
  type Codec,
  type Redactor,
  refusalError,
  responseFormatError,
  SessionCache,
  type Transport,
  tryJson,
  type WireRequest,
  type WireResponse,
} from '@x/auth-core';
import { EXTERNAL_ACCESS_DENIED, ExternalAccessError, type VmErrorBody, vmErrorOf } from './errors.js';
import { type SuspendedRetry, suspendedRetryRule } from './retry.js';
import type { VmRoute } from './route.js';
import { type TaskPoller, type WaitPacing, waitForTask } from './tasks.js';
import { joinUrl, loginLinkPath, wireParts, wirePathOf } from './wire.js';

const VENDOR = 'vmmanager';

/** What stands in for the token in a dry run (no login happens). */
export const PLACEHOLDER_TOKEN = '(token)';

/** VMmanager deletes a token unused for this long (60 minutes). */
export const TOKEN_IDLE_MS = 60 * 60 * 1000;

/** How the client authenticates. */
export type VmCredentials =
  | { kind: 'password'; email: string; password: string }
  | { kind: 'token'; token: string };

/** Options of {@link createVmCodec}. */
export interface VmCodecOptions {
  baseUrl: URL;
  credentials: VmCredentials;
  redactor: Redactor;
  suspendedRetry?: SuspendedRetry | undefined;
  /** Idle lifetime of a token (default 60 minutes, VMmanager's default `token_ttl`). */
  tokenIdleMs?: number | undefined;
  /** Injectable clock for the session cache. */
  now?: (() => number) | undefined;
}

/** What the client wires in once the transport exists. */
export interface VmCodecLinks {
  transport: Transport;
  /** Calls an endpoint by id through the whole pipeline (used by `task.wait` to poll `task.list`). */
  invoke: TaskPoller['invoke'];
  /** How `task.wait` paces its polls (tests against a simulator only). */
  pacing?: WaitPacing | undefined;
}

/** The codec plus its session state. */
export interface VmCodec {
  codec: Codec<VmRoute>;
  /** The token cache (password mode only). */
  sessions: SessionCache<string> | undefined;
  /** Connects the codec to the client that uses it. */
  link(links: VmCodecLinks): void;
}

function parseExpiry(value: unknown): number | undefined {
  if (typeof value !== 'string' || !value) return undefined;
  const ms = Date.parse(value.includes('T') ? value : value.replace(' ', 'T'));
  return Number.isNaN(ms) ? undefined : ms;
}

/** Builds the codec of a VMmanager client. */
export function createVmCodec(options: VmCodecOptions): VmCodec {
  const { baseUrl, credentials, redactor } = options;
  let links: VmCodecLinks | undefined;
  const linked = (): VmCodecLinks => {
    if (!links) throw new Error('vmmanager codec used before it was linked to a client');
    return links;
  };
  /** Errors that mean "this token is gone": the only ones that trigger the single re-login. */
  const sessionGone = new WeakSet<object>();
  /** The token each call was started with (set by `around`, read by `build` on every attempt). */
  const tokens = new WeakMap<object, string>();

  const refusal = (
    response: WireResponse,
    endpoint: string,
    error: VmErrorBody | undefined,
    text: string,
    route?: VmRoute,
  ) => {
    const code = error?.code;
    const message = error?.msg;
    const data =
      error?.value === undefined || error.value === null
        ? undefined
        : typeof error.value === 'object' && !Array.isArray(error.value)
          ? (error.value as Record<string, unknown>)
          : { value: error.value };
    const said = { message, body: text.trim(), code, data };
    if (Number(code) === EXTERNAL_ACCESS_DENIED && route?.public) {
      // On the public key exchange the document shows 3001 as the answer to a bad key, not as "internal".
      return refusalError(
        VENDOR,
        endpoint,
        response,
        {
          ...said,
          hint: 'The key is invalid, already used or expired (a key lives one hour); create a new one.',
          remedy: { endpoint: 'auth.key.create', action: 'create' },
        },
        401,
      );
    }
    if (Number(code) === EXTERNAL_ACCESS_DENIED) {
      return refusalError(VENDOR, endpoint, response, {
        ...said,
        as: ExternalAccessError,
        kind: 'api',
        summary:
          `${VENDOR} ${endpoint} failed (HTTP ${response.status} [${EXTERNAL_ACCESS_DENIED}])` +
          `${message ? `: ${message}` : ''}. This function is not available to ` +
          'external API requests (VMmanager error 3001): it can only be called from inside the platform. ' +
          'Logging in again does not change that.',
        hint: 'The function is internal to VMmanager; use another endpoint.',
        retryable: false,
      });
    }
    if (response.status === 503) {
      return refusalError(VENDOR, endpoint, response, {
        ...said,
        hint:
          `The VMmanager instance is suspended (HTTP 503) and did not wake up after ${response.attempts} ` +
          'attempt(s) within the deadline; try again in a minute.',
      });
    }
    const gone = response.status === 401 || Number(code) === 1000;
    if (gone) {
      const hint =
        credentials.kind === 'token'
          ? 'The token was refused: it expires after 60 minutes unused or was revoked. Create a new one.'
          : 'The token was refused even after logging in again; check the account and its permissions.';
      const error = refusalError(VENDOR, endpoint, response, { ...said, hint }, 401);
      sessionGone.add(error);
      return error;
    }
    return refusalError(VENDOR, endpoint, response, said);
  };

  const login = async () => {
    if (credentials.kind !== 'password') throw new Error('login without a password');
    const { transport } = linked();
    const url = joinUrl(baseUrl, '/auth/v4/public/token');
    const response = await transport.send(
      (): WireRequest => ({
        method: 'POST',
        url,
        headers: { accept: 'application/json', 'content-type': 'application/json' },
        body: JSON.stringify({ email: credentials.email, password: credentials.password }),
      }),
      // A login only mints a token: repeating it is harmless.
      { endpoint: 'auth.login', idempotent: true },
    );
    const text = response.text();
    const parsed = tryJson(text, { empty: undefined });
    const body = parsed.ok ? parsed.value : undefined;
    if (response.status >= 300 || vmErrorOf(body)) {
      const error = vmErrorOf(body);
      // A suspended or failing server is not a credentials problem: report it as such.
      if (Number(error?.code) === EXTERNAL_ACCESS_DENIED || response.status >= 500) {
        throw refusal(response, 'auth.login', error, text);
      }
      const said = error?.msg ? `: ${error.msg}` : '';
      const code = error?.code !== undefined ? ` [${error.code}]` : '';
      throw refusalError(VENDOR, 'auth.login', response, {
        kind: 'auth',
        code: error?.code,
        message: error?.msg,
        summary:
          `${VENDOR} login as ${credentials.email} refused (HTTP ${response.status}${code})${said}. ` +
          'Check VMMANAGER_EMAIL and VMMANAGER_PASSWORD.',
        retryable: false,
      });
    }
    const token = (body as { token?: unknown } | undefined)?.token;
    if (typeof token !== 'string' || !token) {
      throw responseFormatError(
        { vendor: VENDOR, endpoint: 'auth.login' },
        response,
        'the login answered without a token.',
        text,
      );
    }
    // Registered before anything else can print it (the cache's onSession does it too, for later tokens).
    redactor.addSecret(token);
    return { value: token, expiresAt: parseExpiry((body as { expires_at?: unknown }).expires_at) };
  };

  const sessions =
    credentials.kind === 'password'
      ? new SessionCache<string>({
          login,
          idleTimeoutMs: options.tokenIdleMs ?? TOKEN_IDLE_MS,
          onSession: (token) => redactor.addSecret(token),
          now: options.now,
        })
      : undefined;

  const codec: Codec<VmRoute> = {
    retryRules: [suspendedRetryRule(options.suspendedRetry)],

    async build(call, { dryRun }) {
      const route = call.endpoint.route;
      const { pathAndQuery, body } = wireParts(route, call.input, call.id);
      const headers: Record<string, string> = { accept: 'application/json' };
      if (body !== undefined) headers['content-type'] = 'application/json';
      if (route.boxInstance) headers['isp-box-instance'] = 'true';
      if (!route.public) {
        headers['x-xsrf-token'] = dryRun
          ? PLACEHOLDER_TOKEN
          : credentials.kind === 'token'
            ? credentials.token
            : (tokens.get(call) ?? (await (sessions as SessionCache<string>).get(call.options.signal)));
      }
      return { method: route.method, url: joinUrl(baseUrl, pathAndQuery), headers, body };
    },

    decode(response, call) {
      const route = call.endpoint.route;
      const text = response.text();
      const parsed = tryJson(text, { empty: undefined });
      const body = parsed.ok ? parsed.value : undefined;
      const error = vmErrorOf(body);
      if (response.status >= 300 || error) throw refusal(response, call.id, error, text, route);
      if (!parsed.ok) {
        throw responseFormatError(
          { vendor: VENDOR, endpoint: call.id },
          response,
          `the answer (HTTP ${response.status}) is not JSON.`,
          text,
        );
      }
      const value = body ?? {};
      // A credential the call minted is a secret from now on (logs, errors, other answers); the MCP server
      // still shows it in this call's result, where the endpoint declares it.
      for (const field of call.endpoint.credentials ?? []) {
        const secret = (value as Record<string, unknown>)[field];
        if (typeof secret === 'string') redactor.addSecret(secret);
      }
      if (call.endpoint.credentials?.includes('link')) {
        const key = (value as { key?: unknown }).key;
        if (typeof key === 'string') return { ...(value as object), link: loginLink(baseUrl, key) };
      }
      if (route.lookup) {
        const list = (value as { list?: unknown }).list;
        const first = Array.isArray(list) ? (list[0] as unknown) : undefined;
        if (first === undefined) {
          const id = (call.input as Record<string, unknown>)[route.lookup];
          throw refusalError(VENDOR, call.id, response, {
            kind: 'not-found',
            summary: `${VENDOR} ${call.id}: no object with id ${String(id)}.`,
          });
        }
        return first;
      }
      return value;
    },

    around(call, send) {
      const route = call.endpoint.route;
      if (route.pseudo === 'task.wait') {
        return waitForTask(linked(), call);
      }
      // A path value that cannot be one segment is refused before the login, not after it (build runs later).
      wirePathOf(route, { ...(call.input as Record<string, unknown>) }, call.id);
      if (route.public || !sessions) return send();
      return sessions.run(
        (token) => {
          tokens.set(call, token);
          return send();
        },
        (error) => typeof error === 'object' && error !== null && sessionGone.has(error),
        call.options.signal,
      );
    },
  };

  return {
    codec,
    sessions,
    link(value) {
      links = value;
    },
  };
}

/** The one-time browser login link of a key: `{base}/auth/key/{key}` (the document's form). */
export function loginLink(baseUrl: URL, key: string): string {
  return joinUrl(baseUrl, loginLinkPath(key));
}
