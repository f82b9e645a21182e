import { randomBytes } from 'node:crypto';
import {
  type ApiError,
  AuthError,
  type BuildContext,
  type CallOptions,
  type Codec,
  formBody,
  headerOf,
  type Invocation,
  type ParamValue,
  type Redactor,
  type RefusalResponse,
  refusalError,
  responseFormatError,
  SessionCache,
  type Transport,
  tryJson,
  type VendorRefusal,
  type WireRequest,
  type WireResponse,
} from '@x/auth-core';
import { PanelError, type PanelErrorInfo } from './errors.js';
import type { PanelRoute } from './route.js';
import { ShapeError } from './wire/node.js';
import { classifyDocument, type PanelResult, type ResultHint } from './wire/result.js';
import { parseXml } from './wire/xml.js';

/** The vendor key: error messages, tool prefix. */
export const VENDOR = 'ispmanager';

/** Per-call options of every method: COREmanager's `su` and `lang` besides the usual signal and deadline. */
export interface IspManagerCallOptions extends CallOptions {
  /** Act as this user (`su=`): admins may act as anyone, resellers as their users. */
  su?: string | undefined;
  /** Answer language (`lang=en`, `ru`, ...): panel messages and errors come back in it. */
  lang?: string | undefined;
}

/** How the client authenticates. */
export type AuthMode = 'authinfo' | 'session';

/** Output format requested from the panel. */
export type OutputFormat = 'xml' | 'json';

/** What the codec needs to know about the account. */
export interface CodecSettings {
  /** The panel binary URL, e.g. `https://host:1500/ispmgr`. */
  url: URL;
  username: string;
  password: string;
  auth: AuthMode;
  format: OutputFormat;
  /** Default `lang` of every call. */
  lang?: string | undefined;
  /** Idle lifetime of a session on the panel (one hour). */
  sessionIdleMs: number;
  redactor: Redactor;
}

/** Input fields whose values are secrets (redacted from previews, logs and errors by value). */
const SECRET_FIELDS = new Set(['passwd', 'password', 'confirm', 'key', 'ssl_key', 'authinfo', 'auth']);

/** Parameters the client owns; the generic call may not set them. */
export const RESERVED_PARAMS: readonly string[] = ['func', 'out', 'authinfo', 'auth', 'sok', 'su'];

/** Placeholder session id of a preview, which performs no login. */
export const PREVIEW_SESSION = '(session)';

/** Encodes one parameter: checkboxes `on`/`off`, id lists joined with ", " (COREmanager group actions). */
function encode(value: ParamValue): string | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value === 'boolean') return value ? 'on' : 'off';
  if (Array.isArray(value)) return value.length > 0 ? value.map(String).join(', ') : undefined;
  return String(value);
}

/** The panel's parameters of one call, from its validated input. */
function paramsOf(
  route: PanelRoute,
  input: Record<string, unknown>,
): { func: string; params: Record<string, string>; sok: boolean } {
  if (route.generic) {
    const params: Record<string, string> = {};
    for (const [name, value] of Object.entries((input.params ?? {}) as Record<string, ParamValue>)) {
      const encoded = encode(value);
      if (encoded !== undefined) params[name] = encoded;
    }
    // `su` is its own field, so a preview, a confirmation prompt and policy all see who the call acts as.
    if (typeof input.su === 'string') params.su = input.su;
    return { func: String(input.func), params, sok: input.sok === true };
  }
  const params: Record<string, string> = {};
  for (const [name, value] of Object.entries(input)) {
    if (name === 'mode') continue; // create vs edit is explicit in the input; the wire only knows elid
    const encoded = encode(value as ParamValue);
    if (encoded !== undefined) params[name] = encoded;
  }
  if (route.confirm && params[route.confirm] !== undefined) params.confirm = params[route.confirm] as string;
  return { func: route.func, params, sok: route.sok === true };
}

