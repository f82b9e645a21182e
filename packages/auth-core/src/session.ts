/**
 * A cache for session credentials (COREmanager `func=auth` sessions, VMmanager tokens): expiry (absolute and
 * idle), single-flight login (N concurrent calls trigger one login) and exactly one re-login when the vendor
 * says the session is gone.
 */

/** What a login returns. */
export interface Session<T> {
  value: T;
  /** Absolute expiry (ms since epoch), when the vendor states one. */
  expiresAt?: number | undefined;
}

/** Options of a {@link SessionCache}. */
export interface SessionCacheOptions<T> {
  /**
   * Performs the login. It is shared by every caller waiting for it, so it gets no caller's signal; bound it
   * with the transport's deadline instead. Each caller can still abandon the wait with its own signal.
   */
  login: () => Promise<Session<T>>;
  /** The vendor drops a session after this much inactivity (COREmanager and VMmanager: one hour). */
  idleTimeoutMs?: number | undefined;
  /** Renew this long before an expiry, so a call never starts with a session about to lapse. */
  safetyMarginMs?: number | undefined;
  /** Called with every new session value (to register it with the redactor). */
  onSession?: ((value: T) => void) | undefined;
  /** Injectable clock, ms. */
  now?: (() => number) | undefined;
}

/** Cached session credentials with single-flight login. */
export class SessionCache<T> {
  readonly #options: SessionCacheOptions<T>;
  readonly #now: () => number;
  #current: { value: T; expiresAt: number | undefined; lastUsed: number } | undefined;
  #pending: Promise<T> | undefined;
  /** How many logins have been performed (for tests and metrics). */
  logins = 0;

  constructor(options: SessionCacheOptions<T>) {
    this.#options = options;
    this.#now = options.now ?? Date.now;
  }

  #fresh(): boolean {
    const current = this.#current;
    if (!current) return false;
    const now = this.#now();
    const margin = this.#options.safetyMarginMs ?? 30_000;
    if (current.expiresAt !== undefined && now >= current.expiresAt - margin) return false;
    const idle = this.#options.idleTimeoutMs;
    if (idle !== undefined && now - current.lastUsed >= idle - margin) return false;
    return true;
  }

  /** The current session, logging in first if there is none or it has expired. Concurrent callers share one login. */
  async get(signal?: AbortSignal): Promise<T> {
    if (this.#fresh() && this.#current) {
      this.#current.lastUsed = this.#now();
      return this.#current.value;
    }
    if (!this.#pending) {
      this.#pending = (async () => {
        try {
          this.logins++;
          const session = await this.#options.login();
          this.#options.onSession?.(session.value);
          this.#current = { value: session.value, expiresAt: session.expiresAt, lastUsed: this.#now() };
          return session.value;
        } finally {
          this.#pending = undefined;
        }
      })();
    }
    return abandonable(this.#pending, signal);
  }

  /**
   * Forgets the session, but only if it is still `stale`: when several calls fail with the same dead session,
   * the first invalidates it and the others reuse the replacement instead of logging in again.
   */
  invalidate(stale?: T): void {
    if (stale === undefined || this.#current?.value === stale) this.#current = undefined;
  }

  /**
   * Runs `call` with a session. When it fails and `isSessionGone` says the session was rejected, logs in
   * again once and retries once; a second rejection is thrown as is.
   */
  async run<R>(
    call: (session: T) => Promise<R>,
    isSessionGone: (error: unknown) => boolean,
    signal?: AbortSignal,
  ): Promise<R> {
    const session = await this.get(signal);
    try {
      return await call(session);
    } catch (error) {
      if (!isSessionGone(error)) throw error;
      this.invalidate(session);
      return call(await this.get(signal));
    }
  }
}

/** Lets one waiter stop waiting for a shared promise without cancelling it for the others. */
function abandonable<T>(shared: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return shared;
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    shared.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}
