import { isXError } from '@x/auth-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientFor, startPanel } from './support.js';

/** Canary secrets: if any of these shows up in an error, a log line or a preview, redaction failed. */
const CANARY_PASSWORD = 'canary-Pw&#+:7351';
const CANARY_USER_PASSWORD = 'canary-user-pw-9981';
const CANARY_KEY = 'canarykey0123456789abcdef';

describe('canary: no secret in any error, log line or preview', () => {
  let sim: Awaited<ReturnType<typeof startPanel>>;
  const lines: string[] = [];
  const logger = {
    debug: (...args: unknown[]) => lines.push(JSON.stringify(args)),
    info: (...args: unknown[]) => lines.push(JSON.stringify(args)),
    warn: (...args: unknown[]) => lines.push(JSON.stringify(args)),
    error: (...args: unknown[]) => lines.push(JSON.stringify(args)),
  };
  beforeAll(async () => {
    sim = await startPanel();
    sim.state.admins.push({ name: 'canary', passwd: CANARY_PASSWORD, level: 'admin' });
  });
  afterAll(() => sim.stop());

  const surfaces = (error: unknown): string[] => {
    const e = error as Error & { toJSON?: () => unknown };
    return [
      e.message,
      String(e.stack),
      JSON.stringify(e),
      JSON.stringify(e.toJSON?.() ?? {}),
      JSON.stringify(e.cause ?? null),
    ];
  };

  it.each([
    ['authinfo', 'xml'],
    ['session', 'xml'],
    ['session', 'json'],
  ] as const)('%s over out=%s: every error path', async (auth, format) => {
    const secrets = [CANARY_PASSWORD, CANARY_USER_PASSWORD, CANARY_KEY, encodeURIComponent(CANARY_PASSWORD)];
    const good = clientFor(sim, { auth, format, username: 'canary', password: CANARY_PASSWORD, logger });
    const bad = clientFor(sim, { auth, format, username: 'canary', password: `${CANARY_PASSWORD}x`, logger });
    const errors: unknown[] = [];
    const collect = (p: Promise<unknown>) =>
      p.then(
        () => errors.push(new Error('expected a failure')),
        (e: unknown) => errors.push(e),
      );
    await collect(bad.whoami());
    await collect(good.user.edit({ mode: 'create', name: 'alice', passwd: CANARY_USER_PASSWORD }));
    await collect(good.user.edit({ mode: 'create', name: 'bad name!x', passwd: CANARY_USER_PASSWORD }));
    await collect(good.session.newkey({ username: 'ghost', key: CANARY_KEY }));
    await collect(
      good.call({
        func: 'user.edit',
        params: { name: 'y', passwd: CANARY_USER_PASSWORD, confirm: 'other' },
        sok: true,
      }),
    );
    sim.faults.add({
      kind: 'malformed',
      body: `<doc><error>${CANARY_PASSWORD}</error></doc>`,
      contentType: 'text/xml',
    });
    await collect(good.whoami());
    sim.faults.add({ kind: 'malformed', body: `<html>${CANARY_PASSWORD} ${CANARY_KEY}</html>` });
    await collect(good.whoami());
    sim.faults.add({ kind: 'status', status: 500, body: `oops ${CANARY_PASSWORD}` }, { times: 3 });
    await collect(good.user.list());
    sim.faults.add({ kind: 'reset' }, { times: 3 });
    await collect(good.user.list());
    expect(errors).toHaveLength(9);
    expect(lines.length).toBeGreaterThan(0);
    for (const error of errors) {
      expect(isXError(error), String(error)).toBe(true);
      for (const surface of surfaces(error))
        for (const secret of secrets) expect(surface).not.toContain(secret);
    }
    const preview = await good.preview('user.edit', {
      mode: 'create',
      name: 'p',
      passwd: CANARY_USER_PASSWORD,
    });
    for (const secret of secrets) expect(JSON.stringify(preview)).not.toContain(secret);
    for (const line of lines) for (const secret of secrets) expect(line).not.toContain(secret);
    if (auth === 'session') {
      for (const id of sim.state.sessions.keys()) {
        for (const error of errors) for (const surface of surfaces(error)) expect(surface).not.toContain(id);
        for (const line of lines) expect(line, line).not.toContain(id);
      }
    }
    await good.close();
    await bad.close();
  });
});
