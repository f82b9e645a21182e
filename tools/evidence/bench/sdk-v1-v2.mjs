// Measures the MCP SDK move side by side in one run: install size and package count of each SDK
// line alone, and cold start to the first tools/list of a one-tool server on each line and of this server.
// `OLD_SERVER=path/to/cli.js` adds the server as built before the move (a worktree of an earlier commit).
//
//   node tools/evidence/bench/sdk-v1-v2.mjs [runs]
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { BENCH_SETTINGS } from './settings.mjs';

const runs = Number(process.argv[2] ?? 10);
const here = new URL('.', import.meta.url).pathname;
const serverCli = new URL('../../../apps/mcp-server/dist/cli.js', import.meta.url).pathname;

/** Bytes under a folder (files only; what a user's disk pays). */
function sizeOf(dir) {
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) total += sizeOf(path);
    else if (entry.isFile()) total += statSync(path).size;
  }
  return total;
}

/** Installs packages alone into an empty folder with npm --omit=dev; size in MB and package count. */
function installed(specs) {
  const dir = mkdtempSync(join(tmpdir(), 'x-sdk-size-'));
  try {
    writeFileSync(
      join(dir, 'package.json'),
      JSON.stringify({ name: 'probe', version: '0.0.0', private: true }),
    );
    execFileSync('npm', ['install', '--omit=dev', '--no-audit', '--no-fund', '--ignore-scripts', ...specs], {
      cwd: dir,
      stdio: 'ignore',
    });
    const lock = JSON.parse(execFileSync('cat', [join(dir, 'package-lock.json')], { encoding: 'utf8' }));
    const count = Object.keys(lock.packages ?? {}).filter((key) => key !== '').length;
    return { mb: sizeOf(join(dir, 'node_modules')) / 1e6, count };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const settings = { PATH: process.env.PATH ?? '', ...BENCH_SETTINGS };

async function coldStart(args) {
  const started = performance.now();
  const client = new Client({ name: 'bench', version: '0' });
  await client.connect(
    new StdioClientTransport({ command: process.execPath, args, env: settings, stderr: 'ignore' }),
  );
  await client.listTools();
  const ms = performance.now() - started;
  await client.close();
  return ms;
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

const targets = {
  'one-tool server, SDK v1 (1.32.2)': [join(here, 'minimal-mcp-server.mjs')],
  'one-tool server, SDK v2 (2.4.0)': [join(here, 'minimal-mcp-server-v2.mjs')],
  // Static: the full listing, as before tool modes (auto would list the three discovery tools).
  'x-mcp-server, SDK v2': [serverCli, '--tool-mode', 'static'],
};
if (process.env.OLD_SERVER) targets['x-mcp-server, SDK v1 (before the move)'] = [process.env.OLD_SERVER];

const times = Object.fromEntries(Object.keys(targets).map((name) => [name, []]));
for (let round = 0; round < runs; round++) {
  // Interleaved, so drift (JIT, the disk cache, other tenants) hits every target alike.
  for (const [name, args] of Object.entries(targets)) times[name].push(await coldStart(args));
}

const v1 = installed(['@modelcontextprotocol/sdk@1.32.2']);
const v2 = installed(['@modelcontextprotocol/server@2.4.0']);
const rows = [
  ['install --omit=dev: @modelcontextprotocol/sdk 1.32.2', `${v1.mb.toFixed(1)} MB, ${v1.count} packages`],
  ['install --omit=dev: @modelcontextprotocol/server 2.4.0', `${v2.mb.toFixed(1)} MB, ${v2.count} packages`],
];
const v1Base = median(times['one-tool server, SDK v1 (1.32.2)']);
const v2Base = median(times['one-tool server, SDK v2 (2.4.0)']);
for (const [name, values] of Object.entries(times)) {
  const ms = median(values);
  const base = name.includes('v1') ? v1Base : v2Base;
  rows.push([
    `cold start to first tools/list: ${name}`,
    `${ms.toFixed(0)} ms (${(ms / base).toFixed(2)}x its SDK's one-tool server)`,
  ]);
}
const width = Math.max(...rows.map(([name]) => name.length));
process.stdout.write(`SDK v1 vs v2 · node ${process.versions.node} · ${runs} cold starts each, medians\n`);
for (const [name, value] of rows) process.stdout.write(`${name.padEnd(width)}  ${value}\n`);
