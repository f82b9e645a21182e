import { AuthError } from '@x/auth-core';
import { afterEach, describe, expect, it } from 'vitest';
import { PREVIEW_SESSION } from '../src/index.js';
import { bodyOf, clientFor, expectWireShape, ISPMANAGER_DEMO, startPanel } from './support.js';

const sims: Awaited<ReturnType<typeof startPanel>>[] = [];
async function panel(options: Parameters<typeof startPanel>[0] = {}) {
  const sim = await startPanel(options);
  sims.push(sim);
  return sim;
}
afterEach(async () => {
  await Promise.all(sims.splice(0).map((sim) => sim.stop()));
});

describe.each(['xml', 'json'] as const)('session auth over out=%s', (format) => {
  it('logs in once with func=auth, then sends auth=<session> and never the password', async () => {
    const sim = await panel();
    const client = clientFor(sim, { auth: 'session', format });
    await client.user.list();
    await client.webdomain.list();
    expect(sim.state.logins).toBe(1);
    const [login, first, second] = sim.log.map((record) => expectWireShape(record));
    expect(login).toEqual({
      func: 'auth',
      username: 'root',
      password: ISPMANAGER_DEMO.password,
      out: format,
    });
    const [session] = [...sim.state.sessions.keys()];
    for (const body of [first, second]) {
      expect(body?.auth).toBe(session);
      expect(body).not.toHaveProperty('authinfo');
      expect(JSON.stringify(body)).not.toContain(ISPMANAGER_DEMO.password);
    }
    await client.close();
  });

  it('concurrent calls trigger one login', async () => {
    const sim = await panel();
    const client = clientFor(sim, { auth: 'session', format });
    const results = await Promise.all(Array.from({ length: 8 }, () => client.user.list()));
    expect(results.every((r) => r.elements.length === 2)).toBe(true);
    expect(sim.state.loginAttempts).toBe(1);
    await client.close();
  });

  it('a session that expires mid-run is re-established with exactly one login', async () => {
    let now = 1_000_000;
    const sim = await panel({ sessionIdleMs: 60_000, now: () => now });
    const client = clientFor(sim, { auth: 'session', format });
    await client.user.list();
    now += 61_000; // the panel forgets the session; the client still thinks it is fresh
    const users = await client.user.list();
    expect(users.elements.map((u) => u.name)).toEqual(['www-root', 'alice']);
    expect(sim.state.logins).toBe(2);
    const funcs = sim.log.map((record) => bodyOf(record).func);
    expect(funcs).toEqual(['auth', 'user', 'user', 'auth', 'user']);
    await client.close();
  });

  it('concurrent calls on a dead session share one re-login', async () => {
    const sim = await panel();
    const client = clientFor(sim, { auth: 'session', format });
    await client.user.list();
    sim.state.sessions.clear();
    await Promise.all(Array.from({ length: 5 }, () => client.webdomain.list()));
    expect(sim.state.logins).toBe(2);
    await client.close();
  });

  it('a wrong password is an AuthError after one login attempt, not a retry loop', async () => {
    const sim = await panel();
    const client = clientFor(sim, { auth: 'session', format, password: 'wrong&password' });
    const error = await client.user.list().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthError);
    expect(error).toMatchObject({
      kind: 'auth',
      code: 'auth',
      vendorMessage: 'Invalid username or password',
    });
    expect(sim.state.loginAttempts).toBe(1);
    expect(sim.log).toHaveLength(1);
    await client.close();
  });

  it('a session the panel refuses twice is thrown, not retried forever', async () => {
    const sim = await panel({ sessionIdleMs: 0 });
    const client = clientFor(sim, { auth: 'session', format });
    const error = await client.user.list().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthError);
    expect(sim.state.logins).toBe(2);
    expect(sim.log).toHaveLength(4);
    await client.close();
  });
});

describe('authinfo', () => {
  it('a wrong password is one request and an AuthError naming the panel error', async () => {
    const sim = await panel();
    const client = clientFor(sim, { password: 'nope:nope' });
    const error = await client.whoami().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthError);
    expect((error as AuthError).data).toMatchObject({ type: 'auth', object: 'badpassword', func: 'whoami' });
    expect(sim.log).toHaveLength(1);
    await client.close();
  });

  it('form-encodes passwords with & # + : and spaces', async () => {
    const sim = await panel();
    sim.state.admins.push({ name: 'ops', passwd: ' a&b#c+d:e=f%g ', level: 'admin' });
    const client = clientFor(sim, { username: 'ops', password: ' a&b#c+d:e=f%g ' });
    await expect(client.whoami()).resolves.toMatchObject({ name: 'ops' });
    expect(bodyOf(sim.log[0] as never).authinfo).toBe('ops: a&b#c+d:e=f%g ');
    await client.close();
  });
});

