import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { createApp, createMcpServer, parseOptions, vendorModules } from '@x/mcp-server';
import { type SandboxEntry, type Simulator, sandboxSimulators } from '@x/testkit';
import fc from 'fast-check';

/**
 * Characters that break naive encoders: form and query delimiters, quotes, escapes, newlines, NUL, other
 * control characters, non-ASCII (BMP and astral) and a few look-alike entity and percent sequences.
 */
const NASTY = [
  '&',
  '#',
  '+',
  '=',
  '%',
  '%20',
  '%%',
  '?',
  '/',
  '\\',
  '"',
  "'",
  '`',
  '\n',
  '\r\n',
  '\t',
  '\u0000',
  '\u0001',
  '\u001f',
  '\u007f',
  '\u0085',
  '\u2028',
  '\u00a0',
  'é',
  'ß',
  '中文',
  'ё',
  '\u{1f600}',
  '\u{1d11e}',
  '\u{10ffff}',
  '&amp;',
  '&#38;',
  '&#x26;',
  '<b>',
  ']]>',
  '\\u0041',
  ' ',
  ';',
  ',',
  '|',
  '(',
  ')',
];

/**
 * Random text made of those characters and arbitrary Unicode code points (never lone surrogates, which no
 * UTF-8 wire can carry), between `minLength` and `maxLength` UTF-16 code units.
 */
export function nastyString(
  options: { minLength?: number; maxLength?: number; exclude?: RegExp } = {},
): fc.Arbitrary<string> {
  const { minLength = 1, maxLength = 40, exclude } = options;
  const piece = fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...NASTY) },
    { weight: 2, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 3 }) },
    { weight: 1, arbitrary: fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 4 }) },
  );
  return fc
    .array(piece, { minLength: 1, maxLength: 12 })
    .map((pieces) => {
      const text = pieces.join('');
      return exclude ? text.replace(exclude, '') : text;
    })
    .filter((text) => text.length >= minLength && text.length <= maxLength);
}

/**
 * Starts the MCP server in sandbox mode with every real vendor module, in-process behind the official SDK
 * client over an in-memory transport (as apps/mcp-server/test/support.ts does). The server starts its own
 * sandbox; the sandbox entries are wrapped for that one start so the test holds the simulators and can prove
 * from their logs that nothing reached them.
 */
export async function startSandboxServer(args: string[] = []) {
  const original = [...sandboxSimulators];
  const sims: Simulator<unknown>[] = [];
  const wrapped: SandboxEntry[] = original.map((entry) => ({
    ...entry,
    create: () => {
      const sim = entry.create();
      sims.push(sim);
      return sim;
    },
  }));
  sandboxSimulators.splice(0, sandboxSimulators.length, ...wrapped);
  let app: Awaited<ReturnType<typeof createApp>>;
  try {
    // Static unless asked otherwise (the last --tool-mode wins): these tests list every tool and call it.
    app = await createApp(parseOptions(['--sandbox', '--tool-mode', 'static', ...args], {}), {
      vendors: vendorModules,
      env: {},
    });
  } finally {
    sandboxSimulators.splice(0, sandboxSimulators.length, ...original);
  }
  const server = createMcpServer(app.registry);
  const client = new Client({ name: 'evidence-hostile', version: '0.0.0' });
  const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
  await Promise.all([server.connect(serverSide), client.connect(clientSide)]);
  return {
    app,
    client,
    sims,
    /** Every request any sandbox simulator received. */
    requests: () => sims.reduce((sum, sim) => sum + sim.log.length, 0),
    call: async (name: string, args?: unknown): Promise<CallToolResult> =>
      (await client.callTool({ name, arguments: args as Record<string, unknown> })) as CallToolResult,
    close: async () => {
      await client.close();
      await server.close();
      await app.close();
    },
  };
}

/** The text of a tool result's single text block. */
export function textOf(result: CallToolResult): string {
  const block = result.content[0];
  if (block?.type !== 'text') throw new Error(`expected a text block, got ${JSON.stringify(block)}`);
  return block.text;
}
