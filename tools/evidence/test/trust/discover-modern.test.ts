import { afterEach, describe, expect, it } from 'vitest';
import { payloadOf, startTrustServer } from './support.js';

let server: Awaited<ReturnType<typeof startTrustServer>> | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('discover mode with a 2026-07-28 client (v2 SDK over Streamable HTTP, real simulators)', () => {
  it('execute_tool confirms through input_required exactly as the static tool does, and runs once', async () => {
    const asked: string[] = [];
    server = await startTrustServer({
      args: ['--tool-mode', 'discover'],
      carrier: {
        kind: 'modern',
        answer: async (message) => {
          asked.push(message);
          return { action: 'accept', content: { confirm: true } };
        },
      },
    });
    const listed = await server.modern?.listTools();
    expect(listed?.tools.map((tool) => tool.name)).toEqual([
      'search_tools',
      'describe_tools',
      'execute_tool',
    ]);
    const found = payloadOf(await server.call('search_tools', { query: 'cancel an ELS license key' }));
    expect((found.matches as { name: string }[])[0]?.name).toBe('tuxcare_els_key_remove');

    const [first, second] = server.sims.tuxcare.state.elsKeys.map((row) => String(row.key));
    if (!first || !second) throw new Error('the simulator has two ELS keys');
    // Direct (the static tool's path) and through execute_tool: same question shape, same result shape.
    const direct = await server.call('tuxcare_els_key_remove', { key: first });
    const discovered = await server.call('execute_tool', {
      name: 'tuxcare_els_key_remove',
      arguments: { key: second },
    });
    expect(asked).toHaveLength(2);
    expect(asked[1]).toBe(asked[0]?.split(first).join(second));
    expect(JSON.stringify(discovered)).toBe(JSON.stringify(direct).split(first).join(second));
    const left = server.sims.tuxcare.state.elsKeys.map((row) => row.key);
    expect(left).not.toContain(first);
    expect(left).not.toContain(second);
  });
});
