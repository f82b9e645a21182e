// Limits of the HTTP endpoint kept verified: JSON-RPC batch and body caps, and 200
// concurrent requests answered under the default connection cap. Real HTTP to the real server on loopback.
import { request } from 'node:http';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/app.js';
import { type RunningHttp, startHttp } from '../src/http.js';
import { parseOptions } from '../src/options.js';
import { createMcpServer } from '../src/server.js';
import { CANARY_KEY, createDemoSimulator, demoModule } from './support.js';

let http: RunningHttp;
const stops: Array<() => Promise<void>> = [];
beforeAll(async () => {
  const sim = await createDemoSimulator().start();
  stops.push(() => sim.stop());
  const app = await createApp(parseOptions(['--transport', 'http', '--confirm', 'off'], {}), {
    vendors: [demoModule],
    env: { DEMO_URL: sim.url, DEMO_KEY: CANARY_KEY },
  });
  stops.push(() => app.close());
  http = await startHttp({ host: '127.0.0.1', port: 0, createServer: () => createMcpServer(app.registry) });
  stops.push(() => http.close());
});
afterAll(async () => {
  for (const stop of stops.splice(0).reverse()) await stop();
});

/** POSTs a body, written in pieces when `chunks` is given (chunked encoding: no Content-Length to trust). */
function post(body: string | string[]): Promise<{ status: number; body: string }> {
  const target = new URL(http.url);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: target.hostname,
        port: target.port,
        path: target.pathname,
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream' },
      },
      (res) => {
        let text = '';
        res.on('data', (chunk) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
      },
    );
    req.on('error', reject);
    if (typeof body === 'string') return req.end(body);
    for (const piece of body) req.write(piece);
    req.end();
  });
}

const ping = (id: number) => ({ jsonrpc: '2.0', id, method: 'ping' });

/** The JSON-RPC messages of an answer: a JSON body, or the `data:` lines of an SSE stream. */
function messagesIn(body: string): unknown[] {
  if (!body.startsWith('event:') && !body.startsWith('data:')) return [JSON.parse(body)].flat();
  return body
    .split('\n')
    .filter((line) => line.startsWith('data: '))
    .flatMap((line) => [JSON.parse(line.slice(6))].flat());
}

describe('HTTP limits', () => {
  it('answers a batch of 100 messages and refuses 101 with -32600', async () => {
    const ok = await post(JSON.stringify(Array.from({ length: 100 }, (_, i) => ping(i + 1))));
    expect(ok.status).toBe(200);
    expect(messagesIn(ok.body)).toHaveLength(100);
    const tooMany = await post(JSON.stringify(Array.from({ length: 101 }, (_, i) => ping(i + 1))));
    expect(tooMany.status).toBe(400);
    expect(JSON.parse(tooMany.body).error.code).toBe(-32600);
  });

  it('refuses a body over 1 MiB with 413, declared or streamed without a length', async () => {
    const big = JSON.stringify({ pad: 'x'.repeat(1024 * 1024) });
    expect((await post(big)).status).toBe(413);
    const pieces = Array.from({ length: 20 }, (_, i) => (i === 0 ? '["' : 'x'.repeat(64 * 1024)));
    expect((await post(pieces)).status).toBe(413);
  });

  it('answers 200 concurrent requests, each with its own result', async () => {
    const client = new Client({ name: 'limits-test', version: '0.0.0' });
    await client.connect(new StreamableHTTPClientTransport(new URL(http.url)));
    try {
      const names = Array.from({ length: 200 }, (_, i) => `c${i}`);
      const results = (await Promise.all(
        names.map((name) => client.callTool({ name: 'demo_things_create', arguments: { name } })),
      )) as CallToolResult[];
      results.forEach((result, i) => {
        expect(result.isError, JSON.stringify(result.content)).toBeFalsy();
        expect((result.structuredContent as { result: { item: { name: string } } }).result.item.name).toBe(
          names[i],
        );
      });
    } finally {
      await client.close();
    }
  });
});
