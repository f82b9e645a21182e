import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  AbortError,
  ApiError,
  AuthError,
  ConfigError,
  InputError,
  isXError,
  NotFoundError,
  RateLimitError,
  ResponseFormatError,
  TimeoutError,
  TransportError,
  XError,
} from '../src/index.js';

describe('error hierarchy', () => {
  it('subclasses match their ancestors and not their siblings', () => {
    const auth = new AuthError('no', { vendor: 'v', status: 401 });
    expect(auth).toBeInstanceOf(AuthError);
    expect(auth).toBeInstanceOf(ApiError);
    expect(auth).toBeInstanceOf(XError);
    expect(auth).toBeInstanceOf(Error);
    expect(auth).not.toBeInstanceOf(NotFoundError);
    expect(auth).not.toBeInstanceOf(TransportError);
    expect(auth.kind).toBe('auth');
    expect(auth.name).toBe('AuthError');
    expect(isXError(auth)).toBe(true);
    expect(isXError(new Error('plain'))).toBe(false);
    expect(new Error('plain')).not.toBeInstanceOf(XError);
  });

  it('every class has its own kind', () => {
    const kinds = [
      new ApiError('a').kind,
      new AuthError('a').kind,
      new NotFoundError('a').kind,
      new RateLimitError('a').kind,
      new TransportError('a', { phase: 'connect', mayHaveReachedServer: false }).kind,
      new TimeoutError('a', { phase: 'deadline', mayHaveReachedServer: true }).kind,
      new AbortError('a').kind,
      new ResponseFormatError('a').kind,
      new InputError('a', { issues: [] }).kind,
      new ConfigError('a').kind,
    ];
    expect(new Set(kinds).size).toBe(kinds.length);
  });

  it('toJSON is a plain object with the fields and no cause', () => {
    const error = new RateLimitError('slow down', {
      vendor: 'v',
      endpoint: 'a.b',
      status: 429,
      retryAfterMs: 2000,
      cause: new Error('x'),
    });
    expect(error.toJSON()).toMatchObject({
      name: 'RateLimitError',
      kind: 'rate-limit',
      status: 429,
      retryAfterMs: 2000,
    });
    expect(JSON.stringify(error)).not.toContain('cause');
  });

  it('instanceof holds across two separately loaded copies of the package', () => {
    const dist = fileURLToPath(new URL('../dist/errors.js', import.meta.url));
    const script = `
      const a = await import(${JSON.stringify(`file://${dist}?copy=a`)});
      const b = await import(${JSON.stringify(`file://${dist}?copy=b`)});
      const e = new a.AuthError('x');
      console.log(JSON.stringify([a.AuthError === b.AuthError, e instanceof b.AuthError, e instanceof b.ApiError,
        e instanceof b.NotFoundError, b.isXError(e)]));`;
    const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(JSON.parse(out)).toEqual([false, true, true, false, true]);
  });
});
