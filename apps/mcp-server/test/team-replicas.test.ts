// Two replicas behind one load balancer: one shared confirmation secret, one real Redis ledger.
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/app.js';
import { confirmSecretFromEnv } from '../src/confirm.js';
import { startHttp } from '../src/http.js';
import { parseOptions } from '../src/options.js';
import { teamHttp } from '../src/team/wiring.js';
import { TestRedis } from './redis.js';
import { CANARY_KEY, createDemoSimulator, demoModule } from './support.js';

const SECRET = 'replica-shared-secret-0123456789abcdef';
const cleanup: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

let redis: TestRedis;
beforeAll(async () => {
  redis = await TestRedis.start();
});
afterAll(async () => {
  await redis?.stop();
});

/** A replica: its own app and HTTP endpoint over the same simulator, sharing what `env` and `args` share. */
async function replica(simUrl: string, env: Record<string, string>, args: string[]) {
  const options = parseOptions(['--transport', 'http', ...args], {});
  const app = await createApp(options, {
    vendors: [demoModule],
    env: { DEMO_URL: simUrl, DEMO_KEY: CANARY_KEY, ...env },
  });
  cleanup.push(() => app.close());
  const http = await startHttp({
    host: '127.0.0.1',
    port: 0,
    ...(await teamHttp(app, options)),
  });
  cleanup.push(() => http.close());
  const client = new Client({ name: 'replica-test', version: '0.0.0' });
  await client.connect(new StreamableHTTPClientTransport(new URL(http.url)));
  cleanup.push(() => client.close());
  const call = async (name: string, args: Record<string, unknown>) =>
    (await client.callTool({ name, arguments: args })) as CallToolResult;
  return { app, http, call };
}

async function setup(env: Record<string, string>, args: string[]) {
  const sim = createDemoSimulator();
  await sim.start();
  cleanup.push(() => sim.stop());
  const a = await replica(sim.url, env, args);
  const b = await replica(sim.url, env, args);
  return { sim, a, b };
}

const payload = (result: CallToolResult) => result.structuredContent as Record<string, unknown>;
const deletes = (sim: { log: readonly { path: string }[] }) =>
  sim.log.filter((entry) => entry.path === '/things/delete').length;

describe('replicas with a shared secret and a Redis ledger', () => {
  it('a token issued on one replica executes exactly once when redeemed on both at the same time', async () => {
    const { sim, a, b } = await setup({ X_MCP_CONFIRM_SECRET: SECRET }, ['--state', redis.url]);
    for (let round = 1; round <= 3; round++) {
      const id = `t${round}`;
      const first = payload(await a.call('demo_things_delete', { id }));
      expect(first.status).toBe('confirmation_required');
      const token = first.confirmation_token as string;
      const answers = await Promise.all(
        [a, b, a, b].map((replica) => replica.call('demo_things_delete', { id, confirmation_token: token })),
      );
      const ok = answers.filter((answer) => !answer.isError);
      expect(ok, `round ${round}`).toHaveLength(1);
      expect(payload(ok[0] as CallToolResult).result).toEqual({ deleted: id });
      for (const refused of answers.filter((answer) => answer.isError))
        expect(JSON.stringify(refused)).toContain('already used');
      expect(deletes(sim)).toBe(round);
    }
  });

  it('without a shared secret, a token from one replica is refused by the other', async () => {
    const { sim, a, b } = await setup({}, ['--state', redis.url]);
    const token = payload(await a.call('demo_things_delete', { id: 't1' })).confirmation_token as string;
    const refused = await b.call('demo_things_delete', { id: 't1', confirmation_token: token });
    expect(refused.isError).toBe(true);
    expect(JSON.stringify(refused)).toContain('was issued for other arguments');
    expect(deletes(sim)).toBe(0);
  });

  it('Redis stopped mid-run: confirmed calls fail closed with a clear error, reads keep working', async () => {
    const { sim, a, b } = await setup({ X_MCP_CONFIRM_SECRET: SECRET }, ['--state', redis.url]);
    const token = payload(await a.call('demo_things_delete', { id: 't2' })).confirmation_token as string;
    const probe = async (path: string) => (await fetch(a.http.url.replace(/\/mcp$/, path))).status;
    expect(await probe('/readyz')).toBe(200);
    await redis.stop();
    try {
      // Liveness asks nothing of Redis or a vendor; readiness says the ledger is gone.
      expect(await probe('/healthz')).toBe(200);
      expect(await probe('/readyz')).toBe(503);
      const read = await b.call('demo_things_list', {});
      expect(read.isError).toBeFalsy();
      expect((payload(read).result as { items: unknown[] }).items).toHaveLength(3);
      for (const replica of [a, b]) {
        const refused = await replica.call('demo_things_delete', { id: 't2', confirmation_token: token });
        expect(refused.isError).toBe(true);
        const text = JSON.stringify(refused);
        expect(text).toContain('confirmation ledger (--state) is unreachable');
        expect(text).toContain('nothing was sent');
        expect(text).not.toContain(SECRET);
      }
      expect(deletes(sim)).toBe(0);
    } finally {
      await redis.resume();
    }
    // The refused token was not consumed: once Redis is back (the client reconnects by itself) it runs, once.
    let done: CallToolResult | undefined;
    for (let attempt = 0; attempt < 200; attempt++) {
      done = await b.call('demo_things_delete', { id: 't2', confirmation_token: token });
      if (!JSON.stringify(done).includes('unreachable')) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(payload(done as CallToolResult).result).toEqual({ deleted: 't2' });
    const again = await a.call('demo_things_delete', { id: 't2', confirmation_token: token });
    expect(JSON.stringify(again)).toContain('already used');
    expect(deletes(sim)).toBe(1);
  });
});

describe('X_MCP_CONFIRM_SECRET', () => {
  it('must be at least 32 bytes; the error names the variable and never repeats the value', () => {
    expect(confirmSecretFromEnv({})).toBeUndefined();
    expect(confirmSecretFromEnv({ X_MCP_CONFIRM_SECRET: '' })).toBeUndefined();
    expect(confirmSecretFromEnv({ X_MCP_CONFIRM_SECRET: SECRET })?.length).toBe(SECRET.length);
    const weak = 'short-secret-value';
    expect(() => confirmSecretFromEnv({ X_MCP_CONFIRM_SECRET: weak })).toThrow(
      /^X_MCP_CONFIRM_SECRET must be at least 32 bytes \(it has 18\)/,
    );
    try {
      confirmSecretFromEnv({ X_MCP_CONFIRM_SECRET: weak });
    } catch (error) {
      expect((error as Error).message).not.toContain(weak);
    }
  });

  it('--state must be a redis:// URL; the error never repeats the value (it may hold a password)', () => {
    expect(() => parseOptions(['--state', 'http://user:hunter2@x'], {})).toThrow(
      /^--state must start with redis:\/\//,
    );
    expect(() => parseOptions([], { X_MCP_STATE: 'nonsense' })).toThrow(/^X_MCP_STATE must be a URL/);
    try {
      parseOptions(['--state', 'http://user:hunter2@x'], {});
    } catch (error) {
      expect((error as Error).message).not.toContain('hunter2');
    }
    expect(parseOptions(['--state', 'redis://127.0.0.1:6379'], {}).state).toBe('redis://127.0.0.1:6379');
  });
});
