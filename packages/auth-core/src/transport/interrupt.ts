/** Whatever an attempt has in flight and can cancel (the HTTP exchange). */
export interface Abortable {
  abort(reason: unknown): void;
}

/**
 * The abort state of one call: the deadline (checked by each attempt's clock) and the caller's AbortSignal
 * both land here, and it forwards to whatever is in progress (the current attempt, or the backoff sleep).
 */
export class CallState {
  /** When the call's deadline passes, ms since epoch. */
  readonly deadlineAt: number;
  aborted = false;
  deadlineHit = false;
  #attempt: Abortable | undefined;
  #wake: (() => void) | undefined;

  constructor(deadlineAt: number) {
    this.deadlineAt = deadlineAt;
  }

  abort(reason: unknown, deadline = false): void {
    if (this.aborted) return;
    this.aborted = true;
    this.deadlineHit = deadline;
    this.#attempt?.abort(reason);
    this.#wake?.();
  }

  /** Makes `attempt` the one an abort cancels (aborting it at once if the call already is). */
  attach(attempt: Abortable): void {
    if (this.aborted) attempt.abort(new Error('aborted'));
    this.#attempt = attempt;
  }

  /** Waits `ms`, or less if the call is aborted meanwhile. */
  sleep(ms: number): Promise<void> {
    if (this.aborted) return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.#wake = undefined;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.#wake = done;
    });
  }
}
