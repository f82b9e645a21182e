import { createHash } from 'node:crypto';
import { tuxcareToken } from '@x/auth-core';
import { describe, expect, it } from 'vitest';
import { AuthError } from '../src/index.js';
import { DEMO, lastRequest, useSimulator } from './support.js';

describe('token', () => {
  const ctx = useSimulator();

  it('matches the documented golden vector (secret "testkey", ts 1692699188)', () => {
    expect(tuxcareToken({ login: 'customer_login', secretKey: 'testkey', nowMs: 1692699188_000 })).toBe(
      'customer_login|1692699188|35b8466e0235170a6354bb71c11cc35b4dca5e2b',
    );
  });

  it('sends login|ts|sha1(secret+ts) from the injected clock', async () => {
    const nowMs = Date.now() - 60_000 + 0.9;
    const client = ctx.make({ now: () => nowMs });
    await client.ipl.list();
    const ts = Math.floor(nowMs / 1000);
    const sha = createHash('sha1').update(`${DEMO.secretKey}${ts}`).digest('hex');
    expect(lastRequest(ctx.sim).query.token).toBe(`${DEMO.login}|${ts}|${sha}`);
    const preview = await client.preview('ipl.list', {});
    // The wire URL encodes `|`; the preview hides the token entirely.
    expect(preview.url).not.toContain(sha);
    expect(preview.url).toMatch(/\/api\/ipl\/list\.json\?token=/);
  });

  it('makes a fresh token for every attempt (a retried read never reuses the first token)', async () => {
    let clock = Date.now() - 120_000;
    const client = ctx.make({ now: () => (clock += 1000) });
    ctx.sim.faults.add({ kind: 'status', status: 503 }, { times: 1 });
    await client.ipl.list();
    const tokens = ctx.sim.log.map((record) => record.query.token);
    expect(tokens).toHaveLength(2);
    expect(tokens[0]).not.toBe(tokens[1]);
  });

  it('a token older than 30 minutes is refused with the documented envelope, as an AuthError', async () => {
    const client = ctx.make({ now: () => Date.now() - 31 * 60_000 });
    const error = await client.kcare.key.list().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthError);
    expect(error).toMatchObject({
      kind: 'auth',
      vendorMessage: 'Authorization failed',
      endpoint: 'kcare.key.list',
      status: 200,
    });
    expect(String((error as Error).message)).toMatch(/clock/);
  });

  it('a token from the future is refused', async () => {
    const client = ctx.make({ now: () => Date.now() + 5 * 60_000 });
    await expect(client.ipl.list()).rejects.toBeInstanceOf(AuthError);
  });

  it('a token within the window (29 minutes old) is accepted', async () => {
    const client = ctx.make({ now: () => Date.now() - 29 * 60_000 });
    await expect(client.ipl.list()).resolves.toBeInstanceOf(Array);
  });

  it('a wrong secret or an unknown login is refused', async () => {
    await expect(ctx.make({ secretKey: 'wrong-secret' }).ipl.list()).rejects.toBeInstanceOf(AuthError);
    await expect(ctx.make({ login: 'stranger' }).ipl.list()).rejects.toBeInstanceOf(AuthError);
  });

  it('status and the Nagios calls need no credentials', async () => {
    const client = ctx.make({ secretKey: 'wrong-secret' });
    await expect(client.status()).resolves.toMatchObject({ xmlrpc: true });
    await expect(client.kcare.nagios.key({ key: 'CEGaUovC9Bi8ppH9' })).resolves.toMatchObject({ ok: true });
  });
});
