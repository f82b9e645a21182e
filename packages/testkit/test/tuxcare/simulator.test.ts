import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  createTuxCareSimulator,
  seedTuxCareState,
  TUXCARE_DEMO_ACCOUNT,
  tuxcareSandbox,
  verifyTuxCareToken,
} from '../../src/index.js';
import { harness } from '../support.js';

const { login, secretKey } = TUXCARE_DEMO_ACCOUNT;
const NOW = Date.UTC(2024, 4, 1, 12, 0, 0);

function token(tsSeconds: number, secret: string = secretKey, user: string = login): string {
  const sha = createHash('sha1').update(`${secret}${tsSeconds}`).digest('hex');
  return `${user}|${tsSeconds}|${sha}`;
}

const nowSeconds = Math.floor(NOW / 1000);

describe('TuxCare simulator: token verification', () => {
  const state = seedTuxCareState();

  it('accepts a correct token up to 30 minutes old', () => {
    expect(verifyTuxCareToken(state, token(nowSeconds), NOW)?.login).toBe(login);
    expect(verifyTuxCareToken(state, token(nowSeconds - 1800), NOW)?.login).toBe(login);
  });

  it('refuses stale, future, wrongly signed, unknown-login and malformed tokens', () => {
    expect(verifyTuxCareToken(state, token(nowSeconds - 1801), NOW)).toBeUndefined();
    expect(verifyTuxCareToken(state, token(nowSeconds + 1), NOW)).toBeUndefined();
    expect(verifyTuxCareToken(state, token(nowSeconds, 'other-secret'), NOW)).toBeUndefined();
    expect(verifyTuxCareToken(state, token(nowSeconds, secretKey, 'stranger'), NOW)).toBeUndefined();
    expect(verifyTuxCareToken(state, token(nowSeconds).toUpperCase(), NOW)).toBeUndefined();
    expect(verifyTuxCareToken(state, `${token(nowSeconds)}|extra`, NOW)).toBeUndefined();
    expect(verifyTuxCareToken(state, null, NOW)).toBeUndefined();
  });
});

