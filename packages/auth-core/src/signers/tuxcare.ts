import { createHash } from 'node:crypto';

/** Inputs of the CLN / TuxCare token. */
export interface TuxCareTokenInput {
  login: string;
  secretKey: string;
  /** The time, ms since epoch; floored to whole seconds (never rounded up, so never in the future). */
  nowMs: number;
}

/**
 * The CLN / TuxCare API token: `login|ts|sha1(secret_key + ts)` with ts in integer seconds. A token lives
 * 30 minutes; clients make a fresh one per request.
 *
 * @example tuxcareToken({ login: 'customer_login', secretKey: 'testkey', nowMs: 1692699188_000 })
 * // 'customer_login|1692699188|35b8466e0235170a6354bb71c11cc35b4dca5e2b'
 */
export function tuxcareToken({ login, secretKey, nowMs }: TuxCareTokenInput): string {
  const ts = Math.floor(nowMs / 1000);
  const digest = createHash('sha1').update(`${secretKey}${ts}`, 'utf8').digest('hex');
  return `${login}|${ts}|${digest}`;
}
