// The built bin over stdio driven by the v2 SDK's Client on 2026-07-28, beside stdio.test.ts, which drives it
// with the v1 Client on 2025-11-25: one bin serves both generations of clients, unchanged.
import { fileURLToPath } from 'node:url';
import { Client } from '@modelcontextprotocol/client';
import { StdioClientTransport } from '@modelcontextprotocol/client/stdio';
import { afterEach, describe, expect, it } from 'vitest';

const cli = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
const open: Client[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((client) => client.close()));
});

async function spawnModern(
  answer?: () => { action: 'accept' | 'decline'; content?: Record<string, boolean> },
) {
  const client = new Client(
    { name: 'stdio-v2-test', version: '0.0.0' },
    {
      versionNegotiation: { mode: { pin: '2026-07-28' } },
      ...(answer ? { capabilities: { elicitation: {} } } : {}),
    },
  );
  if (answer) client.setRequestHandler('elicitation/create', async () => answer());
  await client.connect(
    new StdioClientTransport({
      command: process.execPath,
      args: [cli, '--sandbox', '--tool-mode', 'static'],
      env: { PATH: process.env.PATH ?? '' },
      stderr: 'pipe',
    }),
  );
  open.push(client);
  return client;
}

describe('the built bin over stdio, 2026-07-28 (v2 Client)', () => {
  it('negotiates the current revision, lists every tool and calls one', async () => {
    const client = await spawnModern();
    expect(client.getProtocolEra()).toBe('modern');
    const { tools } = await client.listTools();
    expect(tools.length).toBeGreaterThan(200);
    const result = await client.callTool({ name: 'lunanode_vm_list', arguments: {} });
    expect(result.isError).toBeFalsy();
    expect(JSON.stringify(result.structuredContent)).toContain('"account":"sandbox"');
  });

  it('a destructive call is confirmed in band (input_required) and runs once accepted', async () => {
    let asked = 0;
    const client = await spawnModern(() => {
      asked++;
      return { action: 'accept', content: { confirm: true } };
    });
    const listed = await client.callTool({ name: 'tuxcare_els_key_list', arguments: { code: 'CELS' } });
    const key = (listed.structuredContent as { result: Array<{ key: string }> }).result[0]?.key;
    const removed = await client.callTool({ name: 'tuxcare_els_key_remove', arguments: { key } });
    expect(removed.isError, JSON.stringify(removed).slice(0, 300)).toBeFalsy();
    expect(asked).toBe(1);
    const after = await client.callTool({ name: 'tuxcare_els_key_list', arguments: { code: 'CELS' } });
    expect(JSON.stringify(after)).not.toContain(String(key));
  });
});