describe('per-call su and lang', () => {
  it('acts as another user with su and sends lang', async () => {
    const sim = await panel();
    const client = clientFor(sim, { lang: 'en' });
    const me = await client.whoami({}, { su: 'alice', lang: 'ru' });
    expect(me).toMatchObject({ name: 'alice', level: '16' });
    expect(bodyOf(sim.log[0] as never)).toMatchObject({ su: 'alice', lang: 'ru' });
    const sites = await client.webdomain.list({}, { su: 'alice' });
    expect(sites.elements.map((s) => s.name)).toEqual(['alice.example.net']);
    await client.webdomain.edit({ mode: 'create', name: 'new.example.net' }, { su: 'alice' });
    expect(sim.state.webdomain.find((w) => w.name === 'new.example.net')?.owner).toBe('alice');
    await client.whoami();
    expect(bodyOf(sim.log.at(-1) as never)).toMatchObject({ lang: 'en' });
    expect(bodyOf(sim.log.at(-1) as never)).not.toHaveProperty('su');
    await client.close();
  });

  it('a user may not su to another user: a PanelError of type access', async () => {
    const sim = await panel();
    const client = clientFor(sim, { username: ISPMANAGER_DEMO.user, password: ISPMANAGER_DEMO.userPassword });
    const error = await client.user.list({}, { su: 'alice' }).catch((e: unknown) => e);
    expect(error).toMatchObject({ panelType: 'access', object: 'su' });
    expect((error as { isAccess(): boolean }).isAccess()).toBe(true);
    await client.close();
  });
});

describe('the key flow', () => {
  it('session.newkey gives a one-time login URL that works once', async () => {
    const sim = await panel();
    const client = clientFor(sim);
    const link = await client.session.newkey({ username: 'alice', key: 'abcdefghijklmnop1234' });
    expect(link.url).toBe(
      `${sim.url}/ispmgr?func=auth&username=alice&key=abcdefghijklmnop1234&checkcookie=no`,
    );
    const first = await fetch(`${link.url}&out=xml`).then((r) => r.text());
    expect(first).toMatch(/<auth id="[0-9a-f]+"/);
    const second = await fetch(`${link.url}&out=xml`).then((r) => r.text());
    expect(second).toContain('type="auth"');
    await client.close();
  });

  it('keeps the key out of previews and errors', async () => {
    const sim = await panel();
    const client = clientFor(sim);
    const preview = await client.preview('session.newkey', {
      username: 'ghost',
      key: 'secret-key-0123456789',
    });
    expect(JSON.stringify(preview)).not.toContain('secret-key-0123456789');
    const error = await client.session
      .newkey({ username: 'ghost', key: 'secret-key-0123456789' })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ panelType: 'missed', object: 'user', kind: 'not-found' });
    expect(JSON.stringify(error)).not.toContain('secret-key-0123456789');
    expect(String((error as Error).message)).not.toContain('secret-key-0123456789');
    await client.close();
  });
});

describe('preview (dry run)', () => {
  it('performs no login in session mode and uses a placeholder session', async () => {
    const sim = await panel();
    const client = clientFor(sim, { auth: 'session' });
    const preview = await client.preview('user.edit', { mode: 'create', name: 'x1', passwd: 'Secret&1' });
    expect(sim.log).toHaveLength(0);
    expect(preview.method).toBe('POST');
    expect(preview.url).toBe(`${sim.url}/ispmgr`);
    const body = new URLSearchParams(preview.body);
    expect(body.get('auth')).toBe('[REDACTED]');
    expect(body.get('func')).toBe('user.edit');
    expect(body.get('sok')).toBe('ok');
    expect(preview.body).not.toContain('Secret');
    expect(PREVIEW_SESSION).toBe('(session)');
    await client.close();
  });

  it('redacts authinfo in authinfo mode', async () => {
    const sim = await panel();
    const client = clientFor(sim);
    const preview = await client.preview('user.list', {});
    expect(preview.body).toBe('func=user&out=xml&authinfo=[REDACTED]');
    expect(JSON.stringify(preview)).not.toContain('Pa55');
    await client.close();
  });
});
