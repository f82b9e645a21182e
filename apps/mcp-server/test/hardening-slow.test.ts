// Slow connections: header and request timeouts and a connection cap, configured short
// here. Slow clients must not stop the server answering others, and the server itself must close them.
// Nothing here measures time: a slow socket that is never closed fails the test by its timeout.
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { connect, type Socket } from 'node:net';
import { fileURLToPath } from 'node:url';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/app.js';
import { type HttpOptions, type RunningHttp, startHttp } from '../src/http.js';
import { parseOptions } from '../src/options.js';
import { createMcpServer } from '../src/server.js';
import { CANARY_KEY, createDemoSimulator, demoModule } from './support.js';

const cli = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
const stops: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const stop of stops.splice(0).reverse()) await stop();
});

let createServer: HttpOptions['createServer'];
let stopApp: () => Promise<void>;
beforeAll(async () => {
  const sim = await createDemoSimulator().start();
  const app = await createApp(parseOptions(['--transport', 'http'], {}), {
    vendors: [demoModule],
    env: { DEMO_URL: sim.url, DEMO_KEY: CANARY_KEY },
  });
  createServer = () => createMcpServer(app.registry);
  stopApp = async () => {
    await app.close();
    await sim.stop();
  };
});
afterAll(() => stopApp());

async function serve(limits: Partial<HttpOptions>): Promise<RunningHttp> {
  const http = await startHttp({ host: '127.0.0.1', port: 0, ...limits, createServer });
  stops.push(() => http.close());
  return http;
}

/** A connection that sends a request's first header lines, then one more byte now and then, never finishing. */
interface SlowClient {
  socket: Socket;
  /** Resolves when the server closed the connection (the test never closes it itself). */
  closed: Promise<void>;
  isClosed(): boolean;
}

async function slowClient(url: string): Promise<SlowClient> {
  const target = new URL(url);
  const socket = connect(Number(target.port), target.hostname);
  socket.on('error', () => {}); // a reset is one way of being closed
  let closed = false;
  // Not events.once: it would reject on the 'error' that comes with a reset.
  const closedPromise = new Promise<void>((resolve) => socket.once('close', () => resolve()));
  void closedPromise.then(() => {
    closed = true;
  });
  await once(socket, 'connect');
  socket.write(`POST /mcp HTTP/1.1\r\nHost: ${target.host}\r\n`);
  const drip = setInterval(() => socket.write('x'), 50);
  void closedPromise.then(() => clearInterval(drip));
  stops.push(() => {
    clearInterval(drip);
    socket.destroy();
  });
  return { socket, closed: closedPromise, isClosed: () => closed };
}

async function listTools(url: string): Promise<number> {
  const client = new Client({ name: 'slow-test', version: '0.0.0' });
  await client.connect(new StreamableHTTPClientTransport(new URL(url)));
  try {
    return (await client.listTools()).tools.length;
  } finally {
    await client.close();
  }
}

describe('slow HTTP clients', () => {
  it('do not stop the server answering others, and are closed by the server after the timeout', async () => {
    // Generous enough that the slow clients are still pending while the fast one is served, even on a
    // loaded machine; the test's own timeout is the bound on "closed after the timeout".
    const http = await serve({ headersTimeoutMs: 2_000, requestTimeoutMs: 4_000 });
    const slow = await Promise.all(Array.from({ length: 50 }, () => slowClient(http.url)));
    expect(await listTools(http.url)).toBe(5);
    expect(slow.filter((client) => client.isClosed())).toEqual([]);
    await Promise.all(slow.map((client) => client.closed));
    expect(await listTools(http.url)).toBe(5);
  });

  it('a slow body is cut by the request timeout', async () => {
    const http = await serve({ headersTimeoutMs: 200, requestTimeoutMs: 400 });
    const target = new URL(http.url);
    const socket = connect(Number(target.port), target.hostname);
    socket.on('error', () => {});
    stops.push(() => void socket.destroy());
    await once(socket, 'connect');
    socket.write(
      `POST /mcp HTTP/1.1\r\nHost: ${target.host}\r\ncontent-type: application/json\r\n` +
        'accept: application/json, text/event-stream\r\ncontent-length: 100000\r\n\r\n{',
    );
    const drip = setInterval(() => socket.write(' '), 50);
    stops.push(() => clearInterval(drip));
    await new Promise((resolve) => socket.once('close', resolve));
  });

  it('connections over the cap are closed at once; the server serves again when slow ones time out', async () => {
    const http = await serve({ headersTimeoutMs: 2_000, requestTimeoutMs: 4_000, maxConnections: 5 });
    const slow: SlowClient[] = [];
    for (let i = 0; i < 5; i++) slow.push(await slowClient(http.url));
    const extra = await slowClient(http.url);
    await extra.closed;
    // Closed by the cap, not by a timeout: the five before it are all still open.
    expect(slow.filter((client) => client.isClosed())).toEqual([]);
    await Promise.all(slow.map((client) => client.closed));
    expect(await listTools(http.url)).toBe(5);
  });

  it('the bin takes the limits from its flags', async () => {
    const child: ChildProcess = spawn(
      process.execPath,
      [cli, '--transport', 'http', '--port', '0', '--headers-timeout', '200', '--request-timeout', '400'],
      { env: { PATH: process.env.PATH ?? '' }, stdio: ['ignore', 'ignore', 'pipe'] },
    );
    stops.push(() => void child.kill('SIGKILL'));
    let stderr = '';
    const url = await new Promise<string>((resolve, reject) => {
      child.stderr?.on('data', (chunk: Buffer) => {
        stderr += chunk;
        const found = /listening on (\S+)/.exec(stderr);
        if (found?.[1]) resolve(found[1]);
      });
      child.on('exit', () => reject(new Error(`the bin exited: ${stderr}`)));
    });
    const client = await slowClient(url);
    await client.closed;
  });
});
