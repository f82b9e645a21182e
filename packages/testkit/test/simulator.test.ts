import { setImmediate } from 'node:timers/promises';
import { Agent, request } from 'undici';
import { describe, expect, it } from 'vitest';
import { createSimulator } from '../src/index.js';
import { harness } from './support.js';

const { agent, start, fetchText } = harness();

describe('lifecycle', () => {
  it('listens on a loopback port and refuses url/port before start and after stop', async () => {
    const sim = createSimulator({ name: 'life', handler: () => ({ body: 'up' }) });
    expect(() => sim.url).toThrow('simulator "life" is not started');
    await start(sim);
    expect(sim.url).toBe(`http://127.0.0.1:${sim.port}`);
    expect(sim.port).toBeGreaterThan(0);
    expect((await fetchText(`${sim.url}/`)).text).toBe('up');
    await expect(sim.start()).rejects.toThrow('already started');
    await sim.stop();
    expect(() => sim.port).toThrow('not started');
    await sim.stop(); // a second stop is a no-op
  });

  it('stops without waiting for an idle keep-alive socket the client pools', async () => {
    const sim = await start(createSimulator({ name: 'keepalive', handler: () => ({ body: 'x' }) }));
    const keepAlive = new Agent({ keepAliveTimeout: 60_000 });
    for (let i = 0; i < 2; i++) {
      await (await request(sim.url, { dispatcher: keepAlive })).body.text();
      await setImmediate(); // undici returns the socket to its pool just after the body ends
    }
    expect(sim.stats.connections).toBe(1); // the second request reused the pooled socket

    // The client would keep the socket for 60 s; the server closes it, and stop() resolves.
    const disconnected = new Promise((resolve) => keepAlive.once('disconnect', resolve));
    await sim.stop();
    await disconnected;
    await keepAlive.close();
  });

  it('can be restarted after stop, on a new port', async () => {
    const sim = await start(createSimulator({ name: 'again', handler: () => ({}) }));
    await sim.stop();
    await sim.start();
    expect((await fetchText(sim.url)).status).toBe(200);
  });

  it('supports `await using`', async () => {
    let url = '';
    {
      await using sim = await createSimulator({ name: 'scoped', handler: () => ({}) }).start();
      url = sim.url;
    }
    await expect(request(url, { dispatcher: agent })).rejects.toMatchObject({ code: 'ECONNREFUSED' });
  });
});

describe('state', () => {
  it('seeds state, shares it across requests and re-seeds it on reset()', async () => {
    const sim = await start(
      createSimulator({
        name: 'counter',
        seed: () => ({ hits: 0 }),
        handler: (_req, { state }) => ({ body: { hits: ++state.hits } }),
      }),
    );
    await fetchText(sim.url);
    expect(JSON.parse((await fetchText(sim.url)).text)).toEqual({ hits: 2 });
    expect(sim.state.hits).toBe(2);

    sim.faults.add({ kind: 'hang' });
    sim.reset();
    expect(sim.state).toEqual({ hits: 0 });
    expect(sim.log).toEqual([]);
    expect(sim.stats).toEqual({ connections: 0, requests: 0, bytesReceived: 0 });
    expect(sim.faults.pending).toBe(0);
    expect(JSON.parse((await fetchText(sim.url)).text)).toEqual({ hits: 1 });
  });

  it('leaves state undefined without a seed', () => {
    expect(createSimulator({ name: 'stateless', handler: () => ({}) }).state).toBeUndefined();
  });
});

