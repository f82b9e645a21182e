import { request as httpRequest } from 'node:http';
import type { Socket } from 'node:net';
import { ProxyAgent, request } from 'undici';
import { describe, expect, it } from 'vitest';
import { createEchoSimulator, createProxy, createSimulator, testCertificate } from '../src/index.js';
import { harness } from './support.js';

const { start } = harness();

/** Sends one raw request to the proxy (bypassing undici's own proxy logic) and returns the status line code. */
function rawProxyRequest(proxyUrl: string, method: string, target: string): Promise<number> {
  const { hostname, port } = new URL(proxyUrl);
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: hostname, port, method, path: target, agent: false });
    req.once('connect', (res, socket) => {
      socket.destroy();
      resolve(res.statusCode ?? 0);
    });
    req.once('response', (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.once('error', reject);
    req.end();
  });
}

/** Opens a CONNECT tunnel through the proxy and leaves it open. */
function openTunnel(proxyUrl: string, target: string): Promise<Socket> {
  const { hostname, port } = new URL(proxyUrl);
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: hostname, port, method: 'CONNECT', path: target, agent: false });
    req.once('connect', (res, socket) =>
      res.statusCode === 200 ? resolve(socket) : reject(new Error(`CONNECT ${res.statusCode}`)),
    );
    req.once('error', reject);
    req.end();
  });
}

async function withProxyAgent<T>(agent: ProxyAgent, use: (agent: ProxyAgent) => Promise<T>): Promise<T> {
  try {
    return await use(agent);
  } finally {
    await agent.close();
  }
}

describe('proxy', () => {
  it('tunnels HTTPS through CONNECT and logs the target', async () => {
    const proxy = await start(createProxy());
    const sim = await start(
      createSimulator({ name: 'tls', tls: true, handler: (req) => ({ body: { path: req.path } }) }),
    );
    const body = await withProxyAgent(
      new ProxyAgent({ uri: proxy.url, requestTls: { ca: testCertificate.cert } }),
      async (dispatcher) => (await request(`${sim.url}/through`, { dispatcher })).body.json(),
    );
    expect(body).toEqual({ path: '/through' });
    expect(proxy.log).toMatchObject([{ method: 'CONNECT', target: `127.0.0.1:${sim.port}` }]);
  });

  it('tunnels plain HTTP through CONNECT', async () => {
    const proxy = await start(createProxy());
    const sim = await start(createEchoSimulator());
    const body = await withProxyAgent(new ProxyAgent(proxy.url), async (dispatcher) =>
      (await request(`${sim.url}/tunneled?x=1`, { dispatcher })).body.json(),
    );
    expect(body).toMatchObject({ path: '/tunneled', query: { x: '1' } });
    expect(proxy.log).toMatchObject([{ method: 'CONNECT', target: `127.0.0.1:${sim.port}` }]);
  });

  it('forwards absolute-form HTTP requests without the proxy credentials', async () => {
    const proxy = await start(createProxy());
    const sim = await start(createEchoSimulator());
    const agent = new ProxyAgent({ uri: proxy.url, proxyTunnel: false, token: 'Basic dXNlcjpwYXNz' });
    const res = await withProxyAgent(agent, async (dispatcher) => {
      const answer = await request(`${sim.url}/plain?y=2`, { dispatcher, method: 'POST', body: 'payload' });
      return { status: answer.statusCode, body: await answer.body.json() };
    });
    expect(res).toMatchObject({ status: 200, body: { method: 'POST', path: '/plain', body: 'payload' } });
    expect(proxy.log).toHaveLength(1);
    expect(proxy.log[0]).toMatchObject({
      method: 'POST',
      target: `${sim.url}/plain?y=2`,
      headers: { 'proxy-authorization': 'Basic dXNlcjpwYXNz' },
    });
    expect(sim.log[0]?.headers['proxy-authorization']).toBeUndefined();
  });

  it('accepts localhost and other 127.0.0.0/8 spellings', async () => {
    const proxy = await start(createProxy());
    const sim = await start(createEchoSimulator());
    for (const host of ['localhost', '127.1', '127.0.0.1']) {
      expect(await rawProxyRequest(proxy.url, 'CONNECT', `${host}:${sim.port}`)).toBe(200);
    }
    expect(await rawProxyRequest(proxy.url, 'GET', `http://localhost:${sim.port}/`)).toBe(200);
  });

  it('refuses non-loopback targets with 403 and never dials them', async () => {
    const proxy = await start(createProxy());
    for (const target of ['example.com:443', '10.0.0.1:80', '[2001:db8::1]:443', '128.0.0.1:80']) {
      expect(await rawProxyRequest(proxy.url, 'CONNECT', target)).toBe(403);
    }
    expect(await rawProxyRequest(proxy.url, 'GET', 'http://example.com/')).toBe(403);
    expect(proxy.log.map((entry) => entry.target)).toEqual([
      'example.com:443',
      '10.0.0.1:80',
      '[2001:db8::1]:443',
      '128.0.0.1:80',
      'http://example.com/',
    ]);

    const viaUndici = new ProxyAgent(proxy.url);
    await expect(request('https://example.com/', { dispatcher: viaUndici })).rejects.toThrow(/403/);
    await viaUndici.close();
  });

  it('answers 400 to malformed targets and 502 to an unreachable loopback target', async () => {
    const proxy = await start(createProxy());
    expect(await rawProxyRequest(proxy.url, 'CONNECT', 'no-port')).toBe(400);
    expect(await rawProxyRequest(proxy.url, 'GET', '/origin-form')).toBe(400);
    const closed = await start(createEchoSimulator());
    const port = closed.port;
    await closed.stop();
    expect(await rawProxyRequest(proxy.url, 'CONNECT', `127.0.0.1:${port}`)).toBe(502);
    expect(await rawProxyRequest(proxy.url, 'GET', `http://127.0.0.1:${port}/`)).toBe(502);
  });

  it('stops with a tunnel still open: it closes the tunnel instead of waiting for the client', async () => {
    const proxy = await start(createProxy());
    const sim = await start(createEchoSimulator());
    // A raw tunnel has no client-side timeout, and an upstream that has seen no request stays open for a
    // minute: without the proxy closing it, stop() could not resolve within the test.
    const tunnel = await openTunnel(proxy.url, `127.0.0.1:${sim.port}`);
    const closed = new Promise((resolve) => tunnel.once('close', resolve));
    await proxy.stop();
    await closed;
  });
});
