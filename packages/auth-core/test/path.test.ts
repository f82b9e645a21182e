import { describe, expect, it } from 'vitest';
import {
  fillPath,
  InputError,
  MAX_PATH_SEGMENT_CHARS,
  pathParams,
  pathSegment,
  pathSegmentIssue,
} from '../src/index.js';

const AT = { vendor: 'acme', endpoint: 'thing.get' };

/** The error a call throws, or a failure when it returns. */
function thrown(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
}

describe('pathSegment', () => {
  it.each([
    ['plain', 'abc', 'abc'],
    ['a number', 42, '42'],
    ['a bigint', 12n, '12'],
    ['a slash', 'a/b', 'a%2Fb'],
    ['a backslash', 'a\\b', 'a%5Cb'],
    ['a query mark', '?x', '%3Fx'],
    ['a fragment mark', '#', '%23'],
    ['an encoded dot segment', '%2e%2e', '%252e%252e'],
    ['an encoded slash', '..%2F', '..%252F'],
    ['three dots (not a dot segment)', '...', '...'],
    ['dots around text', '..a', '..a'],
    ['a space and a newline', 'a b\n', 'a%20b%0A'],
    ['a NUL', 'a\u0000', 'a%00'],
    ['non-ASCII', 'clé', 'cl%C3%A9'],
    ['an emoji (a surrogate pair)', '😀', '%F0%9F%98%80'],
    ['an at sign (escaped by default)', 'a@b', 'a%40b'],
  ])('encodes %s as one segment', (_, value, expected) => {
    const segment = pathSegment('key', value, AT);
    expect(segment).toBe(expected);
    expect(segment).not.toMatch(/[/?#]/);
    // The server decodes a segment once: it gets the value back, never a dot segment or a second segment.
    expect(decodeURIComponent(segment)).toBe(String(value));
  });

  it.each([
    ['empty', '', /must not be empty/],
    ['a dot', '.', /must not be "\." or "\.\."/],
    ['two dots', '..', /must not be "\." or "\.\."/],
    ['undefined', undefined, /required/],
    ['null', null, /required/],
    ['NaN', Number.NaN, /finite number/],
    ['Infinity', Number.POSITIVE_INFINITY, /finite number/],
    ['a boolean', true, /string or a number/],
    ['an array', ['a', 'b'], /string or a number/],
    ['an object', { toString: () => '..' }, /string or a number/],
    ['a lone high surrogate', 'a\uD800', /well-formed Unicode/],
    ['a lone low surrogate', '\uDC00b', /well-formed Unicode/],
    ['too long', 'x'.repeat(MAX_PATH_SEGMENT_CHARS + 1), /at most 1024 characters/],
  ])('refuses %s with an InputError naming the field and the rule', (_, value, rule) => {
    const error = thrown(() => pathSegment('key', value, AT));
    expect(error).toBeInstanceOf(InputError);
    const input = error as InputError;
    expect(input.issues).toEqual([{ path: 'key', message: expect.stringMatching(rule) }]);
    expect(input).toMatchObject({ vendor: 'acme', endpoint: 'thing.get', kind: 'input' });
    expect(input.message).toMatch(/^Invalid input for acme thing\.get: key: .*No request was sent\.$/);
    expect(pathSegmentIssue(value)).toMatch(rule);
  });

  it('never quotes the refused value (it may be a secret)', () => {
    const secret = `S3cr3t${'\uD800'}`;
    const error = thrown(() => pathSegment('token', secret, AT)) as InputError;
    expect(JSON.stringify(error.toJSON())).not.toContain('S3cr3t');
    expect(error.message).not.toContain('S3cr3t');
  });

  it('keeps only the named segment-safe characters literal', () => {
    expect(pathSegment('user', 'client@example.com', { ...AT, literal: '@' })).toBe('client@example.com');
    expect(pathSegment('user', 'a@b/c', { ...AT, literal: '@' })).toBe('a@b%2Fc');
    expect(pathSegment('v', 'a:b;c=d', { ...AT, literal: ':;=' })).toBe('a:b;c=d');
    for (const unsafe of ['/', '?', '#', '%', '.']) {
      expect(() => pathSegment('v', 'x', { ...AT, literal: unsafe })).toThrow(TypeError);
    }
  });

  it('accepts every value that has no issue', () => {
    expect(pathSegmentIssue('abc')).toBeUndefined();
    expect(pathSegmentIssue(0)).toBeUndefined();
    expect(pathSegmentIssue('x'.repeat(MAX_PATH_SEGMENT_CHARS))).toBeUndefined();
  });
});

describe('fillPath and pathParams', () => {
  it('lists the placeholders in order', () => {
    expect(pathParams('/kcare/nagios-res/{login}/{token}')).toEqual(['login', 'token']);
    expect(pathParams('/vm/v3/host/{host_id}/start')).toEqual(['host_id']);
    expect(pathParams('/els/key/create.json')).toEqual([]);
  });

  it('fills each placeholder with one encoded segment, asking for each value once, in order', () => {
    const asked: string[] = [];
    const path = fillPath(
      '/r/{login}/{token}/end',
      (name) => {
        asked.push(name);
        return name === 'login' ? 'me@x' : 'a|b/c';
      },
      AT,
    );
    expect(path).toBe('/r/me%40x/a%7Cb%2Fc/end');
    expect(asked).toEqual(['login', 'token']);
    expect(path.split('/')).toHaveLength('/r/{login}/{token}/end'.split('/').length);
  });

  it.each(['..', '.', ''])('refuses %j and names the field', (value) => {
    const error = thrown(() =>
      fillPath('/a/{first}/{second}', (name) => (name === 'first' ? 'ok' : value), AT),
    ) as InputError;
    expect(error).toBeInstanceOf(InputError);
    expect(error.issues[0]?.path).toBe('second');
  });

  it('leaves a template without placeholders alone', () => {
    expect(fillPath('/els/key/list.json', () => '..', AT)).toBe('/els/key/list.json');
  });
});
