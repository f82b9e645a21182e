import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type App, createApp } from '../src/app.js';
import { parseOptions } from '../src/options.js';
import { createMcpServer } from '../src/server.js';
import { vendorModules } from '../src/vendors.js';

/** The sandbox (every vendor's simulator), static mode, one in-process SDK client (the token carrier). */
let app: App;
let client: Client;
beforeAll(async () => {
  app = await createApp(parseOptions(['--sandbox', '--tool-mode', 'static'], {}), { vendors: vendorModules });
  const server = createMcpServer(app.registry);
  client = new Client({ name: 'agent-errors', version: '0.0.0' });
  const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
  await Promise.all([server.connect(serverSide), client.connect(clientSide)]);
});
afterAll(async () => {
  await client.close();
  await app.close();
});

async function call(name: string, args: Record<string, unknown>) {
  const result = (await client.callTool({ name, arguments: args })) as CallToolResult;
  return result as CallToolResult & {
    structuredContent: {
      error?: { message: string; hint?: string; issues?: { path: string; message: string }[] };
    };
  };
}

describe('errors an agent can act on', () => {
  it('a missing required field says "required", names it, and the hint names the list tool that gives it', async () => {
    const result = await call('tuxcare_els_key_update', { note: 'x' });
    expect(result.isError).toBe(true);
    const error = result.structuredContent.error;
    expect(error?.issues).toContainEqual({ path: 'key', message: 'required (string)' });
    expect(error?.message).not.toContain('Invalid input:');
    // The hint comes from the field's cross-reference (catalog data), not from the tool's name.
    expect(error?.hint).toBe('Add key (from tuxcare_els_key_list), then call tuxcare_els_key_update again.');
  });

  it('an unknown field gets a hint to remove it', async () => {
    const result = await call('tuxcare_els_key_list', { colour: 'red' });
    expect(result.structuredContent.error?.hint).toContain('remove colour');
  });

  it('a vendor refusal of an id points at the list tool for that field', async () => {
    const result = await call('vmmanager_host_get', { host_id: 999_999 });
    expect(result.isError).toBe(true);
    expect(result.structuredContent.error?.hint).toBe('Check host_id with vmmanager_host_list.');
  });

  it('a bad confirmation token says to call again without it', async () => {
    const result = await call('tuxcare_els_key_remove', {
      key: 'NO-SUCH-KEY-000',
      confirmation_token: 'nope',
    });
    expect(result.isError).toBe(true);
    expect(result.structuredContent.error?.hint).toContain('without confirmation_token');
  });

  it('a read tool given dry_run is told to drop it', async () => {
    const result = await call('tuxcare_els_key_list', { dry_run: true });
    expect(result.structuredContent.error?.hint).toBe('Call again without dry_run.');
  });

  it('every vendor tool called with no arguments either works or names a next step', async () => {
    const { tools } = await client.listTools();
    const missing: string[] = [];
    for (const tool of tools) {
      if (!tool.inputSchema.required?.length) continue;
      const result = await call(tool.name, {});
      if (!result.isError) continue;
      if (!result.structuredContent.error?.hint) missing.push(tool.name);
      expect(JSON.stringify(result.structuredContent.error), tool.name).not.toContain('"Invalid input"');
    }
    expect(missing).toEqual([]);
  });
});

describe('control fields never shadow vendor fields', () => {
  it("VMmanager's own `account` (the owner) is listed as vendor_account and reaches the vendor as account", async () => {
    const { tools } = await client.listTools();
    const give = tools.find((tool) => tool.name === 'vmmanager_host_account');
    expect(Object.keys(give?.inputSchema.properties ?? {}).slice(0, 3)).toEqual([
      'host_id',
      'vendor_account',
      'dry_run',
    ]);
    expect(give?.inputSchema.required).toEqual(['host_id', 'vendor_account']);
    const preview = await call('vmmanager_host_account', { host_id: 1, vendor_account: 3, dry_run: true });
    expect(preview.isError).toBeFalsy();
    // The wire request carries VMmanager's name; the result names the configured account separately.
    expect(JSON.stringify(preview.structuredContent)).toMatch(/\\"account\\":3|"account":3/);
    const missing = await call('vmmanager_host_account', { host_id: 1 });
    const error = missing.structuredContent.error;
    expect(error?.issues).toContainEqual({ path: 'vendor_account', message: 'required (number)' });
    expect(error?.message).toContain('vendor_account: required');
    expect(error?.hint).toBe(
      'Add vendor_account (from vmmanager_account_list), then call vmmanager_host_account again.',
    );
  });
});

