import {
  createEchoSimulator,
  createSimulator,
  otherCertificate,
  type Simulator,
  unusedPort,
} from '@x/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  endpoint,
  type Logger,
  parseInput,
  parseOutput,
  Redactor,
  readSetting,
  refusalError,
  Transport,
  type TransportOptions,
  type WireRequest,
} from '../src/index.js';

// Canary secrets with the characters that break naive redaction (&, #, +, :, /, spaces, non-ASCII).
const canaries = {
  password: 'CANARY-pw-7f3a&#+: é',
  token: 'CANARY-tok-91bd/+=',
  apiKey: 'CANARY-key-55ce0123456789',
  session: 'CANARY-ses-c0ffee',
  signature: 'CANARY-sig-deadbeef',
};

function forms(secret: string): string[] {
  return [
    secret,
    encodeURIComponent(secret),
    new URLSearchParams({ v: secret }).toString().slice(2),
    Buffer.from(secret).toString('base64'),
    JSON.stringify(secret).slice(1, -1),
  ];
}

const allForms = Object.values(canaries).flatMap(forms);

function leaks(text: string): string[] {
  return allForms.filter((form) => text.includes(form));
}

/** Everything a user or an agent could see of an error. */
function surfaces(error: unknown): string {
  const parts: string[] = [];
  let current: unknown = error;
  for (let depth = 0; current && depth < 6; depth++) {
    const e = current as Error & { toJSON?: () => unknown };
    parts.push(String(e.message), String(e.stack), JSON.stringify(e), JSON.stringify(Object.entries(e)));
    if (typeof e.toJSON === 'function') parts.push(JSON.stringify(e.toJSON()));
    current = e.cause;
  }
  return parts.join('\n');
}

