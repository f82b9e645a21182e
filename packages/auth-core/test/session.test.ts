import { describe, expect, it } from 'vitest';
import { AuthError, SessionCache } from '../src/index.js';

function cache(options: { idleTimeoutMs?: number; expiresIn?: number } = {}) {
  let now = 1_000_000;
  let counter = 0;
  const seen: string[] = [];
  const sessions = new SessionCache<string>({
    login: async () => {
      await new Promise((resolve) => setTimeout(resolve, 5));
      counter++;
      return { value: `s${counter}`, ...(options.expiresIn ? { expiresAt: now + options.expiresIn } : {}) };
    },
    idleTimeoutMs: options.idleTimeoutMs,
    safetyMarginMs: 1000,
    onSession: (value) => seen.push(value),
    now: () => now,
  });
  return { sessions, seen, advance: (ms: number) => (now += ms) };
}

describe('SessionCache', () => {
  it('single-flight: 20 concurrent callers trigger one login', async () => {
    const { sessions, seen } = cache();
    const values = await Promise.all(Array.from({ length: 20 }, () => sessions.get()));
    expect(new Set(values)).toEqual(new Set(['s1']));
    expect(sessions.logins).toBe(1);
    expect(seen).toEqual(['s1']);
  });

  it('renews after the absolute expiry (minus the safety margin)', async () => {
    const { sessions, advance } = cache({ expiresIn: 10_000 });
    expect(await sessions.get()).toBe('s1');
    advance(8_000);
    expect(await sessions.get()).toBe('s1');
    advance(1_500);
    expect(await sessions.get()).toBe('s2');
  });

  it('renews after the idle timeout, and use keeps it alive', async () => {
    const { sessions, advance } = cache({ idleTimeoutMs: 60_000 });
    await sessions.get();
    advance(50_000);
    expect(await sessions.get()).toBe('s1');
    advance(50_000);
    expect(await sessions.get()).toBe('s1');
    advance(59_500);
    expect(await sessions.get()).toBe('s2');
  });

  it('invalidate(stale) only drops that session', async () => {
    const { sessions } = cache();
    await sessions.get();
    sessions.invalidate('s0');
    expect(await sessions.get()).toBe('s1');
    sessions.invalidate('s1');
    expect(await sessions.get()).toBe('s2');
  });

  it('run(): exactly one re-login on a rejected session, then the error stands', async () => {
    const { sessions } = cache();
    const gone = (e: unknown) => e instanceof AuthError;
    const used: string[] = [];
    const ok = await sessions.run(async (s) => {
      used.push(s);
      if (s === 's1') throw new AuthError('session expired');
      return 'done';
    }, gone);
    expect(ok).toBe('done');
    expect(used).toEqual(['s1', 's2']);

    const attempts: string[] = [];
    await expect(
      sessions.run(async (s) => {
        attempts.push(s);
        throw new AuthError('still no');
      }, gone),
    ).rejects.toBeInstanceOf(AuthError);
    expect(attempts).toEqual(['s2', 's3']);
  });

  it('concurrent failures with the same dead session cause one re-login', async () => {
    const { sessions } = cache();
    await sessions.get();
    const results = await Promise.all(
      Array.from({ length: 5 }, () =>
        sessions.run(
          async (s) => {
            if (s === 's1') throw new AuthError('gone');
            return s;
          },
          (e) => e instanceof AuthError,
        ),
      ),
    );
    expect(new Set(results)).toEqual(new Set(['s2']));
    expect(sessions.logins).toBe(2);
  });

  it('a caller can stop waiting with its signal without breaking the shared login', async () => {
    const { sessions } = cache();
    const controller = new AbortController();
    const waiting = sessions.get(controller.signal);
    const other = sessions.get();
    controller.abort(new Error('caller gave up'));
    await expect(waiting).rejects.toThrow('caller gave up');
    await expect(other).resolves.toBe('s1');
  });

  it('a failed login is not cached', async () => {
    let fail = true;
    const sessions = new SessionCache<string>({
      login: async () => {
        if (fail) throw new AuthError('bad password');
        return { value: 'ok' };
      },
    });
    await expect(sessions.get()).rejects.toBeInstanceOf(AuthError);
    fail = false;
    await expect(sessions.get()).resolves.toBe('ok');
  });
});
