/**
 * The record of redeemed confirmation tokens. A token is single-use across every replica that shares the
 * confirmation secret only when they share this record too, so it is an interface: in process memory for one
 * server (the default), Redis for several (`--state redis://…`, see ledger-redis.ts).
 */
export interface UsedTokens {
  /**
   * Records `id` as used until `expiresAt` (ms since the epoch). Resolves true for the one caller that
   * recorded it first, false for every later one, on any replica. Throws {@link LedgerUnavailable} when the
   * record cannot be reached: the caller must then refuse, never execute.
   */
  claim(id: string, expiresAt: number): Promise<boolean>;
  /** Whether the record can be reached now (`/readyz`). */
  ready(): Promise<boolean>;
  close(): Promise<void>;
}

/** The shared record of used tokens cannot be reached; nothing may run that needs it. */
export class LedgerUnavailable extends Error {
  constructor(cause?: unknown) {
    super('the confirmation ledger is unreachable', { cause });
    this.name = 'LedgerUnavailable';
  }
}

/** The in-process ledger: exactly-once within one process, since check and record happen in one turn. */
export class MemoryLedger implements UsedTokens {
  readonly #used = new Map<string, number>();
  readonly #now: () => number;

  constructor(now: () => number = () => Date.now()) {
    this.#now = now;
  }

  async claim(id: string, expiresAt: number): Promise<boolean> {
    const now = this.#now();
    // Expired entries go on every claim: a token past its expiry is refused before the ledger is asked.
    for (const [used, until] of this.#used) if (until < now) this.#used.delete(used);
    if (this.#used.has(id)) return false;
    this.#used.set(id, expiresAt);
    return true;
  }

  async ready(): Promise<boolean> {
    return true;
  }

  async close(): Promise<void> {}
}
