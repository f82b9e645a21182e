// pnpm bench (mcp-server part): cold start to the first tools/list answer as a ratio against a minimal SDK
// server, the tools/list size in bytes and o200k tokens (total, per toolset, per tool), and peak RSS.
// Usage: node bench/mcp.mjs [runs=10]
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { countTokens } from 'gpt-tokenizer/encoding/o200k_base';

const runs = Number(process.argv[2] ?? 10);
const here = (path) => fileURLToPath(new URL(path, import.meta.url));
// Credentials for every vendor (nothing is contacted before a tool call), so all tools are listed as in
// production; sandbox mode would add the simulators' start to the measurement.
const settings = {
  TUXCARE_LOGIN: 'bench',
  TUXCARE_SECRET_KEY: 'bench-secret',
  LUNANODE_API_ID: 'benchbenchbench1',
  LUNANODE_API_KEY: 'k'.repeat(128),
  ISPMANAGER_URL: 'https://127.0.0.1:1500/ispmgr',
  ISPMANAGER_USERNAME: 'bench',
  ISPMANAGER_PASSWORD: 'bench',
  VMMANAGER_URL: 'https://127.0.0.1:1501',
  VMMANAGER_EMAIL: 'bench@example.invalid',
  VMMANAGER_PASSWORD: 'bench',
};
const ours = {
  command: process.execPath,
  args: [here('../dist/cli.js')],
  env: { PATH: process.env.PATH ?? '', ...settings },
};
const minimal = { command: process.execPath, args: [here('./minimal-server.mjs')] };

async function coldStart(target) {
  const started = performance.now();
  const client = new Client({ name: 'bench', version: '0' });
  const transport = new StdioClientTransport({ ...target, stderr: 'ignore' });
  await client.connect(transport);
  const { tools } = await client.listTools();
  const ms = performance.now() - started;
  const rss = peakRss(transport.pid);
  await client.close();
  return { ms, tools, rss };
}

/** The server process's own peak RSS (Linux /proc), in MiB. */
function peakRss(pid) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    return Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? Number.NaN) / 1024;
  } catch {
    return Number.NaN;
  }
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

await coldStart(minimal); // warm the OS file cache for both
let listed = (await coldStart(ours)).tools;
const a = [];
const b = [];
const rssOurs = [];
const rssMinimal = [];
for (let i = 0; i < runs; i++) {
  if (i % 2 === 0) {
    const base = await coldStart(minimal);
    const run = await coldStart(ours);
    a.push(base.ms);
    b.push(run.ms);
    rssMinimal.push(base.rss);
    rssOurs.push(run.rss);
    listed = run.tools;
  } else {
    const run = await coldStart(ours);
    const base = await coldStart(minimal);
    b.push(run.ms);
    a.push(base.ms);
    rssOurs.push(run.rss);
    rssMinimal.push(base.rss);
  }
}

const perTool = listed.map((tool) => ({
  name: tool.name,
  tokens: countTokens(JSON.stringify(tool)),
  bytes: JSON.stringify(tool).length,
}));
const total = perTool.reduce((sum, t) => sum + t.tokens, 0);
const bytes = JSON.stringify({ tools: listed }).length;
const sets = new Map();
for (const t of perTool) {
  const set = t.name.split('_').slice(0, 2).join('.');
  const item = sets.get(set) ?? { tools: 0, tokens: 0 };
  item.tools++;
  item.tokens += t.tokens;
  sets.set(set, item);
}

console.log(`\n@x/mcp-server (all four vendors configured, stdio, ${runs} runs, median)`);
console.log(
  `cold start to first tools/list: ours ${median(b).toFixed(0)} ms, minimal SDK server ${median(a).toFixed(0)} ms, ratio ${(median(b) / median(a)).toFixed(2)}x (goal under 2x)`,
);
console.log(
  `tools/list: ${listed.length} tools, ${bytes} bytes, ${total} tokens (o200k), ${(total / listed.length).toFixed(1)} tokens per tool (goal under 120)`,
);
console.log('\ntoolset                       tools  tokens  per tool');
for (const [name, item] of [...sets].sort()) {
  console.log(
    `${name.padEnd(30)}${String(item.tools).padStart(5)}${String(item.tokens).padStart(8)}${(item.tokens / item.tools).toFixed(0).padStart(10)}`,
  );
}
console.log(
  `\npeak RSS after the first tools/list: ours ${median(rssOurs).toFixed(0)} MiB, minimal ${median(rssMinimal).toFixed(0)} MiB`,
);
