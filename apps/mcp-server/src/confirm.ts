import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** Every value of `--confirm`. */
export const CONFIRM_MODES = ['destructive', 'writes', 'off'] as const;

/** What `--confirm` asks confirmation for. */
export type ConfirmMode = (typeof CONFIRM_MODES)[number];

/**
 * Whether a call of this tool needs the user's confirmation under a mode. A tool that mints or reveals an
 * account credential counts as destructive here: handing out a login key is as grave as deleting something.
 */
export function needsConfirmation(
  tool: { mutating: boolean; credential: boolean; annotations: { destructiveHint: boolean } },
  mode: ConfirmMode,
): boolean {
  if (mode === 'off') return false;
  if (tool.credential) return true;
  if (!tool.mutating) return false;
  return mode === 'writes' || tool.annotations.destructiveHint;
}

/** How long a confirmation token stays valid. */
export const CONFIRMATION_TTL_MS = 5 * 60_000;

/** JSON with sorted keys, so the same arguments always hash the same. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** The result of checking a token. */
export type TokenCheck = 'ok' | 'invalid' | 'expired' | 'mismatch' | 'used';

/**
 * The one token format: `<expiry in ms, base 36, no leading zero>.<HMAC-SHA256, 43 base64url characters>`.
 * Anything else is refused before any other check, so no variant of a token (a changed case, padding, a
 * suffix, a sign) can be told apart from it by a lenient parser and redeemed again.
 */
const TOKEN_FORMAT = /^([1-9a-z][0-9a-z]{0,12})\.([A-Za-z0-9_-]{43})$/;

/** The expiry and MAC of a token in its canonical form, or undefined when it is not one. */
function parseToken(token: string): { expiresAt: number; mac: Buffer } | undefined {
  const match = TOKEN_FORMAT.exec(token);
  if (!match) return undefined;
  const [, stamp = '', encoded = ''] = match;
  const expiresAt = Number.parseInt(stamp, 36);
  if (!Number.isSafeInteger(expiresAt) || expiresAt.toString(36) !== stamp) return undefined;
  const mac = Buffer.from(encoded, 'base64url');
  // 43 characters hold 258 bits: the last one's two spare bits must be zero, or two spellings decode alike.
  if (mac.length !== 32 || mac.toString('base64url') !== encoded) return undefined;
  return { expiresAt, mac };
}

/**
 * Two-step confirmation for clients without elicitation: a preview returns a short-lived token bound (by
 * HMAC with a per-process key) to the tool, the account and the exact validated arguments; only a second call
 * with the same arguments and that token executes, once. Stateless per request, so it works with fresh HTTP
 * servers; the record of used tokens is keyed by the MAC itself, the one canonical id of a token.
 */
export class Confirmations {
  readonly #key = randomBytes(32);
  readonly #used = new Map<string, number>();
  readonly #now: () => number;

  constructor(now: () => number = () => Date.now()) {
    this.#now = now;
  }

  #mac(tool: string, account: string, args: unknown, expiresAt: number): Buffer {
    return createHmac('sha256', this.#key)
      .update(`${tool}\n${account}\n${expiresAt}\n${canonicalJson(args)}`)
      .digest();
  }

  /** A token for this exact call. */
  issue(tool: string, account: string, args: unknown): { token: string; expiresAt: number } {
    const expiresAt = this.#now() + CONFIRMATION_TTL_MS;
    const mac = this.#mac(tool, account, args, expiresAt).toString('base64url');
    return { token: `${expiresAt.toString(36)}.${mac}`, expiresAt };
  }

  /**
   * Checks a token against this exact call and consumes it when valid. Synchronous from check to record, so
   * two concurrent redemptions of one token cannot both pass.
   */
  redeem(token: string, tool: string, account: string, args: unknown): TokenCheck {
    const parsed = parseToken(token);
    if (!parsed) return 'invalid';
    const expected = this.#mac(tool, account, args, parsed.expiresAt);
    if (!timingSafeEqual(expected, parsed.mac)) return 'mismatch';
    const now = this.#now();
    if (now > parsed.expiresAt) return 'expired';
    for (const [used, until] of this.#used) if (until < now) this.#used.delete(used);
    const id = parsed.mac.toString('hex');
    if (this.#used.has(id)) return 'used';
    this.#used.set(id, parsed.expiresAt);
    return 'ok';
  }
}
