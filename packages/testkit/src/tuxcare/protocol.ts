import { createHash } from 'node:crypto';
import type { SimResponse } from '../response.js';
import type { SimAccount, TuxCareSimState } from './state.js';

/** A token lives 30 minutes (both documents). */
export const TOKEN_LIFETIME_SECONDS = 30 * 60;

/** The documented JSON envelope. */
export function ok(data: unknown, message: string | null = null): SimResponse {
  return { body: { message, type: null, success: true, data } };
}

/** A refusal in the documented envelope (HTTP 200: the documents give no status for errors). */
export function fail(message: string, status = 200): SimResponse {
  return { status, body: { message, type: null, success: false, data: null } };
}

/** The documented "Authorization failed" answer. */
export const AUTH_FAILED: SimResponse = fail('Authorization failed');

/** `.plain` text: `success:true|false` first, then `key:value` lines. */
export function plain(fields: Record<string, string | number | boolean>): SimResponse {
  const lines = Object.entries(fields).map(([key, value]) => `${key}:${value}`);
  return { headers: { 'content-type': 'text/plain; charset=utf-8' }, body: `${lines.join('\n')}\n` };
}

/** Nagios plugin text. */
export function text(body: string): SimResponse {
  return { headers: { 'content-type': 'text/plain; charset=utf-8' }, body };
}

/**
 * Verifies `login|timestamp|sha1(secret_key + timestamp)` exactly: a known login, a decimal timestamp not in
 * the future and at most 30 minutes old, and the lower-case hex SHA-1.
 * @returns the account, or undefined when the token is not valid.
 */
export function verifyToken(
  state: TuxCareSimState,
  token: string | null,
  nowMs: number,
): SimAccount | undefined {
  if (!token) return undefined;
  const parts = token.split('|');
  if (parts.length !== 3) return undefined;
  const [login, ts, digest] = parts as [string, string, string];
  const account = state.accounts.find((candidate) => candidate.login === login);
  if (!account || !/^\d{1,12}$/.test(ts) || !/^[0-9a-f]{40}$/.test(digest)) return undefined;
  const nowSeconds = Math.floor(nowMs / 1000);
  const issued = Number(ts);
  if (issued > nowSeconds || nowSeconds - issued > TOKEN_LIFETIME_SECONDS) return undefined;
  const expected = createHash('sha1').update(`${account.secretKey}${ts}`, 'utf8').digest('hex');
  return expected === digest ? account : undefined;
}

/** A date as the API writes it: `yyyy-MM-ddTHH:mm-0400` (minutes, offset without a colon). */
export function apiDate(ms: number): string {
  const offsetMinutes = -4 * 60;
  const local = new Date(ms + offsetMinutes * 60_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${local.getUTCFullYear()}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}T${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}-0400`;
}

const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** A deterministic key-like string from the state's serial (so runs are reproducible). */
export function generated(state: TuxCareSimState, length: number): string {
  state.serial += 1;
  // xorshift32 seeded by the serial: 32-bit integer arithmetic, so no float precision is lost.
  let seed = (state.serial * 2654435761) >>> 0 || 1;
  let out = '';
  for (let i = 0; i < length; i += 1) {
    seed ^= seed << 13;
    seed ^= seed >>> 17;
    seed ^= seed << 5;
    seed >>>= 0;
    out += ALPHANUMERIC[seed % ALPHANUMERIC.length];
  }
  return out;
}

/** Reads a non-negative integer argument; undefined when absent, NaN when malformed. */
export function intArg(value: string | null): number | undefined {
  if (value === null || value === '') return undefined;
  return /^-?\d+$/.test(value) ? Number(value) : Number.NaN;
}

/** Reads a boolean argument in any of the spellings a Java backend binds. */
export function boolArg(value: string | null): boolean | undefined | 'invalid' {
  if (value === null || value === '') return undefined;
  const lower = value.toLowerCase();
  if (['true', '1', 'yes', 'on'].includes(lower)) return true;
  if (['false', '0', 'no', 'off'].includes(lower)) return false;
  return 'invalid';
}
