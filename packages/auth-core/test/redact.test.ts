import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { REDACTED, Redactor } from '../src/index.js';

const encodings = (secret: string) => [
  secret,
  encodeURIComponent(secret),
  new URLSearchParams({ v: secret }).toString().slice(2),
  Buffer.from(secret).toString('base64'),
];

describe('Redactor', () => {
  it('removes registered secrets in every encoding', () => {
    const secret = 'p@ss w0rd&#+:/?=é';
    const redactor = new Redactor({ secrets: [secret] });
    for (const form of encodings(secret)) {
      const out = redactor.text(`before ${form} after`);
      expect(out).toBe(`before ${REDACTED} after`);
    }
  });

  it('redacts sensitive query parameters and user info in URLs, keeping the rest', () => {
    const redactor = new Redactor();
    const out = redactor.url(
      'https://u:pw@host:1500/ispmgr?func=user&authinfo=root%3Asecret&token=abc%7C1%7Cdef&out=json',
    );
    expect(out).toBe(
      `https://REDACTED:REDACTED@host:1500/ispmgr?func=user&authinfo=${REDACTED}&token=${REDACTED}&out=json`,
    );
  });

  it('redacts form bodies by name, including signed LunaNode fields', () => {
    const redactor = new Redactor({ secrets: ['lunanode-api-key-0123'] });
    const out = redactor.form(
      'req=%7B%22api_id%22%7D&signature=abcdef&nonce=1700000000&func=auth&password=x%26y',
    );
    // `req` holds LunaNode's request parameters, which previews show: it is not a secret name; the secrets in
    // it are caught by value.
    expect(out).toBe(
      `req=%7B%22api_id%22%7D&signature=${REDACTED}&nonce=1700000000&func=auth&password=${REDACTED}`,
    );
    const req = encodeURIComponent(JSON.stringify({ api_id: 'id', api_key: 'lunanode-api-key-0123' }));
    expect(redactor.form(`req=${req}`)).toBe(
      `req=${encodeURIComponent('{"api_id":"id","api_key":"')}${REDACTED}${encodeURIComponent('"}')}`,
    );
  });

  it('redacts JSON fields and header lines in free text', () => {
    const redactor = new Redactor();
    expect(redactor.text('{"token": "abc", "name": "n", "password":"p\\"q"}')).toBe(
      `{"token": "${REDACTED}", "name": "n", "password":"${REDACTED}"}`,
    );
    expect(redactor.text('sent x-xsrf-token: 0123abcd, then')).toBe(`sent x-xsrf-token: ${REDACTED}, then`);
    // prose that merely mentions a sensitive word stays readable
    expect(redactor.text('token: expired')).toBe('token: expired');
  });

  it('redacts headers and nested values', () => {
    const redactor = new Redactor({ secrets: ['s3cret-value'] });
    expect(
      redactor.headers({
        Cookie: 'ses=1',
        'X-Xsrf-Token': 't',
        Accept: 'json',
        'x-note': 'has s3cret-value',
      }),
    ).toEqual({
      Cookie: REDACTED,
      'X-Xsrf-Token': REDACTED,
      Accept: 'json',
      'x-note': `has ${REDACTED}`,
    });
    expect(redactor.value({ a: { password: 'x', list: ['s3cret-value', 1] }, auth: null })).toEqual({
      a: { password: REDACTED, list: [REDACTED, 1] },
      auth: null,
    });
  });

  it('with() adds call-scoped secrets without changing the original', () => {
    const base = new Redactor({ secrets: ['base-secret'] });
    const scoped = base.with(['per-call-signature']);
    expect(scoped.text('base-secret per-call-signature')).toBe(`${REDACTED} ${REDACTED}`);
    expect(base.text('per-call-signature')).toBe('per-call-signature');
  });

  // The value pattern is built on first use and the name patterns are shared between redactors (both to keep
  // with(), run on every call, cheap): a secret registered after use must still be caught, and sharing must
  // not leak one redactor's names or secrets into another.
  it('catches secrets added after use, and redactors with the same names share nothing observable', () => {
    const base = new Redactor({ secrets: ['first-secret'] });
    expect(base.text('first-secret later-secret')).toBe(`${REDACTED} later-secret`);
    base.addSecret('later-secret');
    expect(base.text('first-secret later-secret')).toBe(`${REDACTED} ${REDACTED}`);
    const scoped = base.with(['call-secret']);
    expect(scoped.secrets('call-secret later-secret')).toBe(`${REDACTED} ${REDACTED}`);
    scoped.addSecret('scoped-later');
    expect(scoped.text('scoped-later')).toBe(REDACTED);
    expect(base.text('call-secret scoped-later')).toBe('call-secret scoped-later');
    const other = new Redactor({ names: ['x-custom'] });
    expect(other.text('x-custom=1 token=2')).toBe(`x-custom=${REDACTED} token=${REDACTED}`);
    expect(other.with(['other-secret']).text('x-custom=1 other-secret')).toBe(
      `x-custom=${REDACTED} ${REDACTED}`,
    );
    expect(new Redactor().text('x-custom=1 first-secret')).toBe('x-custom=1 first-secret');
  });

  it('property: no registered secret survives in any encoding, whatever characters it has', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 6, maxLength: 40, unit: 'grapheme' }).filter((s) => s.trim().length >= 6),
        fc.string({ maxLength: 20 }),
        (secret, noise) => {
          const redactor = new Redactor({ secrets: [secret] });
          for (const form of encodings(secret)) {
            const out = redactor.text(`${noise}${form}${noise}`);
            expect(out.includes(secret)).toBe(false);
            if (form.length >= 4) expect(out.includes(form)).toBe(false);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
