// Faults in what the server answers, against every vendor client over loopback: 5xx storms, 429 with each
// Retry-After form, VMmanager's 503 storms, HTML pages instead of JSON or XML, truncated documents, oversized
// bodies, redirects. For each: the typed error and its message, how many requests reached the simulator (a
// create is never repeated once it may have arrived), and the client still works afterwards.
import { ApiError, RateLimitError, ResponseFormatError, TransportError } from '@x/auth-core';
import { createIspManagerClient } from '@x/ispmanager';
import { createEchoSimulator, createIspManagerSimulator, ISPMANAGER_DEMO, type Simulator } from '@x/testkit';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { countOf, FAST, FAST_SUSPENDED, failure, only, VENDORS } from './support.js';

const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);
beforeAll(() => {
  process.on('unhandledRejection', onUnhandled);
});
afterAll(() => {
  process.off('unhandledRejection', onUnhandled);
  expect(unhandled).toEqual([]);
});

const ALWAYS = Number.POSITIVE_INFINITY;
const HTML_502 =
  '<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body><h1>Bad Gateway</h1></body></html>';
const LOGIN_PAGE =
  '<!DOCTYPE html><html><body><form action="/login"><input name="password"></form></body></html>';

describe.each(VENDORS)('$id client', (vendor) => {
  let sim: Simulator<unknown>;
  let client: ReturnType<typeof vendor.client>;
  beforeAll(async () => {
    sim = await vendor.createSimulator().start();
  });
  // A fresh client per test: reset() forgets VMmanager tokens, and a stale token would add a 401 round trip.
  beforeEach(() => {
    sim.reset();
    client = vendor.client(sim.url);
  });
  afterEach(async () => {
    // Every fault leaves the client usable.
    sim.faults.clear();
    await expect(client.read()).resolves.toBeDefined();
    await client.close();
  });
  afterAll(() => sim.stop());

  it('a 5xx storm: a read gives up after 3 attempts with an ApiError naming the status', async () => {
    sim.faults.add(
      { kind: 'status', status: 500, body: { error: 'internal error' } },
      { match: only(vendor.read), times: ALWAYS },
    );
    const error = await failure(client.read());
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 500, vendor: vendor.id });
    expect(error.message).toMatch(/500/);
    expect(countOf(sim, vendor.read)).toBe(3);
  });

  it('a 5xx storm: a create is tried once', async () => {
    sim.faults.add(
      { kind: 'status', status: 502, body: 'bad gateway' },
      { match: only(vendor.create), times: ALWAYS },
    );
    const error = await failure(client.create());
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 502 });
    expect(countOf(sim, vendor.create)).toBe(1);
  });

  it('a passing 5xx burst: a read recovers', async () => {
    sim.faults.add(
      { kind: 'status', status: 504, body: 'gateway timeout' },
      { match: only(vendor.read), times: 2 },
    );
    await expect(client.read()).resolves.toBeDefined();
    expect(countOf(sim, vendor.read)).toBe(3);
  });

  it('429 with Retry-After in seconds (0): a read waits and succeeds, a create is a RateLimitError at once', async () => {
    const tooMany = {
      kind: 'status',
      status: 429,
      headers: { 'retry-after': '0' },
      body: 'slow down',
    } as const;
    sim.faults.add(tooMany, { match: only(vendor.read) });
    await expect(client.read()).resolves.toBeDefined();
    expect(countOf(sim, vendor.read)).toBe(2);

    sim.faults.add(tooMany, { match: only(vendor.create) });
    const error = await failure(client.create());
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error).toMatchObject({ status: 429, retryAfterMs: 0 });
    expect(countOf(sim, vendor.create)).toBe(1);
  });

  it('429 with Retry-After as an HTTP date: a past date retries, a date an hour ahead fails fast with the wait', async () => {
    const at = (offsetMs: number) => new Date(Date.now() + offsetMs).toUTCString();
    sim.faults.add(
      { kind: 'status', status: 429, headers: { 'retry-after': at(-60_000) }, body: 'slow down' },
      { match: only(vendor.read) },
    );
    await expect(client.read()).resolves.toBeDefined();
    expect(countOf(sim, vendor.read)).toBe(2);

    sim.faults.add(
      { kind: 'status', status: 429, headers: { 'retry-after': at(3_600_000) }, body: 'slow down' },
      { match: only(vendor.read), times: ALWAYS },
    );
    const error = await failure(client.read());
    expect(error).toBeInstanceOf(RateLimitError);
    // The date was parsed (an HTTP date has whole seconds, so up to one second less than an hour).
    expect(error.retryAfterMs).toBeGreaterThan(3_590_000);
    expect(error.retryAfterMs).toBeLessThanOrEqual(3_600_000);
    expect(countOf(sim, vendor.read)).toBe(3);
  });

  it('429 with a Retry-After too long to wait: no retry, the wait in the error', async () => {
    sim.faults.add(
      { kind: 'status', status: 429, headers: { 'retry-after': '3600' }, body: 'slow down' },
      { match: only(vendor.read), times: ALWAYS },
    );
    const error = await failure(client.read());
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error).toMatchObject({ status: 429, retryAfterMs: 3_600_000 });
    expect(error.message).toMatch(/3600 s|60 min|1 h/);
    expect(countOf(sim, vendor.read)).toBe(1);
  });

  it('an HTML error page (502) instead of JSON or XML: an ApiError with the status, retried only for a read', async () => {
    const page = {
      kind: 'status',
      status: 502,
      headers: { 'content-type': 'text/html' },
      body: HTML_502,
    } as const;
    sim.faults.add(page, { match: only(vendor.read), times: ALWAYS });
    const error = await failure(client.read());
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 502 });
    expect(countOf(sim, vendor.read)).toBe(3);

    sim.faults.add(page, { match: only(vendor.create), times: ALWAYS });
    await expect(client.create()).rejects.toMatchObject({ status: 502 });
    expect(countOf(sim, vendor.create)).toBe(1);
  });

  it('an HTML login page with HTTP 200: a ResponseFormatError, never a success, never repeated', async () => {
    sim.faults.add({ kind: 'malformed', body: LOGIN_PAGE }, { match: only(vendor.read), times: ALWAYS });
    const error = await failure(client.read());
    expect(error).toBeInstanceOf(ResponseFormatError);
    // The message says the answer was not the expected format; the redacted excerpt shows what came instead.
    expect(error.message).toMatch(vendor.format === 'xml' ? /HTML page/ : /not JSON/);
    expect(String(error.excerpt)).toContain('<!DOCTYPE html>');
    expect(countOf(sim, vendor.read)).toBe(1);

    sim.faults.add({ kind: 'malformed', body: LOGIN_PAGE }, { match: only(vendor.create), times: ALWAYS });
    await expect(client.create()).rejects.toBeInstanceOf(ResponseFormatError);
    expect(countOf(sim, vendor.create)).toBe(1);
  });

  it(`a truncated ${vendor.format === 'xml' ? 'XML' : 'JSON'} document: a ResponseFormatError, never a partial result`, async () => {
    sim.faults.add({ kind: 'truncate' }, { match: only(vendor.read), times: ALWAYS });
    const error = await failure(client.read());
    expect(error).toBeInstanceOf(ResponseFormatError);
    expect(error.message).toMatch(vendor.format === 'xml' ? /malformed XML/ : /not JSON/);
    expect(countOf(sim, vendor.read)).toBe(1);

    sim.faults.add({ kind: 'truncate' }, { match: only(vendor.create), times: ALWAYS });
    await expect(client.create()).rejects.toBeInstanceOf(ResponseFormatError);
    expect(countOf(sim, vendor.create)).toBe(1);
  });

  it.each([
    ['declared', true],
    ['chunked', false],
  ])('an oversized body (%s): a size-limit TransportError, not retried', async (_how, declareLength) => {
    sim.faults.add(
      { kind: 'oversized', bytes: 2 * 1024 * 1024, declareLength },
      { match: only(vendor.read) },
    );
    const error = await failure(client.read());
    expect(error).toBeInstanceOf(TransportError);
    expect(error).toMatchObject({ phase: 'size-limit', attempts: 1 });
    expect(error.message).toMatch(/larger than the 262144-byte cap/);
    expect(countOf(sim, vendor.read)).toBe(1);

    sim.faults.add(
      { kind: 'oversized', bytes: 2 * 1024 * 1024, declareLength },
      { match: only(vendor.create) },
    );
    await expect(client.create()).rejects.toMatchObject({ phase: 'size-limit' });
    expect(countOf(sim, vendor.create)).toBe(1);
  });

  it.each([301, 302, 307, 308])(
    'a %i redirect to another host is never followed: the other host receives nothing',
    async (status) => {
      const other = await createEchoSimulator().start();
      try {
        const location = `${other.url}/collect?from=${vendor.id}`;
        sim.faults.add({ kind: 'redirect', status, location }, { match: only(vendor.read) });
        const error = await failure(client.read());
        expect(error).toBeInstanceOf(TransportError);
        expect(error).toMatchObject({ phase: 'redirect', attempts: 1 });
        // Only the target origin is named, never its path or query.
        expect(error.message).toContain(`to ${other.url}`);
        expect(error.message).not.toContain('/collect');

        sim.faults.add({ kind: 'redirect', status, location }, { match: only(vendor.create) });
        await expect(client.create()).rejects.toMatchObject({ phase: 'redirect' });
        expect(countOf(sim, vendor.create)).toBe(1);

        expect(other.stats).toMatchObject({ connections: 0, requests: 0, bytesReceived: 0 });
      } finally {
        await other.stop();
      }
    },
  );
});

