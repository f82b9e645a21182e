// The same faults through the MCP server (Streamable HTTP on loopback, the official SDK client): every fault
// is an isError result with the typed error's kind and a useful message, a create is still sent only once,
// and the server answers the next call normally.
import type { Fault, Simulator } from '@x/testkit';
import { createEchoSimulator, otherCertificate, testCertificate, unusedPort } from '@x/testkit';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  countOf,
  type EndpointProbe,
  FAST_SUSPENDED,
  only,
  startMcp,
  toolError,
  VENDORS,
} from './support.js';

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
const HTML_502 = '<html><head><title>502 Bad Gateway</title></head><body>Bad Gateway</body></html>';

interface Row {
  name: string;
  fault: Fault;
  on: 'read' | 'create';
  /** The fields the tool's error must carry. */
  error: Record<string, unknown>;
  /** Requests of that endpoint the simulator must have seen. */
  requests: number;
  message: RegExp;
}

const ROWS: Row[] = [
  {
    name: 'reset before the answer (read, every attempt)',
    fault: { kind: 'reset' },
    on: 'read',
    error: { kind: 'transport', phase: 'send', mayHaveReachedServer: true },
    requests: 3,
    message: /closed before an answer/,
  },
  {
    name: 'reset before the answer (create)',
    fault: { kind: 'reset' },
    on: 'create',
    error: { kind: 'transport', phase: 'send', mayHaveReachedServer: true },
    requests: 1,
    message: /may have reached the server/,
  },
  {
    name: 'reset mid-body (create)',
    fault: { kind: 'reset-mid-body' },
    on: 'create',
    error: { kind: 'transport', phase: 'receive' },
    requests: 1,
    message: /broke while the answer was arriving/,
  },
  {
    name: 'slow headers (create)',
    fault: { kind: 'hang' },
    on: 'create',
    error: { kind: 'timeout', phase: 'headers', mayHaveReachedServer: true },
    requests: 1,
    message: /did not answer within 400 ms/,
  },
  {
    name: 'slow body (create)',
    fault: { kind: 'slow-body', intervalMs: 5_000, chunkBytes: 4 },
    on: 'create',
    error: { kind: 'timeout', phase: 'body' },
    requests: 1,
    message: /stopped sending its answer/,
  },
  {
    name: '5xx storm (read)',
    fault: { kind: 'status', status: 500, body: { error: 'internal error' } },
    on: 'read',
    error: { kind: 'api', status: 500 },
    requests: 3,
    message: /HTTP 500/,
  },
  {
    name: '5xx storm (create)',
    fault: { kind: 'status', status: 502, headers: { 'content-type': 'text/html' }, body: HTML_502 },
    on: 'create',
    error: { kind: 'api', status: 502 },
    requests: 1,
    message: /HTTP 502/,
  },
  {
    name: '429 with Retry-After too long (read)',
    fault: { kind: 'status', status: 429, headers: { 'retry-after': '3600' }, body: 'slow down' },
    on: 'read',
    error: { kind: 'rate-limit', status: 429, retryAfterMs: 3_600_000 },
    requests: 1,
    message: /wait 3600 s/,
  },
  {
    name: '429 with Retry-After as a distant HTTP date (create)',
    fault: {
      kind: 'status',
      status: 429,
      headers: { 'retry-after': 'Fri, 01 Jan 2100 00:00:00 GMT' },
      body: 'slow down',
    },
    on: 'create',
    error: { kind: 'rate-limit', status: 429 },
    requests: 1,
    message: /asked to wait/,
  },
  {
    name: 'HTML login page with HTTP 200 (read)',
    fault: {
      kind: 'malformed',
      body: '<!DOCTYPE html><html><body><form action="/login"></form></body></html>',
    },
    on: 'read',
    error: { kind: 'response-format' },
    requests: 1,
    message: /not JSON|HTML page/,
  },
  {
    name: 'truncated document (read)',
    fault: { kind: 'truncate' },
    on: 'read',
    error: { kind: 'response-format' },
    requests: 1,
    message: /not JSON|malformed XML/,
  },
  {
    name: 'oversized body (create, chunked)',
    fault: { kind: 'oversized', bytes: 2 * 1024 * 1024, declareLength: false },
    on: 'create',
    error: { kind: 'transport', phase: 'size-limit' },
    requests: 1,
    message: /larger than the 262144-byte cap/,
  },
];

