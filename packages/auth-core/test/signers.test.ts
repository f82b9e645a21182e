import { describe, expect, it } from 'vitest';
import {
  asciiJson,
  createNonceSource,
  lunanodeRequestString,
  lunanodeSign,
  lunanodeSignature,
  tuxcareToken,
} from '../src/index.js';

describe('tuxcareToken', () => {
  it('matches the documented golden token', () => {
    expect(tuxcareToken({ login: 'customer_login', secretKey: 'testkey', nowMs: 1692699188_000 })).toBe(
      'customer_login|1692699188|35b8466e0235170a6354bb71c11cc35b4dca5e2b',
    );
  });

  it('floors the timestamp, never rounding into the future', () => {
    expect(tuxcareToken({ login: 'customer_login', secretKey: 'testkey', nowMs: 1692699188_999 })).toBe(
      'customer_login|1692699188|35b8466e0235170a6354bb71c11cc35b4dca5e2b',
    );
  });
});

// Vectors from the notes (section A6), computed with the official Python 3 algorithm.
const apiId = 'abcdefghijklmnop';
const half = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_';
const apiKey = half + half;

describe('lunanode signer', () => {
  it('vector 1: the Python-formatted req of vm/list signs to the golden signature', () => {
    const req = `{"api_id": "${apiId}", "api_partialkey": "${half}"}`;
    expect(lunanodeSignature({ category: 'vm', action: 'list', req, nonce: '1700000000', apiKey })).toBe(
      'f73c37db4b93e52de449a95099279a2e57b47b776abe13460d0b389722109068664e2d35dd7d1dc63cd1bb1d530454201c2d6bbcbbf1aa02bab4038003cc4ccf',
    );
  });

  it('vector 1 compact: our own serialiser produces the compact req and its golden signature', () => {
    const signed = lunanodeSign({
      category: 'vm',
      action: 'list',
      params: {},
      apiId,
      apiKey,
      nonce: '1700000000',
    });
    expect(signed.req).toBe(`{"api_id":"${apiId}","api_partialkey":"${half}"}`);
    expect(signed.signature).toBe(
      'c02e1353647ffdfa49bc6e0d828ac8838fae27fef8f4a21cbc804fd9b0962fc59f0b71de078d67bf534fcb34f153027a393f07c105831b250300429ce2629cb7',
    );
    expect(signed.nonce).toBe('1700000000');
  });

  it('vector 2: vm/create keeps parameter order, then api_id and api_partialkey', () => {
    const params = { hostname: 'test-vm', plan_id: 'm.2', image_id: '123', region: 'toronto' };
    const python = `{"hostname": "test-vm", "plan_id": "m.2", "image_id": "123", "region": "toronto", "api_id": "${apiId}", "api_partialkey": "${half}"}`;
    expect(
      lunanodeSignature({ category: 'vm', action: 'create', req: python, nonce: '1700000001', apiKey }),
    ).toBe(
      '708f1b1122a12c42483c2091d6de6067adca39d084f78412ab7d3a7261c4bfea6104ec0a7a2bef1109660973b1afa58dd2cf197f8c465d6c38e9fbf3e222546b',
    );
    const signed = lunanodeSign({
      category: 'vm',
      action: 'create',
      params,
      apiId,
      apiKey,
      nonce: '1700000001',
    });
    expect(signed.signature).toBe(
      '8bf72f5875c3bbe4a98abb0f3b0fb0ee996d5cefdf0b3359a2bf85d1ec159c354001018c8340ebe360630dc412bff1470b2f828e55ca5bd0f647cb6eca3dbe1a',
    );
  });

  it('vector 3: non-ASCII is escaped as \\uXXXX and "/" is left alone', () => {
    const params = { name: 's/1', content: 'echo héllo — ok' };
    const req = lunanodeRequestString(params, apiId, apiKey);
    expect(req).toBe(
      `{"name":"s/1","content":"echo h\\u00e9llo \\u2014 ok","api_id":"${apiId}","api_partialkey":"${half}"}`,
    );
    const signed = lunanodeSign({
      category: 'script',
      action: 'create',
      params,
      apiId,
      apiKey,
      nonce: '1700000002',
    });
    expect(signed.signature).toBe(
      'cf23f2dc19052104d185f5ac526ff40d083feb16d4c11f06ef5e1dede98f9dc86dc7b3121ea2f9f853dc4e322dc17296b87fb2ba2b42e82a1b5ea4bddc0acbed',
    );
  });

  it('asciiJson escapes astral characters as two surrogate escapes, like Python', () => {
    expect(asciiJson({ a: '😀' })).toBe('{"a":"\\ud83d\\ude00"}');
    expect(JSON.parse(asciiJson({ a: '😀 é \u007f' }))).toEqual({ a: '😀 é \u007f' });
  });
});

describe('createNonceSource', () => {
  it('gives integer seconds as strings, floored', () => {
    const nonce = createNonceSource({ now: () => 1_700_000_000_999 });
    expect(nonce()).toBe('1700000000');
    expect(nonce()).toBe('1700000000');
  });

  it('monotonic mode never repeats within a second', () => {
    let now = 1_700_000_000_000;
    const nonce = createNonceSource({ monotonic: true, now: () => now });
    expect([nonce(), nonce(), nonce()]).toEqual(['1700000000', '1700000001', '1700000002']);
    now += 10_000;
    expect(nonce()).toBe('1700000010');
  });
});
