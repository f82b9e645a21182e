import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import { type CallToolResult, ElicitRequestSchema } from '@modelcontextprotocol/sdk/types.js';
import { afterEach, describe, expect, it } from 'vitest';
import { type App, createApp } from '../src/app.js';
import { startHttp } from '../src/http.js';
import { parseOptions } from '../src/options.js';
import { createMcpServer, ToolRegistry } from '../src/server.js';
import { CANARY_KEY, createDemoSimulator, demoModule } from './support.js';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

type Sim = ReturnType<typeof createDemoSimulator>;

/**
 * One app in discover mode, and a static registry over the very same context (accounts, confirmations,
 * simulator): the same call through either must give the same bytes.
 */
async function start(args: string[], options: { elicit?: boolean } = {}) {
  const sim: Sim = createDemoSimulator();
  await sim.start();
  const app: App = await createApp(parseOptions(args, {}), {
    vendors: [demoModule],
    env: { DEMO_URL: sim.url, DEMO_KEY: CANARY_KEY },
    elicitation: options.elicit === true,
  });
  cleanups.push(async () => {
    await app.close();
    await sim.stop();
  });
  const staticRegistry = new ToolRegistry({
    ...app.context,
    toolMode: { mode: 'static', reason: '--tool-mode static' },
  });
  return { sim, app, discover: app.registry, static: staticRegistry };
}

/** An SDK v1 client of a registry over Streamable HTTP (the token carrier: no elicitation over stateless HTTP). */
async function overHttp(registry: ToolRegistry): Promise<Client> {
  const http = await startHttp({ host: '127.0.0.1', port: 0, createServer: () => createMcpServer(registry) });
  const client = new Client({ name: 'discover-http', version: '0.0.0' });
  await client.connect(new StreamableHTTPClientTransport(new URL(http.url)));
  cleanups.push(async () => {
    await client.close();
    await http.close();
  });
  return client;
}

/** An SDK v1 client in process that declares elicitation and answers every question with `accept`. */
async function eliciting(registry: ToolRegistry, asked: string[]): Promise<Client> {
  const server = createMcpServer(registry);
  const client = new Client(
    { name: 'discover-elicit', version: '0.0.0' },
    { capabilities: { elicitation: {} } },
  );
  client.setRequestHandler(ElicitRequestSchema, async (request) => {
    asked.push((request.params as { message: string }).message);
    return { action: 'accept', content: { confirm: true } };
  });
  const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
  await Promise.all([server.connect(serverSide), client.connect(clientSide)]);
  cleanups.push(async () => {
    await client.close();
    await server.close();
  });
  return client;
}

const call = async (client: Client, name: string, args: Record<string, unknown>) =>
  (await client.callTool({ name, arguments: args })) as CallToolResult;
const execute = (client: Client, name: string, args: Record<string, unknown>) =>
  call(client, 'execute_tool', { name, arguments: args });
const bytes = (result: CallToolResult) => JSON.stringify(result);
const payload = (result: CallToolResult) => result.structuredContent as Record<string, unknown>;
/** A token preview without what differs between any two previews (the token and its expiry). */
const withoutToken = (result: CallToolResult) => {
  const { confirmation_token: _t, expires_at: _e, ...rest } = payload(result);
  return rest;
};

describe('--tool-mode auto picks the mode from the enabled selection', () => {
  it('static up to --max-static-tools, discover above; tools/list and the instructions agree', async () => {
    const small = await start([]);
    expect(small.app.context.toolMode).toEqual({
      mode: 'static',
      reason: 'auto: 5 enabled tools ≤ --max-static-tools 40',
    });
    const staticClient = await overHttp(small.discover);
    expect((await staticClient.listTools()).tools).toHaveLength(5);
    expect(staticClient.getInstructions()).toContain('Tool mode: static (auto: 5 enabled tools');

    const large = await start(['--max-static-tools', '4']);
    const client = await overHttp(large.discover);
    const { tools } = await client.listTools();
    expect(tools.map((tool) => tool.name)).toEqual(['search_tools', 'describe_tools', 'execute_tool']);
    expect(client.getInstructions()).toContain(
      'Tool mode: discover (auto: 5 enabled tools > --max-static-tools 4)',
    );
    // The vendor enum is the enabled vendors.
    expect(tools[0]?.inputSchema.properties?.vendor).toEqual({ type: 'string', enum: ['demo'] });
  });

  it('--tool-mode and X_MCP_TOOL_MODE force a mode; a bad value stops startup', () => {
    expect(parseOptions(['--tool-mode', 'discover'], {}).toolMode).toBe('discover');
    expect(parseOptions([], { X_MCP_TOOL_MODE: 'static' }).toolMode).toBe('static');
    expect(parseOptions([], { X_MCP_MAX_STATIC_TOOLS: '80' }).maxStaticTools).toBe(80);
    expect(() => parseOptions(['--tool-mode', 'dynamic'], {})).toThrow(
      '--tool-mode must be static, discover or auto, not "dynamic"',
    );
  });
});

