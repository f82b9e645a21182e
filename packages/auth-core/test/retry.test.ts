import { describe, expect, it } from 'vitest';
import {
  type AttemptOutcome,
  backoffDelay,
  DEFAULT_RETRY,
  decideRetry,
  parseRetryAfter,
  type RetryRule,
} from '../src/index.js';

const policy = DEFAULT_RETRY;
const noJitter = () => 0;
const decide = (outcome: Partial<AttemptOutcome>, rules: RetryRule[] = []) =>
  decideRetry({ attempt: 1, idempotent: true, ...outcome }, policy, rules, noJitter);

describe('decideRetry', () => {
  it.each([408, 429, 500, 502, 503, 504])('retries HTTP %i on an idempotent call', (status) => {
    expect(decide({ status })).toMatchObject({ retry: true, delayMs: 250 });
  });

  it.each([400, 401, 403, 404, 409, 422, 501, 505])('never retries HTTP %i', (status) => {
    expect(decide({ status }).retry).toBe(false);
  });

  it('does not retry a non-idempotent call on a status, even 503', () => {
    expect(decide({ status: 503, idempotent: false }).retry).toBe(false);
  });

  it('retries any call whose request never reached the server', () => {
    expect(
      decide({ idempotent: false, failure: { mayHaveReachedServer: false, retryable: true } }).retry,
    ).toBe(true);
  });

  it('retries a reset only when the call is idempotent', () => {
    const failure = { mayHaveReachedServer: true, retryable: true };
    expect(decide({ failure }).retry).toBe(true);
    expect(decide({ failure, idempotent: false })).toMatchObject({
      retry: false,
      reason: expect.stringMatching(/may have reached/),
    });
  });

  it('never retries a non-retryable failure (TLS, size cap)', () => {
    expect(decide({ failure: { mayHaveReachedServer: false, retryable: false } }).retry).toBe(false);
  });

  it('stops after maxAttempts', () => {
    expect(decide({ status: 503, attempt: policy.maxAttempts }).retry).toBe(false);
  });

  it('waits Retry-After when allowed and fails fast when it is too long', () => {
    expect(decide({ status: 429, retryAfterMs: 1500 })).toMatchObject({ retry: true, delayMs: 1500 });
    expect(decide({ status: 429, retryAfterMs: 3_600_000 })).toMatchObject({
      retry: false,
      reason: expect.stringMatching(/3600 s/),
    });
  });

  it('backs off exponentially up to the cap, with at most 25 % jitter', () => {
    expect([1, 2, 3, 4, 5, 6, 7].map((attempt) => backoffDelay(attempt, policy, noJitter))).toEqual([
      250, 500, 1000, 2000, 4000, 4000, 4000,
    ]);
    expect(backoffDelay(2, policy, () => 0.999)).toBeGreaterThanOrEqual(375);
    expect(backoffDelay(2, policy, () => 0.999)).toBeLessThan(500);
  });

  it('lets a vendor rule decide first (VMmanager: 503 is retried for every method)', () => {
    const suspended: RetryRule = (outcome) =>
      outcome.status === 503 && outcome.attempt < 10
        ? { retry: true, delayMs: 100 * outcome.attempt, reason: 'suspended' }
        : undefined;
    expect(decide({ status: 503, idempotent: false, attempt: 5 }, [suspended])).toMatchObject({
      retry: true,
      delayMs: 500,
    });
    expect(decide({ status: 500, idempotent: false }, [suspended]).retry).toBe(false);
  });
});

describe('parseRetryAfter', () => {
  const now = Date.parse('2026-11-22T12:00:00Z');
  it('reads seconds, fractional seconds, HTTP dates and retry-after-ms', () => {
    expect(parseRetryAfter({ 'retry-after': '2' }, now)).toBe(2000);
    expect(parseRetryAfter({ 'retry-after': '0.5' }, now)).toBe(500);
    expect(parseRetryAfter({ 'retry-after': 'Sun, 22 Nov 2026 12:00:03 GMT' }, now)).toBe(3000);
    expect(parseRetryAfter({ 'retry-after': 'Sun, 22 Nov 2026 11:00:00 GMT' }, now)).toBe(0);
    expect(parseRetryAfter({ 'retry-after-ms': '120', 'retry-after': '9' }, now)).toBe(120);
  });
  it('ignores absent and garbage values', () => {
    expect(parseRetryAfter({}, now)).toBeUndefined();
    expect(parseRetryAfter({ 'retry-after': 'soon' }, now)).toBeUndefined();
    expect(parseRetryAfter({ 'retry-after': '-1' }, now)).toBeUndefined();
  });
});