describe.each(VENDORS.filter((vendor) => vendor.id !== 'vmmanager'))('$id: a 503 storm', (vendor) => {
  let sim: Simulator<unknown>;
  beforeAll(async () => {
    sim = await vendor.createSimulator().start();
  });
  afterAll(() => sim.stop());

  it('is retried for a read only', async () => {
    const client = vendor.client(sim.url);
    try {
      sim.faults.add({ kind: 'status', status: 503, body: 'unavailable' }, { times: ALWAYS });
      await expect(client.read()).rejects.toMatchObject({ status: 503 });
      expect(countOf(sim, vendor.read)).toBe(3);
      await expect(client.create()).rejects.toMatchObject({ status: 503 });
      expect(countOf(sim, vendor.create)).toBe(1);
    } finally {
      await client.close();
    }
  });
});

describe('vmmanager: 503 storms (a suspended instance)', () => {
  const vendor = VENDORS.find((candidate) => candidate.id === 'vmmanager');
  if (!vendor) throw new Error('vmmanager is missing from VENDORS');
  let sim: Simulator<unknown>;
  let client: ReturnType<typeof vendor.client>;
  beforeAll(async () => {
    sim = await vendor.createSimulator().start();
  });
  beforeEach(() => {
    sim.reset();
    client = vendor.client(sim.url);
  });
  afterEach(() => client.close());
  afterAll(() => sim.stop());

  it('a passing storm: even a create is repeated (a 503 from a suspended instance did nothing) and succeeds', async () => {
    sim.faults.add(
      { kind: 'status', status: 503, body: 'suspended' },
      { match: only(vendor.create), times: 3 },
    );
    await expect(client.create()).resolves.toMatchObject({ id: expect.any(Number) });
    expect(countOf(sim, vendor.create)).toBe(4);
  });

  it('a storm that does not pass: bounded attempts, then an ApiError with the status', async () => {
    sim.faults.add(
      { kind: 'status', status: 503, body: 'suspended' },
      { match: only(vendor.create), times: ALWAYS },
    );
    const error = await failure(client.create());
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 503 });
    expect(error.message).toMatch(/503/);
    expect(countOf(sim, vendor.create)).toBe(1 + FAST_SUSPENDED.retries);
  });

  it("the simulator's own suspended mode (every path, the login included) is waited out", async () => {
    (sim.state as { suspended: number }).suspended = 3;
    await expect(client.read()).resolves.toBeDefined();
    expect(sim.log.filter((record) => record.path === '/auth/v4/public/token').length).toBeGreaterThanOrEqual(
      1,
    );
  });

  it('other 5xx are not the suspended rule: a create is tried once', async () => {
    sim.faults.add(
      { kind: 'status', status: 500, body: 'boom' },
      { match: only(vendor.create), times: ALWAYS },
    );
    await expect(client.create()).rejects.toMatchObject({ status: 500 });
    expect(countOf(sim, vendor.create)).toBe(1);
  });
});

describe('ispmanager with JSON answers (out=json)', () => {
  it('a truncated JSON document is a ResponseFormatError, not retried', async () => {
    const sim = await createIspManagerSimulator().start();
    const client = createIspManagerClient({
      ...FAST,
      url: `${sim.url}/ispmgr`,
      username: ISPMANAGER_DEMO.username,
      password: ISPMANAGER_DEMO.password,
      format: 'json',
    });
    try {
      await expect(client.user.list()).resolves.toMatchObject({ kind: 'list' });
      sim.faults.add({ kind: 'truncate' }, { times: ALWAYS });
      const error = await failure(client.user.list());
      expect(error).toBeInstanceOf(ResponseFormatError);
      expect(error.message).toMatch(/malformed JSON/);
      expect(sim.log.filter((record) => record.fault === 'truncate')).toHaveLength(1);
    } finally {
      await client.close();
      await sim.stop();
    }
  });
});
