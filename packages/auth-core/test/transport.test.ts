import {
  createEchoSimulator,
  createProxy,
  createSimulator,
  otherCertificate,
  type Simulator,
  testCertificate,
  unusedPort,
} from '@x/testkit';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  AbortError,
  ConfigError,
  type Logger,
  TimeoutError,
  Transport,
  TransportError,
  type TransportOptions,
} from '../src/index.js';

const open: Array<{ close(): Promise<void> }> = [];
const stopLater: Array<{ stop(): Promise<void> }> = [];

afterEach(async () => {
  await Promise.all(open.splice(0).map((item) => item.close()));
  await Promise.all(stopLater.splice(0).map((item) => item.stop()));
});

function transport(options: Partial<TransportOptions> = {}): Transport {
  const instance = new Transport({
    vendor: 'demo',
    product: { name: '@x/demo', version: '1.2.3' },
    retry: { baseDelayMs: 5, maxDelayMs: 20 },
    env: {},
    ...options,
  });
  open.push(instance);
  return instance;
}

async function started<S>(sim: Simulator<S>): Promise<Simulator<S>> {
  await sim.start();
  stopLater.push(sim);
  return sim;
}

const read = { endpoint: 'thing.list', idempotent: true } as const;
const create = { endpoint: 'thing.create', idempotent: false } as const;

