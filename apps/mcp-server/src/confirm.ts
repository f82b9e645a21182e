import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { LedgerUnavailable, MemoryLedger, type UsedTokens } from './team/ledger.js';

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

/**
 * The result of checking a token. `unavailable`: the shared ledger of used tokens cannot be reached, so the
 * token cannot be proven unused and the call is refused (fail closed); the token stays redeemable.
 */
export type TokenCheck = 'ok' | 'invalid' | 'expired' | 'mismatch' | 'used' | 'unavailable';

/** The variable that gives every replica the same confirmation key. */
export const CONFIRM_SECRET_ENV = 'X_MCP_CONFIRM_SECRET';

/**
 * The confirmation key from `X_MCP_CONFIRM_SECRET` (its UTF-8 bytes), or undefined when unset (a random
 * per-process key then). Replicas behind a load balancer need the same key to accept each other's tokens.
 * Throws, without repeating the value, when it is shorter than 32 bytes: an HMAC key that short could be
 * guessed, and a guessed key lets anyone mint confirmations.
 */
export function confirmSecretFromEnv(env: NodeJS.ProcessEnv): Buffer | undefined {
  const value = env[CONFIRM_SECRET_ENV];
  if (value === undefined || value === '') return undefined;
  const key = Buffer.from(value, 'utf8');
  if (key.length < 32) {
    throw new Error(
      `${CONFIRM_SECRET_ENV} must be at least 32 bytes (it has ${key.length}); generate one with \`openssl rand -hex 32\``,
    );
  }
  return key;
}

/** Where a {@link Confirmations} gets its key, its ledger and its clock. */
export interface ConfirmationsOptions {
  /** The HMAC key shared by replicas (default: 32 random bytes, valid for this process only). */
  key?: Buffer | undefined;
  /** The record of used tokens (default: in process memory). */
  ledger?: UsedTokens | undefined;
  now?: (() => number) | undefined;
}

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
 * HMAC) to the person (when OAuth is on), the tool, the account and the exact validated arguments; only a
 * second call with the same arguments and that token executes, once. Stateless per request, so it works with
 * fresh HTTP servers and, with a shared key and ledger, across replicas; the ledger of used tokens is keyed
 * by the MAC itself, the one canonical id of a token.
 */
export class Confirmations {
  readonly #key: Buffer;
  readonly #ledger: UsedTokens;
  readonly #now: () => number;

  constructor(options: ConfirmationsOptions = {}) {
    this.#now = options.now ?? (() => Date.now());
    this.#key = options.key ?? randomBytes(32);
    this.#ledger = options.ledger ?? new MemoryLedger(this.#now);
  }

  /** The ledger of used tokens (its readiness shows in `/readyz`). */
  get ledger(): UsedTokens {
    return this.#ledger;
  }

  #mac(person: string, tool: string, account: string, args: unknown, expiresAt: number): Buffer {
    // JSON-quoted person: a subject may hold any character, a newline included, and must not shift fields.
    return createHmac('sha256', this.#key)
      .update(`${JSON.stringify(person)}\n${tool}\n${account}\n${expiresAt}\n${canonicalJson(args)}`)
      .digest();
  }

  /** A token for this exact call. `person`: the verified subject under OAuth ('' without), bound into it. */
  issue(tool: string, account: string, args: unknown, person = ''): { token: string; expiresAt: number } {
    const expiresAt = this.#now() + CONFIRMATION_TTL_MS;
    const mac = this.#mac(person, tool, account, args, expiresAt).toString('base64url');
    return { token: `${expiresAt.toString(36)}.${mac}`, expiresAt };
  }

  /**
   * Checks a token against this exact call and consumes it when valid. The ledger's claim is atomic (one
   * turn in memory, `SET NX` in Redis), so of concurrent redemptions of one token exactly one passes, on any
   * replica. A ledger that cannot be reached answers `unavailable`: refused, never executed.
   */
  async redeem(
    token: string,
    tool: string,
    account: string,
    args: unknown,
    person = '',
  ): Promise<TokenCheck> {
    const parsed = parseToken(token);
    if (!parsed) return 'invalid';
    const expected = this.#mac(person, tool, account, args, parsed.expiresAt);
    if (!timingSafeEqual(expected, parsed.mac)) return 'mismatch';
    if (this.#now() > parsed.expiresAt) return 'expired';
    try {
      return (await this.#ledger.claim(parsed.mac.toString('hex'), parsed.expiresAt)) ? 'ok' : 'used';
    } catch (error) {
      if (error instanceof LedgerUnavailable) return 'unavailable';
      throw error;
    }
  }
}