describe('no canary secret reaches an error, its cause chain or a log line', () => {
  const logLines: string[] = [];
  const logger: Logger = {
    debug: (m, f) => logLines.push(`${m} ${JSON.stringify(f ?? {})}`),
    info: (m, f) => logLines.push(`${m} ${JSON.stringify(f ?? {})}`),
    warn: (m, f) => logLines.push(`${m} ${JSON.stringify(f ?? {})}`),
    error: (m, f) => logLines.push(`${m} ${JSON.stringify(f ?? {})}`),
  };
  const redactor = new Redactor({
    secrets: [canaries.password, canaries.token, canaries.apiKey, canaries.session],
  });
  let echo: Simulator<unknown>;
  let tls: Simulator<undefined>;
  const transports: Transport[] = [];
  const make = (options: Partial<TransportOptions> = {}) => {
    const t = new Transport({
      vendor: 'demo',
      product: { name: '@x/demo', version: '0.0.0' },
      redactor,
      logger,
      retry: { baseDelayMs: 1, maxDelayMs: 2 },
      env: {},
      ...options,
    });
    transports.push(t);
    return t;
  };
  const secretRequest = (base: string, path = '/x'): WireRequest => ({
    method: 'POST',
    url: `${base}${path}?authinfo=${encodeURIComponent(`root:${canaries.password}`)}&token=${encodeURIComponent(canaries.token)}`,
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-xsrf-token': canaries.session },
    body: new URLSearchParams({
      password: canaries.password,
      api_key: canaries.apiKey,
      note: canaries.token,
    }).toString(),
    secrets: [canaries.signature],
  });

  beforeAll(async () => {
    echo = createEchoSimulator() as Simulator<unknown>;
    await echo.start();
    tls = createSimulator({ name: 'tls', tls: true, handler: () => ({ body: {} }) });
    await tls.start();
  });
  afterAll(async () => {
    await Promise.all(transports.map((t) => t.close()));
    await echo.stop();
    await tls.stop();
  });

  const errors: Array<[string, () => Promise<unknown>]> = [
    [
      'connection refused',
      async () => {
        const port = await unusedPort();
        return make().send(() => secretRequest(`http://127.0.0.1:${port}`), {
          endpoint: 'a.b',
          idempotent: true,
        });
      },
    ],
    [
      'reset before the answer',
      async () => {
        echo.faults.add({ kind: 'reset' });
        return make().send(() => secretRequest(echo.url), { endpoint: 'a.b', idempotent: false });
      },
    ],
    [
      'reset mid-body',
      async () => {
        echo.faults.add({ kind: 'reset-mid-body' });
        return make().send(() => secretRequest(echo.url), { endpoint: 'a.b', idempotent: false });
      },
    ],
    [
      'headers timeout',
      async () => {
        echo.faults.add({ kind: 'delay', ms: 500 });
        return make({ timeouts: { headersMs: 50 } }).send(() => secretRequest(echo.url), {
          endpoint: 'a.b',
          idempotent: false,
        });
      },
    ],
    [
      'deadline',
      async () => {
        echo.faults.add({ kind: 'hang' });
        return make().send(() => secretRequest(echo.url), {
          endpoint: 'a.b',
          idempotent: false,
          deadlineMs: 80,
        });
      },
    ],
    [
      'abort',
      async () => {
        echo.faults.add({ kind: 'hang' });
        return make().send(() => secretRequest(echo.url), {
          endpoint: 'a.b',
          idempotent: false,
          signal: AbortSignal.timeout(50),
        });
      },
    ],
    [
      'size cap',
      async () =>
        make({ maxResponseBytes: 10 }).send(() => secretRequest(echo.url), {
          endpoint: 'a.b',
          idempotent: false,
        }),
    ],
    [
      'redirect',
      async () => {
        echo.faults.add({
          kind: 'redirect',
          location: `https://elsewhere.invalid/?token=${encodeURIComponent(canaries.token)}`,
        });
        return make().send(() => secretRequest(echo.url), { endpoint: 'a.b', idempotent: false });
      },
    ],
    [
      'TLS pin mismatch',
      async () =>
        make({ tls: { fingerprint256: otherCertificate.fingerprint256 } }).send(
          () => secretRequest(tls.url),
          {
            endpoint: 'a.b',
            idempotent: false,
          },
        ),
    ],
    [
      'vendor refusals (auth, not found, rate limit, api) echoing the request',
      async () => {
        const response = await make().send(() => secretRequest(echo.url), {
          endpoint: 'a.b',
          idempotent: false,
        });
        const echoed = response.text();
        const built = [401, 404, 429, 500].map((status) =>
          refusalError(
            'demo',
            'a.b',
            response,
            { message: echoed, data: { echoed, password: canaries.password } },
            status,
          ),
        );
        throw new AggregateError(built, built.map((e) => e.message).join('\n'));
      },
    ],
    [
      'unexpected answer shape',
      async () => {
        const response = await make().send(() => secretRequest(echo.url), {
          endpoint: 'a.b',
          idempotent: false,
        });
        const schema = endpoint({
          summary: 's',
          route: {},
          input: z.object({}),
          output: z.array(z.string()),
          effect: 'read',
        });
        return parseOutput('demo', 'a.b', schema, JSON.parse(response.text()), response.redactor);
      },
    ],
    [
      'invalid input',
      async () => {
        const schema = endpoint({
          summary: 's',
          route: {},
          input: z.strictObject({ mode: z.enum(['a', 'b']), count: z.number() }),
          output: z.unknown(),
          effect: 'read',
        });
        return parseInput(
          'demo',
          'a.b',
          schema,
          { mode: canaries.password, count: canaries.token, [canaries.apiKey]: 1 },
          redactor,
        );
      },
    ],
    [
      'missing setting',
      async () =>
        readSetting(
          undefined,
          { vendor: 'Demo', option: 'apiKey', env: 'DEMO_KEY', factory: 'createDemo' },
          {},
        ),
    ],
  ];

  it.each(errors)('%s', async (_name, produce) => {
    const error = await produce().then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error, 'the scenario must fail').toBeInstanceOf(Error);
    const text =
      surfaces(error) + (error instanceof AggregateError ? error.errors.map(surfaces).join('\n') : '');
    expect(leaks(text)).toEqual([]);
    expect(leaks(logLines.join('\n'))).toEqual([]);
  });

  it('the log captured something (the check above is not vacuous)', () => {
    expect(logLines.some((line) => line.includes('→ POST'))).toBe(true);
    expect(logLines.join('\n')).toContain('[REDACTED]');
  });
});
