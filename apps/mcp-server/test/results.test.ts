import { Redactor } from '@x/auth-core';
import { describe, expect, it } from 'vitest';
import { errorResult, successResult } from '../src/results.js';

const SECRET = 'canary-secret-value-1234';

/** A value whose own keys cannot be listed: any walk over it throws, as a hostile getter would. */
function unlistable(): Record<string, unknown> {
  return new Proxy(
    {},
    {
      ownKeys() {
        throw new Error(`boom ${SECRET}`);
      },
    },
  );
}

describe('results fail closed when redaction cannot finish', () => {
  it('a success payload that cannot be redacted is withheld, quoting nothing, and the next result works', () => {
    const redactor = new Redactor({ secrets: [SECRET] });
    const result = successResult(
      { tool: 't', account: 'a', result: { note: SECRET, odd: unlistable() } },
      25_000,
      redactor,
      'data',
    );
    expect(result.isError).toBe(true);
    const text = JSON.stringify(result);
    expect(text).not.toContain(SECRET);
    expect(text).not.toContain('boom');
    expect(text).toContain('withheld');

    const next = successResult({ tool: 't', result: { note: `x ${SECRET}` } }, 25_000, redactor, 'data');
    expect(next.isError).toBeUndefined();
    expect(JSON.stringify(next)).toContain('x [REDACTED]');
  });

  it('an error result is capped like any other', () => {
    const huge = new Error('y'.repeat(100_000));
    const result = errorResult(huge, new Redactor(), { tool: 't' }, 2_000);
    expect((result.content[0] as { text: string }).text.length).toBeLessThanOrEqual(2_000);
    // A foreign error quotes nothing of itself: it could hold anything.
    expect(JSON.stringify(result)).not.toContain('yyyy');
  });
});
