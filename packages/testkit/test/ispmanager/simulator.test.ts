import { Agent, request } from 'undici';
import { afterAll, describe, expect, it } from 'vitest';
import {
  createIspManagerSimulator,
  ISPMANAGER_DEMO,
  ispmanagerSandbox,
  testCertificate,
} from '../../src/index.js';

const agent = new Agent();
const tlsAgent = new Agent({ connect: { ca: testCertificate.cert } });
afterAll(async () => {
  await agent.close();
  await tlsAgent.close();
});

const AUTHINFO = `${ISPMANAGER_DEMO.username}:${ISPMANAGER_DEMO.password}`;

async function post(url: string, params: Record<string, string>, dispatcher = agent) {
  const response = await request(url, {
    method: 'POST',
    dispatcher,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(params).toString(),
  });
  return {
    status: response.statusCode,
    type: String(response.headers['content-type']),
    text: await response.body.text(),
  };
}

describe('the ispmanager simulator', () => {
  it('lists over out=xml with authinfo and paging, escaping text', async () => {
    await using sim = await createIspManagerSimulator().start();
    const answer = await post(`${sim.url}/ispmgr`, {
      func: 'user',
      out: 'xml',
      authinfo: AUTHINFO,
      p_cnt: '1',
      p_num: '2',
    });
    expect(answer.status).toBe(200);
    expect(answer.text).toContain('<name>alice</name>');
    expect(answer.text).toContain('<fullname>Alice &amp; Co</fullname>');
    expect(answer.text).not.toContain('www-root</name>');
    expect(answer.text).toContain('<p_elems>2</p_elems>');
    expect(answer.text).not.toContain('passwd');
  });

  it('answers out=json in the $-keyed shape, a single element as an object', async () => {
    await using sim = await createIspManagerSimulator().start();
    const answer = await post(`${sim.url}/manager/ispmgr`, {
      func: 'domain',
      out: 'json',
      authinfo: AUTHINFO,
    });
    const doc = JSON.parse(answer.text).doc;
    expect(doc.elem).toEqual({
      name: { $: 'example.com' },
      dtype: { $: 'master' },
      ip: { $: '192.0.2.10' },
      owner: { $: 'www-root' },
    });
    expect(doc.p_elems).toEqual({ $: '1' });
    expect(doc.$func).toBe('domain');
  });

  it('answers errors with HTTP 200 in the documented shape', async () => {
    await using sim = await createIspManagerSimulator().start();
    const bad = await post(`${sim.url}/ispmgr`, { func: 'user', out: 'xml', authinfo: 'root:wrong' });
    expect(bad.status).toBe(200);
    expect(bad.text).toContain('<error type="auth" object="badpassword" lang="en">');
    const dup = await post(`${sim.url}/ispmgr`, {
      func: 'user.edit',
      out: 'json',
      authinfo: AUTHINFO,
      sok: 'ok',
      name: 'alice',
      passwd: 'x',
      confirm: 'x',
    });
    expect(JSON.parse(dup.text).doc.error).toMatchObject({
      $type: 'exists',
      $object: 'user',
      msg: { $: "The user 'alice' already exists" },
    });
  });

  it('.edit without sok returns the form, with sok saves; group actions need sok', async () => {
    await using sim = await createIspManagerSimulator().start();
    const url = `${sim.url}/ispmgr`;
    const form = await post(url, {
      func: 'user.edit',
      out: 'xml',
      authinfo: AUTHINFO,
      elid: 'alice',
      fullname: 'Changed',
    });
    expect(form.text).toContain('<elid>alice</elid>');
    expect(sim.state.user.find((u) => u.name === 'alice')?.fullname).toBe('Alice & Co');
    const saved = await post(url, {
      func: 'user.edit',
      out: 'xml',
      authinfo: AUTHINFO,
      elid: 'alice',
      fullname: 'Changed',
      sok: 'ok',
    });
    expect(saved.text).toContain('<ok/>');
    expect(sim.state.user.find((u) => u.name === 'alice')?.fullname).toBe('Changed');
    const confirm = await post(url, {
      func: 'user.suspend',
      out: 'xml',
      authinfo: AUTHINFO,
      elid: 'alice, www-root',
    });
    expect(confirm.text).toContain('<doc func="confirm">');
    await post(url, {
      func: 'user.suspend',
      out: 'xml',
      authinfo: AUTHINFO,
      elid: 'alice, www-root',
      sok: 'ok',
    });
    expect(sim.state.user.map((u) => u.active)).toEqual(['off', 'off']);
    const missing = await post(url, {
      func: 'user.delete',
      out: 'xml',
      authinfo: AUTHINFO,
      elid: 'ghost',
      sok: 'ok',
    });
    expect(missing.text).toContain('type="missed"');
  });

  it('sessions: login, idle expiry, one-time keys', async () => {
    let now = 0;
    await using sim = await createIspManagerSimulator({ sessionIdleMs: 1000, now: () => now }).start();
    const url = `${sim.url}/ispmgr`;
    const login = await post(url, {
      func: 'auth',
      out: 'xml',
      username: 'root',
      password: ISPMANAGER_DEMO.password,
    });
    const id = /<auth id="([^"]+)" level="29">/.exec(login.text)?.[1] ?? '';
    expect(id).not.toBe('');
    expect((await post(url, { func: 'whoami', out: 'xml', auth: id })).text).toContain('name="root"');
    now += 1000;
    expect((await post(url, { func: 'whoami', out: 'xml', auth: id })).text).toContain('object="session"');
    await post(url, {
      func: 'session.newkey',
      out: 'xml',
      authinfo: AUTHINFO,
      username: 'alice',
      key: 'k'.repeat(16),
      sok: 'ok',
    });
    expect(
      (await post(url, { func: 'auth', out: 'xml', username: 'alice', key: 'k'.repeat(16) })).text,
    ).toContain('level="16"');
    expect(
      (await post(url, { func: 'auth', out: 'xml', username: 'alice', key: 'k'.repeat(16) })).text,
    ).toContain('type="auth"');
    expect(sim.state.logins).toBe(2);
  });

  it('honours su and refuses it to users', async () => {
    await using sim = await createIspManagerSimulator().start();
    const url = `${sim.url}/ispmgr`;
    const sites = await post(url, { func: 'webdomain', out: 'xml', authinfo: AUTHINFO, su: 'alice' });
    expect(sites.text).toContain('alice.example.net');
    expect(sites.text).not.toContain('<name>example.com</name>');
    const denied = await post(url, {
      func: 'user',
      out: 'xml',
      authinfo: `${ISPMANAGER_DEMO.user}:${ISPMANAGER_DEMO.userPassword}`,
      su: 'alice',
    });
    expect(denied.text).toContain('type="access"');
  });

  it('answers HTML without out=, and serves HTTPS with the test certificate', async () => {
    await using sim = await createIspManagerSimulator({ tls: true }).start();
    expect(sim.url).toMatch(/^https:/);
    const html = await post(`${sim.url}/ispmgr`, { func: 'user', authinfo: AUTHINFO }, tlsAgent);
    expect(html.type).toContain('text/html');
    const sandbox = ispmanagerSandbox.settings?.(sim.url);
    expect(sandbox?.ISPMANAGER_URL).toBe(`${sim.url}/ispmgr`);
  });
});
