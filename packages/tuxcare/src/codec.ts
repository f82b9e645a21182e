import {
  type ApiError,
  type Codec,
  fillPath,
  type Invocation,
  type ResponseFormatError,
  refusalError,
  responseFormatError,
  tryJson,
  tuxcareToken,
  type WireRequest,
  type WireResponse,
} from '@x/auth-core';
import { nagiosError, parseNagios, parsePlain } from './formats.js';
import type { ResponseFormat, TuxCareRoute } from './route.js';

/** What the codec needs to know about the account. */
export interface TuxCareCodecSettings {
  /** Base URL ending in `/api` (no trailing slash), e.g. `https://portal.tuxcare.com/api`. */
  baseUrl: string;
  login: string;
  secretKey: string;
  /** Clock in ms since the epoch (injectable for tests). */
  now: () => number;
}

const VENDOR = 'tuxcare';
const AUTH_HINT =
  ' Check TUXCARE_LOGIN and TUXCARE_SECRET_KEY, and that this machine clock is right: a token is valid for 30 minutes and must not be from the future.';

type Call = Invocation<TuxCareRoute>;

/** The path and response format of a call (status switches to `.plain` on `format: 'plain'`). */
function resolve(call: Call): { path: string; format: ResponseFormat } {
  const route = call.endpoint.route;
  const input = call.input as Record<string, unknown>;
  if (route.plainPath && input.format === 'plain') return { path: route.plainPath, format: 'plain' };
  return { path: route.path, format: route.format };
}

function wireValue(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (Array.isArray(value)) return value.map(String).join(',');
  return String(value);
}

/**
 * The CLN / TuxCare codec: GET (or the documented group method) with every argument in the query, a fresh
 * `token=login|ts|sha1(secret+ts)` per attempt, and per-format decoding of the answer.
 */
export function createTuxCareCodec(settings: TuxCareCodecSettings): Codec<TuxCareRoute> {
  return {
    build(call): WireRequest {
      const route = call.endpoint.route;
      const input = { ...(call.input as Record<string, unknown>) };
      const { path: template, format } = resolve(call);
      if (route.plainPath) delete input.format;
      const secrets: string[] = [];
      let token: string | undefined;
      // A fresh token for every attempt: build() runs once per attempt, so a retry never reuses an old one.
      const freshToken = (): string => {
        token ??= tuxcareToken({
          login: settings.login,
          secretKey: settings.secretKey,
          nowMs: settings.now(),
        });
        return token;
      };

      const pathValue = (name: string): string | undefined => {
        let value = wireValue(input[name]);
        delete input[name];
        if (value === undefined && name === 'login') value = settings.login;
        if (value === undefined && name === 'token') value = freshToken();
        // Still missing: fillPath refuses it by name ("required (it is part of the URL path)").
        if (value === undefined) return undefined;
        // A token in a path is not covered by query-name redaction: make it a call-scoped secret. The login
        // too: next to a token in one URL (the Nagios reseller report) it is half of the credential. A license
        // key in a path (`/kcare/nagios/{key}`) is not a secret: it is the data the user works with.
        if (name === 'token' || name === 'login') secrets.push(value);
        return value;
      };
      // Every path value is checked and encoded in one place (auth-core fillPath): one segment each, and an
      // empty, "." or ".." value is an InputError naming the field, so `..` can never turn
      // /kcare/nagios/{key} into /kcare/.
      const path = fillPath(template, pathValue, { vendor: VENDOR, endpoint: call.id });

      const query = new URLSearchParams();
      for (const [field, raw] of Object.entries(input)) {
        const value = wireValue(raw);
        if (value === undefined) continue;
        const names = route.params?.[field] ?? field;
        for (const name of typeof names === 'string' ? [names] : names) query.append(name, value);
      }
      if ((route.auth ?? 'token') === 'token') query.append('token', freshToken());
      // The digest alone, too: with the login and the timestamp (neither secret) it is a valid token for 30
      // minutes, and a vendor error may quote it without the rest.
      if (token !== undefined) secrets.push(token, token.slice(token.lastIndexOf('|') + 1));

      const search = query.size > 0 ? `?${query.toString()}` : '';
      const json = format !== 'plain' && format !== 'nagios';
      return {
        method: route.method ?? 'GET',
        url: `${settings.baseUrl}${path}${search}`,
        headers: { accept: json ? 'application/json' : 'text/plain, */*;q=0.5' },
        secrets,
      };
    },

    decode(response, call) {
      const { format } = resolve(call);
      const text = response.text();
      if (format === 'nagios') return decodeNagios(response, call, text);
      if (format === 'plain') return decodePlain(response, call, text);
      return decodeJson(response, call, text, format);
    },
  };
}

