// Faults in what the server answers, against every vendor client over loopback: 5xx storms, 429 with each
// Retry-After form, VMmanager's 503 storms, HTML pages instead of JSON or XML, truncated documents, oversized
// bodies, redirects. For each: the typed error and its message, how many requests reached the simulator (a
// create is never repeated once it may have arrived), and the client still works afterwards.
import { ApiError, RateLimitError, ResponseFormatError, TransportError } from '@x/auth-core';
import { createIspManagerClient } from '@x/ispmanager';
import { createEchoSimulator, createIspManagerSimulator, ISPMANAGER_DEMO } from '@x/testkit';
import { describe, expect, it, vi } from 'vitest';
import { expectFails, expectRecovers, failure } from './expectations.js';
import { failOnUnhandledRejections, useVendorClient } from './harness.js';
import { ALWAYS, countOf, FAST, FAST_SUSPENDED, VENDORS } from './support.js';

failOnUnhandledRejections();

const HTML_502 =
  '<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body><h1>Bad Gateway</h1></body></html>';
const LOGIN_PAGE =
  '<!DOCTYPE html><html><body><form action="/login"><input name="password"></form></body></html>';
/** A 429 answer asking to wait `retryAfter` (seconds, or an HTTP date). */
const tooMany = (retryAfter: string) =>
  ({ kind: 'status', status: 429, headers: { 'retry-after': retryAfter }, body: 'slow down' }) as const;

describe.each(VENDORS)('$id client', (vendor) => {
  const rig = useVendorClient(vendor);

  it('a 5xx storm: a read gives up after 3 attempts with an ApiError naming the status', async () => {
    const storm = { kind: 'status', status: 500, body: { error: 'internal error' } } as const;
    const error = await expectFails(rig, 'read', storm, { requests: 3 });
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 500, vendor: vendor.id });
    expect(error.message).toMatch(/500/);
  });

  it('a 5xx storm: a create is tried once', async () => {
    const storm = { kind: 'status', status: 502, body: 'bad gateway' } as const;
    const error = await expectFails(rig, 'create', storm, { requests: 1 });
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 502 });
  });

  it('a passing 5xx burst: a read recovers', async () => {
    const burst = { kind: 'status', status: 504, body: 'gateway timeout' } as const;
    await expectRecovers(rig, 'read', burst, { times: 2, requests: 3 });
  });

  it('429 with Retry-After in seconds (0): a read waits and succeeds, a create is a RateLimitError at once', async () => {
    await expectRecovers(rig, 'read', tooMany('0'), { requests: 2 });

    const error = await expectFails(rig, 'create', tooMany('0'), { requests: 1 });
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error).toMatchObject({ status: 429, retryAfterMs: 0 });
  });

  it('429 with Retry-After as an HTTP date: a past date retries, a date an hour ahead fails fast with the wait', async () => {
    // The wall clock stands still (only Date is faked), so the wait read from the date is exact.
    vi.useFakeTimers({ toFake: ['Date'], now: Date.UTC(2026, 0, 15, 12, 0, 0) });
    try {
      const at = (offsetMs: number) => new Date(Date.now() + offsetMs).toUTCString();
      await expectRecovers(rig, 'read', tooMany(at(-60_000)), { requests: 2 });

      const error = await expectFails(rig, 'read', tooMany(at(3_600_000)), { requests: 1 });
      expect(error).toBeInstanceOf(RateLimitError);
      expect(error.retryAfterMs).toBe(3_600_000);
    } finally {
      vi.useRealTimers();
    }
  });

  it('429 with a Retry-After too long to wait: no retry, the wait in the error', async () => {
    const error = await expectFails(rig, 'read', tooMany('3600'), { requests: 1 });
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error).toMatchObject({ status: 429, retryAfterMs: 3_600_000 });
    expect(error.message).toMatch(/3600 s|60 min|1 h/);
  });

  it('an HTML error page (502) instead of JSON or XML: an ApiError with the status, retried only for a read', async () => {
    const page = {
      kind: 'status',
      status: 502,
      headers: { 'content-type': 'text/html' },
      body: HTML_502,
    } as const;
    const error = await expectFails(rig, 'read', page, { requests: 3 });
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 502 });

    expect(await expectFails(rig, 'create', page, { requests: 1 })).toMatchObject({ status: 502 });
  });

  it('an HTML login page with HTTP 200: a ResponseFormatError, never a success, never repeated', async () => {
    const login = { kind: 'malformed', body: LOGIN_PAGE } as const;
    const error = await expectFails(rig, 'read', login, { requests: 1 });
    expect(error).toBeInstanceOf(ResponseFormatError);
    // The message says the answer was not the expected format; the redacted excerpt shows what came instead.
    expect(error.message).toMatch(vendor.format === 'xml' ? /HTML page/ : /not JSON/);
    expect(String(error.excerpt)).toContain('<!DOCTYPE html>');

    expect(await expectFails(rig, 'create', login, { requests: 1 })).toBeInstanceOf(ResponseFormatError);
  });

  it(`a truncated ${vendor.format === 'xml' ? 'XML' : 'JSON'} document: a ResponseFormatError, never a partial result`, async () => {
    const error = await expectFails(rig, 'read', { kind: 'truncate' }, { requests: 1 });
    expect(error).toBeInstanceOf(ResponseFormatError);
    expect(error.message).toMatch(vendor.format === 'xml' ? /malformed XML/ : /not JSON/);

    expect(await expectFails(rig, 'create', { kind: 'truncate' }, { requests: 1 })).toBeInstanceOf(
      ResponseFormatError,
    );
  });

  it.each([
    ['declared', true],
    ['chunked', false],
  ])('an oversized body (%s): a size-limit TransportError, not retried', async (_how, declareLength) => {
    const oversized = { kind: 'oversized', bytes: 2 * 1024 * 1024, declareLength } as const;
    const error = await expectFails(rig, 'read', oversized, { requests: 1 });
    expect(error).toBeInstanceOf(TransportError);
    expect(error).toMatchObject({ phase: 'size-limit', attempts: 1 });
    expect(error.message).toMatch(/larger than the 262144-byte cap/);

    expect(await expectFails(rig, 'create', oversized, { requests: 1 })).toMatchObject({
      phase: 'size-limit',
    });
  });

  it.each([301, 302, 307, 308])(
    'a %i redirect to another host is never followed: the other host receives nothing',
    async (status) => {
      await using other = await createEchoSimulator().start();
      const redirect = {
        kind: 'redirect',
        status,
        location: `${other.url}/collect?from=${vendor.id}`,
      } as const;
      const error = await expectFails(rig, 'read', redirect, { requests: 1 });
      expect(error).toBeInstanceOf(TransportError);
      expect(error).toMatchObject({ phase: 'redirect', attempts: 1 });
      // Only the target origin is named, never its path or query.
      expect(error.message).toContain(`to ${other.url}`);
      expect(error.message).not.toContain('/collect');

      expect(await expectFails(rig, 'create', redirect, { requests: 1 })).toMatchObject({
        phase: 'redirect',
      });

      expect(other.stats).toMatchObject({ connections: 0, requests: 0, bytesReceived: 0 });
    },
  );
});

