import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { countTokens } from 'gpt-tokenizer/encoding/o200k_base';
import { afterEach, describe, expect, it } from 'vitest';

const cli = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
const open: Client[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((client) => client.close()));
});

/** Spawns the built bin over stdio (SDK v1 client, no elicitation: the token carrier), capturing stderr. */
async function spawn(args: string[]) {
  const stderr: string[] = [];
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: [cli, ...args],
    env: { PATH: process.env.PATH ?? '' },
    stderr: 'pipe',
  });
  transport.stderr?.on('data', (chunk: Buffer) => stderr.push(chunk.toString('utf8')));
  const client = new Client({ name: 'discover-stdio', version: '0.0.0' });
  await client.connect(transport);
  open.push(client);
  const call = async (name: string, args: Record<string, unknown>) =>
    JSON.stringify(await client.callTool({ name, arguments: args }));
  const execute = (name: string, args: Record<string, unknown>) =>
    call('execute_tool', { name, arguments: args });
  return { client, stderr, call, execute };
}

describe('tool modes over stdio (the built bin)', () => {
  it('auto: the 250-tool sandbox serves the three discovery tools, and says why', async () => {
    const { client, stderr } = await spawn(['--sandbox']);
    const { tools } = await client.listTools();
    expect(tools.map((tool) => tool.name)).toEqual(['search_tools', 'describe_tools', 'execute_tool']);
    const instructions = client.getInstructions() ?? '';
    expect(instructions).toContain('Tool mode: discover (auto: 250 enabled tools > --max-static-tools 40)');
    expect(stderr.join('')).toContain(
      'tool mode: discover (auto: 250 enabled tools > --max-static-tools 40)',
    );
    // The listing's token budget, measured here too: it is what every conversation pays before the first call.
    const tokens = tools.reduce(
      (sum, tool) => sum + countTokens(JSON.stringify(tool)),
      countTokens(instructions),
    );
    expect(tokens).toBeLessThanOrEqual(1500);
  });

  it('auto: a selection of at most 40 tools is listed as it is', async () => {
    const { client, stderr } = await spawn(['--sandbox', '--toolsets', 'tuxcare.els']);
    expect((await client.listTools()).tools).toHaveLength(6);
    expect(stderr.join('')).toContain('tool mode: static (auto: 6 enabled tools ≤ --max-static-tools 40)');
    const listed = execFileSync(process.execPath, [cli, '--sandbox', '--list-tools'], { encoding: 'utf8' });
    expect(listed).toMatch(
      /tool mode: discover \(auto: 250 enabled tools > --max-static-tools 40\).* \d+ tokens/,
    );
  });

  it('execute_tool answers byte for byte what the tool answers when called by name', async () => {
    const { call, execute, client } = await spawn(['--sandbox']);
    const found = (await client.callTool({
      name: 'search_tools',
      arguments: { query: 'list my LunaNode virtual machines', limit: 3 },
    })) as CallToolResult;
    const matches = (found.structuredContent as { matches: { name: string }[] }).matches;
    expect(matches[0]?.name).toBe('lunanode_vm_list');

    // A read.
    expect(await execute('lunanode_vm_list', {})).toBe(await call('lunanode_vm_list', {}));
    const listed = JSON.parse(await call('lunanode_vm_list', {}));
    const vms = listed.structuredContent.result.vms as { vm_id: string }[];
    const vm = vms[0]?.vm_id;
    expect(vm).toBeDefined();
    // A dry run. LunaNode's signed body carries a nonce from the clock (seconds), which differs between two
    // calls that straddle a second; everything else is compared byte for byte.
    const unclocked = (text: string) => text.replace(/nonce=\d+/g, 'nonce=<clock>');
    const dry = { vm_id: vm, dry_run: true };
    expect(unclocked(await execute('lunanode_vm_delete', dry))).toBe(
      unclocked(await call('lunanode_vm_delete', dry)),
    );
    // A confirmed delete: the preview (token aside) is the same, and the token execute_tool hands out is bound
    // to the inner tool: redeemed through execute_tool it runs the delete.
    const strip = (text: string) => {
      const {
        confirmation_token: _t,
        expires_at: _e,
        ...rest
      } = JSON.parse(unclocked(text)).structuredContent;
      return rest;
    };
    const preview = await execute('lunanode_vm_delete', { vm_id: vm });
    expect(strip(preview)).toEqual(strip(await call('lunanode_vm_delete', { vm_id: vm })));
    const token = JSON.parse(preview).structuredContent.confirmation_token as string;
    const deleted = JSON.parse(await execute('lunanode_vm_delete', { vm_id: vm, confirmation_token: token }));
    expect(deleted.isError).toBeFalsy();
    expect(deleted.structuredContent.tool).toBe('lunanode_vm_delete');
  });

  it('under --read-only, execute_tool refuses a write exactly as the direct call does', async () => {
    const { call, execute } = await spawn(['--sandbox', '--read-only']);
    const refused = await execute('lunanode_vm_delete', { vm_id: 'x' });
    expect(refused).toContain('--read-only');
    expect(refused).toBe(await call('lunanode_vm_delete', { vm_id: 'x' }));
    const notEnabled = await execute('lunanode_vm_list', {});
    expect(JSON.parse(notEnabled).isError).toBeFalsy();
  });
});
