import { createHmac } from 'node:crypto';
import { request } from 'undici';
import { afterEach, describe, expect, it } from 'vitest';
import {
  createLunaNodeSimulator,
  LUNANODE_AUTH_FAILURE,
  LUNANODE_DEMO_API_ID,
  LUNANODE_DEMO_API_KEY,
  type LunaNodeSimulatorOptions,
  lunanodeSandbox,
  type Simulator,
} from '../../src/index.js';

// The notes' vectors (A6): api id/key and the official Python 3 serialisation of vm/list.
const apiId = 'abcdefghijklmnop';
const half = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_';
const apiKey = half + half;

let running: Simulator<unknown> | undefined;
afterEach(async () => {
  await running?.stop();
  running = undefined;
});

async function start(options: LunaNodeSimulatorOptions = {}) {
  const sim = await createLunaNodeSimulator(options).start();
  running = sim as Simulator<unknown>;
  return sim;
}

function sign(handler: string, req: string, nonce: string, key = LUNANODE_DEMO_API_KEY): string {
  return createHmac('sha512', key).update(`${handler}|${req}|${nonce}`).digest('hex');
}

async function post(url: string, form: Record<string, string>) {
  const res = await request(url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(form).toString(),
  });
  const text = await res.body.text();
  return { status: res.statusCode, text, json: () => JSON.parse(text) as Record<string, unknown> };
}

/** Signs and posts a call with the demo token, the way the document describes it. */
async function call(
  sim: { url: string },
  category: string,
  action: string,
  params: Record<string, unknown> = {},
  nonce = String(Math.floor(Date.now() / 1000)),
) {
  const req = JSON.stringify({
    ...params,
    api_id: LUNANODE_DEMO_API_ID,
    api_partialkey: LUNANODE_DEMO_API_KEY.slice(0, 64),
  });
  const handler = `${category}/${action}/`;
  return post(`${sim.url}/api/${handler}`, { req, signature: sign(handler, req, nonce), nonce });
}

describe('LunaNode simulator: authentication', () => {
  it('verifies the HMAC over req exactly as received (Python spacing, golden vector 1)', async () => {
    const sim = await start({ credentials: [{ apiId, apiKey }], now: () => 1_700_000_000_000 });
    const req = `{"api_id": "${apiId}", "api_partialkey": "${half}"}`;
    const signature =
      'f73c37db4b93e52de449a95099279a2e57b47b776abe13460d0b389722109068664e2d35dd7d1dc63cd1bb1d530454201c2d6bbcbbf1aa02bab4038003cc4ccf';
    const answer = await post(`${sim.url}/api/vm/list/`, { req, signature, nonce: '1700000000' });
    expect(answer.status).toBe(200);
    expect(answer.json()).toMatchObject({ success: 'yes' });
    // PHP's escaped slashes and sorted (Go) keys are just other bytes to sign.
    const php = `{"name":"s\\/1","content":"x","api_id":"${apiId}","api_partialkey":"${half}"}`;
    const phpAnswer = await post(`${sim.url}/api/script/create/`, {
      req: php,
      signature: sign('script/create/', php, '1700000000', apiKey),
      nonce: '1700000000',
    });
    expect(phpAnswer.json()).toMatchObject({ success: 'yes' });
    expect(sim.state.scripts.at(-1)?.name).toBe('s/1');
  });

  it('answers every authentication problem with the documented text and HTTP 200', async () => {
    const sim = await start();
    const nonce = String(Math.floor(Date.now() / 1000));
    const req = JSON.stringify({
      api_id: LUNANODE_DEMO_API_ID,
      api_partialkey: LUNANODE_DEMO_API_KEY.slice(0, 64),
    });
    const good = sign('vm/list/', req, nonce);
    const cases: Record<string, string>[] = [
      { req: req.replace('}', ' }'), signature: good, nonce }, // req changed after signing
      { req, signature: good.replace(/^./, good[0] === 'a' ? 'b' : 'a'), nonce },
      { req, signature: sign('vm/info/', req, nonce), nonce }, // signed for another handler
      { req, signature: sign('vm/list/', req, '1600000000'), nonce: '1600000000' }, // stale
      { req, signature: good }, // no nonce
      {
        req: JSON.stringify({ api_id: LUNANODE_DEMO_API_ID, api_partialkey: 'x'.repeat(64) }),
        signature: good,
        nonce,
      },
    ];
    for (const form of cases) {
      const answer = await post(`${sim.url}/api/vm/list/`, form);
      expect(answer.status).toBe(200);
      expect(answer.json()).toEqual({ success: 'no', error: LUNANODE_AUTH_FAILURE });
    }
    expect((await call(sim, 'vm', 'list')).json()).toMatchObject({ success: 'yes' });
  });

  it('serves the legacy API only with the whole key', async () => {
    const sim = await start();
    const query = (key: string) =>
      new URLSearchParams({
        api_id: LUNANODE_DEMO_API_ID,
        api_key: key,
        category: 'billing',
        action: 'credit',
      });
    const ok = await request(`${sim.url}/api?${query(LUNANODE_DEMO_API_KEY)}`);
    expect(await ok.body.json()).toEqual({ success: 'yes', credit: '42.50000000' });
    const bad = await request(`${sim.url}/api?${query(LUNANODE_DEMO_API_KEY.slice(0, 64))}`);
    expect(await bad.body.json()).toEqual({ success: 'no', error: LUNANODE_AUTH_FAILURE });
  });
});

