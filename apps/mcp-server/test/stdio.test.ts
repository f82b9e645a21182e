import { fileURLToPath } from 'node:url';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import type { CallToolResult, Tool } from '@modelcontextprotocol/sdk/types.js';
import { unusedPort } from '@x/testkit';
import { afterEach, describe, expect, it } from 'vitest';
import { TOOL_NAME_PATTERN } from '../src/tools.js';
import { vendorModules } from '../src/vendors.js';

const cli = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
const open: Client[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((client) => client.close()));
});

/** Spawns the built bin over stdio, capturing its stderr. */
async function spawn(args: string[], env: Record<string, string> = {}) {
  const stderr: string[] = [];
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: [cli, ...args],
    env: { PATH: process.env.PATH ?? '', ...env },
    stderr: 'pipe',
  });
  transport.stderr?.on('data', (chunk: Buffer) => stderr.push(chunk.toString('utf8')));
  const client = new Client({ name: 'stdio-test', version: '0.0.0' });
  await client.connect(transport);
  open.push(client);
  return { client, stderr };
}

/** A read tool that needs no arguments, per vendor: something every vendor can answer in the sandbox. */
function firstArgumentFreeRead(tools: Tool[], vendor: string): Tool | undefined {
  return tools.find(
    (tool) =>
      tool.name.startsWith(`${vendor}_`) &&
      tool.annotations?.readOnlyHint === true &&
      (tool.inputSchema.required ?? []).length === 0,
  );
}

describe('the built bin over stdio', () => {
  it('--sandbox exposes every catalog endpoint of every vendor with valid names and full annotations', async () => {
    const { client, stderr } = await spawn(['--sandbox', '--tool-mode', 'static']);
    expect(client.getServerVersion()?.name).toContain('sandbox');
    expect(client.getInstructions()).toContain('SANDBOX');
    const { tools } = await client.listTools();
    const expected = vendorModules.reduce((sum, vendor) => sum + countEndpoints(vendor.catalog), 0);
    expect(tools.length).toBe(expected);
    for (const tool of tools) {
      expect(tool.name).toMatch(TOOL_NAME_PATTERN);
      expect(tool.annotations).toMatchObject({
        readOnlyHint: expect.any(Boolean),
        destructiveHint: expect.any(Boolean),
        idempotentHint: expect.any(Boolean),
        openWorldHint: true,
      });
      expect(tool.title).toEqual(expect.any(String));
    }
    for (const vendor of vendorModules) {
      const tool = firstArgumentFreeRead(tools, vendor.id);
      expect(tool, `${vendor.id} has an argument-free read tool`).toBeDefined();
      const result = (await client.callTool({ name: tool?.name ?? '', arguments: {} })) as CallToolResult;
      expect(result.isError, `${tool?.name}: ${JSON.stringify(result.content)}`).toBeFalsy();
      expect(result.structuredContent).toMatchObject({ sandbox: true, account: 'sandbox' });
    }
    expect(stderr.join('')).toMatch(/SANDBOX: live vendors/);
  });

  it('--read-only over stdio lists read tools only', async () => {
    const { client } = await spawn(['--sandbox', '--read-only', '--tool-mode', 'static']);
    const { tools } = await client.listTools();
    expect(tools.every((tool) => tool.annotations?.readOnlyHint === true)).toBe(true);
  });

  it('a vendor without credentials is not exposed, and startup says so on stderr', async () => {
    const { client, stderr } = await spawn([]);
    expect((await client.listTools()).tools).toEqual([]);
    const log = stderr.join('');
    for (const vendor of vendorModules) expect(log).toContain(`${vendor.id}: not configured`);
  });

  it('prints help and the tool list without starting a server', async () => {
    const { execFileSync } = await import('node:child_process');
    expect(execFileSync(process.execPath, [cli, '--help'], { encoding: 'utf8' })).toContain('--read-only');
    const list = execFileSync(process.execPath, [cli, '--list-tools'], { encoding: 'utf8' });
    expect(list).toMatch(/tools, \d+ tokens \(o200k\)/);
  });

  it('a bad flag exits with a usage error', async () => {
    const { spawnSync } = await import('node:child_process');
    const run = spawnSync(process.execPath, [cli, '--transport', 'smoke'], { encoding: 'utf8' });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('--transport must be stdio or http');
  });

  it('the canary secrets of unreachable accounts never appear in results or on stderr', async () => {
    const port = await unusedPort();
    const canary = 'CANARY9f8e7d6c5b4a';
    const env: Record<string, string> = {};
    for (const vendor of vendorModules) {
      for (const name of vendor.settings.required) env[name] = canaryValue(name, canary, port);
    }
    const { client, stderr } = await spawn(['--tool-mode', 'static'], env);
    const { tools } = await client.listTools();
    const texts: string[] = [];
    for (const vendor of vendorModules) {
      const tool = firstArgumentFreeRead(tools, vendor.id);
      if (!tool) continue;
      const result = (await client.callTool({ name: tool.name, arguments: {} })) as CallToolResult;
      expect(result.isError).toBe(true);
      texts.push(JSON.stringify(result));
    }
    const everything = texts.join('\n') + stderr.join('');
    expect(everything).not.toContain(canary);
    expect(everything).not.toContain(encodeURIComponent(canary));
    expect(everything).not.toContain(Buffer.from(canary).toString('base64'));
  });
});

function countEndpoints(catalog: object): number {
  let count = 0;
  for (const value of Object.values(catalog)) {
    count += value && typeof value === 'object' && 'effect' in value ? 1 : countEndpoints(value as object);
  }
  return count;
}

/** Plausible values for each kind of setting, carrying the canary where a secret goes. */
function canaryValue(name: string, canary: string, port: number): string {
  if (name.endsWith('URL'))
    return `http://127.0.0.1:${port}${name.startsWith('ISPMANAGER') ? '/ispmgr' : '/api'}`;
  if (name === 'LUNANODE_API_ID') return 'CANARYid12345678'.slice(0, 16);
  if (name === 'LUNANODE_API_KEY') return `${canary}${'k'.repeat(128)}`.slice(0, 128);
  if (name.endsWith('EMAIL')) return 'canary@example.invalid';
  return `${canary}-${name.toLowerCase()}`;
}