describe.each(VENDORS)('$id through the MCP server', (vendor) => {
  let sim: Simulator<unknown>;
  let mcp: Awaited<ReturnType<typeof startMcp>>;
  const probe = (on: 'read' | 'create'): EndpointProbe => (on === 'read' ? vendor.read : vendor.create);

  beforeAll(async () => {
    sim = await vendor.createSimulator().start();
    mcp = await startMcp([vendor.module], { env: vendor.settings(sim.url) });
  });
  afterEach(async () => {
    // After every fault the server serves the next call normally.
    sim.faults.clear();
    const next = await mcp.call(vendor.read.tool, vendor.read.args());
    expect(next.isError, JSON.stringify(next.content)).toBeFalsy();
  });
  afterAll(async () => {
    await mcp.close();
    await sim.stop();
  });

  it.each(ROWS)('$name: an isError result, the right number of requests', async (row) => {
    const endpoint = probe(row.on);
    // The simulator is not reset between calls (that would drop VMmanager's token and add a 401 round trip),
    // so requests are counted from here.
    const before = countOf(sim, endpoint);
    sim.faults.add(row.fault, { match: only(endpoint), times: ALWAYS });
    const result = await mcp.call(endpoint.tool, endpoint.args());
    const error = toolError(result);
    expect(error).toMatchObject({ ...row.error, vendor: vendor.id });
    expect(String(error.message)).toMatch(row.message);
    // No stack trace, no internals: the message is for the model.
    expect(JSON.stringify(result)).not.toMatch(/\n\s+at |node_modules|\.ts:\d+/);
    expect(countOf(sim, endpoint) - before, JSON.stringify(error)).toBe(row.requests);
  });

  it('a redirect to another host: an isError result, and the other host receives nothing', async () => {
    const other = await createEchoSimulator().start();
    try {
      const before = countOf(sim, vendor.create);
      sim.faults.add(
        { kind: 'redirect', status: 307, location: `${other.url}/collect` },
        { match: only(vendor.create), times: ALWAYS },
      );
      const error = toolError(await mcp.call(vendor.create.tool, vendor.create.args()));
      expect(error).toMatchObject({ kind: 'transport', phase: 'redirect' });
      expect(String(error.message)).toContain(other.url);
      expect(countOf(sim, vendor.create) - before).toBe(1);
      expect(other.stats).toMatchObject({ connections: 0, requests: 0, bytesReceived: 0 });
    } finally {
      await other.stop();
    }
  });

  if (vendor.id === 'vmmanager') {
    it('a 503 storm (suspended): bounded retries, even for a create, then an isError result', async () => {
      const before = countOf(sim, vendor.create);
      sim.faults.add(
        { kind: 'status', status: 503, body: 'suspended' },
        { match: only(vendor.create), times: ALWAYS },
      );
      const error = toolError(await mcp.call(vendor.create.tool, vendor.create.args()));
      expect(error).toMatchObject({ kind: 'api', status: 503 });
      expect(String(error.message)).toMatch(/suspended/);
      expect(countOf(sim, vendor.create) - before).toBe(1 + FAST_SUSPENDED.retries);
    });
  }
});

describe.each(VENDORS)(
  '$id through the MCP server: an account whose server refuses connections',
  (vendor) => {
    let sim: Simulator<unknown>;
    let mcp: Awaited<ReturnType<typeof startMcp>>;
    let port: number;
    beforeAll(async () => {
      sim = await vendor.createSimulator().start();
      port = await unusedPort();
      mcp = await startMcp([vendor.module], {
        accounts: {
          [vendor.id]: { dead: vendor.settings(`http://127.0.0.1:${port}`), live: vendor.settings(sim.url) },
        },
      });
    });
    afterAll(async () => {
      await mcp.close();
      await sim.stop();
    });

    it('is an isError result naming the address; the live account answers next', async () => {
      for (const endpoint of [vendor.read, vendor.create]) {
        const error = toolError(await mcp.call(endpoint.tool, { ...endpoint.args(), account: 'dead' }));
        expect(error).toMatchObject({ kind: 'transport', phase: 'connect', mayHaveReachedServer: false });
        expect(String(error.message)).toContain(`could not connect to 127.0.0.1:${port}`);
      }
      const next = await mcp.call(vendor.read.tool, { ...vendor.read.args(), account: 'live' });
      expect(next.isError).toBeFalsy();
    });
  },
);

describe.each(VENDORS.filter((vendor) => vendor.pinSetting))(
  '$id through the MCP server: a pinned panel',
  (vendor) => {
    let sim: Simulator<unknown>;
    let mcp: Awaited<ReturnType<typeof startMcp>>;
    beforeAll(async () => {
      sim = await vendor.createSimulator({ tls: true }).start();
      const pinned = (fingerprint: string) => ({
        ...vendor.settings(sim.url),
        [vendor.pinSetting ?? '']: fingerprint,
      });
      mcp = await startMcp([vendor.module], {
        accounts: {
          [vendor.id]: {
            impostor: pinned(otherCertificate.fingerprint256),
            genuine: pinned(testCertificate.fingerprint256),
          },
        },
      });
    });
    afterAll(async () => {
      await mcp.close();
      await sim.stop();
    });

    it('a certificate that does not match the pin: isError, no credential byte sent; the right pin works next', async () => {
      for (const endpoint of [vendor.read, vendor.create]) {
        const error = toolError(await mcp.call(endpoint.tool, { ...endpoint.args(), account: 'impostor' }));
        expect(error).toMatchObject({ kind: 'transport', phase: 'tls', code: 'X_TLS_PIN_MISMATCH' });
        expect(String(error.message)).toMatch(/Nothing was sent/);
      }
      expect(sim.stats.connections).toBeGreaterThanOrEqual(2);
      expect(sim.stats.requests).toBe(0);
      expect(sim.stats.bytesReceived).toBe(0);

      const next = await mcp.call(vendor.read.tool, { ...vendor.read.args(), account: 'genuine' });
      expect(next.isError, JSON.stringify(next.content)).toBeFalsy();
      expect(sim.stats.bytesReceived).toBeGreaterThan(0);
    });
  },
);
