import { isXError } from '@x/auth-core';
import { describe, expect, it } from 'vitest';
import { useSimulator } from './support.js';

const CANARY_SECRET = 'CANARY-secret-7f3a9c';
const CANARY_API_TOKEN = 'CanaryResellerToken42';

/** Every surface of an error: message, JSON, enumerable fields, cause, stack. */
function surfaces(error: unknown): string {
  if (!isXError(error)) throw new Error(`not an XError: ${String(error)}`);
  return [
    error.message,
    JSON.stringify(error),
    JSON.stringify(error.toJSON()),
    String(error.stack),
    JSON.stringify(error.cause ?? null),
  ].join('\n');
}

describe('secrets never leak (canary credentials)', () => {
  const ctx = useSimulator({ secretKey: CANARY_SECRET });

  it('auth failures, vendor refusals, HTTP errors, format errors and timeouts carry neither secret nor token', async () => {
    const client = ctx.client;
    const tokens = () =>
      ctx.sim.log.map((record) => record.query.token).filter((token): token is string => !!token);
    const errors: unknown[] = [];
    const collect = (promise: Promise<unknown>) =>
      promise.then(
        () => expect.fail('should fail'),
        (e: unknown) => errors.push(e),
      );

    await collect(client.ipl.list()); // Authorization failed (wrong secret)
    ctx.sim.faults.add({ kind: 'status', status: 500, body: `boom ${CANARY_SECRET}` }, { times: 3 });
    await collect(client.ipl.list());
    ctx.sim.faults.add({ kind: 'malformed', body: `<html>${CANARY_SECRET}</html>` });
    await collect(client.kcare.key.list());
    ctx.sim.faults.add({
      kind: 'status',
      status: 200,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ success: false, message: `bad key ${CANARY_SECRET}`, data: null }),
    });
    await collect(client.els.key.list({ code: 'CELS' }));
    ctx.sim.faults.add({ kind: 'hang' });
    await collect(client.ab.list(undefined, { deadlineMs: 200, maxAttempts: 1 }));
    await collect(client.kcare.nagios_res({ token: CANARY_API_TOKEN }));
    ctx.sim.faults.add({ kind: 'status', status: 503, body: 'down' }, { times: 3 });
    await collect(client.kcare.nagios_res());

    expect(errors).toHaveLength(7);
    const seen = tokens();
    expect(seen.length).toBeGreaterThan(3);
    const pathTokens = ctx.sim.log
      .filter((record) => record.path.includes('nagios-res'))
      .map((record) => decodeURIComponent(record.path.split('/').pop() ?? ''));
    for (const error of errors) {
      const text = surfaces(error);
      expect(text).not.toContain(CANARY_SECRET);
      expect(text).not.toContain(CANARY_API_TOKEN);
      for (const token of [...seen, ...pathTokens]) {
        expect(text).not.toContain(token);
        expect(text).not.toContain(encodeURIComponent(token));
        expect(text).not.toContain(token.split('|')[2] ?? token);
      }
    }
  });

  it('log lines carry neither the secret nor any token', async () => {
    const lines: string[] = [];
    const sink = (message: string, fields?: Record<string, unknown>) =>
      lines.push(`${message} ${JSON.stringify(fields ?? {})}`);
    const client = ctx.make({ logger: { debug: sink, info: sink, warn: sink, error: sink } });
    ctx.sim.faults.add({ kind: 'status', status: 503, body: 'busy' });
    await client.ipl.list().catch(() => undefined);
    await client.kcare.nagios_res({ token: CANARY_API_TOKEN }).catch(() => undefined);
    expect(lines.length).toBeGreaterThan(0);
    const tokens = ctx.sim.log
      .map((record) => record.query.token)
      .filter((token): token is string => !!token);
    const all = lines.join('\n');
    expect(all).not.toContain(CANARY_SECRET);
    expect(all).not.toContain(CANARY_API_TOKEN);
    for (const token of tokens) expect(all).not.toContain(token.split('|')[2] ?? token);
  });

  it('preview hides the token and a caller-given API token', async () => {
    const preview = await ctx.client.preview('kcare.nagios_res', { token: CANARY_API_TOKEN });
    expect(JSON.stringify(preview)).not.toContain(CANARY_API_TOKEN);
    const list = await ctx.client.preview('ipl.list', {});
    expect(new URL(list.url).searchParams.get('token')).not.toMatch(/\|/);
    expect(ctx.sim.log).toHaveLength(0);
  });
});
