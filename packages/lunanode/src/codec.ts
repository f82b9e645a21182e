import {
  type Codec,
  formBody,
  headerOf,
  lunanodeSign,
  type NonceSource,
  type ParamValue,
  REDACTED,
  refusalError,
  responseFormatError,
  toParams,
  tryJson,
  type WireRequest,
  type WireResponse,
  wireParams,
} from '@x/auth-core';
import { lunanodeRefusal, VENDOR } from './errors.js';
import type { LunaNodeRoute } from './route.js';
import { decodeEntities } from './schemas/output.js';

/** What the codec needs to sign and address calls. */
export interface LunaNodeCodecSettings {
  apiId: string;
  apiKey: string;
  /** e.g. `https://dynamic.lunanode.com/api`, without a trailing slash. */
  baseUrl: string;
  nonces: NonceSource;
  /** The clock, for the placeholder nonce of a preview (which must not advance a monotonic source). */
  now: () => number;
  /** Send the key in the query string (legacy API). */
  legacy: boolean;
}

/**
 * Turns a validated input into the API's string parameters: undefined and empty values omitted, booleans
 * `yes`/`no`, lists comma-separated, numbers as decimal strings; a route's open-ended extra parameters are
 * merged in after the declared ones.
 */
export function encodeParams(input: unknown, route: LunaNodeRoute): Record<string, string> {
  const fields = { ...(input as Record<string, ParamValue | Record<string, string>>) };
  let extra: Record<string, string> = {};
  if (route.extraParams !== undefined) {
    extra = toParams((fields[route.extraParams] ?? {}) as Record<string, ParamValue>);
    delete fields[route.extraParams];
  }
  const declared = toParams(fields as Record<string, ParamValue>);
  return { ...extra, ...declared };
}

/** The LunaNode wire format: signed form POSTs (or legacy GETs), `success`/`error` envelopes. */
export function createLunaNodeCodec(settings: LunaNodeCodecSettings): Codec<LunaNodeRoute> {
  return {
    build(call, { dryRun }): WireRequest {
      const route = call.endpoint.route;
      const params = encodeParams(call.input, route);
      if (settings.legacy) return legacyRequest(settings, route, params);
      // A fresh nonce and signature per attempt; a preview must not consume a monotonic nonce.
      const nonce = dryRun ? String(Math.floor(settings.now() / 1000)) : settings.nonces();
      const signed = lunanodeSign({
        category: route.category,
        action: route.action,
        params,
        apiId: settings.apiId,
        apiKey: settings.apiKey,
        nonce,
      });
      return {
        method: 'POST',
        url: `${settings.baseUrl}/${route.category}/${route.action}/`,
        headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
        body: formBody({ req: signed.req, signature: signed.signature, nonce: signed.nonce }),
        // `req` itself is not secret: it is the call's parameters plus api_id and api_partialkey, which the
        // client's redactor knows by value. Registering all of it would hide what a preview must show.
        secrets: [signed.signature],
      };
    },
    describe: describeSigned,
    decode(response, call) {
      const route = call.endpoint.route;
      if (route.binary && !looksLikeJson(response)) {
        if (response.status !== 200) throw refusalError(VENDOR, call.id, response);
        return {
          content_type: headerOf(response, 'content-type'),
          size: response.body.length,
          data_base64: response.body.toString('base64'),
        };
      }
      const envelope = parseEnvelope(response, call.id);
      if (envelope === undefined) {
        throw refusalError(VENDOR, call.id, response, { message: 'the API answered without a JSON body' });
      }
      const { success, error, ...rest } = envelope;
      if (success === undefined && response.status !== 200) throw refusalError(VENDOR, call.id, response);
      if (success !== 'yes') {
        const text =
          typeof error === 'string' ? decodeEntities(error) : 'the API refused the call without a reason';
        throw lunanodeRefusal(call.id, response, text);
      }
      return rest;
    },
  };
}

function legacyRequest(
  settings: LunaNodeCodecSettings,
  route: LunaNodeRoute,
  params: Record<string, string>,
): WireRequest {
  const query = new URLSearchParams({
    api_id: settings.apiId,
    api_key: settings.apiKey,
    category: route.category,
    action: route.action,
    ...params,
  });
  return { method: 'GET', url: `${settings.baseUrl}?${query}`, headers: { accept: 'application/json' } };
}

/**
 * The parameters a signed request carries, for previews and confirmation prompts: the fields inside `req`
 * (the call's own parameters, then api_id and api_partialkey) and the envelope's nonce and signature, with
 * the credential and signing parts masked. A legacy GET shows its query.
 */
function describeSigned(wire: WireRequest): Record<string, unknown> {
  const params = wireParams(wire);
  if (typeof params.req !== 'string') return params;
  let inner: unknown;
  try {
    inner = JSON.parse(params.req);
  } catch {
    return params;
  }
  if (inner === null || typeof inner !== 'object' || Array.isArray(inner)) return params;
  const { req: _req, signature: _signature, nonce: _nonce, ...rest } = params;
  return {
    ...(inner as Record<string, unknown>),
    ...rest,
    api_id: REDACTED,
    api_partialkey: REDACTED,
    signature: REDACTED,
    nonce: REDACTED,
  };
}

function looksLikeJson(response: WireResponse): boolean {
  const type = headerOf(response, 'content-type') ?? '';
  if (type.includes('json')) return true;
  const head = response.body.subarray(0, 64).toString('utf8').trimStart();
  return head.startsWith('{"success"') || head.startsWith('{ "success"');
}

/**
 * The JSON envelope of an answer. A non-JSON 200 is a ResponseFormatError (a proxy's HTML page); a non-JSON
 * error status returns undefined so the caller maps the status.
 */
function parseEnvelope(response: WireResponse, endpoint: string): Record<string, unknown> | undefined {
  const text = response.text();
  const parsed = tryJson(text);
  const context = { vendor: VENDOR, endpoint };
  if (!parsed.ok) {
    if (response.status !== 200) return undefined;
    throw responseFormatError(context, response, 'the answer is not JSON.', text);
  }
  const value = parsed.value;
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw responseFormatError(context, response, 'the answer is JSON but not an object.', text);
  }
  return value as Record<string, unknown>;
}
