// OAuth 2.1 resource server against a real OpenID provider on loopback, and each person's view of the tools.
import { once } from 'node:events';
import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/app.js';
import { type RunningHttp, startHttp } from '../src/http.js';
import { parseOptions } from '../src/options.js';
import { teamHttp } from '../src/team/wiring.js';
import { startIssuer } from './oidc.js';
import { CANARY_KEY, createDemoSimulator, demoModule } from './support.js';

let issuer: Awaited<ReturnType<typeof startIssuer>>;
let sim: ReturnType<typeof createDemoSimulator>;
let http: RunningHttp;
let audience: string;
let clockOffsetMs = 0;
const auditFile = join(mkdtempSync(join(tmpdir(), 'x-mcp-audit-')), 'audit.jsonl');
const TRACEPARENT = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';
const closers: Array<() => Promise<void>> = [];

async function freePort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  server.close();
  await once(server, 'close');
  return port;
}

beforeAll(async () => {
  issuer = await startIssuer();
  sim = createDemoSimulator();
  await sim.start();
  const port = await freePort();
  audience = `http://127.0.0.1:${port}/mcp`;
  const options = parseOptions(
    [
      '--transport',
      'http',
      '--oauth-issuer',
      issuer.issuer,
      '--oauth-audience',
      audience,
      '--audit-log',
      auditFile,
    ],
    {},
  );
  const node = { DEMO_URL: sim.url, DEMO_KEY: CANARY_KEY };
  const app = await createApp(options, {
    vendors: [demoModule],
    env: {},
    config: {
      accounts: { demo: { node1: node, node2: node } },
      oauth: {
        access: [
          { scope: 'x.admin', accounts: ['*'] },
          { scope: 'x.read', accounts: ['demo/node1'], readOnly: true },
        ],
      },
    },
  });
  closers.push(() => app.close());
  const team = await teamHttp(app, options, { now: () => new Date(Date.now() + clockOffsetMs) });
  http = await startHttp({ host: '127.0.0.1', port, ...team });
  closers.push(() => http.close());
});

afterAll(async () => {
  for (const close of closers.reverse()) await close();
  await sim?.stop();
  await issuer?.stop();
});

const post = (token?: string) =>
  fetch(http.url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/json, text/event-stream',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify({
      jsonrpc: '2.0',
      id: 1,
      method: 'initialize',
      params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'raw', version: '0' } },
    }),
  });

async function connect(token: string, headers: Record<string, string> = {}) {
  const client = new Client({ name: 'oauth-test', version: '0.0.0' });
  await client.connect(
    new StreamableHTTPClientTransport(new URL(http.url), {
      requestInit: { headers: { authorization: `Bearer ${token}`, ...headers } },
    }),
  );
  closers.push(() => client.close());
  return client;
}

const call = async (client: Client, name: string, args: Record<string, unknown>) =>
  (await client.callTool({ name, arguments: args })) as CallToolResult;

describe('OAuth 2.1 resource server', () => {
  it('serves Protected Resource Metadata (RFC 9728) at the path-aware and the bare well-known path', async () => {
    for (const path of [
      '/.well-known/oauth-protected-resource/mcp',
      '/.well-known/oauth-protected-resource',
    ]) {
      const response = await fetch(new URL(path, http.url));
      expect(response.status, path).toBe(200);
      expect(await response.json()).toEqual({
        resource: audience,
        authorization_servers: [issuer.issuer],
        bearer_methods_supported: ['header'],
        scopes_supported: ['x.admin', 'x.read'],
        resource_name: 'x-mcp-server',
      });
    }
  });

  it('answers 401 with a WWW-Authenticate header pointing at the metadata when no token is sent', async () => {
    const response = await post();
    expect(response.status).toBe(401);
    const challenge = response.headers.get('www-authenticate') ?? '';
    expect(challenge).toMatch(/^Bearer /);
    expect(challenge).toContain(
      `resource_metadata="${new URL('/.well-known/oauth-protected-resource/mcp', http.url).href}"`,
    );
  });

  it('refuses a token issued for another audience, an expired one, and a forged one (401 invalid_token)', async () => {
    const other = await issuer.token('alice', 'https://other.example/mcp', 'x.admin');
    const wrongAudience = await post(other);
    expect(wrongAudience.status).toBe(401);
    expect(wrongAudience.headers.get('www-authenticate')).toContain('error="invalid_token"');
    expect(await wrongAudience.text()).toContain('audience');

    const good = await issuer.token('alice', audience, 'x.admin');
    expect((await post(good)).status).toBe(200);
    clockOffsetMs = 10 * 60_000; // past the token's 5-minute lifetime
    try {
      const expired = await post(good);
      expect(expired.status).toBe(401);
      expect(await expired.text()).toContain('expired');
    } finally {
      clockOffsetMs = 0;
    }

    const [header, payload] = good.split('.');
    const forged = `${header}.${payload}.${'A'.repeat(342)}`;
    expect((await post(forged)).status).toBe(401);
  });

  it('answers 403 insufficient_scope to a valid token that no access rule grants anything', async () => {
    for (const token of [
      await issuer.token('nobody', audience),
      await issuer.token('nobody', audience, 'x.other'),
    ]) {
      const response = await post(token);
      expect(response.status).toBe(403);
      expect(response.headers.get('www-authenticate')).toContain('error="insufficient_scope"');
    }
  });

  it('an admin gets every tool and both accounts; the token never reaches the vendor', async () => {
    const token = await issuer.token('alice', audience, 'x.admin');
    const client = await connect(token);
    const tools = (await client.listTools()).tools;
    expect(tools.map((tool) => tool.name)).toContain('demo_things_delete');
    const list = tools.find((tool) => tool.name === 'demo_things_list');
    const properties = (list?.inputSchema.properties ?? {}) as Record<string, { enum?: string[] }>;
    expect(properties.account?.enum).toEqual(['node1', 'node2']);
    expect((await call(client, 'demo_things_list', { account: 'node2' })).isError).toBeFalsy();
    const seen = JSON.stringify(sim.log);
    expect(seen).not.toContain(token);
    expect(seen).not.toContain(token.split('.')[2]);
  });

  it('a read-only person gets read tools only, and only the accounts granted', async () => {
    const client = await connect(await issuer.token('bob', audience, 'x.read'));
    const tools = (await client.listTools()).tools;
    expect(tools.map((tool) => tool.name).sort()).toEqual([
      'demo_fail',
      'demo_things_big',
      'demo_things_list',
    ]);
    const list = tools.find((tool) => tool.name === 'demo_things_list');
    expect(JSON.stringify(list?.inputSchema)).not.toContain('node2');
    expect((await call(client, 'demo_things_list', {})).isError).toBeFalsy();
    const refused = await call(client, 'demo_things_list', { account: 'node2' });
    expect(refused.isError).toBe(true);
    expect(JSON.stringify(refused)).toContain('unknown account');
    const before = sim.log.length;
    // Refused either way (an unknown tool, or a result saying it is not enabled), and nothing is sent.
    const deleted = await call(client, 'demo_things_delete', { id: 't1', account: 'node1' }).catch(
      (error: Error) =>
        ({ isError: true, content: [{ type: 'text', text: error.message }] }) as CallToolResult,
    );
    expect(deleted.isError).toBe(true);
    expect(sim.log.length).toBe(before);
  });

  it("a confirmation token is bound to the person: another admin cannot redeem someone else's", async () => {
    const alice = await connect(await issuer.token('alice', audience, 'x.admin'));
    const carol = await connect(await issuer.token('carol', audience, 'x.admin'));
    const args = { id: 't3', account: 'node1' };
    const first = (await call(alice, 'demo_things_delete', args)).structuredContent as Record<
      string,
      unknown
    >;
    const token = first.confirmation_token as string;
    const stolen = await call(carol, 'demo_things_delete', { ...args, confirmation_token: token });
    expect(stolen.isError).toBe(true);
    expect(JSON.stringify(stolen)).toContain('was issued for other arguments');
    const done = await call(alice, 'demo_things_delete', { ...args, confirmation_token: token });
    expect((done.structuredContent as Record<string, unknown>).result).toEqual({ deleted: 't3' });
  });
});

