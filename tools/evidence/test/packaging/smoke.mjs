// Copied into the temporary consumer project and run there by packaging.test.ts: every bare import below
// resolves from that project's node_modules, i.e. from the installed tarballs, never from the workspace.
// It prints one JSON report on stdout and must exit by itself (a leaked socket or timer would keep it alive).
import { fileURLToPath } from 'node:url';

const names = [
  '@x/auth-core',
  '@x/testkit',
  '@x/tuxcare',
  '@x/lunanode',
  '@x/ispmanager',
  '@x/vmmanager',
  '@x/mcp-server',
];
const resolved = Object.fromEntries(names.map((name) => [name, fileURLToPath(import.meta.resolve(name))]));

const core = await import('@x/auth-core');
const testkit = await import('@x/testkit');
const tuxcare = await import('@x/tuxcare');
const lunanode = await import('@x/lunanode');
const ispmanager = await import('@x/ispmanager');
const vmmanager = await import('@x/vmmanager');
const mcp = await import('@x/mcp-server');

/** The class of what `fn` throws, checked against the one installed auth-core (a second copy would fail). */
function configErrorFrom(fn) {
  try {
    fn();
    return 'no error';
  } catch (error) {
    return error instanceof core.ConfigError ? 'ConfigError' : `other: ${error?.constructor?.name}`;
  }
}

// Every vendor client against its simulator from the installed testkit, with the sandbox entry's settings.
const vendors = [
  {
    id: 'tuxcare',
    sandbox: testkit.tuxcareSandbox,
    create: (env) => tuxcare.createTuxCareClient({ env }),
    read: async (client) => (await client.ipl.list()).length,
  },
  {
    id: 'lunanode',
    sandbox: testkit.lunanodeSandbox,
    create: (env) => lunanode.createLunaNodeClient({ env }),
    read: async (client) => (await client.vm.list()).vms.length,
  },
  {
    id: 'ispmanager',
    sandbox: testkit.ispmanagerSandbox,
    create: (env) => ispmanager.createIspManagerClient({ env }),
    read: async (client) => (await client.user.list()).elements.length,
  },
  {
    id: 'vmmanager',
    sandbox: testkit.vmmanagerSandbox,
    create: (env) => vmmanager.createVmManagerClient({}, { env }),
    read: async (client) => (await client.host.list()).list.length,
  },
];

const calls = {};
const missingConfig = {};
for (const vendor of vendors) {
  missingConfig[vendor.id] = configErrorFrom(() => vendor.create({}));
  const sim = await vendor.sandbox.create().start();
  const client = vendor.create(vendor.sandbox.settings(sim.url));
  try {
    calls[vendor.id] = { items: await vendor.read(client), requests: sim.log.length };
  } finally {
    await client.close();
    await sim.stop();
  }
}

// The MCP server's library entry, in sandbox mode (it starts its own simulators from the installed testkit).
const app = await mcp.createApp(mcp.parseOptions(['--sandbox'], {}), { vendors: mcp.vendorModules, env: {} });
const server = {
  tools: app.context.tools.length,
  allTools: app.allTools.length,
  version: mcp.SERVER_VERSION,
};
await app.close();

const report = {
  resolved,
  versions: {
    '@x/auth-core': core.VERSION,
    '@x/tuxcare': tuxcare.VERSION,
    '@x/lunanode': lunanode.VERSION,
    '@x/ispmanager': ispmanager.VERSION,
  },
  userAgent: core.userAgent({ name: 'probe', version: '1.0.0' }),
  missingConfig,
  calls,
  server,
};
process.stdout.write(`${JSON.stringify(report)}\n`);