describe.each(VENDORS.filter((vendor) => vendor.id !== 'vmmanager'))('$id: a 503 storm', (vendor) => {
  const rig = useVendorClient(vendor);

  it('is retried for a read only', async () => {
    rig.sim.faults.add({ kind: 'status', status: 503, body: 'unavailable' }, { times: ALWAYS });
    await expect(rig.client.read()).rejects.toMatchObject({ status: 503 });
    expect(countOf(rig.sim, vendor.read)).toBe(3);
    await expect(rig.client.create()).rejects.toMatchObject({ status: 503 });
    expect(countOf(rig.sim, vendor.create)).toBe(1);
  });
});

describe('vmmanager: 503 storms (a suspended instance)', () => {
  const vendor = VENDORS.find((candidate) => candidate.id === 'vmmanager');
  if (!vendor) throw new Error('vmmanager is missing from VENDORS');
  const rig = useVendorClient(vendor);
  const suspended = { kind: 'status', status: 503, body: 'suspended' } as const;

  it('a passing storm: even a create is repeated (a 503 from a suspended instance did nothing) and succeeds', async () => {
    const created = await expectRecovers(rig, 'create', suspended, { times: 3, requests: 4 });
    expect(created).toMatchObject({ id: expect.any(Number) });
  });

  it('a storm that does not pass: bounded attempts, then an ApiError with the status', async () => {
    const error = await expectFails(rig, 'create', suspended, { requests: 1 + FAST_SUSPENDED.retries });
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 503 });
    expect(error.message).toMatch(/503/);
  });

  it("the simulator's own suspended mode (every path, the login included) is waited out", async () => {
    (rig.sim.state as { suspended: number }).suspended = 3;
    await expect(rig.client.read()).resolves.toBeDefined();
    expect(
      rig.sim.log.filter((record) => record.path === '/auth/v4/public/token').length,
    ).toBeGreaterThanOrEqual(1);
  });

  it('other 5xx are not the suspended rule: a create is tried once', async () => {
    const boom = { kind: 'status', status: 500, body: 'boom' } as const;
    expect(await expectFails(rig, 'create', boom, { requests: 1 })).toMatchObject({ status: 500 });
  });
});

describe('ispmanager with JSON answers (out=json)', () => {
  it('a truncated JSON document is a ResponseFormatError, not retried', async () => {
    await using sim = await createIspManagerSimulator().start();
    await using client = createIspManagerClient({
      ...FAST,
      url: `${sim.url}/ispmgr`,
      username: ISPMANAGER_DEMO.username,
      password: ISPMANAGER_DEMO.password,
      format: 'json',
    });
    await expect(client.user.list()).resolves.toMatchObject({ kind: 'list' });
    sim.faults.add({ kind: 'truncate' }, { times: ALWAYS });
    const error = await failure(client.user.list());
    expect(error).toBeInstanceOf(ResponseFormatError);
    expect(error.message).toMatch(/malformed JSON/);
    expect(sim.log.filter((record) => record.fault === 'truncate')).toHaveLength(1);
  });
});