describe('Transport over loopback', () => {
  let echo: Simulator<unknown>;
  beforeAll(async () => {
    echo = createEchoSimulator() as Simulator<unknown>;
    await echo.start();
    return () => echo.stop();
  });
  afterEach(() => echo.reset());

  it('sends the request with a User-Agent naming the package, core and runtime', async () => {
    const t = transport();
    const response = await t.send(() => ({ method: 'GET', url: `${echo.url}/a/b?x=1` }), read);
    expect(response.status).toBe(200);
    const body = JSON.parse(response.text());
    expect(body).toMatchObject({ method: 'GET', path: '/a/b', query: { x: '1' } });
    expect(echo.log[0]?.headers['user-agent']).toMatch(
      /^@x\/demo\/1\.2\.3 @x\/auth-core\/\d+\.\d+\.\d+ node\/\d+/,
    );
    expect(response.attempts).toBe(1);
  });

  it('sends form bodies byte for byte (passwords with & # + : survive)', async () => {
    const t = transport();
    const body = new URLSearchParams({ func: 'auth', password: 'a&b#c+d:e é' }).toString();
    await t.send(
      () => ({
        method: 'POST',
        url: `${echo.url}/ispmgr`,
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body,
      }),
      create,
    );
    expect(echo.log[0]?.body).toBe(body);
    expect(new URLSearchParams(echo.log[0]?.body).get('password')).toBe('a&b#c+d:e é');
  });

  it('retries a 503 storm on an idempotent call up to maxAttempts, then returns the last answer', async () => {
    echo.faults.add({ kind: 'status', status: 503, body: 'busy' }, { times: Number.POSITIVE_INFINITY });
    const t = transport();
    const response = await t.send(() => ({ method: 'GET', url: `${echo.url}/x` }), read);
    expect(response.status).toBe(503);
    expect(response.attempts).toBe(3);
    expect(echo.log).toHaveLength(3);
  });

  it('recovers when the storm passes', async () => {
    echo.faults.add({ kind: 'status', status: 502 }, { times: 2 });
    const response = await transport().send(() => ({ method: 'GET', url: `${echo.url}/x` }), read);
    expect(response.status).toBe(200);
    expect(echo.log).toHaveLength(3);
  });

  it('never repeats a non-idempotent call that reached the server', async () => {
    echo.faults.add({ kind: 'status', status: 503 }, { times: Number.POSITIVE_INFINITY });
    const response = await transport().send(
      () => ({ method: 'POST', url: `${echo.url}/create`, body: 'a=1' }),
      create,
    );
    expect(response.status).toBe(503);
    expect(echo.log).toHaveLength(1);
  });

  it('honours Retry-After: a zero or past date retries, an hour fails fast with the hint', async () => {
    echo.faults.add({ kind: 'status', status: 429, headers: { 'retry-after': '0' } });
    echo.faults.add({
      kind: 'status',
      status: 429,
      headers: { 'retry-after': new Date(Date.now() - 5000).toUTCString() },
    });
    const ok = await transport().send(() => ({ method: 'GET', url: `${echo.url}/x` }), read);
    expect(ok.status).toBe(200);
    expect(echo.log).toHaveLength(3);

    echo.reset();
    echo.faults.add({ kind: 'status', status: 429, headers: { 'retry-after': '3600' } });
    const limited = await transport().send(() => ({ method: 'GET', url: `${echo.url}/x` }), read);
    expect(limited.status).toBe(429);
    expect(limited.retryAfterMs).toBe(3_600_000);
    expect(echo.log).toHaveLength(1);
  });

  it('builds each attempt afresh (fresh signature or token per retry)', async () => {
    echo.faults.add({ kind: 'status', status: 500 }, { times: 2 });
    const seen: number[] = [];
    await transport().send((attempt) => {
      seen.push(attempt);
      return { method: 'GET', url: `${echo.url}/x?token=t${attempt}` };
    }, read);
    expect(seen).toEqual([1, 2, 3]);
    expect(echo.log.map((entry) => entry.query.token)).toEqual(['t1', 't2', 't3']);
  });

  it('a reset before the answer is retried for an idempotent call', async () => {
    echo.faults.add({ kind: 'reset' });
    const response = await transport().send(() => ({ method: 'GET', url: `${echo.url}/x` }), read);
    expect(response.status).toBe(200);
    expect(echo.log).toHaveLength(2);
  });

  it('a reset before the answer is not retried for a create, and says the outcome is unknown', async () => {
    echo.faults.add({ kind: 'reset' });
    const error = await transport()
      .send(() => ({ method: 'POST', url: `${echo.url}/create`, body: 'x=1' }), create)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TransportError);
    expect(error).toMatchObject({ phase: 'send', mayHaveReachedServer: true, attempts: 1 });
    expect((error as Error).message).toMatch(/may have reached the server/);
    expect(echo.log).toHaveLength(1);
  });

  it('a reset in the middle of the body is a receive failure', async () => {
    echo.faults.add({ kind: 'reset-mid-body' });
    const error = await transport()
      .send(() => ({ method: 'GET', url: `${echo.url}/json?size=200` }), { ...read, maxAttempts: 1 })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TransportError);
    expect(error).toMatchObject({ phase: 'receive', mayHaveReachedServer: true });
  });

  it('connection refused is retried even for a create (nothing was sent), then reported', async () => {
    const port = await unusedPort();
    const error = await transport()
      .send(() => ({ method: 'POST', url: `http://127.0.0.1:${port}/create`, body: 'x' }), create)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TransportError);
    expect(error).toMatchObject({
      phase: 'connect',
      code: 'ECONNREFUSED',
      mayHaveReachedServer: false,
      attempts: 3,
    });
    expect((error as Error).message).toMatch(/could not connect to 127\.0\.0\.1:\d+ \(ECONNREFUSED\)/);
  });

  it('slow headers hit the headers timeout', async () => {
    echo.faults.add({ kind: 'delay', ms: 1000 });
    const error = await transport({ timeouts: { headersMs: 100 } })
      .send(() => ({ method: 'GET', url: `${echo.url}/x` }), { ...read, maxAttempts: 1 })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error).toMatchObject({ phase: 'headers', timeoutMs: 100 });
  });

  it('a stalled body hits the body timeout', async () => {
    echo.faults.add({ kind: 'slow-body', intervalMs: 1000, chunkBytes: 4 });
    const error = await transport({ timeouts: { bodyMs: 100 } })
      .send(() => ({ method: 'GET', url: `${echo.url}/json?size=10` }), { ...read, maxAttempts: 1 })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error).toMatchObject({ phase: 'body' });
  });

  it('a small body that keeps dripping is not mistaken for a stalled one (only the deadline ends it)', async () => {
    // Regression: a small declared-length body was read by undici's consumer, which reports no progress, so
    // the idle clock fired after bodyMs while bytes were still arriving ("stopped sending" was false).
    echo.faults.add({ kind: 'slow-body', intervalMs: 40, chunkBytes: 1 });
    const error = await transport({ timeouts: { bodyMs: 200, deadlineMs: 700 } })
      .send(() => ({ method: 'GET', url: `${echo.url}/json?size=10` }), { ...read, maxAttempts: 1 })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error).toMatchObject({ phase: 'deadline', timeoutMs: 700 });
  });

  it('a small body that arrives in slow chunks within the idle clock is read whole', async () => {
    echo.faults.add({ kind: 'slow-body', intervalMs: 30, chunkBytes: 64 });
    const response = await transport({ timeouts: { bodyMs: 200 } }).send(
      () => ({ method: 'GET', url: `${echo.url}/json?size=40` }),
      { ...read, maxAttempts: 1 },
    );
    // More than 7 chunks 30 ms apart: the whole body took longer than bodyMs, no gap did.
    expect(response.body.length).toBeGreaterThan(7 * 64);
    expect((JSON.parse(response.text()) as unknown[]).length).toBe(40);
  });

  it('the overall deadline stops a hanging call, retries included', async () => {
    echo.faults.add({ kind: 'hang' }, { times: Number.POSITIVE_INFINITY });
    const error = await transport({ timeouts: { deadlineMs: 150 } })
      .send(() => ({ method: 'GET', url: `${echo.url}/x` }), read)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error).toMatchObject({ phase: 'deadline', timeoutMs: 150 });
  });

  it('a per-call deadline overrides the default', async () => {
    echo.faults.add({ kind: 'hang' });
    const error = await transport()
      .send(() => ({ method: 'GET', url: `${echo.url}/x` }), { ...read, deadlineMs: 100 })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'timeout', phase: 'deadline', timeoutMs: 100 });
  });

  it("the caller's AbortSignal aborts the call with an AbortError", async () => {
    echo.faults.add({ kind: 'hang' });
    const controller = new AbortController();
    const pending = transport().send(() => ({ method: 'GET', url: `${echo.url}/x` }), {
      ...read,
      signal: controller.signal,
    });
    setTimeout(() => controller.abort(), 30);
    await expect(pending).rejects.toBeInstanceOf(AbortError);
  });

  it('a request undici refuses to send (a line break in a header) fails once, saying nothing was sent', async () => {
    const error = await transport()
      .send(() => ({ method: 'GET', url: `${echo.url}/x`, headers: { 'x-note': 'a\r\nb' } }), read)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TransportError);
    expect(error).toMatchObject({
      phase: 'send',
      code: 'UND_ERR_INVALID_ARG',
      mayHaveReachedServer: false,
      retryable: false,
      attempts: 1,
    });
    expect(echo.log).toHaveLength(0);
  });

  it('an already aborted signal sends nothing', async () => {
    const error = await transport()
      .send(() => ({ method: 'GET', url: `${echo.url}/x` }), { ...read, signal: AbortSignal.abort() })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AbortError);
    expect(echo.log).toHaveLength(0);
  });

  it('an abort while the first request is still being set up sends nothing and leaves no rejection behind', async () => {
    const controller = new AbortController();
    const pending = transport().send(() => ({ method: 'GET', url: `${echo.url}/x` }), {
      ...read,
      signal: controller.signal,
    });
    // The first attempt is now waiting for undici and the dispatcher: nothing has been dispatched yet.
    await Promise.resolve();
    controller.abort();
    await expect(pending).rejects.toBeInstanceOf(AbortError);
    expect(echo.log).toHaveLength(0);
  });

  it.each([true, false])('caps the response size (Content-Length declared: %s)', async (declareLength) => {
    echo.faults.add({ kind: 'oversized', bytes: 64 * 1024, declareLength });
    const error = await transport({ maxResponseBytes: 16 * 1024 })
      .send(() => ({ method: 'GET', url: `${echo.url}/x` }), read)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TransportError);
    expect(error).toMatchObject({ phase: 'size-limit', retryable: false });
    expect(echo.log).toHaveLength(1);
  });

  it('never follows a redirect, and names only the target origin', async () => {
    echo.faults.add({ kind: 'redirect', location: 'https://evil.example/collect?token=abc' });
    const error = await transport()
      .send(() => ({ method: 'GET', url: `${echo.url}/x?token=secret-token-1` }), read)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TransportError);
    expect(error).toMatchObject({ phase: 'redirect' });
    expect((error as Error).message).toContain('https://evil.example');
    expect((error as Error).message).not.toContain('collect');
    expect(echo.log).toHaveLength(1);
  });

  it('logs redacted request and response lines when a logger is given', async () => {
    const lines: string[] = [];
    const logger: Logger = {
      debug: (message, fields) => lines.push(`${message} ${JSON.stringify(fields)}`),
      info: (message) => lines.push(message),
      warn: (message) => lines.push(message),
      error: (message) => lines.push(message),
    };
    await transport({ logger }).send(
      () => ({
        method: 'POST',
        url: `${echo.url}/x?token=tok-123456`,
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: 'password=pw-123456&name=n',
      }),
      create,
    );
    const text = lines.join('\n');
    expect(text).toMatch(/→ POST http:\/\/127\.0\.0\.1:\d+\/x\?token=\[REDACTED\]/);
    expect(text).toMatch(/← 200/);
    expect(text).not.toContain('tok-123456');
    expect(text).not.toContain('pw-123456');
  });

  it('never logs the body of an answer marked sensitive (a login returning a session id)', async () => {
    const lines: string[] = [];
    const logger: Logger = {
      debug: (message, fields) => lines.push(`${message} ${JSON.stringify(fields)}`),
      info: () => {},
      warn: () => {},
      error: () => {},
    };
    const t = transport({ logger });
    // The echo simulator reflects request headers in its answer; the transport logs no request header.
    const login = {
      method: 'POST' as const,
      url: `${echo.url}/login`,
      headers: { 'x-demo': 'session-id-in-answer-77' },
    };
    await t.send(() => login, create);
    expect(lines.join('\n')).toContain('session-id-in-answer-77');
    lines.length = 0;
    await t.send(() => ({ ...login, sensitiveResponse: true }), create);
    expect(lines.join('\n')).not.toContain('session-id-in-answer-77');
    expect(lines.join('\n')).toContain('withheld');
  });

  it('refuses tls options together with a custom dispatcher', () => {
    expect(() => transport({ dispatcher: {} as never, tls: { insecure: true } })).toThrow(ConfigError);
  });
});

