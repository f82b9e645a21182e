// The same faults through the MCP server (Streamable HTTP on loopback, the official SDK client): every fault
// is an isError result with the typed error's kind and a useful message, a create is still sent only once,
// and the server answers the next call normally.
import type { Fault } from '@x/testkit';
import { createEchoSimulator, otherCertificate, testCertificate, unusedPort } from '@x/testkit';
import { describe, expect, it } from 'vitest';
import { callWithFault, expectHandshakesOnly, expectServesNextCall, toolError } from './expectations.js';
import { failOnUnhandledRejections, useMcpServer } from './harness.js';
import { FAST_SUSPENDED, type Operation, VENDORS } from './support.js';

failOnUnhandledRejections();

const HTML_502 = '<html><head><title>502 Bad Gateway</title></head><body>Bad Gateway</body></html>';

interface Row {
  name: string;
  fault: Fault;
  on: Operation;
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
  const rig = useMcpServer(vendor);
  // After every fault the server serves the next call normally: each test ends by checking that.

  it.each(ROWS)('$name: an isError result, the right number of requests', async (row) => {
    const { result, error, requests } = await callWithFault(rig, vendor[row.on], row.fault);
    expect(error).toMatchObject({ ...row.error, vendor: vendor.id });
    expect(String(error.message)).toMatch(row.message);
    // No stack trace, no internals: the message is for the model.
    expect(JSON.stringify(result)).not.toMatch(/\n\s+at |node_modules|\.ts:\d+/);
    expect(requests, JSON.stringify(error)).toBe(row.requests);
    await expectServesNextCall(rig);
  });

  it('a redirect to another host: an isError result, and the other host receives nothing', async () => {
    await using other = await createEchoSimulator().start();
    const redirect = { kind: 'redirect', status: 307, location: `${other.url}/collect` } as const;
    const { error, requests } = await callWithFault(rig, vendor.create, redirect);
    expect(error).toMatchObject({ kind: 'transport', phase: 'redirect' });
    expect(String(error.message)).toContain(other.url);
    expect(requests).toBe(1);
    expect(other.stats).toMatchObject({ connections: 0, requests: 0, bytesReceived: 0 });
    await expectServesNextCall(rig);
  });

  if (vendor.id === 'vmmanager') {
    it('a 503 storm (suspended): bounded retries, even for a create, then an isError result', async () => {
      const suspended = { kind: 'status', status: 503, body: 'suspended' } as const;
      const { error, requests } = await callWithFault(rig, vendor.create, suspended);
      expect(error).toMatchObject({ kind: 'api', status: 503 });
      // The vendor's words are in their own field; our message points there instead of quoting them.
      expect(String(error.vendorMessage)).toMatch(/suspended/);
      expect(requests).toBe(1 + FAST_SUSPENDED.retries);
      await expectServesNextCall(rig);
    });
  }
});

describe.each(VENDORS)(
  '$id through the MCP server: an account whose server refuses connections',
  (vendor) => {
    let port: number;
    const rig = useMcpServer(vendor, {
      sources: async (sim) => {
        port = await unusedPort();
        const dead = vendor.settings(`http://127.0.0.1:${port}`);
        return { accounts: { [vendor.id]: { dead, live: vendor.settings(sim.url) } } };
      },
    });

    it('is an isError result naming the address; the live account answers next', async () => {
      for (const endpoint of [vendor.read, vendor.create]) {
        const error = toolError(await rig.mcp.callEndpoint(endpoint, 'dead'));
        expect(error).toMatchObject({ kind: 'transport', phase: 'connect', mayHaveReachedServer: false });
        expect(String(error.message)).toContain(`could not connect to 127.0.0.1:${port}`);
      }
      await expectServesNextCall(rig, 'live');
    });
  },
);

describe.each(VENDORS.filter((vendor) => vendor.pinSetting))(
  '$id through the MCP server: a pinned panel',
  (vendor) => {
    const rig = useMcpServer(vendor, {
      tls: true,
      sources: (sim) => {
        const pinned = (fingerprint: string) => ({
          ...vendor.settings(sim.url),
          [vendor.pinSetting ?? '']: fingerprint,
        });
        return {
          accounts: {
            [vendor.id]: {
              impostor: pinned(otherCertificate.fingerprint256),
              genuine: pinned(testCertificate.fingerprint256),
            },
          },
        };
      },
    });

    it('a certificate that does not match the pin: isError, no credential byte sent; the right pin works next', async () => {
      for (const endpoint of [vendor.read, vendor.create]) {
        const error = toolError(await rig.mcp.callEndpoint(endpoint, 'impostor'));
        expect(error).toMatchObject({ kind: 'transport', phase: 'tls', code: 'X_TLS_PIN_MISMATCH' });
        expect(String(error.message)).toMatch(/Nothing was sent/);
      }
      expectHandshakesOnly(rig.sim);

      await expectServesNextCall(rig, 'genuine');
      expect(rig.sim.stats.bytesReceived).toBeGreaterThan(0);
    });
  },
);