describe('the discovery tools', () => {
  it('search_tools ranks by what a task says, filters by vendor and effect, and validates its input', async () => {
    const { discover } = await start(['--tool-mode', 'discover']);
    const client = await overHttp(discover);
    const found = payload(await call(client, 'search_tools', { query: 'get rid of a thing' }));
    const matches = found.matches as { name: string; effect: string; required: string[]; summary: string }[];
    expect(matches[0]).toEqual({
      name: 'demo_things_delete',
      title: 'Demo: things delete',
      effect: 'delete',
      summary: 'Delete a thing.',
      required: ['id'],
    });
    const reads = payload(await call(client, 'search_tools', { query: 'thing', effect: 'read', limit: 2 }));
    expect((reads.matches as { effect: string }[]).map((match) => match.effect)).toEqual(['read', 'read']);

    const bad = await call(client, 'search_tools', { query: '', vendor: 'nope', limit: 50 });
    expect(bad.isError).toBe(true);
    const message = (payload(bad).error as { message: string }).message;
    expect(message).toContain('Invalid input for search_tools');
    for (const field of ['query', 'vendor', 'limit']) expect(message).toContain(`${field}:`);
  });

  it('describe_tools gives each definition exactly as static mode lists it', async () => {
    const setup = await start(['--tool-mode', 'discover']);
    const client = await overHttp(setup.discover);
    const listed = (await (await overHttp(setup.static)).listTools()).tools;
    const described = payload(
      await call(client, 'describe_tools', {
        names: ['demo_things_delete', 'demo_things_list', 'demo_nope'],
      }),
    );
    expect(described.tools).toEqual([
      listed.find((tool) => tool.name === 'demo_things_delete'),
      listed.find((tool) => tool.name === 'demo_things_list'),
    ]);
    expect(JSON.stringify(described.unknown)).toContain('search_tools');
    const tooMany = await call(client, 'describe_tools', { names: Array.from({ length: 11 }, () => 'x') });
    expect(tooMany.isError).toBe(true);
  });
});

describe('execute_tool answers exactly what the static tool answers (Streamable HTTP, token carrier)', () => {
  it('a read, a dry run, and a confirmed delete through a token bound to the inner tool', async () => {
    const setup = await start(['--tool-mode', 'discover']);
    const direct = await overHttp(setup.static);
    const discovered = await overHttp(setup.discover);

    expect(bytes(await execute(discovered, 'demo_things_list', {}))).toBe(
      bytes(await call(direct, 'demo_things_list', {})),
    );
    const dry = { id: 't1', dry_run: true };
    expect(bytes(await execute(discovered, 'demo_things_delete', dry))).toBe(
      bytes(await call(direct, 'demo_things_delete', dry)),
    );

    const preview = await call(direct, 'demo_things_delete', { id: 't1' });
    const executed = await call(direct, 'demo_things_delete', {
      id: 't1',
      confirmation_token: payload(preview).confirmation_token,
    });
    expect(payload(executed).result).toEqual({ deleted: 't1' });
    setup.sim.reset();
    const viaPreview = await execute(discovered, 'demo_things_delete', { id: 't1' });
    expect(withoutToken(viaPreview)).toEqual(withoutToken(preview));
    const token = payload(viaPreview).confirmation_token;
    // Bound to the inner tool: not redeemable for another tool or other arguments.
    const other = await execute(discovered, 'demo_things_delete', { id: 't2', confirmation_token: token });
    expect(JSON.stringify(other)).toContain('was issued for other arguments');
    setup.sim.reset();
    const viaExecuted = await execute(discovered, 'demo_things_delete', {
      id: 't1',
      confirmation_token: token,
    });
    expect(bytes(viaExecuted)).toBe(bytes(executed));
  });

  it('a tool outside the selection, and a write under --read-only: the same refusal as calling it directly', async () => {
    const selected = await start(['--tool-mode', 'discover', '--tools', 'demo_things_list']);
    const refusal = await execute(await overHttp(selected.discover), 'demo_things_delete', { id: 't1' });
    expect(refusal.isError).toBe(true);
    expect(JSON.stringify(refusal)).toContain('--tools demo_things_delete or --toolsets demo.things');
    expect(bytes(refusal)).toBe(
      bytes(await call(await overHttp(selected.static), 'demo_things_delete', { id: 't1' })),
    );

    const readOnly = await start(['--tool-mode', 'discover', '--read-only']);
    const discovered = await overHttp(readOnly.discover);
    const refused = await execute(discovered, 'demo_things_delete', { id: 't1' });
    expect(refused.isError).toBe(true);
    expect(JSON.stringify(refused)).toContain('--read-only');
    expect(bytes(refused)).toBe(
      bytes(await call(await overHttp(readOnly.static), 'demo_things_delete', { id: 't1' })),
    );
    expect(readOnly.sim.log.length).toBe(0);
    // Reads still run, and an unknown name points at search_tools.
    expect((await execute(discovered, 'demo_things_list', {})).isError).toBeFalsy();
    const unknown = await execute(discovered, 'demo_nope', {});
    expect(unknown.isError).toBe(true);
    expect(JSON.stringify(unknown)).toContain('search_tools');
  });

  it('a catalog tool called by its own name still runs in discover mode (clients that cached a name)', async () => {
    const setup = await start(['--tool-mode', 'discover']);
    const client = await overHttp(setup.discover);
    expect(bytes(await call(client, 'demo_things_list', {}))).toBe(
      bytes(await execute(client, 'demo_things_list', {})),
    );
  });
});

describe('execute_tool with elicitation (the stdio carrier)', () => {
  it('asks the same question and returns the same result as the static tool', async () => {
    const setup = await start(['--tool-mode', 'discover'], { elicit: true });
    const askedDirect: string[] = [];
    const askedDiscover: string[] = [];
    const direct = await eliciting(setup.static, askedDirect);
    const discovered = await eliciting(setup.discover, askedDiscover);
    const executed = await call(direct, 'demo_things_delete', { id: 't2' });
    expect(payload(executed).result).toEqual({ deleted: 't2' });
    setup.sim.reset();
    expect(bytes(await execute(discovered, 'demo_things_delete', { id: 't2' }))).toBe(bytes(executed));
    expect(askedDiscover).toEqual(askedDirect);
    expect(askedDirect).toHaveLength(1);
  });
});
