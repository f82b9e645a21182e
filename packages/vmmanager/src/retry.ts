import type { RetryRule } from '@x/auth-core';

/** How the client treats VMmanager's 503 ("instance suspended, waking up"). */
export interface SuspendedRetry {
  /** Retries after the first 503 (default 10, as the document's example). */
  retries?: number | undefined;
  /** The n-th retry waits n × stepMs (default 100 ms, as the document's example). */
  stepMs?: number | undefined;
}

/**
 * The documented 503 rule as a transport retry rule: a suspended instance answers 503 until it wakes, so every
 * method (creates included: a 503 from a suspended instance did nothing) is repeated with a growing delay,
 * `retries` times, always within the call's deadline (the transport never sleeps past it). A call made with
 * `maxAttempts: 1` is not retried.
 */
export function suspendedRetryRule(options: SuspendedRetry = {}): RetryRule {
  const retries = options.retries ?? 10;
  const stepMs = options.stepMs ?? 100;
  return (outcome, policy) => {
    // `maxAttempts: 1` means "no retries" (CallOptions); let the default rule say so.
    if (outcome.status !== 503 || policy.maxAttempts <= 1) return undefined;
    if (outcome.attempt > retries) {
      return {
        retry: false,
        delayMs: 0,
        reason: `the instance still answered 503 (suspended) after ${retries} retries`,
      };
    }
    return {
      retry: true,
      delayMs: stepMs * outcome.attempt,
      reason: 'HTTP 503: the VMmanager instance is suspended and waking up',
    };
  };
}