describe('TLS', () => {
  async function tlsSim() {
    return started(createSimulator({ name: 'tls', tls: true, handler: () => ({ body: { ok: true } }) }));
  }

  it('fails with a TLS error and a hint for an untrusted self-signed certificate', async () => {
    const sim = await tlsSim();
    const error = await transport()
      .send(() => ({ method: 'GET', url: `${sim.url}/x` }), read)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TransportError);
    expect(error).toMatchObject({ phase: 'tls', mayHaveReachedServer: false, retryable: false });
    expect((error as Error).message).toMatch(/fingerprint256/);
    expect(sim.stats.requests).toBe(0);
  });

  it('trusts a panel CA given as `ca`', async () => {
    const sim = await tlsSim();
    const response = await transport({ tls: { ca: testCertificate.cert } }).send(
      () => ({ method: 'GET', url: `${sim.url}/x` }),
      read,
    );
    expect(response.status).toBe(200);
  });

  it('accepts a matching pinned fingerprint in any common spelling', async () => {
    const sim = await tlsSim();
    for (const pin of [
      testCertificate.fingerprint256,
      testCertificate.fingerprint256.replace(/:/g, '').toLowerCase(),
    ]) {
      const response = await transport({
        tls: { fingerprint256: [otherCertificate.fingerprint256, pin] },
      }).send(() => ({ method: 'GET', url: `${sim.url}/x` }), read);
      expect(response.status).toBe(200);
    }
  });

  it('a fingerprint mismatch sends no request byte (so no credential) and is not retried', async () => {
    const sim = await tlsSim();
    const error = await transport({ tls: { fingerprint256: otherCertificate.fingerprint256 } })
      .send(
        () => ({ method: 'POST', url: `${sim.url}/login?authinfo=root:pw`, body: 'password=secret' }),
        read,
      )
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TransportError);
    expect(error).toMatchObject({ phase: 'tls', code: 'X_TLS_PIN_MISMATCH', attempts: 1 });
    expect(sim.stats.requests).toBe(0);
    expect(sim.stats.bytesReceived).toBe(0);
  });

  it('a garbled pin fails loudly at construction', () => {
    expect(() => transport({ tls: { fingerprint256: 'AB:CD' } })).toThrow(ConfigError);
  });

  it('pinning requires https', async () => {
    const error = await transport({ tls: { fingerprint256: testCertificate.fingerprint256 } })
      .send(() => ({ method: 'GET', url: 'http://127.0.0.1:1/x' }), read)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
  });

  it('insecure: true connects and warns once per process', async () => {
    const sim = await tlsSim();
    const warnings: string[] = [];
    const onWarning = (warning: Error & { code?: string }) => warnings.push(warning.code ?? '');
    process.on('warning', onWarning);
    try {
      for (let i = 0; i < 2; i++) {
        const response = await transport({ tls: { insecure: true } }).send(
          () => ({ method: 'GET', url: `${sim.url}/x` }),
          read,
        );
        expect(response.status).toBe(200);
      }
      await new Promise((resolve) => setImmediate(resolve));
    } finally {
      process.off('warning', onWarning);
    }
    expect(warnings.filter((code) => code === 'X_TLS_INSECURE').length).toBeLessThanOrEqual(1);
  });
});