describe('lists the vendor does not page are paged by the server', () => {
  /** A sandbox with a small result cap and a zone of 120 records (the vendor has no paging for them). */
  let paged: { app: App; client: Client; zone: number };
  beforeAll(async () => {
    const app = await createApp(
      parseOptions(['--sandbox', '--tool-mode', 'static', '--max-result-chars', '4000'], {}),
      { vendors: vendorModules },
    );
    const server = createMcpServer(app.registry);
    const own = new Client({ name: 'agent-paging', version: '0.0.0' });
    const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
    await Promise.all([server.connect(serverSide), own.connect(clientSide)]);
    const zones = (await own.callTool({ name: 'lunanode_dns_zone_list', arguments: {} })) as CallToolResult;
    const zone = Number(
      (zones.structuredContent as { result: { zones: { zone_id: string }[] } }).result.zones[0]?.zone_id,
    );
    for (let i = 0; i < 120; i++) {
      const added = (await own.callTool({
        name: 'lunanode_dns_record_add',
        arguments: { zone_id: zone, name: `host${i}`, data: `10.0.0.${i}`, ttl: 3600, type: 'A' },
      })) as CallToolResult;
      expect(added.isError, JSON.stringify(added)).toBeFalsy();
    }
    paged = { app, client: own, zone };
  });
  afterAll(async () => {
    await paged.client.close();
    await paged.app.close();
  });
  const list = async (args: Record<string, unknown>) =>
    (await paged.client.callTool({
      name: 'lunanode_dns_record_list',
      arguments: { zone_id: paged.zone, ...args },
    })) as CallToolResult & { structuredContent: Record<string, unknown> };
  const items = (content: Record<string, unknown>) =>
    Object.values(content.result as object).find(Array.isArray) as unknown[];

  it('offset and limit page the decoded list, with the total; the listing says so', async () => {
    const { tools } = await paged.client.listTools();
    const listed = tools.find((tool) => tool.name === 'lunanode_dns_record_list');
    expect(Object.keys(listed?.inputSchema.properties ?? {})).toEqual(['zone_id', 'offset', 'limit']);
    const page = await list({ offset: 10, limit: 25 });
    expect(page.structuredContent.page).toEqual({ offset: 10, count: 25, total: 122, next_offset: 35 });
    expect(page.structuredContent._truncated).toBeUndefined();
    // The same items as a page from 0 that covers them.
    const first = await list({ offset: 0, limit: 35 });
    expect(items(page.structuredContent)).toEqual(items(first.structuredContent).slice(10));
    const last = await list({ offset: 120, limit: 25 });
    expect(last.structuredContent.page).toEqual({ offset: 120, count: 2, total: 122 });
  });

  it('an answer over the cap without paging says to page, naming offset and limit', async () => {
    const whole = await list({});
    const cut = whole.structuredContent._truncated as { hint: string };
    expect(cut.hint).toContain('offset and limit');
  });

  it('null for offset and limit is the same as leaving them out', async () => {
    expect(JSON.stringify(await list({ offset: null, limit: null }))).toBe(JSON.stringify(await list({})));
  });

  it('a bad limit is refused by name before anything is sent', async () => {
    const result = await list({ limit: 0 });
    expect(result.isError).toBe(true);
    expect((result.structuredContent.error as { issues: unknown }).issues).toEqual([
      { path: 'limit', message: 'must be an integer from 1 to 1000' },
    ]);
  });

  it('which tools are paged is read from the output schemas: lists, never changes, never vendor-paged ones', async () => {
    const { tools } = await paged.client.listTools();
    const pagedTools = tools.filter((tool) => tool.inputSchema.properties?.offset !== undefined);
    expect(pagedTools.length).toBeGreaterThan(30);
    for (const tool of pagedTools) expect(tool.annotations?.readOnlyHint, tool.name).toBe(true);
    // ISPmanager (p_num, p_cnt) and VMmanager filtered lists (limit) declare their own paging.
    expect(pagedTools.map((tool) => tool.name)).not.toContain('ispmanager_user_list');
    expect(pagedTools.map((tool) => tool.name)).not.toContain('vmmanager_host_list');
  });
});

describe('null in an optional field is the same as leaving it out', () => {
  it('every read with no required field answers the same with every optional field null', async () => {
    const { tools } = await client.listTools();
    let checked = 0;
    for (const tool of tools) {
      if (!tool.annotations?.readOnlyHint || (tool.inputSchema.required?.length ?? 0) > 0) continue;
      const optional = Object.keys(tool.inputSchema.properties ?? {});
      if (optional.length === 0) continue;
      const nulls = Object.fromEntries(optional.map((name) => [name, null]));
      const omitted = JSON.stringify(await call(tool.name, {}));
      expect(JSON.stringify(await call(tool.name, nulls)), tool.name).toBe(omitted);
      checked++;
    }
    expect(checked).toBeGreaterThan(20);
  });

  it('a change previewed with null in every optional field previews the same request', async () => {
    const args = { zone_id: 300, name: 'www', data: '1.2.3.4', ttl: 3600, type: 'A', dry_run: true };
    const withNulls = { ...args, account: null, confirmation_token: null };
    expect(JSON.stringify(await call('lunanode_dns_record_add', withNulls))).toBe(
      JSON.stringify(await call('lunanode_dns_record_add', args)),
    );
  });
});

describe('a vendor error that names its remedy as data', () => {
  it('ISPmanager "missed": the hint names the list tool beside the call (from the error, not guessed)', async () => {
    const preview = await call('ispmanager_user_delete', { elid: 'nobody-here' });
    const token = (preview.structuredContent as { confirmation_token?: string }).confirmation_token;
    expect(token).toBeTypeOf('string');
    const result = await call('ispmanager_user_delete', { elid: 'nobody-here', confirmation_token: token });
    expect(result.isError).toBe(true);
    expect(result.structuredContent.error?.hint).toBe(
      'Take the id from ispmanager_user_list, then call ispmanager_user_delete again.',
    );
  });
});