/** The typed error for a `success: false` answer (JSON envelope or `.plain`). */
function failure(response: WireResponse, call: Call, message: unknown, type: unknown): ApiError {
  const said = typeof message === 'string' && message.trim() !== '' ? message.trim() : undefined;
  const code = typeof type === 'string' || typeof type === 'number' ? type : undefined;
  const head = `tuxcare ${call.id} was refused: ${said ?? 'success:false without a message'}.`;
  const refusal = { message: said, code, summary: head, kind: 'api' as const };
  if (said && /authori[sz]ation failed|not authori[sz]ed|invalid token|token expired/i.test(said)) {
    return refusalError(VENDOR, call.id, response, {
      ...refusal,
      kind: 'auth',
      summary: `${head}${AUTH_HINT}`,
      hint: AUTH_HINT.trim(),
    });
  }
  if (said && /not found/i.test(said))
    return refusalError(VENDOR, call.id, response, { ...refusal, kind: 'not-found' });
  return refusalError(VENDOR, call.id, response, refusal);
}

/** Non-zero result codes (set_cidr, register_key) are refusals. */
function checkCode(response: WireResponse, call: Call, value: unknown): void {
  const codes = call.endpoint.route.codes;
  if (!codes || value === null || typeof value !== 'object') return;
  const raw = (value as { code?: unknown }).code;
  const code = typeof raw === 'string' && /^-?\d+$/.test(raw) ? Number(raw) : raw;
  if (typeof code !== 'number' || code === 0) return;
  const meaning = codes[code] ?? 'unknown result code';
  throw refusalError(VENDOR, call.id, response, {
    kind: 'api',
    code,
    message: meaning,
    summary: `tuxcare ${call.id} was refused with code ${code}: ${meaning}.`,
  });
}

function formatError(response: WireResponse, call: Call, text: string, what: string): ResponseFormatError {
  return responseFormatError({ vendor: VENDOR, endpoint: call.id }, response, `${what}.`, text);
}

function isEnvelope(
  value: unknown,
): value is { success: boolean; message?: unknown; type?: unknown; data?: unknown } {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    typeof (value as { success?: unknown }).success === 'boolean'
  );
}

function decodeJson(response: WireResponse, call: Call, text: string, format: ResponseFormat): unknown {
  const parsed = tryJson(text);
  if (!parsed.ok) {
    if (response.status >= 400) throw refusalError(VENDOR, call.id, response, { body: text.trim() });
    throw formatError(response, call, text, 'the answer is not JSON');
  }
  const body = parsed.value;
  if (isEnvelope(body)) {
    if (!body.success) throw failure(response, call, body.message, body.type);
    const message = typeof body.message === 'string' && body.message.trim() !== '' ? body.message : null;
    const data = body.data ?? null;
    if (format === 'envelope-full') {
      checkCode(response, call, data);
      return {
        data,
        message: message === null ? null : response.redactor.text(message),
        found: data !== null,
      };
    }
    if (data === null && message !== null) {
      // success:true, data:null and a message ("Server not found"): the message must reach the caller.
      throw failure(response, call, message, body.type);
    }
    checkCode(response, call, data);
    return data;
  }
  if (response.status >= 400) {
    const said =
      typeof body === 'object' && body !== null ? (body as { message?: unknown }).message : undefined;
    throw refusalError(VENDOR, call.id, response, { message: typeof said === 'string' ? said : undefined });
  }
  // No envelope: bare JSON (kcare/patchset). The output schema decides whether the shape is right.
  return body;
}

function decodePlain(response: WireResponse, call: Call, text: string): unknown {
  const { fields, raw } = parsePlain(text);
  if (typeof fields.success !== 'boolean') {
    if (response.status >= 400) throw refusalError(VENDOR, call.id, response, {});
    throw formatError(response, call, text, 'the .plain answer has no success line');
  }
  if (!fields.success) throw failure(response, call, fields.message, fields.type);
  checkCode(response, call, fields);
  return { ...fields, raw };
}

function decodeNagios(response: WireResponse, call: Call, text: string): unknown {
  const error = nagiosError(text);
  if (error) {
    const said = text.trim().split(/\r?\n/)[0] ?? error;
    if (error === 'Servers not found') {
      throw refusalError(VENDOR, call.id, response, {
        kind: 'not-found',
        message: said,
        summary: `tuxcare ${call.id}: ${said}.`,
      });
    }
    throw refusalError(VENDOR, call.id, response, {
      kind: 'auth',
      message: said,
      summary: `tuxcare ${call.id} was refused: ${said}. Check the reseller login and token.`,
    });
  }
  const report = parseNagios(text);
  const recognised = /^KernelCare\b/i.test(report.summary) || Object.keys(report.counts).length > 0;
  // A problem report may come with a non-2xx status (Nagios semantics), so a recognised report wins over it;
  // anything else on an error status (a proxy page, "Not Found") is a refusal.
  if (response.status >= 400 && (!recognised || response.status >= 500)) {
    throw refusalError(VENDOR, call.id, response, { body: text.trim().split(/\r?\n/)[0] ?? '' });
  }
  const start = text.trimStart();
  if (start === '' || start.startsWith('<') || start.startsWith('{')) {
    throw formatError(response, call, text, 'the answer is not Nagios plugin text');
  }
  return report;
}