/** Builds the typed error of a panel `<error>` answer (the core redacts every field). */
export function panelError(
  info: PanelErrorInfo,
  endpoint: string,
  func: string,
  response: RefusalResponse,
): ApiError {
  const object = info.object === undefined ? '' : `(${info.object})`;
  const said = info.message ? `: ${info.message}` : '';
  const head = `${VENDOR} ${endpoint} (func ${func}) failed with ${info.type}${object}${said}.`;
  const refusal: VendorRefusal = {
    code: info.type,
    message: info.message,
    data: { type: info.type, object: info.object, value: info.value, params: info.params, func },
  };
  if (info.type === 'auth') {
    return refusalError(VENDOR, endpoint, response, {
      ...refusal,
      kind: 'auth',
      summary: `${head} Check ISPMANAGER_USERNAME / ISPMANAGER_PASSWORD, and that authinfo logins are allowed from this address (RestrictAuthinfo).`,
    });
  }
  const hint = HINTS[info.type];
  return refusalError(VENDOR, endpoint, response, {
    ...refusal,
    as: PanelError,
    summary: hint ? `${head} ${hint}` : head,
    hint,
    // The list beside the endpoint (`user.delete` → `user.list`) holds the ids that exist.
    remedy:
      info.type === 'missed' && endpoint.includes('.')
        ? { endpoint: siblingList(endpoint), action: 'look-up' }
        : undefined,
  });
}

/** What to do about each panel error type, said in the message and in `hint`. */
const HINTS: Readonly<Record<string, string>> = {
  exists: 'It already exists: edit it (mode "edit") or choose another name.',
  missed: 'It does not exist: take the id from the matching list call.',
  access: 'This account (or the su user) may not do this.',
  value: 'A parameter has a value the panel refuses; the object names it.',
};

function siblingList(endpoint: string): string {
  return `${endpoint.slice(0, endpoint.lastIndexOf('.'))}.list`;
}

