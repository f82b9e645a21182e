import { createHmac } from 'node:crypto';

/** LunaNode credential lengths, as every official library checks them. */
export const LUNANODE_API_ID_LENGTH = 16;
export const LUNANODE_API_KEY_LENGTH = 128;

/**
 * JSON with every non-ASCII UTF-16 code unit escaped as `\uXXXX`, exactly as the official Python and PHP
 * libraries send it (`ensure_ascii`), so the signed bytes never depend on a UTF-8 re-encoding.
 */
export function asciiJson(value: unknown): string {
  return JSON.stringify(value).replace(
    /[\u007f-\uffff]/g,
    (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/** The `req` string: the call's parameters, then api_id and api_partialkey (first 64 characters of the key). */
export function lunanodeRequestString(params: Record<string, string>, apiId: string, apiKey: string): string {
  return asciiJson({ ...params, api_id: apiId, api_partialkey: apiKey.slice(0, 64) });
}

/** Inputs of a LunaNode signature. */
export interface LunaNodeSignatureInput {
  category: string;
  action: string;
  /** The exact `req` string that will be sent. */
  req: string;
  /** Integer seconds, as a string. */
  nonce: string;
  /** The 128-character API key, used as-is (UTF-8 bytes, not hex-decoded). */
  apiKey: string;
}

/** Lowercase hex HMAC-SHA512 keyed by the API key over `{category}/{action}/|{req}|{nonce}`. */
export function lunanodeSignature({ category, action, req, nonce, apiKey }: LunaNodeSignatureInput): string {
  return createHmac('sha512', apiKey).update(`${category}/${action}/|${req}|${nonce}`, 'utf8').digest('hex');
}

/** The three form fields of a signed LunaNode call. */
export interface LunaNodeSignedForm {
  req: string;
  signature: string;
  nonce: string;
}

/** Builds the signed form fields of one LunaNode call. */
export function lunanodeSign(input: {
  category: string;
  action: string;
  params: Record<string, string>;
  apiId: string;
  apiKey: string;
  nonce: string;
}): LunaNodeSignedForm {
  const req = lunanodeRequestString(input.params, input.apiId, input.apiKey);
  return { req, nonce: input.nonce, signature: lunanodeSignature({ ...input, req }) };
}

/** A source of nonces (integer seconds as strings). */
export type NonceSource = () => string;

/**
 * Nonces from a clock. `monotonic: true` makes them strictly increasing (`max(now, last + 1)`) for callers
 * that fire several calls per second; it may run a few seconds ahead of the clock under a burst.
 */
export function createNonceSource(options: { monotonic?: boolean; now?: () => number } = {}): NonceSource {
  const now = options.now ?? Date.now;
  let last = 0;
  return () => {
    const seconds = Math.floor(now() / 1000);
    const next = options.monotonic ? Math.max(seconds, last + 1) : seconds;
    last = next;
    return String(next);
  };
}
