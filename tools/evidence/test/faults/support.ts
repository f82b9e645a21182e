import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { type CommonClientOptions, walkCatalog } from '@x/auth-core';
import { toolName, type VendorModule } from '@x/auth-core/projection';
import { ispmanagerModule } from '@x/ispmanager';
import { lunanodeModule } from '@x/lunanode';
import { createApp, createMcpServer, parseOptions, startHttp } from '@x/mcp-server';
import {
  FAST_CLIENT_OPTIONS,
  type Fault,
  type FaultMatch,
  type EndpointProbe as FixtureProbe,
  type RequestRecord,
  type Simulator,
  VENDOR_FIXTURES,
  type VendorFixture,
  type VendorId,
  VMMANAGER_TEST_SUSPENDED,
} from '@x/testkit';
import { tuxcareModule } from '@x/tuxcare';
import { vmmanagerModule } from '@x/vmmanager';

export type { VendorId };

/**
 * Client options for fault tests: tiny backoff so storms stay fast, short per-attempt clocks so timeouts fire
 * quickly, a small size cap so an oversized answer need not be big. The clocks are generous enough that a
 * normal loopback answer on a busy 2-core machine never trips them.
 */
export const FAST: CommonClientOptions = {
  ...FAST_CLIENT_OPTIONS,
  timeouts: { connectMs: 2_000, headersMs: 400, bodyMs: 400, deadlineMs: 5_000 },
  maxResponseBytes: 256 * 1024,
};

/** VMmanager's 503 ("suspended") rule with quick steps, passed next to the common options. */
export const FAST_SUSPENDED = VMMANAGER_TEST_SUSPENDED;

/** {@link FAST} with a TLS pin on the given certificate's SHA-256 fingerprint (a testkit certificate). */
export function pinnedTo(certificate: { fingerprint256: string }): CommonClientOptions {
  return { ...FAST, tls: { fingerprint256: certificate.fingerprint256 } };
}

/** `times` for a fault that answers every matching request until cleared (a storm that does not pass). */
export const ALWAYS = Number.POSITIVE_INFINITY;

/** The two kinds of call a fault test makes: `read` is safe to repeat, `create` must never be repeated blindly. */
export type Operation = 'read' | 'create';

/** The two calls a fault test makes; `await using` closes the client. */
export interface FaultClient extends AsyncDisposable {
  read(): Promise<unknown>;
  create(): Promise<unknown>;
  close(): Promise<void>;
}

/** A {@link FaultClient} over a vendor client's read and create calls. */
function faultClient(client: { close(): Promise<void> }, calls: Pick<FaultClient, Operation>): FaultClient {
  const close = () => client.close();
  return { ...calls, close, [Symbol.asyncDispose]: close };
}

/** One endpoint of a fixture, with the MCP tool that calls it. */
export interface EndpointProbe {
  /** MCP tool name. */
  tool: string;
  /** Arguments of the MCP call (a fresh unique name each time for creates). */
  args(): Record<string, unknown>;
  /** Whether a request (live or logged) is a call of this endpoint. */
  is(request: { method: string; path: string; body: string }): boolean;
}

/** A vendor's fixture as the fault tests drive it: the fixture plus its module and probes as MCP tools. */
export interface VendorCase {
  id: VendorId;
  /** The wire format of answers, for "truncated JSON / XML". */
  format: 'json' | 'xml';
  /** A simulator that can serve HTTPS with the testkit certificate. */
  createSimulator(options?: { tls?: boolean }): Simulator<unknown>;
  /** Whether `createSimulator({ tls: true })` is supported. */
  tls: boolean;
  /** A client of the demo account on the simulator at `url` (its origin). */
  client(url: string, options?: CommonClientOptions): FaultClient;
  /** Server settings (environment variable names) that point at the simulator at `url`. */
  settings(url: string): Record<string, string>;
  /** The environment variable of a TLS pin, for vendors whose panels use self-signed certificates. */
  pinSetting?: string;
  module: VendorModule;
  read: EndpointProbe;
  create: EndpointProbe;
}

const MODULES: Record<VendorId, VendorModule> = {
  tuxcare: tuxcareModule as VendorModule,
  lunanode: lunanodeModule as VendorModule,
  ispmanager: ispmanagerModule as VendorModule,
  vmmanager: vmmanagerModule as VendorModule,
};

