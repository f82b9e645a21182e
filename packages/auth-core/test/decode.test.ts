import { describe, expect, it } from 'vitest';
import {
  EXCERPT_CHARS,
  headerOf,
  parseJson,
  REDACTED,
  Redactor,
  ResponseFormatError,
  responseFormatError,
  tryJson,
} from '../src/index.js';

const SECRET = 'pw-0123456789abcdef-secret';

function answer(text: string, headers: Record<string, string | string[] | undefined> = {}) {
  const redactor = new Redactor();
  redactor.addSecret(SECRET);
  return {
    status: 200,
    headers,
    text: () => text,
    redactor,
    request: { method: 'GET', url: 'https://x.test/a' },
    attempts: 2,
  };
}

describe('decoding an answer', () => {
  it('reads a header by any case, joining repeated values', () => {
    expect(headerOf(answer('', { 'content-type': 'application/json' }), 'Content-Type')).toBe(
      'application/json',
    );
    expect(headerOf(answer('', { via: ['a', 'b'] }), 'via')).toBe('a, b');
    expect(headerOf(answer(''), 'content-type')).toBeUndefined();
  });

  it('parses JSON, and an empty body only when the codec says what it means', () => {
    expect(tryJson('{"a":1}')).toEqual({ ok: true, value: { a: 1 } });
    expect(tryJson('  ', { empty: undefined })).toEqual({ ok: true, value: undefined });
    expect(tryJson('  ').ok).toBe(false);
    expect(tryJson('<html>').ok).toBe(false);
  });

  it('a body that is not JSON is a ResponseFormatError with a redacted excerpt of the one length', () => {
    // The secret straddles the cut: cutting before redacting would leave its head.
    const text = `${'x'.repeat(EXCERPT_CHARS - 8)}${SECRET}${'y'.repeat(500)}`;
    const error = (() => {
      try {
        parseJson({ vendor: 'v', endpoint: 'a.b' }, answer(text, { 'content-type': 'text/html' }));
      } catch (caught) {
        return caught;
      }
    })() as ResponseFormatError;
    expect(error).toBeInstanceOf(ResponseFormatError);
    expect(error).toMatchObject({
      vendor: 'v',
      endpoint: 'a.b',
      status: 200,
      contentType: 'text/html',
      attempts: 2,
    });
    expect(error.message).toMatch(/^v a\.b: the answer \(HTTP 200\) is not JSON/);
    expect(error.excerpt?.length).toBeLessThanOrEqual(EXCERPT_CHARS);
    expect(error.excerpt).not.toContain(SECRET.slice(0, 8));
  });

  it('a format error names the reason and redacts the body', () => {
    const error = responseFormatError(
      { vendor: 'v', endpoint: 'a.b' },
      answer(`echo ${SECRET}`),
      'not ours.',
    );
    expect(error.message).toBe('v a.b: not ours.');
    expect(error.excerpt).toBe(`echo ${REDACTED}`);
  });
});
