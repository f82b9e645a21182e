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

  it('.edit without sok returns the form, with sok saves; group actions run without sok', async () => {
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
    // The document: removing, enabling or disabling an object answers <ok/>; it asks for no sok.
    const suspended = await post(url, {
      func: 'user.suspend',
      out: 'xml',
      authinfo: AUTHINFO,
      elid: 'alice, www-root',
    });
    expect(suspended.text).toContain('<ok/>');
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

  it('answers HTML without out= (the call is carried out), and serves HTTPS with the test certificate', async () => {
    await using sim = await createIspManagerSimulator({ tls: true }).start();
    expect(sim.url).toMatch(/^https:/);
    const html = await post(`${sim.url}/ispmgr`, { func: 'user', authinfo: AUTHINFO }, tlsAgent);
    expect(html.type).toContain('text/html');
    expect(html.text).toContain('<td>alice</td>');
    const deleted = await post(
      `${sim.url}/ispmgr`,
      { func: 'user.delete', elid: 'alice', authinfo: AUTHINFO },
      tlsAgent,
    );
    expect(deleted.text).toContain('<div class="ok">OK</div>');
    expect(sim.state.user.some((u) => u.name === 'alice')).toBe(false);
    const login = await post(`${sim.url}/ispmgr`, { func: 'user', authinfo: 'root:wrong' }, tlsAgent);
    expect(login.text).toContain('<form id="login">');
    const sandbox = ispmanagerSandbox.settings?.(sim.url);
    expect(sandbox?.ISPMANAGER_URL).toBe(`${sim.url}/ispmgr`);
  });

  it('deletes a DNS record without sok (how certbot hooks clean up) and answers ok', async () => {
    await using sim = await createIspManagerSimulator().start();
    const url = `${sim.url}/dnsmgr`;
    const added = await post(url, {
      func: 'domain.record.edit',
      out: 'sjson',
      authinfo: AUTHINFO,
      elid: '',
      plid: 'example.com',
      name: '_acme-challenge',
      rtype: 'txt',
      ttl: '3600',
      value: 'token-1',
      sok: 'ok',
    });
    expect(JSON.parse(added.text).doc.ok).toEqual({});
    const removed = await post(url, {
      func: 'domain.record.delete',
      out: 'sjson',
      authinfo: AUTHINFO,
      plid: 'example.com',
      elid: '_acme-challenge.example.com. TXT  token-1',
    });
    expect(JSON.parse(removed.text).doc.ok).toEqual({});
    expect(sim.state.record.some((r) => r.value === 'token-1')).toBe(false);
  });

  it('asks for confirmation without sok only when set up to (confirmActions)', async () => {
    await using sim = await createIspManagerSimulator({ confirmActions: true }).start();
    const url = `${sim.url}/ispmgr`;
    const asked = await post(url, { func: 'user.suspend', out: 'xml', authinfo: AUTHINFO, elid: 'alice' });
    expect(asked.text).toContain('<doc func="confirm">');
    expect(sim.state.user.find((u) => u.name === 'alice')?.active).toBe('on');
  });

  it('answers out=JSONdata, out=text and out=devel as the document lists them', async () => {
    await using sim = await createIspManagerSimulator().start();
    const url = `${sim.url}/ispmgr`;
    const data = await post(url, { func: 'user', out: 'JSONdata', authinfo: AUTHINFO });
    expect(data.type).toContain('application/json');
    const rows = JSON.parse(data.text);
    expect(Array.isArray(rows)).toBe(true);
    expect(rows[0]).toMatchObject({ name: 'www-root', active: 'on' });
    const okData = await post(url, {
      func: 'user.suspend',
      out: 'JSONdata',
      authinfo: AUTHINFO,
      elid: 'alice',
    });
    expect(okData.text).toContain('"ok":""');
    const errData = await post(url, {
      func: 'user.delete',
      out: 'JSONdata',
      authinfo: AUTHINFO,
      elid: 'ghost',
    });
    expect(JSON.parse(errData.text)).toMatchObject({ error: { type: 'missed', object: 'user' } });
    const text = await post(url, { func: 'user', out: 'text', authinfo: AUTHINFO });
    expect(text.type).toContain('text/plain');
    expect(text.text).toMatch(/^name=www-root .*active=on/m);
    const okText = await post(url, { func: 'user.resume', out: 'text', authinfo: AUTHINFO, elid: 'alice' });
    expect(okText.text).toBe('OK\n');
    const errText = await post(url, { func: 'user.delete', out: 'text', authinfo: AUTHINFO, elid: 'ghost' });
    expect(errText.text).toMatch(/^ERROR missed\(user\): /);
    const devel = await post(url, { func: 'user', out: 'devel', authinfo: AUTHINFO });
    expect(devel.text).toContain('<name>alice</name>');
    expect(devel.text).toContain('<metadata name="user" type="list"/>');
  });

  it('the demo password needs no URL encoding; the tricky administrator does', async () => {
    expect(ISPMANAGER_DEMO.password).toMatch(/^[A-Za-z0-9-]+$/);
    await using sim = await createIspManagerSimulator().start();
    // Pasted unencoded into a form body, as shell hooks do.
    const response = await request(`${sim.url}/ispmgr`, {
      method: 'POST',
      dispatcher: agent,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: `authinfo=${ISPMANAGER_DEMO.username}:${ISPMANAGER_DEMO.password}&out=xml&func=whoami`,
    });
    expect(await response.body.text()).toContain('<user name="root"');
    const tricky = await post(`${sim.url}/ispmgr`, {
      func: 'whoami',
      out: 'xml',
      authinfo: `${ISPMANAGER_DEMO.trickyUser}:${ISPMANAGER_DEMO.trickyPassword}`,
    });
    expect(tricky.text).toContain('<user name="encoder"');
  });
});
