import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import type { CommonClientOptions } from '@x/auth-core';
import type { VendorModule } from '@x/auth-core/projection';
import { createIspManagerClient, ispmanagerModule } from '@x/ispmanager';
import { createLunaNodeClient, lunanodeModule } from '@x/lunanode';
import { createApp, createMcpServer, parseOptions, startHttp } from '@x/mcp-server';
import {
  createIspManagerSimulator,
  createLunaNodeSimulator,
  createTuxCareSimulator,
  createVmManagerSimulator,
  type Fault,
  type FaultMatch,
  ISPMANAGER_DEMO,
  ispmanagerSandbox,
  LUNANODE_DEMO_API_ID,
  LUNANODE_DEMO_API_KEY,
  lunanodeSandbox,
  type RequestRecord,
  type Simulator,
  TUXCARE_DEMO_ACCOUNT,
  tuxcareSandbox,
  VMMANAGER_DEMO_EMAIL,
  VMMANAGER_DEMO_PASSWORD,
  vmmanagerSandbox,
} from '@x/testkit';
import { createTuxCareClient, tuxcareModule } from '@x/tuxcare';
import { createVmManagerClient, vmmanagerModule } from '@x/vmmanager';

export type VendorId = 'tuxcare' | 'lunanode' | 'ispmanager' | 'vmmanager';

/**
 * Client options for fault tests: tiny backoff so storms stay fast, short per-attempt clocks so timeouts fire
 * quickly, a small size cap so an oversized answer need not be big. The clocks are generous enough that a
 * normal loopback answer on a busy 2-core machine never trips them.
 */
export const FAST: CommonClientOptions = {
  env: {},
  proxy: false,
  retry: { baseDelayMs: 1, maxDelayMs: 5 },
  timeouts: { connectMs: 2_000, headersMs: 400, bodyMs: 400, deadlineMs: 5_000 },
  maxResponseBytes: 256 * 1024,
};

/** VMmanager's 503 ("suspended") rule with quick steps, passed next to the common options. */
export const FAST_SUSPENDED = { retries: 4, stepMs: 1 };

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

/** How to find one endpoint's requests, on the way in (fault match) and in the log (counting). */
export interface EndpointProbe {
  /** MCP tool name. */
  tool: string;
  /** Arguments of the MCP call (a fresh unique name each time for creates). */
  args(): Record<string, unknown>;
  /** Whether a request (live or logged) is a call of this endpoint. */
  is(request: { method: string; path: string; body: string }): boolean;
}

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

let serial = 0;
/** A unique suffix, so repeated creates never collide with an existing object. */
export function unique(): string {
  serial += 1;
  return `${process.pid % 1000}x${serial}`;
}

const formFunc = (body: string) => new URLSearchParams(body).get('func');

const SSH_KEY = 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOtherDemoKey me@host';