describe('requests', () => {
  it('records method, path, query, headers, body and time of every request', async () => {
    const sim = await start(createSimulator({ name: 'log', handler: () => ({ status: 204 }) }));
    const before = Date.now();
    await fetchText(`${sim.url}/v1/items?a=1&b=two&a=3`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain', 'x-trace': 't-1' },
      body: 'hello',
    });
    expect(sim.log).toHaveLength(1);
    const [record] = sim.log;
    expect(record).toMatchObject({
      method: 'POST',
      path: '/v1/items',
      query: { a: '3', b: 'two' },
      headers: { 'content-type': 'text/plain', 'x-trace': 't-1', 'content-length': '5' },
      body: 'hello',
    });
    expect(record?.at).toBeGreaterThanOrEqual(before);
    expect(record).not.toHaveProperty('fault');
    expect(sim.stats.requests).toBe(1);
    expect(sim.stats.bytesReceived).toBeGreaterThan('hello'.length);
  });

  it('parses form and JSON bodies, and names invalid JSON in the 500', async () => {
    const sim = await start(
      createSimulator({
        name: 'parse',
        handler: (req) =>
          req.path === '/form'
            ? { body: Object.fromEntries(req.form()) }
            : { body: { got: req.json<{ n: number }>().n, url: req.url.href, query: req.query.get('q') } },
      }),
    );
    const form = await fetchText(`${sim.url}/form`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'func=vm.create&name=a+b%26c',
    });
    expect(JSON.parse(form.text)).toEqual({ func: 'vm.create', name: 'a b&c' });

    const json = await fetchText(`${sim.url}/json?q=1`, { method: 'POST', body: '{"n":42}' });
    expect(JSON.parse(json.text)).toEqual({ got: 42, url: `${sim.url}/json?q=1`, query: '1' });

    const bad = await fetchText(`${sim.url}/json`, { method: 'POST', body: '<html>login</html>' });
    expect(bad.status).toBe(500);
    expect(JSON.parse(bad.text).error).toMatch(
      /^request body is not valid JSON \(.+\): "<html>login<\/html>"$/,
    );
  });

  it('turns handler exceptions and rejections into a 500 JSON error and keeps serving', async () => {
    const sim = await start(
      createSimulator({
        name: 'throws',
        handler: async (req) => {
          if (req.path === '/sync') throw new Error('boom');
          if (req.path === '/async') return Promise.reject(new Error('later'));
          if (req.path === '/bad-status') return { status: 42 };
          return { body: 'fine' };
        },
      }),
    );
    for (const [path, message] of [
      ['/sync', 'boom'],
      ['/async', 'later'],
    ] as const) {
      const res = await fetchText(`${sim.url}${path}`);
      expect(res.status).toBe(500);
      expect(res.headers['content-type']).toBe('application/json');
      expect(JSON.parse(res.text)).toEqual({ error: message });
    }
    const invalid = await fetchText(`${sim.url}/bad-status`);
    expect(invalid.status).toBe(500);
    expect(JSON.parse(invalid.text).error).toMatch(/status code/i);
    expect((await fetchText(sim.url)).text).toBe('fine');
  });

  it('encodes bodies by type and keeps an explicit content-type', async () => {
    const sim = await start(
      createSimulator({
        name: 'bodies',
        handler: (req) => {
          if (req.path === '/text') return { body: 'é' };
          if (req.path === '/bytes') return { body: Buffer.from([1, 2, 3]) };
          if (req.path === '/xml') return { headers: { 'Content-Type': 'text/xml' }, body: '<doc/>' };
          return { status: 201, headers: { 'x-id': ['a', 'b'] }, body: { ok: true } };
        },
      }),
    );
    const text = await fetchText(`${sim.url}/text`);
    expect(text.headers).toMatchObject({
      'content-type': 'text/plain; charset=utf-8',
      'content-length': '2',
    });
    const bytes = await fetchText(`${sim.url}/bytes`);
    expect(bytes.headers['content-type']).toBe('application/octet-stream');
    expect((await fetchText(`${sim.url}/xml`)).headers['content-type']).toBe('text/xml');
    const json = await fetchText(`${sim.url}/json`);
    expect(json).toMatchObject({ status: 201, text: '{"ok":true}' });
    expect(json.headers).toMatchObject({ 'content-type': 'application/json', 'x-id': ['a', 'b'] });
  });

  it('answers 413 to bodies over maxRequestBytes without calling the handler', async () => {
    let calls = 0;
    const sim = await start(
      createSimulator({ name: 'small', maxRequestBytes: 8, handler: () => ({ body: `call ${++calls}` }) }),
    );
    const res = await fetchText(sim.url, { method: 'POST', body: 'x'.repeat(9) });
    expect(res.status).toBe(413);
    expect(JSON.parse(res.text)).toEqual({ error: 'request body exceeds 8 bytes' });
    expect(calls).toBe(0);
    expect(sim.log.map((r) => r.path)).toEqual(['/']);
    expect((await fetchText(sim.url, { method: 'POST', body: 'x'.repeat(8) })).text).toBe('call 1');
  });
});
