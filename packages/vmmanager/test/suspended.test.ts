import { vmmanagerControls } from '@x/testkit';
import { describe, expect, it } from 'vitest';
import { ApiError, AuthError, suspendedRetryRule, TimeoutError } from '../src/index.js';
import { setup } from './support.js';

const t = setup();

describe('the documented 503 rule (suspended instance)', () => {
  it('retries every method, a create included, until the instance answers', async () => {
    const vm = t.client();
    await vm.os.list();
    vmmanagerControls.suspend(t.sim, 4);
    const created = await vm.account.create({ email: 'late@example.com', password: 'Late-pass-1' });
    expect(created.id).toBeGreaterThan(0);
    const attempts = t.sim.log.filter((entry) => entry.path === '/vm/v3/account');
    expect(attempts).toHaveLength(5);
    expect(t.sim.state.accounts.filter((a) => a.email === 'late@example.com')).toHaveLength(1);
  });

  it('also covers the login', async () => {
    vmmanagerControls.suspend(t.sim, 3);
    const vm = t.client();
    expect((await vm.cluster.list()).list).toHaveLength(2);
    expect(t.sim.log.filter((entry) => entry.path === '/auth/v4/public/token')).toHaveLength(4);
  });

  it('a login that meets a suspended instance for too long is a 503 ApiError, not a credentials error', async () => {
    vmmanagerControls.suspend(t.sim, 50);
    const vm = t.client();
    const error = await vm.os.list().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).not.toBeInstanceOf(AuthError);
    expect(error).toMatchObject({ status: 503, endpoint: 'auth.login', attempts: 11 });
  });

  it('gives up after 10 retries with an ApiError that says the instance is suspended', async () => {
    const vm = t.client();
    await vm.os.list();
    vmmanagerControls.suspend(t.sim, 50);
    const error = await vm.host.stop({ host_id: 1 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 503, attempts: 11, retryable: true });
    expect((error as Error).message).toMatch(/suspended/);
    expect(t.sim.log.filter((entry) => entry.path === '/vm/v3/host/1/stop')).toHaveLength(11);
  });

  it('maxAttempts: 1 disables the retries of one call', async () => {
    const vm = t.client();
    await vm.os.list();
    vmmanagerControls.suspend(t.sim, 5);
    await expect(vm.os.list(undefined, { maxAttempts: 1 })).rejects.toMatchObject({
      status: 503,
      attempts: 1,
    });
  });

  it('honours a custom retry budget', async () => {
    const vm = t.client({ suspendedRetry: { retries: 2, stepMs: 1 } });
    await vm.os.list();
    vmmanagerControls.suspend(t.sim, 5);
    await expect(vm.os.list()).rejects.toMatchObject({ status: 503, attempts: 3 });
  });

  it('stays within the call deadline', async () => {
    const vm = t.client({ suspendedRetry: { retries: 10, stepMs: 600 } });
    await vm.os.list();
    vmmanagerControls.suspend(t.sim, 50);
    const error = await vm.os.list(undefined, { deadlineMs: 1_500 }).catch((e: unknown) => e);
    // The transport never sleeps past the deadline: it reports the 503 instead of starting a retry it cannot finish.
    expect(error).toBeInstanceOf(ApiError);
    expect(error).not.toBeInstanceOf(TimeoutError);
    expect((error as ApiError).attempts).toBeLessThan(4);
    expect(t.sim.log.filter((entry) => entry.path === '/vm/v3/os').length).toBeLessThan(5);
  });

  it('the rule: growing delays, n × step, for 503 only', () => {
    const rule = suspendedRetryRule();
    const policy = { maxAttempts: 3, baseDelayMs: 250, maxDelayMs: 4000, maxRetryAfterMs: 20_000 };
    expect(rule({ attempt: 1, idempotent: false, status: 503 }, policy)).toMatchObject({
      retry: true,
      delayMs: 100,
    });
    expect(rule({ attempt: 7, idempotent: false, status: 503 }, policy)).toMatchObject({
      retry: true,
      delayMs: 700,
    });
    expect(rule({ attempt: 11, idempotent: true, status: 503 }, policy)).toMatchObject({ retry: false });
    expect(rule({ attempt: 1, idempotent: true, status: 502 }, policy)).toBeUndefined();
    expect(
      rule({ attempt: 1, idempotent: true, status: 503 }, { ...policy, maxAttempts: 1 }),
    ).toBeUndefined();
  });
});
