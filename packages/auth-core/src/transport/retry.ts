/**
 * The retry decision as a pure function, so the whole table (status x idempotency x attempt x deadline) is
 * unit-testable without a network.
 */

/** How a client retries. */
export interface RetryPolicy {
  /** Attempts including the first. */
  maxAttempts: number;
  /** First backoff delay; doubles each retry. */
  baseDelayMs: number;
  /** Ceiling of the computed backoff. */
  maxDelayMs: number;
  /** The longest `Retry-After` we wait for; a longer one fails fast with the hint in the error. */
  maxRetryAfterMs: number;
}

/** Defaults: 3 attempts, 250 ms doubling to 4 s with up to 25 % jitter, Retry-After honoured up to 20 s. */
export const DEFAULT_RETRY: Readonly<RetryPolicy> = Object.freeze({
  maxAttempts: 3,
  baseDelayMs: 250,
  maxDelayMs: 4_000,
  maxRetryAfterMs: 20_000,
});

/** What happened in one attempt. */
export interface AttemptOutcome {
  /** 1 for the first attempt. */
  attempt: number;
  /** Whether the endpoint's effect is safe to repeat. */
  idempotent: boolean;
  /** HTTP status when an answer arrived. */
  status?: number | undefined;
  /** `Retry-After` / `retry-after-ms` converted to ms, when the answer carried one. */
  retryAfterMs?: number | undefined;
  /** When the attempt failed below HTTP: whether the request may have reached the server. */
  failure?: { mayHaveReachedServer: boolean; retryable: boolean } | undefined;
}

/** The decision for one outcome. */
export interface RetryDecision {
  retry: boolean;
  /** How long to wait before the next attempt. */
  delayMs: number;
  /** Why, in a few words (logged, and added to the final error when we give up). */
  reason: string;
}

/**
 * A vendor-specific rule consulted before the default one; return undefined to fall through.
 * VMmanager uses one: its 503 means "instance suspended, waking up" and is safe to retry for every method.
 */
export type RetryRule = (outcome: AttemptOutcome, policy: RetryPolicy) => RetryDecision | undefined;

const RETRYABLE_STATUS = new Set([408, 429, 500, 502, 503, 504]);

/** Exponential backoff with up to 25 % jitter subtracted (never longer than the computed delay). */
export function backoffDelay(
  attempt: number,
  policy: RetryPolicy,
  random: () => number = Math.random,
): number {
  const exponential = Math.min(policy.baseDelayMs * 2 ** Math.max(0, attempt - 1), policy.maxDelayMs);
  return Math.round(exponential * (1 - random() * 0.25));
}

/**
 * Parses `retry-after-ms`, then `Retry-After` as delta-seconds or an HTTP date. Returns ms, or undefined
 * when absent or unparseable. A date in the past means "now" (0).
 */
export function parseRetryAfter(
  headers: Record<string, string | string[] | undefined>,
  now: number = Date.now(),
): number | undefined {
  const first = (name: string) => {
    const value = headers[name];
    return Array.isArray(value) ? value[0] : value;
  };
  const ms = first('retry-after-ms');
  if (ms !== undefined && /^\d+(\.\d+)?$/.test(ms.trim())) return Math.round(Number(ms));
  const value = first('retry-after')?.trim();
  if (!value) return undefined;
  if (/^\d+(\.\d+)?$/.test(value)) return Math.round(Number(value) * 1000);
  // An HTTP date always names a day or month; bare numbers like "-1" are garbage, not years.
  if (!/[a-z]/i.test(value)) return undefined;
  const date = Date.parse(value);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now);
}

/**
 * Decides whether to try again. Rules, in order:
 * 1. vendor rules (first that answers wins);
 * 2. no attempts left: stop;
 * 3. transport failure: retry when the request provably never left (any effect), or when it may have and the
 *    call is idempotent;
 * 4. HTTP 408, 429, 500, 502, 503, 504: retry idempotent calls; wait Retry-After when given (a hint above
 *    `maxRetryAfterMs` stops, so the caller learns how long to wait instead of hanging);
 * 5. anything else: stop.
 */
export function decideRetry(
  outcome: AttemptOutcome,
  policy: RetryPolicy,
  rules: readonly RetryRule[] = [],
  random: () => number = Math.random,
): RetryDecision {
  for (const rule of rules) {
    const decision = rule(outcome, policy);
    if (decision) return decision;
  }
  const stop = (reason: string): RetryDecision => ({ retry: false, delayMs: 0, reason });
  if (outcome.attempt >= policy.maxAttempts) return stop(`no attempts left (${policy.maxAttempts})`);
  const delayMs = backoffDelay(outcome.attempt, policy, random);

  if (outcome.failure) {
    if (!outcome.failure.retryable) return stop('failure is not retryable');
    if (!outcome.failure.mayHaveReachedServer) {
      return { retry: true, delayMs, reason: 'the request never reached the server' };
    }
    if (outcome.idempotent)
      return { retry: true, delayMs, reason: 'connection failed on an idempotent call' };
    return stop('the request may have reached the server and this call is not safe to repeat');
  }

  const status = outcome.status;
  if (status === undefined || !RETRYABLE_STATUS.has(status)) return stop(`HTTP ${status} is not retryable`);
  if (!outcome.idempotent) return stop(`HTTP ${status} on a call that is not safe to repeat`);
  if (outcome.retryAfterMs !== undefined) {
    if (outcome.retryAfterMs > policy.maxRetryAfterMs) {
      return stop(
        `the server asked to wait ${Math.ceil(outcome.retryAfterMs / 1000)} s, longer than allowed`,
      );
    }
    return { retry: true, delayMs: outcome.retryAfterMs, reason: `HTTP ${status} with Retry-After` };
  }
  return { retry: true, delayMs, reason: `HTTP ${status}` };
}