/** A fixture probe as an MCP tool call; the tool name comes from the module's catalog. */
function asTool(module: VendorModule, probe: FixtureProbe): EndpointProbe {
  const entry = walkCatalog(module.catalog).find((candidate) => candidate.id === probe.endpoint);
  if (!entry) throw new Error(`${module.id} has no endpoint ${probe.endpoint}`);
  return { tool: toolName(module.id, entry), args: probe.input, is: probe.is };
}

function vendorCase(fixture: VendorFixture): VendorCase {
  const module = MODULES[fixture.id];
  return {
    id: fixture.id,
    format: fixture.format,
    tls: fixture.tls,
    createSimulator: (options = {}) => fixture.simulator(options.tls ? { tls: true } : {}),
    client(url, options = FAST) {
      // Through the module, as the MCP server connects: `invoke` is the typed methods' own call path.
      const client = module.connect(fixture.settings(url), { ...fixture.fast, ...options });
      return faultClient(client, {
        read: () => client.invoke(fixture.read.endpoint, fixture.read.input()),
        create: () => client.invoke(fixture.create.endpoint, fixture.create.input()),
      });
    },
    settings: (url) => ({ ...fixture.settings(url), ...fixture.fastSettings }),
    ...(fixture.pinSetting !== undefined && { pinSetting: fixture.pinSetting }),
    module,
    read: asTool(module, fixture.read),
    create: asTool(module, fixture.create),
  };
}

/** Every vendor, from its fixture. */
export const VENDORS: readonly VendorCase[] = VENDOR_FIXTURES.map(vendorCase);

/** A fault match for one endpoint's requests. */
export function only(probe: EndpointProbe): FaultMatch {
  return (req) => probe.is({ method: req.method, path: req.path, body: req.text });
}

/** Queues `fault` for the next `times` requests of one endpoint (other requests pass through untouched). */
export function inject(sim: Simulator<unknown>, probe: EndpointProbe, fault: Fault, times = 1): void {
  sim.faults.add(fault, { match: only(probe), times });
}

/** How many requests of one endpoint the simulator received. */
export function countOf(sim: Simulator<unknown>, probe: EndpointProbe): number {
  return sim.log.filter((record: RequestRecord) => probe.is(record)).length;
}

/** The vendor module with the fixture's fast options (the server's defaults are for real panels). */
export function fastModule(module: VendorModule): VendorModule {
  const fixture = VENDOR_FIXTURES.find((candidate) => candidate.id === module.id);
  return {
    ...module,
    // Vendor-specific fast options (VMmanager's suspendedRetry) pass through connect to the vendor's client.
    connect: (settings, options) => module.connect(settings, { ...options, ...FAST, ...fixture?.fast }),
  };
}

/** Where the MCP server under test takes its accounts from: environment variables, or a config file's accounts. */
export interface McpSources {
  env?: Record<string, string>;
  accounts?: Record<string, Record<string, Record<string, string>>>;
}

/** An MCP server over Streamable HTTP on loopback with an SDK client connected to it; see {@link startMcp}. */
export interface McpHarness {
  /** Calls a tool by name. */
  call(name: string, args: Record<string, unknown>): Promise<CallToolResult>;
  /** Calls one endpoint's tool with fresh arguments, on the named account when given. */
  callEndpoint(endpoint: EndpointProbe, account?: string): Promise<CallToolResult>;
  /** Closes the client, then the HTTP listener, then the server's vendor clients. */
  close(): Promise<void>;
}

/** An MCP server over Streamable HTTP on loopback, serving the given vendors, plus an SDK client. */
export async function startMcp(vendors: readonly VendorModule[], sources: McpSources): Promise<McpHarness> {
  const app = await createApp(parseOptions(['--transport', 'http', '--confirm', 'off'], {}), {
    vendors: vendors.map(fastModule),
    env: sources.env ?? {},
    config: { accounts: sources.accounts ?? {} },
  });
  const http = await startHttp({
    host: '127.0.0.1',
    port: 0,
    createServer: () => createMcpServer(app.registry),
  });
  const client = new Client({ name: 'fault-evidence', version: '0.0.0' });
  await client.connect(new StreamableHTTPClientTransport(new URL(http.url)));
  const call = async (name: string, args: Record<string, unknown>): Promise<CallToolResult> =>
    (await client.callTool({ name, arguments: args })) as CallToolResult;
  return {
    call,
    callEndpoint: (endpoint, account) =>
      call(endpoint.tool, account === undefined ? endpoint.args() : { ...endpoint.args(), account }),
    async close() {
      await client.close();
      await http.close();
      await app.close();
    },
  };
}
