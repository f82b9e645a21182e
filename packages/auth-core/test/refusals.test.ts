import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  type AnyXError,
  ApiError,
  type ApiErrorDetails,
  AuthError,
  type ErrorContext,
  EXCERPT_CHARS,
  isXError,
  NotFoundError,
  RateLimitError,
  REDACTED,
  REFUSAL_CLASSES,
  Redactor,
  type RefusalKind,
  refusalError,
  refusalKindOf,
  STATUS_KINDS,
  TimeoutError,
  type TimeoutPhase,
  XError,
} from '../src/index.js';

const SECRET = 'sk-live-0123456789abcdef';

function answer(status: number, retryAfterMs?: number) {
  const redactor = new Redactor();
  redactor.addSecret(SECRET);
  return { status, retryAfterMs, attempts: 1, redactor, request: { method: 'GET', url: 'https://x.test/a' } };
}

describe('the refusal table', () => {
  it('maps each status of the table to its class, and any other to ApiError', () => {
    for (const [status, kind] of Object.entries(STATUS_KINDS)) {
      const error = refusalError('v', 'a.b', answer(Number(status)));
      expect(error).toBeInstanceOf(REFUSAL_CLASSES[kind]);
      expect(error.kind).toBe(kind);
    }
    expect(refusalKindOf(409)).toBe('api');
    const server = refusalError('v', 'a.b', answer(502));
    expect(server.constructor).toBe(ApiError);
    expect(server).toMatchObject({ kind: 'api', retryable: true, status: 502 });
    expect(refusalError('v', 'a.b', answer(400))).toMatchObject({ kind: 'api', retryable: false });
  });

  it('a kind the vendor says wins over the status (refusals answered with HTTP 200)', () => {
    const error = refusalError('v', 'a.b', answer(200), { kind: 'not-found', message: 'no such vm' });
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error).toMatchObject({ status: 200, vendorMessage: 'no such vm' });
  });

  it('a rate limit carries the wait the server asked for', () => {
    const error = refusalError('v', 'a.b', answer(429, 2_500));
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error).toMatchObject({ retryAfterMs: 2_500, retryable: true });
    expect(error.message).toMatch(/asked to wait 3 s/);
  });

  it('redacts every string at construction: summary, message, hint, code, data and the remedy stays data', () => {
    const error = refusalError('v', 'a.b', answer(403), {
      summary: `refused for ${SECRET}`,
      message: `bad key ${SECRET}`,
      hint: `rotate ${SECRET}`,
      code: SECRET,
      data: { echoed: SECRET, nested: [{ token: 'plain-looking' }] },
      remedy: { endpoint: 'key.create', action: 'create' },
    });
    const all = JSON.stringify({ ...error.toJSON(), message: error.message });
    expect(all).not.toContain(SECRET);
    expect(error.message).toBe(`refused for ${REDACTED}`);
    expect(error.vendorMessage).toBe(`bad key ${REDACTED}`);
    expect(error.remedy).toEqual({ endpoint: 'key.create', action: 'create' });
  });

  it('a body without a message becomes an excerpt redacted before it is cut', () => {
    // The secret straddles the cut: cutting first would leave its head, which the redactor no longer knows.
    const body = `${'x'.repeat(EXCERPT_CHARS - 10)}${SECRET}${'y'.repeat(50)}`;
    const error = refusalError('v', 'a.b', answer(500), { body });
    expect(error.vendorMessage).not.toContain(SECRET.slice(0, 10));
    expect(error.vendorMessage?.length).toBeLessThanOrEqual(EXCERPT_CHARS);
  });

  it('builds a vendor refinement, which is an instance of the class its kind names', () => {
    class PanelLike extends ApiError {
      static override readonly brand: string = 'TestPanelLike';
      protected static override kindOf(details: ErrorContext): RefusalKind {
        return (details as ApiErrorDetails).code === 'missed' ? 'not-found' : 'api';
      }
    }
    const missed = refusalError('v', 'user.delete', answer(200), { as: PanelLike, code: 'missed' });
    expect(missed).toBeInstanceOf(PanelLike);
    expect(missed).toBeInstanceOf(NotFoundError);
    expect(missed.kind).toBe('not-found');
    const exists = refusalError('v', 'user.edit', answer(200), { as: PanelLike, code: 'exists' });
    expect(exists).not.toBeInstanceOf(NotFoundError);
    expect(exists.kind).toBe('api');
  });
});

describe('kind is a literal discriminant', () => {
  it('narrows in a switch', () => {
    const describe = (error: AnyXError): string => {
      switch (error.kind) {
        case 'timeout':
          expectTypeOf(error).toEqualTypeOf<TimeoutError>();
          expectTypeOf(error.phase).toEqualTypeOf<TimeoutPhase>();
          return `timeout in ${error.phase}`;
        case 'rate-limit':
          return `wait ${error.retryAfterMs ?? '?'} ms`;
        case 'auth':
          expectTypeOf(error).toEqualTypeOf<AuthError>();
          return 'auth';
        default:
          return error.kind;
      }
    };
    const caught: unknown = new TimeoutError('slow', { phase: 'headers', mayHaveReachedServer: true });
    expect(isXError(caught) ? describe(caught) : 'foreign').toBe('timeout in headers');
    expect(describe(new AuthError('no'))).toBe('auth');
    expectTypeOf(new NotFoundError('gone').kind).toEqualTypeOf<'not-found'>();
  });

  it('ApiError takes no kind: the class decides', () => {
    // @ts-expect-error the third argument is `retryable`, not a kind
    const error = new ApiError('x', {}, 'auth');
    expect(error).not.toBeInstanceOf(AuthError);
    expect(new ApiError('x').kind).toBe('api');
    expect(new ApiError('x')).toBeInstanceOf(XError);
  });
});