export const VENDORS: readonly VendorCase[] = [
  {
    id: 'tuxcare',
    format: 'json',
    tls: false,
    createSimulator: () => createTuxCareSimulator() as Simulator<unknown>,
    client(url, options = FAST) {
      const client = createTuxCareClient({
        ...options,
        login: TUXCARE_DEMO_ACCOUNT.login,
        secretKey: TUXCARE_DEMO_ACCOUNT.secretKey,
        baseUrl: `${url}/api`,
      });
      return faultClient(client, {
        read: () => client.kcare.key.list({}),
        create: () => client.kcare.key.create({ limit: 1, note: `fault ${unique()}` }),
      });
    },
    settings: (url) => ({ ...tuxcareSandbox.settings?.(url) }),
    module: tuxcareModule as VendorModule,
    read: {
      tool: 'tuxcare_kcare_key_list',
      args: () => ({}),
      is: (r) => r.path === '/api/kcare/key/list.json',
    },
    create: {
      tool: 'tuxcare_kcare_key_create',
      args: () => ({ limit: 1, note: `fault ${unique()}` }),
      is: (r) => r.path === '/api/kcare/key/create.json',
    },
  },
  {
    id: 'lunanode',
    format: 'json',
    tls: false,
    createSimulator: () => createLunaNodeSimulator({ transitionMs: 40 }) as Simulator<unknown>,
    client(url, options = FAST) {
      const client = createLunaNodeClient({
        ...options,
        apiId: LUNANODE_DEMO_API_ID,
        apiKey: LUNANODE_DEMO_API_KEY,
        baseUrl: `${url}/api`,
        // Fault tests sign several attempts per second: the nonce must still go up.
        monotonicNonce: true,
      });
      return faultClient(client, {
        read: () => client.sshkey.list(),
        create: () => client.sshkey.add({ label: `fault-${unique()}`, sshkey: SSH_KEY }),
      });
    },
    settings: (url) => ({ ...lunanodeSandbox.settings?.(url), LUNANODE_MONOTONIC_NONCE: '1' }),
    module: lunanodeModule as VendorModule,
    read: {
      tool: 'lunanode_sshkey_list',
      args: () => ({}),
      is: (r) => r.path === '/api/sshkey/list/',
    },
    create: {
      tool: 'lunanode_sshkey_add',
      args: () => ({ label: `fault-${unique()}`, sshkey: SSH_KEY }),
      is: (r) => r.path === '/api/sshkey/add/',
    },
  },
  {
    id: 'ispmanager',
    format: 'xml',
    tls: true,
    createSimulator: (options = {}) =>
      createIspManagerSimulator(options.tls ? { tls: true } : {}) as Simulator<unknown>,
    client(url, options = FAST) {
      const client = createIspManagerClient({
        ...options,
        url: `${url}/ispmgr`,
        username: ISPMANAGER_DEMO.username,
        password: ISPMANAGER_DEMO.password,
      });
      return faultClient(client, {
        read: () => client.user.list(),
        create: () => client.user.edit({ mode: 'create', name: `f${unique()}`, passwd: 'Fault-pass-1' }),
      });
    },
    settings: (url) => ({ ...ispmanagerSandbox.settings?.(url) }),
    pinSetting: 'ISPMANAGER_FINGERPRINT',
    module: ispmanagerModule as VendorModule,
    read: {
      tool: 'ispmanager_user_list',
      args: () => ({}),
      is: (r) => r.path === '/ispmgr' && formFunc(r.body) === 'user',
    },
    create: {
      tool: 'ispmanager_user_edit',
      args: () => ({ mode: 'create', name: `f${unique()}`, passwd: 'Fault-pass-1' }),
      is: (r) => r.path === '/ispmgr' && formFunc(r.body) === 'user.edit',
    },
  },
  {
    id: 'vmmanager',
    format: 'json',
    tls: true,
    createSimulator: (options = {}) =>
      createVmManagerSimulator({
        taskDelayMs: 20,
        ...(options.tls ? { tls: true } : {}),
      }) as Simulator<unknown>,
    client(url, options = FAST) {
      const client = createVmManagerClient(
        { url, email: VMMANAGER_DEMO_EMAIL, password: VMMANAGER_DEMO_PASSWORD },
        { ...options, suspendedRetry: FAST_SUSPENDED },
      );
      return faultClient(client, {
        read: () => client.account.list({}),
        create: () => client.account.create({ email: `f${unique()}@example.com`, password: 'Fault-pass-1' }),
      });
    },
    settings: (url) => ({ ...vmmanagerSandbox.settings?.(url) }),
    pinSetting: 'VMMANAGER_FINGERPRINT',
    module: vmmanagerModule as VendorModule,
    read: {
      tool: 'vmmanager_account_list',
      args: () => ({}),
      is: (r) => r.method === 'GET' && r.path === '/vm/v3/account',
    },
    create: {
      tool: 'vmmanager_account_create',
      args: () => ({ email: `f${unique()}@example.com`, password: 'Fault-pass-1' }),
      is: (r) => r.method === 'POST' && r.path === '/vm/v3/account',
    },
  },
];

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

/** The vendor module with the fast fault-test options (the server's defaults are for real panels). */
export function fastModule(module: VendorModule): VendorModule {
  return {
    ...module,
    connect: (settings, options) => {
      // suspendedRetry is VMmanager's own option; the module passes unknown options through to its client.
      const fast: CommonClientOptions & { suspendedRetry: typeof FAST_SUSPENDED } = {
        ...options,
        ...FAST,
        suspendedRetry: FAST_SUSPENDED,
      };
      return module.connect(settings, fast);
    },
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