describe('TuxCare simulator over HTTP', () => {
  const h = harness();
  const start = () => h.start(createTuxCareSimulator({ now: () => NOW }));
  const q = (extra: Record<string, string> = {}) =>
    new URLSearchParams({ ...extra, token: token(nowSeconds) }).toString();

  it('answers a bad token with the documented Authorization failed envelope', async () => {
    const sim = await start();
    const res = await h.fetchText(
      `${sim.url}/api/ipl/list.json?token=${encodeURIComponent(token(nowSeconds - 3600))}`,
    );
    expect(JSON.parse(res.text)).toEqual({
      message: 'Authorization failed',
      type: null,
      success: false,
      data: null,
    });
  });

  it('serves the API under /api and /clweb/api, and a 404 page elsewhere', async () => {
    const sim = await start();
    const portal = JSON.parse((await h.fetchText(`${sim.url}/api/ipl/list.json?${q()}`)).text);
    expect(portal.success).toBe(true);
    expect(portal.data[0]).toEqual({
      ip: '198.51.100.10',
      type: 1,
      registered: true,
      created: '2014-04-30T11:26-0400',
    });
    const cln = JSON.parse((await h.fetchText(`${sim.url}/clweb/api/ipl/list.json?${q()}`)).text);
    expect(cln.data).toEqual(portal.data);
    expect((await h.fetchText(`${sim.url}/ipl/list.json?${q()}`)).status).toBe(404);
  });

  it('refuses invalid input with success:false and a message', async () => {
    const sim = await start();
    const res = await h.fetchText(`${sim.url}/api/ipl/register.json?${q({ ip: '1.1.1.1.1', type: '16' })}`);
    expect(JSON.parse(res.text)).toMatchObject({ success: false, message: 'Invalid IP address' });
    const backup = await h.fetchText(
      `${sim.url}/api/ab/im/create.json?${q({ server_id: 'SSTGZbtLrT99N0Ca', size: '15', datacenter: 'EU2' })}`,
    );
    expect(JSON.parse(backup.text)).toMatchObject({
      success: false,
      message: 'Size must be a positive multiple of ten',
    });
  });

  it('keeps state: register then list shows the license; reset re-seeds', async () => {
    const sim = await start();
    await h.fetchText(`${sim.url}/api/ipl/register.json?${q({ ip: '203.0.113.200', type: '41' })}`);
    const list = JSON.parse((await h.fetchText(`${sim.url}/api/ipl/list.json?${q()}`)).text);
    expect(list.data.map((row: { ip: string }) => row.ip)).toContain('203.0.113.200');
    expect(list.data.find((row: { ip: string }) => row.ip === '203.0.113.200').created).toBe(
      '2024-05-01T08:00-0400',
    );
    sim.reset();
    expect(sim.state.ipLicenses.some((license) => license.ip === '203.0.113.200')).toBe(false);
  });

  it('enforces the documented group methods', async () => {
    const sim = await start();
    const wrong = await h.fetchText(`${sim.url}/api/group/create.json?${q({ name: 'x' })}`);
    expect(wrong.status).toBe(405);
    expect(JSON.parse(wrong.text)).toMatchObject({ success: false, message: 'Method not allowed' });
    const right = await h.fetchText(`${sim.url}/api/group/create.json?${q({ name: 'x' })}`, {
      method: 'POST',
    });
    expect(JSON.parse(right.text)).toMatchObject({ success: true, data: { name: 'x', description: null } });
  });

  it('serves status.plain, register_key.plain and Nagios text without a token', async () => {
    const sim = await start();
    const status = await h.fetchText(`${sim.url}/api/status.plain`);
    expect(status.text.split('\n')[0]).toBe('success:true');
    const bad = await h.fetchText(`${sim.url}/api/kcare/nagios/register_key.plain?key=short`);
    expect(bad.text).toBe('success:true\ncode:1\n');
    const good = await h.fetchText(`${sim.url}/api/kcare/nagios/register_key.plain?key=abcdefghABCDEFGH1234`);
    expect(good.text).toBe('success:true\ncode:0\n');
    const report = await h.fetchText(`${sim.url}/api/kcare/nagios/WsTs821nSAtiastD`);
    expect(report.text).toBe(
      '1 machines are OUTOFDATE!|uptodate=1;outofdate=1;unsupported=0;inactive=0\nkc-web-2 (198.51.100.52) is OUTOFDATE\n',
    );
    const missing = await h.fetchText(`${sim.url}/api/kcare/nagios/Key-NotFound`);
    expect(missing.text).toBe('Servers not found for key Key-NotFound\n');
    const reseller = await h.fetchText(
      `${sim.url}/api/kcare/nagios-res/${login}/${TUXCARE_DEMO_ACCOUNT.resellerApiToken}`,
    );
    expect(reseller.text.split('\n')[0]).toBe('uptodate=3;outofdate=1;unsupported=0;inactive=0');
    const withAuthToken = await h.fetchText(
      `${sim.url}/api/kcare/nagios-res/${login}/${encodeURIComponent(token(nowSeconds))}`,
    );
    expect(withAuthToken.text).toBe(reseller.text);
    const wrong = await h.fetchText(`${sim.url}/api/kcare/nagios-res/${login}/nope`);
    expect(wrong.text).toBe(`Registration token not found for reseller ${login}\n`);
  });

  it('the sandbox entry gives the client settings keyed like the env variables', () => {
    expect(tuxcareSandbox.name).toBe('tuxcare');
    expect(tuxcareSandbox.settings?.('http://127.0.0.1:1')).toEqual({
      TUXCARE_LOGIN: login,
      TUXCARE_SECRET_KEY: secretKey,
      TUXCARE_BASE_URL: 'http://127.0.0.1:1/api',
    });
  });
});
