import { REDACTED } from '@x/auth-core';
import { VMMANAGER_DEMO_EMAIL, vmmanagerControls } from '@x/testkit';
import { describe, expect, it } from 'vitest';
import { ApiError, AuthError, ExternalAccessError } from '../src/index.js';
import { setup } from './support.js';

const t = setup();

describe('auth v4', () => {
  it('logs in with POST /auth/v4/public/token (201) and sends the token as x-xsrf-token', async () => {
    const vm = t.client();
    await vm.os.list();
    const [login, call] = t.sim.log;
    expect(login).toMatchObject({ method: 'POST', path: '/auth/v4/public/token' });
    expect(JSON.parse(login?.body ?? '')).toEqual({
      email: VMMANAGER_DEMO_EMAIL,
      password: expect.any(String),
    });
    const token = t.sim.state.tokens[0]?.token;
    expect(token).toBeTruthy();
    expect(call?.headers['x-xsrf-token']).toBe(token);
    await vm.cluster.list();
    expect(vmmanagerControls.logins(t.sim)).toBe(1);
  });

  it('concurrent first calls share one login', async () => {
    const vm = t.client();
    await Promise.all([vm.os.list(), vm.host.list(), vm.node.list(), vm.cluster.list(), vm.preset.list()]);
    expect(vmmanagerControls.logins(t.sim)).toBe(1);
    expect(t.sim.log.filter((entry) => entry.path === '/auth/v4/public/token')).toHaveLength(1);
  });

  it('logs in again once when the token has expired, and the call succeeds', async () => {
    const vm = t.client();
    await vm.os.list();
    vmmanagerControls.expireTokens(t.sim);
    const result = await vm.host.list();
    expect(result.list.length).toBeGreaterThan(0);
    expect(vmmanagerControls.logins(t.sim)).toBe(2);
    const paths = t.sim.log.map((entry) => `${entry.method} ${entry.path}`);
    expect(paths).toEqual([
      'POST /auth/v4/public/token',
      'GET /vm/v3/os',
      'GET /vm/v3/host',
      'POST /auth/v4/public/token',
      'GET /vm/v3/host',
    ]);
  });

  it('renews the token before its 60-minute idle lifetime ends, without a failed call', async () => {
    let now = Date.now();
    const vm = t.client({ now: () => now });
    await vm.os.list();
    now += 30 * 60_000;
    await vm.os.list();
    expect(vmmanagerControls.logins(t.sim)).toBe(1);
    now += 61 * 60_000;
    await vm.os.list();
    expect(vmmanagerControls.logins(t.sim)).toBe(2);
    // The renewal happened before the call: no request was refused.
    expect(t.sim.log.map((entry) => entry.path)).toEqual([
      '/auth/v4/public/token',
      '/vm/v3/os',
      '/vm/v3/os',
      '/auth/v4/public/token',
      '/vm/v3/os',
    ]);
  });

  it('reports a wrong password as AuthError naming the settings, without retrying the login', async () => {
    const vm = t.client({ password: 'wrong-password-1' });
    const error = await vm.os.list().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthError);
    expect(error).toMatchObject({ code: 22013, vendorMessage: 'Invalid password' });
    expect((error as Error).message).toMatch(/VMMANAGER_PASSWORD/);
    expect(t.sim.log).toHaveLength(1);
  });

  it('reports error 3001 as ExternalAccessError and does not log in again', async () => {
    vmmanagerControls.markInternal(t.sim, 'GET', /^\/vm\/v3\/node$/);
    const vm = t.client();
    const error = await vm.node.list().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ExternalAccessError);
    expect(error).toBeInstanceOf(ApiError);
    // Logging in again never helps, so a handler that refreshes credentials on AuthError must not see it.
    expect(error).not.toBeInstanceOf(AuthError);
    expect(error).toMatchObject({ code: 3001, status: 401, vendorMessage: 'Unauthorized', kind: 'api' });
    expect(error).toMatchObject({ retryable: false });
    expect((error as Error).message).toMatch(/not available to external API requests/);
    expect(vmmanagerControls.logins(t.sim)).toBe(1);
    expect(t.calls()).toHaveLength(1);
  });

  it('uses a given token as is, and says so when it has expired', async () => {
    const admin = t.client();
    const long = await admin.auth.token.create({
      expires_at: '2099-01-31 00:00:00',
      description: 'integration',
    });
    expect(t.last()).toMatchObject({ method: 'POST', path: '/auth/v4/token' });
    expect(t.last().json).toEqual({ expires_at: '2099-01-31 00:00:00', description: 'integration' });
    expect(long.token).toMatch(/^1-/);
    expect(long.expires_at).toBe('2099-01-31 00:00:00');

    const vm = t.tokenClient(long.token);
    expect((await vm.cluster.list()).list).toHaveLength(2);
    expect(t.last().headers['x-xsrf-token']).toBe(long.token);
    vmmanagerControls.expireTokens(t.sim);
    const error = await vm.cluster.list().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthError);
    expect((error as Error).message).toMatch(/expires after 60 minutes unused/);
    expect(vmmanagerControls.logins(t.sim)).toBe(1);
  });

  it('sets the token lifetime (value sent as text)', async () => {
    const vm = t.client();
    await vm.auth.token_ttl.update({ value: 999 });
    expect(t.last()).toMatchObject({ method: 'POST', path: '/auth/v4/setting/token_ttl' });
    expect(t.last().json).toEqual({ value: '999' });
    expect(t.sim.state.tokenTtlMinutes).toBe(999);
  });

  it('key flow: create a key for a user, build its login link, exchange it for a token', async () => {
    const vm = t.client();
    const key = await vm.auth.key.create({ user: 'client@example.com' });
    const request = t.last();
    expect(request).toMatchObject({ method: 'POST', path: '/auth/v4/user/client@example.com/key' });
    expect(request.headers['isp-box-instance']).toBe('true');
    expect(request.json).toEqual({});
    expect(key.key).toMatch(/^\d+-[0-9a-f-]+$/);
    expect(key.link).toBe(`${t.sim.url}/auth/key/${key.key}`);
    expect(vm.loginLink(key.key)).toBe(key.link);

    const session = await vm.auth.key.exchange({ key: key.key });
    const exchange = t.last();
    expect(exchange).toMatchObject({ method: 'POST', path: '/auth/v4/public/key' });
    expect(exchange.headers['x-xsrf-token']).toBeUndefined();
    expect(exchange.headers['isp-box-instance']).toBe('true');
    const user = t.tokenClient(session.token);
    expect(await user.auth.whoami()).toMatchObject({ email: 'client@example.com' });
    expect(t.last().path).toBe('/auth/v4/whoami');
    // A key works once; the document answers a bad key with 3001, which here means "key refused".
    const reused = await vm.auth.key.exchange({ key: key.key }).catch((e: unknown) => e);
    expect(reused).toBeInstanceOf(AuthError);
    expect(reused).not.toBeInstanceOf(ExternalAccessError);
    expect(reused).toMatchObject({ code: 3001, remedy: { endpoint: 'auth.key.create', action: 'create' } });
    expect((reused as Error).message).toMatch(/invalid, already used or expired/);
    expect((reused as Error).message).not.toMatch(/vmmanager_/);
  });

  it('previews without logging in, with a placeholder token', async () => {
    const vm = t.client();
    const preview = await vm.preview('host.start', { host_id: 7 });
    expect(t.sim.log).toHaveLength(0);
    expect(preview).toMatchObject({
      method: 'POST',
      url: `${t.sim.url}/vm/v3/host/7/start`,
      body: '{}',
    });
    expect(preview.headers['x-xsrf-token']).toBe(REDACTED);
    expect(JSON.stringify(preview)).not.toMatch(/demo-vmmanager-password/);
  });
});
