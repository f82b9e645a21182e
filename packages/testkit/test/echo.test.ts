import { describe, expect, it } from 'vitest';
import { createEchoSimulator } from '../src/index.js';
import { harness } from './support.js';

const { start, fetchText } = harness();

describe('echo simulator', () => {
  it('echoes the request without credentials', async () => {
    const sim = await start(createEchoSimulator());
    const res = await fetchText(`${sim.url}/any/path?a=1`, {
      method: 'PUT',
      headers: { authorization: 'Bearer secret', cookie: 'sid=secret', 'x-request-id': 'r1' },
      body: 'data',
    });
    expect(res.status).toBe(200);
    const echo = JSON.parse(res.text);
    expect(echo).toMatchObject({ method: 'PUT', path: '/any/path', query: { a: '1' }, body: 'data' });
    expect(echo.headers['x-request-id']).toBe('r1');
    expect(res.text).not.toContain('secret');
  });

  it('answers /status/:code with that status', async () => {
    const sim = await start(createEchoSimulator());
    expect(await fetchText(`${sim.url}/status/503`)).toMatchObject({ status: 503, text: '{"status":503}' });
    expect(await fetchText(`${sim.url}/status/204`)).toMatchObject({ status: 204, text: '' });
    expect((await fetchText(`${sim.url}/status/99`)).status).toBe(400);
  });

  it('answers /json?size=N with N objects', async () => {
    const sim = await start(createEchoSimulator());
    expect(JSON.parse((await fetchText(`${sim.url}/json?size=3`)).text)).toEqual([
      { id: 1, name: 'item 1' },
      { id: 2, name: 'item 2' },
      { id: 3, name: 'item 3' },
    ]);
    expect(JSON.parse((await fetchText(`${sim.url}/json`)).text)).toHaveLength(10);
    expect((await fetchText(`${sim.url}/json?size=-1`)).status).toBe(400);
  });
});
