// A fault scenario run in its own Node process by exit.test.ts: `node exit-scenario.mjs '<json plan>'`.
// The simulators live in the parent, which queued the faults in the order this script meets them; this
// process holds only a vendor client (or the MCP server and an SDK client). It makes its calls, closes what
// it opened, prints one JSON line, and must then exit by itself while the simulators are still up: a leaked
// socket or timer would keep it alive. It imports the built packages (dist), as a user's program would.
import { ApiError, ResponseFormatError, TimeoutError, TransportError } from '@x/auth-core';
import {
  ISPMANAGER_DEMO,
  LUNANODE_DEMO_API_ID,
  LUNANODE_DEMO_API_KEY,
  otherCertificate,
  TUXCARE_DEMO_ACCOUNT,
  VMMANAGER_DEMO_EMAIL,
  VMMANAGER_DEMO_PASSWORD,
} from '@x/testkit';

const unhandled = [];
process.on('unhandledRejection', (reason) => {
  unhandled.push(String(reason));
  process.exitCode = 70;
});

const OPTIONS = {
  env: {},
  proxy: false,
  retry: { baseDelayMs: 1, maxDelayMs: 5 },
  timeouts: { connectMs: 2_000, headersMs: 250, bodyMs: 250, deadlineMs: 5_000 },
  maxResponseBytes: 64 * 1024,
};
const SSH_KEY = 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOtherDemoKey me@host';
let serial = 0;
const next = () => `${process.pid}x${++serial}`;

// Each vendor package is imported only when its scenario runs: the child starts faster.
const CLIENTS = {
  tuxcare: async (url, options) => {
    const { createTuxCareClient } = await import('@x/tuxcare');
    const c = createTuxCareClient({
      ...options,
      login: TUXCARE_DEMO_ACCOUNT.login,
      secretKey: TUXCARE_DEMO_ACCOUNT.secretKey,
      baseUrl: `${url}/api`,
    });
    return {
      read: () => c.kcare.key.list({}),
      create: () => c.kcare.key.create({ limit: 1 }),
      close: c.close,
    };
  },
  lunanode: async (url, options) => {
    const { createLunaNodeClient } = await import('@x/lunanode');
    const c = createLunaNodeClient({
      ...options,
      apiId: LUNANODE_DEMO_API_ID,
      apiKey: LUNANODE_DEMO_API_KEY,
      baseUrl: `${url}/api`,
      monotonicNonce: true,
    });
    return {
      read: () => c.sshkey.list(),
      create: () => c.sshkey.add({ label: `exit-${next()}`, sshkey: SSH_KEY }),
      close: c.close,
    };
  },
  ispmanager: async (url, options) => {
    const { createIspManagerClient } = await import('@x/ispmanager');
    const c = createIspManagerClient({
      ...options,
      url: `${url}/ispmgr`,
      username: ISPMANAGER_DEMO.username,
      password: ISPMANAGER_DEMO.password,
    });
    return {
      read: () => c.user.list(),
      create: () => c.user.edit({ mode: 'create', name: `exit${next()}`, passwd: 'Exit-pass-1' }),
      close: c.close,
    };
  },
  vmmanager: async (url, options) => {
    const { createVmManagerClient } = await import('@x/vmmanager');
    const c = createVmManagerClient(
      { url, email: VMMANAGER_DEMO_EMAIL, password: VMMANAGER_DEMO_PASSWORD },
      { ...options, suspendedRetry: { retries: 3, stepMs: 1 } },
    );
    return {
      read: () => c.account.list({}),
      create: () => c.account.create({ email: `exit${next()}@example.com`, password: 'Exit-pass-1' }),
      close: c.close,
    };
  },
};

/** `Class:phase-or-status` of what a call threw, or `ok`. */
async function outcome(promise) {
  try {
    await promise;
    return 'ok';
  } catch (error) {
    for (const type of [TimeoutError, TransportError, ResponseFormatError, ApiError]) {
      if (error instanceof type) return `${type.name}:${error.phase ?? error.status ?? ''}`;
    }
    return `untyped:${error?.constructor?.name}`;
  }
}

/** The calls in the order the parent queued their faults (see exit.test.ts). */
async function vendorScenario(plan) {
  const make = CLIENTS[plan.vendor];
  const client = await make(plan.url, OPTIONS);
  const dead = await make(`http://127.0.0.1:${plan.deadPort}`, OPTIONS);
  const pinned = plan.httpsUrl
    ? await make(plan.httpsUrl, { ...OPTIONS, tls: { fingerprint256: otherCertificate.fingerprint256 } })
    : undefined;
  const results = [];
  try {
    for (const call of plan.calls) results.push(await outcome(client[call]()));
    results.push(await outcome(dead.read()));
    if (pinned) results.push(await outcome(pinned.read()));
  } finally {
    await client.close();
    await dead.close();
    await pinned?.close();
  }
  return results;
}

/** Sandbox entry (settings) and vendor module per vendor. */
async function vendorModule(vendor) {
  const testkit = await import('@x/testkit');
  const pkg = await import(`@x/${vendor}`);
  return { sandbox: testkit[`${vendor}Sandbox`], module: pkg[`${vendor}Module`] };
}

/** The MCP server (Streamable HTTP, its real defaults) over every vendor; each tool call as planned. */
async function mcpScenario(plan) {
  const { Client } = await import('@modelcontextprotocol/sdk/client/index.js');
  const { StreamableHTTPClientTransport } = await import(
    '@modelcontextprotocol/sdk/client/streamableHttp.js'
  );
  const { createApp, createMcpServer, parseOptions, startHttp } = await import('@x/mcp-server');
  const env = {};
  const vendors = [];
  for (const [vendor, url] of Object.entries(plan.urls)) {
    const { sandbox, module } = await vendorModule(vendor);
    Object.assign(env, sandbox.settings(url));
    vendors.push(module);
  }
  const app = await createApp(parseOptions(['--transport', 'http'], {}), { vendors, env });
  const http = await startHttp({
    host: '127.0.0.1',
    port: 0,
    createServer: () => createMcpServer(app.registry),
  });
  const client = new Client({ name: 'exit-scenario', version: '0.0.0' });
  const results = [];
  try {
    await client.connect(new StreamableHTTPClientTransport(new URL(http.url)));
    for (const tool of plan.tools) {
      const result = await client.callTool({ name: tool, arguments: {} });
      results.push(result.isError ? result.structuredContent.error.kind : 'ok');
    }
  } finally {
    await client.close();
    await http.close();
    await app.close();
  }
  return results;
}

const plan = JSON.parse(process.argv[2] ?? '{}');
const results = plan.vendor === 'mcp' ? await mcpScenario(plan) : await vendorScenario(plan);
// Let close callbacks run (closing handles stay listed for a few loop turns), then report what still holds
// the event loop open, stdio aside. A forgotten client shows up here as TCPSocketWrap, a timer as Timeout.
for (let turn = 0; turn < 20; turn++) await new Promise((resolve) => setImmediate(resolve));
const active = process
  .getActiveResourcesInfo()
  .filter((name) => !/^(TTYWrap|PipeWrap|FSReqCallback)$/.test(name));
console.log(JSON.stringify({ results, active, unhandled }));
