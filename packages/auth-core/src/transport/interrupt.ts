import { EventEmitter } from 'node:events';

/**
 * A one-shot abort signal for one attempt. undici accepts any EventEmitter with `aborted`/`reason` as a
 * request signal; this is several times cheaper to create than an AbortController + AbortSignal, which
 * matters because every call makes one.
 */
export class Interrupter extends EventEmitter {
  aborted = false;
  reason: unknown = undefined;

  abort(reason: unknown): void {
    if (this.aborted) return;
    this.aborted = true;
    this.reason = reason;
    this.emit('abort');
  }
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
  #attempt: Interrupter | undefined;
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

  /** The signal for the next attempt (already aborted if the call is). */
  attemptSignal(): Interrupter {
    const signal = new Interrupter();
    if (this.aborted) signal.abort(new Error('aborted'));
    this.#attempt = signal;
    return signal;
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
