// DNS rebinding: Host and Origin are parsed, never prefix-matched. A name is ours when it
// is localhost, an address in 127.0.0.0/8 or ::1 on the listening port, or an --allowed-hosts entry; the
// same parser decides whether a bind address needs a bearer token. Real HTTP to the real server on loopback.
import { spawnSync } from 'node:child_process';
import { request } from 'node:http';
import { fileURLToPath } from 'node:url';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/app.js';
import { type HttpOptions, isLoopback, parseHost, type RunningHttp, startHttp } from '../src/http.js';
import { parseOptions } from '../src/options.js';
import { createMcpServer } from '../src/server.js';
import { CANARY_KEY, createDemoSimulator, demoModule } from './support.js';

const cli = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
const initialize = JSON.stringify({
  jsonrpc: '2.0',
  id: 1,
  method: 'initialize',
  params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'raw', version: '0' } },
});

const stops: Array<() => Promise<void>> = [];
afterAll(async () => {
  for (const stop of stops.splice(0).reverse()) await stop();
});

let createServer: HttpOptions['createServer'];
beforeAll(async () => {
  const sim = await createDemoSimulator().start();
  stops.push(() => sim.stop());
  const app = await createApp(parseOptions(['--transport', 'http'], {}), {
    vendors: [demoModule],
    env: { DEMO_URL: sim.url, DEMO_KEY: CANARY_KEY },
  });
  stops.push(() => app.close());
  createServer = () => createMcpServer(app.registry);
});

async function serve(options: Partial<HttpOptions> = {}): Promise<{ http: RunningHttp; port: number }> {
  const http = await startHttp({ host: '127.0.0.1', port: 0, ...options, createServer });
  stops.push(() => http.close());
  return { http, port: Number(new URL(http.url).port) };
}

/** POSTs an initialize with exactly these Host and Origin headers (a browser never lets a page set Host). */
function status(http: RunningHttp, headers: { host: string; origin?: string }): Promise<number> {
  const target = new URL(http.url);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: target.hostname,
        port: target.port,
        path: target.pathname,
        method: 'POST',
        setHost: false,
        headers: {
          'content-type': 'application/json',
          accept: 'application/json, text/event-stream',
          ...headers,
        },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('error', reject);
    req.end(initialize);
  });
}

describe('Host and Origin checks', () => {
  it('refuses a host name that merely starts with 127. (DNS rebinding), in Host and in Origin', async () => {
    const { http, port } = await serve();
    const rebound = `127.attacker.example:${port}`;
    expect(await status(http, { host: rebound, origin: `http://${rebound}` })).toBe(403);
    expect(await status(http, { host: rebound })).toBe(403);
    expect(await status(http, { host: `127.0.0.1.attacker.example:${port}` })).toBe(403);
    expect(await status(http, { host: `localhost:${port}`, origin: `http://${rebound}` })).toBe(403);
  });

  it('accepts localhost, 127.0.0.0/8 and [::1] on the listening port only', async () => {
    const { http, port } = await serve();
    for (const host of ['localhost', 'LOCALHOST', '127.0.0.1', '127.9.8.7', '[::1]']) {
      expect(await status(http, { host: `${host}:${port}` }), host).toBe(200);
    }
    expect(await status(http, { host: `localhost:${port + 1}` })).toBe(403);
    expect(await status(http, { host: 'localhost' })).toBe(403); // port 80
    expect(await status(http, { host: `127.1:${port}` })).toBe(403); // not an address literal Node parses
    expect(await status(http, { host: `localhost.:${port}` })).toBe(403);
    expect(await status(http, { host: `evil@localhost:${port}` })).toBe(403);
  });

  it('accepts an Origin of this server only: a loopback name on the same port', async () => {
    const { http, port } = await serve();
    const host = `localhost:${port}`;
    expect(await status(http, { host, origin: `http://localhost:${port}` })).toBe(200);
    expect(await status(http, { host, origin: `http://127.0.0.1:${port}` })).toBe(200);
    expect(await status(http, { host, origin: `http://[::1]:${port}` })).toBe(200);
    // Another local application (a dev server on :5173) is another origin.
    expect(await status(http, { host, origin: 'http://localhost:5173' })).toBe(403);
    expect(await status(http, { host, origin: 'http://localhost' })).toBe(403);
    expect(await status(http, { host, origin: 'null' })).toBe(403);
    expect(await status(http, { host, origin: `ftp://localhost:${port}` })).toBe(403);
  });

  it('--allowed-hosts adds names (any port, or the one given) and --allowed-origins exact origins', async () => {
    const { http, port } = await serve({
      allowedHosts: ['mcp.example.com', 'proxy.example:8443'],
      allowedOrigins: ['http://localhost:6274'],
    });
    expect(await status(http, { host: 'mcp.example.com', origin: 'https://mcp.example.com' })).toBe(200);
    expect(await status(http, { host: 'proxy.example:8443', origin: 'https://proxy.example:8443' })).toBe(
      200,
    );
    expect(await status(http, { host: 'proxy.example:9000' })).toBe(403);
    expect(await status(http, { host: 'proxy.example' })).toBe(403);
    expect(await status(http, { host: 'sub.mcp.example.com' })).toBe(403);
    expect(await status(http, { host: `localhost:${port}`, origin: 'http://localhost:6274' })).toBe(200);
  });

  it('serves the official SDK client on 127.0.0.1 and on localhost', async () => {
    const { port } = await serve();
    for (const host of ['127.0.0.1', 'localhost']) {
      const client = new Client({ name: 'hosts-test', version: '0.0.0' });
      await client.connect(new StreamableHTTPClientTransport(new URL(`http://${host}:${port}/mcp`)));
      expect((await client.listTools()).tools.length).toBeGreaterThan(0);
      await client.close();
    }
  });
});

describe('which bind address needs a bearer token', () => {
  it('parses the address: only localhost, 127.0.0.0/8 and ::1 are loopback', () => {
    for (const host of ['localhost', '127.0.0.1', '127.255.255.254', '::1', '[::1]', '0:0:0:0:0:0:0:1']) {
      expect(isLoopback(host), host).toBe(true);
    }
    for (const host of [
      '127.attacker.example',
      '127.0.0.1.nip.io',
      '127.1',
      '0.0.0.0',
      '::',
      '10.0.0.1',
      '',
    ]) {
      expect(isLoopback(host), host).toBe(false);
    }
    expect(parseHost('[::1]:3333')).toEqual({ host: '::1', port: 3333 });
    expect(parseHost('Example.COM:80')).toEqual({ host: 'example.com', port: 80 });
    expect(parseHost('example.com:99999')).toBeUndefined();
    expect(parseHost('http://example.com')).toBeUndefined();
  });

  it('startHttp refuses a 127.-prefixed host name without a token', async () => {
    await expect(startHttp({ host: '127.attacker.example', port: 0, createServer })).rejects.toThrow(
      /without --auth-token/,
    );
  });

  it('the bin refuses --host 127.attacker.example without --auth-token', () => {
    const run = spawnSync(process.execPath, [cli, '--transport', 'http', '--host', '127.attacker.example'], {
      encoding: 'utf8',
      env: { PATH: process.env.PATH ?? '' },
      input: '',
      timeout: 15_000,
    });
    expect(run.status).not.toBe(0);
    expect(run.stderr).toMatch(/refusing to listen on 127\.attacker\.example without --auth-token/);
  });
});
