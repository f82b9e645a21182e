import { request } from 'undici';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createSimulator, type Fault } from '../src/index.js';
import { harness, track, until } from './support.js';

const { agent, start, fetchText } = harness();

/** Fake only the timers the simulator's delays use; I/O and `setImmediate` stay real. */
const fakeTimers = () =>
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'], shouldClearNativeTimers: true });
afterEach(() => {
  vi.useRealTimers();
});

/** 46 bytes of JSON: an even length, so "half the body" is exact. */
const PAYLOAD = { id: 7, name: 'server-7', status: 'active!!' };
const PAYLOAD_TEXT = JSON.stringify(PAYLOAD);

function payloadSimulator() {
  return start(createSimulator({ name: 'faulty', handler: () => ({ body: PAYLOAD }) }));
}

async function readAll(body: AsyncIterable<Buffer>): Promise<number> {
  let bytes = 0;
  for await (const chunk of body) bytes += chunk.length;
  return bytes;
}

describe('fault kinds, seen from the client', () => {
  it('delay: holds the headers back, then runs the handler', async () => {
    let calls = 0;
    const sim = await start(
      createSimulator({ name: 'delayed', handler: () => ({ body: `call ${++calls}` }) }),
    );
    sim.faults.add({ kind: 'delay', ms: 120 });
    fakeTimers();
    const held = track(fetchText(sim.url));
    await until(() => sim.log.length === 1);
    // Requests on other connections are answered meanwhile; the held one waits for the full 120 ms.
    expect((await fetchText(sim.url)).text).toBe('call 1');
    await vi.advanceTimersByTimeAsync(119);
    expect((await fetchText(sim.url)).text).toBe('call 2');
    expect(held.settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(await held.promise).toMatchObject({ status: 200, text: 'call 3' });
    expect(sim.log.map((r) => r.fault)).toEqual(['delay', undefined, undefined]);
  });

  it('status: answers instead of the handler (429 with Retry-After, HTML 500)', async () => {
    let calls = 0;
    const sim = await start(createSimulator({ name: 'count', handler: () => ({ body: `call ${++calls}` }) }));
    sim.faults.add({
      kind: 'status',
      status: 429,
      headers: { 'Retry-After': '2' },
      body: { error: 'slow down' },
    });
    sim.faults.add({
      kind: 'status',
      status: 500,
      headers: { 'content-type': 'text/html' },
      body: '<h1>Internal Server Error</h1>',
    });
    const limited = await fetchText(sim.url);
    expect(limited).toMatchObject({ status: 429, text: '{"error":"slow down"}' });
    expect(limited.headers['retry-after']).toBe('2');
    const broken = await fetchText(sim.url);
    expect(broken).toMatchObject({ status: 500, text: '<h1>Internal Server Error</h1>' });
    expect(broken.headers['content-type']).toBe('text/html');
    expect(calls).toBe(0);
    expect(sim.log.map((r) => r.fault)).toEqual(['status', 'status']);
  });

  it('reset: the client gets a socket error and no response', async () => {
    const sim = await payloadSimulator();
    sim.faults.add({ kind: 'reset' });
    await expect(request(sim.url, { dispatcher: agent, method: 'POST', body: 'sent' })).rejects.toMatchObject(
      {
        code: 'ECONNRESET',
      },
    );
    expect(sim.log).toMatchObject([{ method: 'POST', body: 'sent', fault: 'reset' }]);
    expect((await fetchText(sim.url)).status).toBe(200);
  });

  it('reset-mid-body: headers promise the full length, reading the body fails', async () => {
    const sim = await payloadSimulator();
    sim.faults.add({ kind: 'reset-mid-body' });
    const res = await request(sim.url, { dispatcher: agent });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-length']).toBe(String(PAYLOAD_TEXT.length));
    const received: Buffer[] = [];
    const reading = (async () => {
      for await (const chunk of res.body) received.push(chunk as Buffer);
    })();
    await expect(reading).rejects.toMatchObject({ code: 'UND_ERR_SOCKET' });
    expect(Buffer.concat(received).toString()).toBe(PAYLOAD_TEXT.slice(0, PAYLOAD_TEXT.length / 2));
  });

  it('truncate: a well-formed response whose JSON is cut in half', async () => {
    const sim = await payloadSimulator();
    sim.faults.add({ kind: 'truncate' });
    const res = await fetchText(sim.url);
    const half = PAYLOAD_TEXT.slice(0, PAYLOAD_TEXT.length / 2);
    expect(res).toMatchObject({ status: 200, text: half });
    expect(res.headers['content-length']).toBe(String(half.length));
    expect(() => JSON.parse(res.text)).toThrow(SyntaxError);
  });

  it('slow-body: headers at once, then one chunk per interval', async () => {
    const sim = await payloadSimulator();
    sim.faults.add({ kind: 'slow-body', chunkBytes: 16, intervalMs: 40 }); // 46 bytes: 3 chunks
    fakeTimers();
    const res = await request(sim.url, { dispatcher: agent }); // no time has passed
    expect(res.statusCode).toBe(200);
    const chunks: string[] = [];
    res.body.on('data', (chunk: Buffer) => chunks.push(String(chunk)));
    const ended = new Promise((resolve) => res.body.once('end', resolve));
    for (let chunk = 1; chunk <= 3; chunk++) {
      await vi.advanceTimersByTimeAsync(39);
      await fetchText(sim.url); // a round trip on another connection: anything already written has arrived
      expect(chunks).toHaveLength(chunk - 1);
      await vi.advanceTimersByTimeAsync(1);
      await until(() => chunks.length === chunk);
    }
    await ended;
    expect(chunks.join('')).toBe(PAYLOAD_TEXT);
  });

  it('malformed: answers 200 with a raw body (an HTML login page by default)', async () => {
    const sim = await payloadSimulator();
    sim.faults.add({ kind: 'malformed', body: '<form action="/login">' });
    sim.faults.add({ kind: 'malformed', body: '{"items": [', contentType: 'application/json' });
    const html = await fetchText(sim.url);
    expect(html).toMatchObject({ status: 200, text: '<form action="/login">' });
    expect(html.headers['content-type']).toBe('text/html; charset=utf-8');
    const json = await fetchText(sim.url);
    expect(json).toMatchObject({ status: 200, text: '{"items": [' });
    expect(json.headers['content-type']).toBe('application/json');
  });

  it('oversized: streams exactly the requested bytes as JSON, with or without Content-Length', async () => {
    const sim = await payloadSimulator();
    const bytes = 3 * 1024 * 1024 + 5;
    sim.faults.add({ kind: 'oversized', bytes });
    sim.faults.add({ kind: 'oversized', bytes, declareLength: false });
    sim.faults.add({ kind: 'oversized', bytes: 10 });

    const declared = await request(sim.url, { dispatcher: agent });
    expect(declared.headers).toMatchObject({
      'content-length': String(bytes),
      'content-type': 'application/json',
    });
    expect(await readAll(declared.body)).toBe(bytes);

    const chunked = await request(sim.url, { dispatcher: agent });
    expect(chunked.headers['content-length']).toBeUndefined();
    expect(chunked.headers['transfer-encoding']).toBe('chunked');
    expect(await readAll(chunked.body)).toBe(bytes);

    expect(await (await request(sim.url, { dispatcher: agent })).body.json()).toBe('a'.repeat(8));
  });

  it('oversized: a client that stops reading does not make the simulator buffer the body', async () => {
    const sim = await payloadSimulator();
    sim.faults.add({ kind: 'oversized', bytes: 2 ** 30 }); // 1 GiB: fatal if it were ever buffered
    const before = process.memoryUsage().arrayBuffers;
    const res = await request(sim.url, { dispatcher: agent });
    let read = 0;
    for await (const chunk of res.body) {
      read += (chunk as Buffer).length;
      if (read > 1024 * 1024) break; // a size cap: stop reading and drop the connection
    }
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(64 * 1024 * 1024);
    await sim.stop(); // the abandoned stream holds nothing open
  });

  it('redirect: 302 by default, or the given status, with Location', async () => {
    const sim = await payloadSimulator();
    sim.faults.add({ kind: 'redirect', location: '/elsewhere' });
    sim.faults.add({ kind: 'redirect', location: 'http://127.0.0.1:1/x', status: 307 });
    const found = await fetchText(sim.url);
    expect(found).toMatchObject({ status: 302, text: '' });
    expect(found.headers.location).toBe('/elsewhere');
    const temporary = await fetchText(sim.url);
    expect(temporary.status).toBe(307);
    expect(temporary.headers.location).toBe('http://127.0.0.1:1/x');
  });

  it('hang: never answers until the client aborts', async () => {
    const sim = await payloadSimulator();
    sim.faults.add({ kind: 'hang' });
    const reason = new Error('client gave up');
    const controller = new AbortController();
    const hung = track(request(sim.url, { dispatcher: agent, signal: controller.signal }));
    await vi.waitFor(() => expect(sim.log).toHaveLength(1));
    // A later request is answered while the hung one still waits; only the client's abort ends it.
    expect((await fetchText(sim.url)).status).toBe(200);
    expect(hung.settled).toBe(false);
    controller.abort(reason);
    await expect(hung.promise).rejects.toBe(reason);
    expect(sim.log).toMatchObject([{ path: '/', fault: 'hang' }, { path: '/' }]);
    expect(sim.log[1]?.fault).toBeUndefined();
  });

  it('hang: stop() closes the hung connection', async () => {
    const sim = await payloadSimulator();
    sim.faults.add({ kind: 'hang' });
    const pending = request(sim.url, { dispatcher: agent });
    await vi.waitFor(() => expect(sim.log).toHaveLength(1));
    const stopped = sim.stop();
    // The server ends the connection itself: the client (no timeout of its own here) sees the socket close.
    await expect(pending).rejects.toMatchObject({ code: 'UND_ERR_SOCKET' });
    await stopped;
  });
});

describe('fault queue', () => {
  const unavailable: Fault = { kind: 'status', status: 503 };

  async function statuses(url: string, count: number, path = '/'): Promise<number[]> {
    const result: number[] = [];
    for (let i = 0; i < count; i++) result.push((await fetchText(url + path)).status);
    return result;
  }

  it('consumes faults in FIFO order, one per request', async () => {
    const sim = await payloadSimulator();
    sim.faults.add({ kind: 'delay', ms: 1 });
    sim.faults.add(unavailable);
    sim.faults.add({ kind: 'status', status: 429 });
    expect(sim.faults.pending).toBe(3);
    expect(await statuses(sim.url, 4)).toEqual([200, 503, 429, 200]);
    expect(sim.log.map((r) => r.fault)).toEqual(['delay', 'status', 'status', undefined]);
    expect(sim.faults.pending).toBe(0);
  });

  it('applies a fault `times` times, or forever with Infinity until clear()', async () => {
    const sim = await payloadSimulator();
    sim.faults.add(unavailable, { times: 2 });
    expect(sim.faults.pending).toBe(2);
    expect(await statuses(sim.url, 3)).toEqual([503, 503, 200]);

    sim.faults.add(unavailable, { times: Number.POSITIVE_INFINITY });
    expect(sim.faults.pending).toBe(Number.POSITIVE_INFINITY);
    expect(await statuses(sim.url, 5)).toEqual([503, 503, 503, 503, 503]);
    sim.faults.clear();
    expect(sim.faults.pending).toBe(0);
    expect(await statuses(sim.url, 1)).toEqual([200]);
  });

  it('matches by path, RegExp, method or predicate, and lets other requests through untouched', async () => {
    const sim = await payloadSimulator();
    sim.faults.add(unavailable, { match: { path: '/a' } });
    sim.faults.add({ kind: 'status', status: 502 }, { match: { path: /^\/b\// } });
    sim.faults.add({ kind: 'status', status: 504 }, { match: { method: 'post' } });
    sim.faults.add({ kind: 'status', status: 418 }, { match: (req) => req.query.get('tea') === '1' });

    expect(await statuses(sim.url, 1, '/b/1')).toEqual([502]); // skips the older /a fault
    expect(await statuses(sim.url, 1, '/a/x')).toEqual([200]); // exact path only
    expect(await statuses(sim.url, 1, '/?tea=1')).toEqual([418]);
    expect((await fetchText(sim.url, { method: 'POST', body: '' })).status).toBe(504);
    expect(await statuses(sim.url, 2, '/a')).toEqual([503, 200]);
    expect(sim.faults.pending).toBe(0);
  });

  it('matches a global RegExp on every request, despite lastIndex', async () => {
    const sim = await payloadSimulator();
    sim.faults.add(unavailable, { times: 3, match: { path: /v1/g } });
    expect(await statuses(sim.url, 3, '/v1')).toEqual([503, 503, 503]);
  });

  it('rejects invalid faults when they are added', () => {
    const sim = createSimulator({ name: 'invalid', handler: () => ({}) });
    expect(() => sim.faults.add(unavailable, { times: 0 })).toThrow(RangeError);
    expect(() => sim.faults.add(unavailable, { times: 1.5 })).toThrow(RangeError);
    expect(() => sim.faults.add({ kind: 'slow-body', intervalMs: 1, chunkBytes: 0 })).toThrow(/chunkBytes/);
    expect(() => sim.faults.add({ kind: 'oversized', bytes: -1 })).toThrow(/bytes/);
    expect(() => sim.faults.add({ kind: 'delay', ms: Number.NaN })).toThrow(/ms/);
    expect(sim.faults.pending).toBe(0);
  });
});
