import { request } from 'node:http';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp } from '../src/app.js';
import { type RunningHttp, startHttp } from '../src/http.js';
import { parseOptions } from '../src/options.js';
import { createMcpServer } from '../src/server.js';
import { CANARY_KEY, createDemoSimulator, demoModule } from './support.js';

const cleanup: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

async function serve(httpOptions: { authToken?: string } = {}) {
  const sim = createDemoSimulator();
  await sim.start();
  cleanup.push(() => sim.stop());
  const app = await createApp(parseOptions(['--transport', 'http'], {}), {
    vendors: [demoModule],
    env: { DEMO_URL: sim.url, DEMO_KEY: CANARY_KEY },
  });
  cleanup.push(() => app.close());
  const http = await startHttp({
    host: '127.0.0.1',
    port: 0,
    ...httpOptions,
    createServer: () => createMcpServer(app.registry),
  });
  cleanup.push(() => http.close());
  return { http, sim };
}

async function connect(http: RunningHttp, headers: Record<string, string> = {}) {
  const client = new Client({ name: 'http-test', version: '0.0.0' });
  await client.connect(new StreamableHTTPClientTransport(new URL(http.url), { requestInit: { headers } }));
  cleanup.push(() => client.close());
  return client;
}

/** A raw request, to send what a well-behaved client never would. */
function raw(url: string, options: { method?: string; headers?: Record<string, string>; body?: string }) {
  const target = new URL(url);
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = request(
      {
        host: target.hostname,
        port: target.port,
        path: target.pathname,
        method: options.method ?? 'POST',
        headers: options.headers,
      },
      (res) => {
        let body = '';
        res.on('data', (chunk) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

const initialize = JSON.stringify({
  jsonrpc: '2.0',
  id: 1,
  method: 'initialize',
  params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'raw', version: '0' } },
});
const jsonHeaders = { 'content-type': 'application/json', accept: 'application/json, text/event-stream' };

describe('Streamable HTTP', () => {
  it('serves tools/list and tools/call to the official SDK client', async () => {
    const { http } = await serve();
    const client = await connect(http);
    expect((await client.listTools()).tools.length).toBe(5);
    const result = (await client.callTool({ name: 'demo_things_list', arguments: {} })) as CallToolResult;
    expect(result.isError).toBeFalsy();
    expect(JSON.stringify(result)).not.toContain(CANARY_KEY);
  });

  it("two concurrent clients never see each other's results", async () => {
    const { http } = await serve();
    const [a, b] = await Promise.all([connect(http), connect(http)]);
    const names = Array.from({ length: 10 }, (_, i) => `n${i}`);
    const results = await Promise.all(
      names.map(
        (name, i) =>
          (i % 2 ? a : b).callTool({
            name: 'demo_things_create',
            arguments: { name },
          }) as Promise<CallToolResult>,
      ),
    );
    results.forEach((result, i) => {
      expect((result.structuredContent as { result: { item: { name: string } } }).result.item.name).toBe(
        names[i],
      );
    });
  });

  it('rejects a foreign Host header (DNS rebinding) and a foreign Origin', async () => {
    const { http } = await serve();
    expect(
      (await raw(http.url, { headers: { ...jsonHeaders, host: 'evil.example:80' }, body: initialize }))
        .status,
    ).toBe(403);
    expect(
      (await raw(http.url, { headers: { ...jsonHeaders, origin: 'https://evil.example' }, body: initialize }))
        .status,
    ).toBe(403);
    const port = new URL(http.url).port;
    expect(
      (
        await raw(http.url, {
          headers: { ...jsonHeaders, origin: `http://localhost:${port}` },
          body: initialize,
        })
      ).status,
    ).toBe(200);
    // Another local application is another origin (hardening-hosts.test.ts has the whole matrix).
    expect(
      (
        await raw(http.url, {
          headers: { ...jsonHeaders, origin: 'http://localhost:5173' },
          body: initialize,
        })
      ).status,
    ).toBe(403);
  });

  it('takes POST only, caps the body, and refuses non-JSON', async () => {
    const { http } = await serve();
    const get = await raw(http.url, { method: 'GET', headers: jsonHeaders });
    expect(get.status).toBe(405);
    const big = await raw(http.url, {
      headers: jsonHeaders,
      body: JSON.stringify({ pad: 'x'.repeat(2 * 1024 * 1024) }),
    });
    expect(big.status).toBe(413);
    expect((await raw(http.url, { headers: jsonHeaders, body: '{not json' })).status).toBe(400);
    expect(
      (await raw(http.url.replace('/mcp', '/other'), { headers: jsonHeaders, body: initialize })).status,
    ).toBe(404);
  });

  it('requires the bearer token when one is set', async () => {
    const token = 'sekret-token-0123456789abcdef0123';
    const { http } = await serve({ authToken: token });
    expect((await raw(http.url, { headers: jsonHeaders, body: initialize })).status).toBe(401);
    expect(
      (
        await raw(http.url, {
          headers: { ...jsonHeaders, authorization: 'Bearer wrong-token-0123456789abcdef012' },
          body: initialize,
        })
      ).status,
    ).toBe(401);
    const client = await connect(http, { authorization: `Bearer ${token}` });
    expect((await client.listTools()).tools.length).toBe(5);
  });

  it('refuses to bind off loopback without a token', async () => {
    await expect(
      startHttp({
        host: '0.0.0.0',
        port: 0,
        createServer: () => {
          throw new Error('not reached');
        },
      }),
    ).rejects.toThrow(/without --auth-token/);
  });
});
