import { createHmac, timingSafeEqual } from 'node:crypto';

/** The text the real API answers for every authentication problem (captured from the live API). */
export const LUNANODE_AUTH_FAILURE =
  'authentication failure; common reasons: bad nonce (computer time off), source IP mismatch, invalid API id/key';

/** An API token the simulator accepts. */
export interface LunaNodeCredential {
  /** 16 characters. */
  apiId: string;
  /** 128 characters; its first 64 are the `api_partialkey`. */
  apiKey: string;
}

/** The outcome of checking a signed request: its parameters, or why it was refused. */
export type SignedCheck =
  | { ok: true; params: Record<string, unknown> }
  | { ok: false; reason: 'form' | 'json' | 'api_id' | 'partialkey' | 'signature' | 'nonce' };

/**
 * Verifies a Dynamic API request the way the document describes it: the HMAC-SHA512 (keyed by the whole
 * API key) over `{category}/{action}/|{req}|{nonce}`, computed over the `req` string exactly as it arrived
 * (official clients serialise JSON differently, so re-serialising would reject valid requests); `api_id` and
 * `api_partialkey` inside `req`; and a nonce within `toleranceSeconds` of the simulator's clock.
 */
export function verifySigned(
  form: URLSearchParams,
  handler: string,
  credentials: readonly LunaNodeCredential[],
  nowMs: number,
  toleranceSeconds: number,
): SignedCheck {
  const req = form.get('req');
  const signature = form.get('signature');
  const nonce = form.get('nonce');
  if (req === null || signature === null || nonce === null) return { ok: false, reason: 'form' };
  let parsed: unknown;
  try {
    parsed = JSON.parse(req);
  } catch {
    return { ok: false, reason: 'json' };
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    return { ok: false, reason: 'json' };
  const { api_id, api_partialkey, ...params } = parsed as Record<string, unknown>;
  const credential = credentials.find((item) => item.apiId === api_id);
  if (!credential) return { ok: false, reason: 'api_id' };
  if (api_partialkey !== credential.apiKey.slice(0, 64)) return { ok: false, reason: 'partialkey' };
  const expected = createHmac('sha512', credential.apiKey)
    .update(`${handler}|${req}|${nonce}`, 'utf8')
    .digest();
  const given = /^[0-9a-fA-F]{128}$/.test(signature) ? Buffer.from(signature, 'hex') : Buffer.alloc(0);
  if (given.length !== expected.length || !timingSafeEqual(given, expected))
    return { ok: false, reason: 'signature' };
  if (!/^\d{1,12}$/.test(nonce) || Math.abs(Number(nonce) - nowMs / 1000) > toleranceSeconds) {
    return { ok: false, reason: 'nonce' };
  }
  return { ok: true, params };
}

/** Checks a legacy API call: the whole key travels as `api_key` next to `api_id`. */
export function verifyLegacy(values: URLSearchParams, credentials: readonly LunaNodeCredential[]): boolean {
  const credential = credentials.find((item) => item.apiId === values.get('api_id'));
  if (!credential) return false;
  const given = Buffer.from(values.get('api_key') ?? '', 'utf8');
  const expected = Buffer.from(credential.apiKey, 'utf8');
  return given.length === expected.length && timingSafeEqual(given, expected);
}
