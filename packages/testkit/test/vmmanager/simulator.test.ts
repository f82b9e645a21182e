import { describe, expect, it } from 'vitest';
import {
  createVmManagerSimulator,
  VMMANAGER_DEMO_EMAIL,
  VMMANAGER_DEMO_PASSWORD,
  vmmanagerControls,
  vmmanagerSandbox,
} from '../../src/index.js';
import { harness } from '../support.js';

const { start, fetchText } = harness();

async function login(url: string): Promise<string> {
  const res = await fetchText(`${url}/auth/v4/public/token`, {
    method: 'POST',
    body: JSON.stringify({ email: VMMANAGER_DEMO_EMAIL, password: VMMANAGER_DEMO_PASSWORD }),
  });
  expect(res.status).toBe(201);
  return (JSON.parse(res.text) as { token: string }).token;
}

describe('vmmanager simulator', () => {
  it('issues tokens with 201 and checks x-xsrf-token on every call', async () => {
    const sim = await start(createVmManagerSimulator());
    const bad = await fetchText(`${sim.url}/auth/v4/public/token`, {
      method: 'POST',
      body: JSON.stringify({ email: VMMANAGER_DEMO_EMAIL, password: 'nope' }),
    });
    expect(JSON.parse(bad.text)).toEqual({ error: { code: 22013, msg: 'Invalid password' } });
    const none = await fetchText(`${sim.url}/vm/v3/host`);
    expect(none.status).toBe(401);
    const token = await login(sim.url);
    const ok = await fetchText(`${sim.url}/vm/v3/host?where=(id+EQ+1)`, {
      headers: { 'x-xsrf-token': token },
    });
    expect(JSON.parse(ok.text)).toMatchObject({
      list: [{ id: 1, name: 'web-1', cluster: { id: 1 } }],
      size: 1,
    });
    vmmanagerControls.expireTokens(sim);
    const gone = await fetchText(`${sim.url}/vm/v3/host`, { headers: { 'x-xsrf-token': token } });
    expect(gone.status).toBe(401);
  });

  it('expires tokens after the idle lifetime on its clock', async () => {
    let now = 1_000_000;
    const sim = await start(createVmManagerSimulator({ now: () => now }));
    const token = await login(sim.url);
    now += 59 * 60_000;
    expect((await fetchText(`${sim.url}/vm/v3/os`, { headers: { 'x-xsrf-token': token } })).status).toBe(200);
    now += 59 * 60_000; // used a minute ago: still alive
    expect((await fetchText(`${sim.url}/vm/v3/os`, { headers: { 'x-xsrf-token': token } })).status).toBe(200);
    now += 60 * 60_000;
    expect((await fetchText(`${sim.url}/vm/v3/os`, { headers: { 'x-xsrf-token': token } })).status).toBe(401);
  });

  it('answers 503 while suspended and 3001 for internal functions', async () => {
    const sim = await start(createVmManagerSimulator());
    const token = await login(sim.url);
    vmmanagerControls.suspend(sim, 2);
    expect((await fetchText(`${sim.url}/vm/v3/os`)).status).toBe(503);
    expect((await fetchText(`${sim.url}/vm/v3/os`)).status).toBe(503);
    vmmanagerControls.markInternal(sim, 'GET', /^\/vm\/v3\/node$/);
    const internal = await fetchText(`${sim.url}/vm/v3/node`, { headers: { 'x-xsrf-token': token } });
    expect(JSON.parse(internal.text)).toEqual({ error: { code: 3001, msg: 'Unauthorized' } });
  });

  it('runs actions as tasks that complete, or fail when told to', async () => {
    const sim = await start(createVmManagerSimulator({ taskDelayMs: 5 }));
    const token = await login(sim.url);
    const headers = { 'x-xsrf-token': token };
    const stop = await fetchText(`${sim.url}/vm/v3/host/1/stop`, { method: 'POST', headers, body: '{}' });
    const { task } = JSON.parse(stop.text) as { task: number };
    await new Promise((resolve) => setTimeout(resolve, 20));
    const tasks = await fetchText(`${sim.url}/vm/v3/task?where=(consul_id+EQ+'${task}')`, { headers });
    expect(JSON.parse(tasks.text)).toMatchObject({
      list: [{ consul_id: task, name: 'host_stop', status: 'complete' }],
    });
    expect(sim.state.hosts[0]?.state).toBe('stopped');
    vmmanagerControls.failNextTask(sim, 'host_start');
    const start1 = await fetchText(`${sim.url}/vm/v3/host/1/start`, { method: 'POST', headers, body: '{}' });
    await new Promise((resolve) => setTimeout(resolve, 20));
    const failed = JSON.parse(
      (
        await fetchText(
          `${sim.url}/vm/v3/task?where=(consul_id+EQ+${(JSON.parse(start1.text) as { task: number }).task})`,
          { headers },
        )
      ).text,
    ) as { list: { status: string }[] };
    expect(failed.list[0]?.status).toBe('fail');
    expect(sim.state.hosts[0]?.state).toBe('stopped');
  });

  it('rejects unknown body parameters and serves the partial host object by id', async () => {
    const sim = await start(createVmManagerSimulator());
    const headers = { 'x-xsrf-token': await login(sim.url) };
    const res = await fetchText(`${sim.url}/vm/v3/host/1/password`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ host_id: 1, password: 'abcdefgh' }),
    });
    expect(res.status).toBe(400);
    const partial = JSON.parse((await fetchText(`${sim.url}/vm/v3/host/1`, { headers })).text) as Record<
      string,
      unknown
    >;
    expect(partial).toMatchObject({ id: 1, node: 1 });
    expect(partial.ip4).toBeUndefined();
  });

  it('long-lived tokens expire at their time; login keys work once; token_ttl takes minutes as text', async () => {
    let now = Date.parse('2030-01-01T00:00:00Z');
    const sim = await start(createVmManagerSimulator({ now: () => now }));
    const headers = { 'x-xsrf-token': await login(sim.url) };
    const made = await fetchText(`${sim.url}/auth/v4/token`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ expires_at: '2030-01-03 00:00:00', description: 'ci' }),
    });
    expect(made.status).toBe(201);
    const long = JSON.parse(made.text) as { token: string; expires_at: string };
    expect(long.expires_at).toBe('2030-01-03 00:00:00');
    now += 36 * 3_600_000; // idle for 36 h, but before its expiry
    expect((await fetchText(`${sim.url}/vm/v3/os`, { headers: { 'x-xsrf-token': long.token } })).status).toBe(
      200,
    );
    now += 24 * 3_600_000;
    expect((await fetchText(`${sim.url}/vm/v3/os`, { headers: { 'x-xsrf-token': long.token } })).status).toBe(
      401,
    );

    const admin = { 'x-xsrf-token': await login(sim.url) };
    const key = JSON.parse(
      (
        await fetchText(`${sim.url}/auth/v4/user/client@example.com/key`, {
          method: 'POST',
          headers: admin,
          body: '{}',
        })
      ).text,
    ) as { key: string };
    const exchange = () =>
      fetchText(`${sim.url}/auth/v4/public/key`, { method: 'POST', body: JSON.stringify({ key: key.key }) });
    expect((await exchange()).status).toBe(200);
    expect(JSON.parse((await exchange()).text)).toEqual({ error: { code: 3001, msg: 'Unauthorized' } });

    const ttl = (value: unknown) =>
      fetchText(`${sim.url}/auth/v4/setting/token_ttl`, {
        method: 'POST',
        headers: admin,
        body: JSON.stringify({ value }),
      });
    expect((await ttl(999)).status).toBe(400);
    expect((await ttl('999')).status).toBe(200);
    expect(sim.state.tokenTtlMinutes).toBe(999);
  });

  it('gives the sandbox settings keyed like the client environment', () => {
    expect(vmmanagerSandbox.settings?.('http://127.0.0.1:1')).toEqual({
      VMMANAGER_URL: 'http://127.0.0.1:1',
      VMMANAGER_EMAIL: VMMANAGER_DEMO_EMAIL,
      VMMANAGER_PASSWORD: VMMANAGER_DEMO_PASSWORD,
    });
  });
});