/** Parses any answer into a result kind, or throws ResponseFormatError. */
export function decodeDocument(response: WireResponse, endpoint: string, hint: ResultHint): PanelResult {
  const text = response.text();
  const contentType = headerOf(response, 'content-type') ?? '';
  const start = text.trimStart();
  const formatError = (reason: string) =>
    responseFormatError({ vendor: VENDOR, endpoint }, response, reason, start);
  const html =
    /^<!doctype\s+html|^<html[\s>]/i.test(start) ||
    // Some panels label XML as text/html: trust the body when it opens like a document.
    (contentType.includes('text/html') && !/^(<\?xml|<doc[\s>/]|\{)/.test(start));
  if (html) {
    throw formatError(
      'the panel answered with an HTML page, not a COREmanager document. The URL must name the panel binary ' +
        '(https://host:1500/ispmgr), and a proxy or login page may be in the way.',
    );
  }
  try {
    if (start.startsWith('{')) {
      const parsed = tryJson(start);
      if (!parsed.ok) throw new ShapeError(`malformed JSON: ${parsed.reason}`);
      return classifyDocument(parsed.value, hint);
    }
    if (start.startsWith('<')) return classifyDocument(parseXml(start), hint);
    throw new ShapeError('the answer is neither XML nor JSON');
  } catch (error) {
    if (error instanceof ShapeError) throw formatError(error.message);
    if (error instanceof RangeError) throw formatError('the document nests too deeply');
    throw error;
  }
}

/** The COREmanager codec, plus what the client wires up after the transport exists. */
export interface PanelCodec extends Codec<PanelRoute, IspManagerCallOptions> {
  /** Gives the codec the transport it logs in through (sessions). */
  attach(transport: Transport): void;
  /** The session cache (session mode only). */
  readonly sessions: SessionCache<string> | undefined;
}

/** Creates the codec of one panel account. */
export function createPanelCodec(settings: CodecSettings): PanelCodec {
  let transport: Transport | undefined;
  const keys = new WeakMap<object, string>();
  const headers = {
    'content-type': 'application/x-www-form-urlencoded; charset=utf-8',
    accept: settings.format === 'json' ? 'application/json' : 'application/xml, text/xml',
  };
  const url = settings.url.toString();

  const login = async () => {
    if (!transport) throw new Error('ispmanager codec used before attach()');
    const response = await transport.send(
      () => ({
        method: 'POST',
        url,
        headers,
        body: formBody({
          func: 'auth',
          username: settings.username,
          password: settings.password,
          out: settings.format,
        }),
        // The answer is the new session id, which the redactor learns only after decoding it.
        sensitiveResponse: true,
      }),
      { endpoint: 'auth', idempotent: true },
    );
    const result = decodeDocument(response, 'auth', 'auth');
    if (result.kind === 'error') throw panelError(result.error, 'auth', 'auth', response);
    if (result.kind !== 'auth' || !result.id) {
      throw refusalError(VENDOR, 'auth', response, {
        kind: 'auth',
        summary: `${VENDOR} login (func auth) answered without a session id.`,
      });
    }
    return { value: result.id };
  };

  const sessions =
    settings.auth === 'session'
      ? new SessionCache<string>({
          login,
          idleTimeoutMs: settings.sessionIdleMs,
          onSession: (id) => settings.redactor.addSecret(id),
        })
      : undefined;

  const build = async (
    call: Invocation<PanelRoute, IspManagerCallOptions>,
    context: BuildContext,
  ): Promise<WireRequest> => {
    const route = call.endpoint.route;
    const input = (call.input ?? {}) as Record<string, unknown>;
    const { func, params, sok } = paramsOf(route, input);
    const secrets: string[] = [];
    for (const [name, value] of Object.entries(params)) if (SECRET_FIELDS.has(name)) secrets.push(value);
    if (route.keyFlow) {
      // The key logs a user in: redact it from this client's errors and logs from now on, not only this call's.
      let key = params.key ?? keys.get(call);
      if (!key) {
        key = randomBytes(24).toString('base64url');
        keys.set(call, key);
      }
      settings.redactor.addSecret(key);
      params.key = key;
      secrets.push(key);
    }
    const body: Record<string, string> = { func, ...params };
    if (sok) body.sok = 'ok';
    body.out = settings.format;
    const lang = call.options.lang ?? settings.lang;
    if (lang) body.lang = lang;
    if (call.options.su) body.su = call.options.su;
    if (sessions) {
      const session = context.dryRun ? PREVIEW_SESSION : await sessions.get(call.options.signal);
      body.auth = session;
      secrets.push(session);
    } else {
      body.authinfo = `${settings.username}:${settings.password}`;
    }
    return { method: 'POST', url, headers, body: formBody(body), secrets };
  };

  const decode = (response: WireResponse, call: Invocation<PanelRoute, IspManagerCallOptions>): unknown => {
    const route = call.endpoint.route;
    const func = route.generic ? String((call.input as { func?: unknown }).func) : route.func;
    if (response.status >= 400) {
      let result: PanelResult | undefined;
      try {
        result = decodeDocument(response, call.id, 'any');
      } catch {
        result = undefined;
      }
      if (result?.kind === 'error') throw panelError(result.error, call.id, func, response);
      throw refusalError(VENDOR, call.id, response, { message: `HTTP ${response.status} from the panel` });
    }
    const result = decodeDocument(response, call.id, route.result);
    if (result.kind === 'error') throw panelError(result.error, call.id, func, response);
    if (result.kind === 'confirm' && !route.generic) {
      throw panelError(
        {
          type: 'confirm',
          object: func,
          value: undefined,
          message: 'the panel asks to confirm this request',
          params: {},
          lang: undefined,
        },
        call.id,
        func,
        response,
      );
    }
    if (route.keyFlow && result.kind === 'ok') {
      const input = call.input as { username: string; key?: string };
      const key = input.key ?? keys.get(call) ?? '';
      const link = new URL(url);
      link.search = new URLSearchParams({
        func: 'auth',
        username: input.username,
        key,
        checkcookie: 'no',
      }).toString();
      return { ...result, username: input.username, url: link.toString() };
    }
    return result;
  };

  return {
    build,
    decode,
    sessions,
    attach(next) {
      transport = next;
    },
    around: sessions
      ? (call, send) => sessions.run(() => send(), isSessionGone, call.options.signal)
      : undefined,
  };
}

/** A call (not a login) refused with `type="auth"`: the session died (idle hour, panel restart, IP change). */
function isSessionGone(error: unknown): boolean {
  return error instanceof AuthError && error.endpoint !== 'auth' && error.code === 'auth';
}