describe('proxy from the environment', () => {
  it('tunnels HTTPS through HTTPS_PROXY, with the pin still checked on the far side', async () => {
    const sim = await started(
      createSimulator({ name: 'tls', tls: true, handler: () => ({ body: { ok: true } }) }),
    );
    const proxy = createProxy();
    await proxy.start();
    stopLater.push(proxy);
    const env = { HTTPS_PROXY: proxy.url };
    const ok = await transport({ env, tls: { fingerprint256: testCertificate.fingerprint256 } }).send(
      () => ({ method: 'GET', url: `${sim.url}/x?token=never-in-proxy-log` }),
      read,
    );
    expect(ok.status).toBe(200);
    expect(proxy.log.map((entry) => entry.method)).toContain('CONNECT');
    expect(JSON.stringify(proxy.log)).not.toContain('never-in-proxy-log');

    const bad = await transport({ env, tls: { fingerprint256: otherCertificate.fingerprint256 } })
      .send(() => ({ method: 'GET', url: `${sim.url}/x` }), read)
      .catch((e: unknown) => e);
    expect(bad).toMatchObject({ kind: 'transport', phase: 'tls' });
    expect(sim.stats.requests).toBe(1);
  });

  it('uses HTTP_PROXY for http targets and bypasses it for NO_PROXY hosts', async () => {
    const sim = await started(createEchoSimulator() as Simulator<unknown>);
    const proxy = createProxy();
    await proxy.start();
    stopLater.push(proxy);
    const viaProxy = await transport({ env: { HTTP_PROXY: proxy.url } }).send(
      () => ({ method: 'GET', url: `${sim.url}/p` }),
      read,
    );
    expect(viaProxy.status).toBe(200);
    expect(proxy.log.length).toBeGreaterThan(0);

    const before = proxy.log.length;
    const direct = await transport({ env: { HTTP_PROXY: proxy.url, NO_PROXY: '127.0.0.1' } }).send(
      () => ({ method: 'GET', url: `${sim.url}/d` }),
      read,
    );
    expect(direct.status).toBe(200);
    expect(proxy.log.length).toBe(before);
  });

  it('proxy: false ignores the environment', async () => {
    const sim = await started(createEchoSimulator() as Simulator<unknown>);
    const port = await unusedPort();
    const response = await transport({ env: { HTTP_PROXY: `http://127.0.0.1:${port}` }, proxy: false }).send(
      () => ({ method: 'GET', url: `${sim.url}/d` }),
      read,
    );
    expect(response.status).toBe(200);
  });
});