describe('audit trail', () => {
  it('a read, a refused call and a confirmed delete: one JSON line each, with the trace, and no secret', async () => {
    const bearer = await issuer.token('alice', audience, 'x.admin');
    const client = await connect(bearer, { traceparent: TRACEPARENT });
    const before = readFileSync(auditFile, 'utf8').split('\n').filter(Boolean).length;
    await call(client, 'demo_things_list', { account: 'node1' });
    await call(client, 'demo_things_delete', { id: 'not-an-id', account: 'node1' });
    const first = (await call(client, 'demo_things_delete', { id: 't2', account: 'node2' }))
      .structuredContent as Record<string, unknown>;
    const token = first.confirmation_token as string;
    await call(client, 'demo_things_delete', { id: 't2', account: 'node2', confirmation_token: token });

    const text = readFileSync(auditFile, 'utf8');
    const lines = text
      .split('\n')
      .filter(Boolean)
      .slice(before)
      .map((line) => JSON.parse(line));
    const common = { person: 'alice', client: 'alice', traceparent: TRACEPARENT };
    expect(lines.map(({ time, duration_ms, ...rest }) => rest)).toEqual([
      { ...common, tool: 'demo_things_list', account: 'node1', effect: 'read', arguments: {}, outcome: 'ok' },
      {
        ...common,
        tool: 'demo_things_delete',
        account: 'node1',
        effect: 'delete',
        arguments: null,
        outcome: 'input',
      },
      {
        ...common,
        tool: 'demo_things_delete',
        account: 'node2',
        effect: 'delete',
        arguments: { id: 't2' },
        outcome: 'confirmation_required',
      },
      {
        ...common,
        tool: 'demo_things_delete',
        account: 'node2',
        effect: 'delete',
        arguments: { id: 't2' },
        outcome: 'ok',
      },
    ]);
    for (const line of lines) {
      expect(Number.isNaN(Date.parse(line.time))).toBe(false);
      expect(typeof line.duration_ms).toBe('number');
    }
    for (const secret of [CANARY_KEY, bearer, bearer.split('.')[2] as string, token])
      expect(text).not.toContain(secret);
  });
});

describe('OAuth configuration', () => {
  it('refuses half or conflicting settings, naming the flags and the rule', () => {
    expect(() => parseOptions(['--oauth-issuer', 'https://auth.example.com'], {})).toThrow(
      /^--oauth-issuer needs --oauth-issuer and --oauth-audience together \(X_MCP_OAUTH_AUDIENCE is unset\)/,
    );
    expect(() =>
      parseOptions([], {
        X_MCP_OAUTH_ISSUER: 'https://auth.example.com',
        X_MCP_OAUTH_AUDIENCE: 'https://mcp.example.com/mcp',
        X_MCP_AUTH_TOKEN: 'a'.repeat(40),
      }),
    ).toThrow(/^X_MCP_AUTH_TOKEN and X_MCP_OAUTH_ISSUER are exclusive/);
    expect(() => parseOptions([], { X_MCP_OAUTH_ISSUER: 'http://auth.example.com' })).toThrow(
      /^X_MCP_OAUTH_ISSUER must be an https URL \(http only on a loopback address\)/,
    );
  });
});
