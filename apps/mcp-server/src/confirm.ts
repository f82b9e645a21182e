import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** Every value of `--confirm`. */
export const CONFIRM_MODES = ['destructive', 'writes', 'off'] as const;

/** What `--confirm` asks confirmation for. */
export type ConfirmMode = (typeof CONFIRM_MODES)[number];

/** Whether a call of this tool needs the user's confirmation under a mode. */
export function needsConfirmation(
  tool: { mutating: boolean; annotations: { destructiveHint: boolean } },
  mode: ConfirmMode,
): boolean {
  if (!tool.mutating || mode === 'off') return false;
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
export type TokenCheck = 'ok' | 'expired' | 'mismatch' | 'used';

/**
 * Two-step confirmation for clients without elicitation: a preview returns a short-lived token bound (by
 * HMAC with a per-process key) to the tool, the account and the exact arguments; only a second call with the
 * same arguments and that token executes, once. Stateless per request, so it works with fresh HTTP servers.
 */
export class Confirmations {
  readonly #key = randomBytes(32);
  readonly #used = new Map<string, number>();
  readonly #now: () => number;

  constructor(now: () => number = Date.now) {
    this.#now = now;
  }

  #mac(tool: string, account: string, args: unknown, expiresAt: number): string {
    return createHmac('sha256', this.#key)
      .update(`${tool}\n${account}\n${expiresAt}\n${canonicalJson(args)}`)
      .digest('base64url');
  }

  /** A token for this exact call. */
  issue(tool: string, account: string, args: unknown): { token: string; expiresAt: number } {
    const expiresAt = this.#now() + CONFIRMATION_TTL_MS;
    return { token: `${expiresAt.toString(36)}.${this.#mac(tool, account, args, expiresAt)}`, expiresAt };
  }

  /** Checks a token against this exact call and consumes it when valid. */
  redeem(token: string, tool: string, account: string, args: unknown): TokenCheck {
    const [stamp, mac] = token.split('.');
    const expiresAt = Number.parseInt(stamp ?? '', 36);
    if (!mac || !Number.isFinite(expiresAt)) return 'mismatch';
    const expected = Buffer.from(this.#mac(tool, account, args, expiresAt));
    const given = Buffer.from(mac);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return 'mismatch';
    const now = this.#now();
    if (now > expiresAt) return 'expired';
    for (const [used, until] of this.#used) if (until < now) this.#used.delete(used);
    if (this.#used.has(token)) return 'used';
    this.#used.set(token, expiresAt);
    return 'ok';
  }
}
