import {
  Client as ModernClient,
  StreamableHTTPClientTransport as ModernHttpTransport,
} from '@modelcontextprotocol/client';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import {
  type CallToolResult,
  ElicitRequestSchema,
  type ElicitResult,
} from '@modelcontextprotocol/sdk/types.js';
import {
  type AccountsConfig,
  createApp,
  createMcpServer,
  parseOptions,
  startHttp,
  vendorModules,
} from '@x/mcp-server';
import {
  createIspManagerSimulator,
  createLunaNodeSimulator,
  createTuxCareSimulator,
  createVmManagerSimulator,
  type IspManagerState,
  type LunaNodeState,
  type Simulator,
  sandboxSimulators,
  type TuxCareSimState,
  type VmManagerState,
} from '@x/testkit';

/** The four vendor simulators one test server talks to, with their state for the assertions. */
export interface TrustSims {
  tuxcare: Simulator<TuxCareSimState>;
  lunanode: Simulator<LunaNodeState>;
  ispmanager: Simulator<IspManagerState>;
  vmmanager: Simulator<VmManagerState>;
}

/** The demo settings of a vendor's simulator at `url`, as the sandbox makes them. */
function demoSettings(vendor: keyof TrustSims, url: string): Record<string, string> {
  const entry = sandboxSimulators.find((candidate) => candidate.name === vendor);
  if (!entry?.settings) throw new Error(`the sandbox has no settings for ${vendor}`);
  return { ...entry.settings(url) };
}

/** How the test client reaches the server. */
export type Carrier =
  /** Streamable HTTP on loopback: the token two-step, never elicitation. */
  | { kind: 'http' }
  /** The SDK's linked in-memory pair with an elicitation handler (stdio's capabilities, in-process). */
  | { kind: 'elicit'; answer: (message: string) => Promise<ElicitResult> }
  /**
   * The v2 SDK's Client over Streamable HTTP, pinned to 2026-07-28; with `answer`, it declares elicitation
   * and answers the server's input_required rounds with it.
   */
  | { kind: 'modern'; answer?: (message: string) => Promise<ElicitResult> };

/**
 * Starts four simulators, an MCP server configured with one account per vendor (ISPmanager with session
 * auth, VMmanager with password login, so both hold session credentials), and an official SDK client.
 * stderr is captured while the server runs: log lines are a surface too.
 */
export async function startTrustServer(
  options: {
    args?: string[];
    carrier?: Carrier;
    env?: NodeJS.ProcessEnv;
    /** Changes the simulators before the server starts (new credentials in their state, say). */
    prepare?: (sims: TrustSims) => void;
    /** Settings merged over each account's demo settings. */
    settings?: Partial<Record<keyof TrustSims, Record<string, string>>>;
  } = {},
) {
  const sims: TrustSims = {
    tuxcare: await createTuxCareSimulator().start(),
    lunanode: await createLunaNodeSimulator().start(),
    ispmanager: await createIspManagerSimulator().start(),
    vmmanager: await createVmManagerSimulator().start(),
  };
  options.prepare?.(sims);
  const account = (vendor: keyof TrustSims, extra: Record<string, string> = {}) => ({
    default: { ...demoSettings(vendor, sims[vendor].url), ...extra, ...options.settings?.[vendor] },
  });
  const accounts: AccountsConfig = {
    tuxcare: account('tuxcare'),
    lunanode: account('lunanode'),
    ispmanager: account('ispmanager', { ISPMANAGER_AUTH: 'session' }),
    vmmanager: account('vmmanager'),
  };
  const stderr: string[] = [];
  const write = process.stderr.write.bind(process.stderr);
  process.stderr.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
    stderr.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
    return (write as (...args: unknown[]) => boolean)(chunk, ...rest);
  }) as typeof process.stderr.write;

  const carrier = options.carrier ?? { kind: 'http' };
  // Static unless a test asks otherwise (the last --tool-mode wins): these tests list and call the tools.
  const app = await createApp(parseOptions(['--tool-mode', 'static', ...(options.args ?? [])], {}), {
    vendors: vendorModules,
    env: options.env ?? {},
    config: { accounts },
    elicitation: carrier.kind === 'elicit',
  });
  const client = new Client(
    { name: 'evidence-trust', version: '0.0.0' },
    carrier.kind === 'elicit' ? { capabilities: { elicitation: {} } } : {},
  );
  let modern: ModernClient | undefined;
  let closeTransport: () => Promise<void>;
  if (carrier.kind === 'modern') {
    const http = await startHttp({
      host: '127.0.0.1',
      port: 0,
      createServer: () => createMcpServer(app.registry),
    });
    const answer = carrier.answer;
    modern = new ModernClient(
      { name: 'evidence-trust-v2', version: '0.0.0' },
      {
        versionNegotiation: { mode: { pin: '2026-07-28' } },
        ...(answer ? { capabilities: { elicitation: {} } } : {}),
      },
    );
    if (answer) {
      modern.setRequestHandler('elicitation/create', async (request) =>
        answer((request.params as { message: string }).message),
      );
    }
    await modern.connect(new ModernHttpTransport(new URL(http.url)));
    closeTransport = async () => {
      await modern?.close();
      await http.close();
    };
  } else if (carrier.kind === 'http') {
    const http = await startHttp({
      host: '127.0.0.1',
      port: 0,
      createServer: () => createMcpServer(app.registry),
    });
    await client.connect(new StreamableHTTPClientTransport(new URL(http.url)));
    closeTransport = () => http.close();
  } else {
    client.setRequestHandler(ElicitRequestSchema, async (request) => {
      const params = request.params as { message: string };
      return carrier.answer(params.message);
    });
    const server = createMcpServer(app.registry);
    const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
    await Promise.all([server.connect(serverSide), client.connect(clientSide)]);
    closeTransport = () => server.close();
  }

  const results: string[] = [];
  return {
    app,
    client,
    sims,
    /** Every stderr line the server wrote so far. */
    stderr,
    /** Every result text so far. */
    results,
    /** The v2 client, when the carrier is `modern`. */
    modern,
    async call(name: string, args: Record<string, unknown> = {}): Promise<CallToolResult> {
      const result = (
        modern
          ? await modern.callTool({ name, arguments: args })
          : await client.callTool({ name, arguments: args })
      ) as CallToolResult;
      results.push(JSON.stringify(result));
      return result;
    },
    async close() {
      process.stderr.write = write;
      if (!modern) await client.close();
      await closeTransport();
      await app.close();
      await Promise.all(Object.values(sims).map((sim) => sim.stop()));
    },
  };
}

/** The structured payload of a tool result. */
export function payloadOf(result: CallToolResult): Record<string, unknown> {
  return result.structuredContent as Record<string, unknown>;
}