describe('LunaNode simulator: the API surface', () => {
  it('answers unknown actions and missing parameters as the real API: success no, HTTP 200', async () => {
    const sim = await start();
    const unknown = await call(sim, 'vm', 'teleport', { vm_id: '12102' });
    expect(unknown.status).toBe(200);
    expect(unknown.json()).toEqual({ success: 'no', error: 'invalid category or action' });
    expect((await call(sim, 'vm', 'info')).json()).toEqual({ success: 'no', error: 'vm_id not set' });
    expect((await call(sim, 'vm', 'create', {})).json()).toEqual({
      success: 'no',
      error: 'hostname, plan_id, and/or image_id not set',
    });
    expect((await call(sim, 'vm', 'create', { hostname: 'x' })).json()).toEqual({
      success: 'no',
      error: 'plan_id and/or image_id not set',
    });
    expect((await call(sim, 'vm', 'info', { vm_id: 'nope' })).json()).toEqual({
      success: 'no',
      error: 'invalid vm',
    });
    expect((await call(sim, 'vm', 'info', { vm_id: null })).json()).toEqual({
      success: 'no',
      error: 'invalid value for parameter vm_id',
    });
    expect((await call(sim, 'vm', 'info', { vm_id: '' })).json()).toEqual({
      success: 'no',
      error: 'vm_id not set',
    });
  });

  it('wants POST to {category}/{action}/ with the trailing slash', async () => {
    const sim = await start();
    const noSlash = await request(`${sim.url}/api/vm/list`, { method: 'POST', body: 'req=' });
    expect(noSlash.statusCode).toBe(404);
    await noSlash.body.text();
    const get = await request(`${sim.url}/api/vm/list/`);
    expect(get.statusCode).toBe(405);
    await get.body.text();
  });

  it('moves VM, volume and image statuses over its clock', async () => {
    let clock = Date.now();
    const sim = await start({ now: () => clock, transitionMs: 60_000 });
    const nonce = () => String(Math.floor(clock / 1000));
    const created = (
      await call(sim, 'vm', 'create', { hostname: 'n1', plan_id: 'm.2', image_id: '2686' }, nonce())
    ).json();
    const vm_id = String(created.vm_id);
    const status = async () =>
      ((await call(sim, 'vm', 'info', { vm_id }, nonce())).json().info as Record<string, string>).status_raw;
    expect(await status()).toBe('build');
    clock += 59_000;
    expect(await status()).toBe('build');
    clock += 2_000;
    expect(await status()).toBe('active');
    const volume = (
      await call(sim, 'volume', 'create', { region: 'toronto', label: 'v', size: '1' }, nonce())
    ).json();
    expect(sim.state.volumes.find((item) => item.id === volume.volume_id)?.status).toBe('creating');
    clock += 60_000;
    await call(sim, 'volume', 'list', { region: 'toronto' }, nonce());
    expect(sim.state.volumes.find((item) => item.id === volume.volume_id)?.status).toBe('available');
  });

  it('keeps the sshkey list at the top level, regions and dyns as maps, lb as `lb`', async () => {
    const sim = await start();
    expect((await call(sim, 'sshkey', 'list')).json()).toMatchObject({
      success: 'yes',
      '11': { name: 'laptop' },
    });
    expect((await call(sim, 'region', 'list')).json().regions).toMatchObject({ toronto: 'Toronto, Canada' });
    expect((await call(sim, 'dns', 'dyn-list')).json().dyns).toMatchObject({ '51': { ip: '192.0.2.7' } });
    expect((await call(sim, 'lb', 'list', { region: 'toronto' })).json()).toHaveProperty('lb');
  });

  it('escapes HTML in error texts as the real API does', async () => {
    const sim = await start();
    expect((await call(sim, 'image', 'delete', { image_id: '2685' })).json()).toEqual({
      success: 'no',
      error: 'can&#039;t delete a template image',
    });
  });
});

describe('lunanodeSandbox', () => {
  it('gives client settings keyed like the environment variables', () => {
    expect(lunanodeSandbox.name).toBe('lunanode');
    expect(lunanodeSandbox.settings?.('http://127.0.0.1:1234')).toEqual({
      LUNANODE_API_ID: LUNANODE_DEMO_API_ID,
      LUNANODE_API_KEY: LUNANODE_DEMO_API_KEY,
      LUNANODE_BASE_URL: 'http://127.0.0.1:1234/api',
    });
    expect(LUNANODE_DEMO_API_ID).toHaveLength(16);
    expect(LUNANODE_DEMO_API_KEY).toHaveLength(128);
  });
});
