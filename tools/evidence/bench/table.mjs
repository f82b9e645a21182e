// pnpm bench (tools/evidence): the one benchmark table, from one run.
//   1. each vendor client's per-call cost against a bare undici.request of the same wire request to the same
//      simulator (the simulators run in a child process; interleaved rounds; medians of wall and client CPU);
//   2. the ISPmanager XML decoder against bare fast-xml-parser on a 10,000-element list;
//   3. MCP cold start to the first tools/list against a one-tool server on the same SDK (v2);
//   4. tools/list tokens per tool (o200k);
//   5. peak RSS of the measured processes;
//   6. the size of `npm install @x/mcp-server --omit=dev` (bench/install-size.mjs);
//   7. discover mode: tools/list plus instructions (o200k), and search_tools quality on bench/search-tasks.json.
//      Not timed: the same figures on every machine.
// Usage: node bench/table.mjs [callsPerRound=400] [rounds=11] [mcpRuns=10]
import { fork } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { Agent } from 'undici';
import { installRows, measureInstall } from './install-size.mjs';
import { BENCH_SETTINGS } from './settings.mjs';
import { vendors, wireShape } from './vendors.mjs';
import { userListXml, xmlDecoders } from './xml.mjs';

const callsPerRound = Number(process.argv[2] ?? 400);
const rounds = Number(process.argv[3] ?? 11);
const mcpRuns = Number(process.argv[4] ?? 10);
const XML_ELEMENTS = 10_000;
// The 1-minute load average before and after: the other tenants of the machine, printed with the table.
const loadBefore = loadavg()[0];
const GOAL = { call: 1.1, xml: 1.25, coldStart: 1.3, tokensPerTool: 120 };

const rows = [];
const row = (what, measured, goal = '', met = '') => rows.push({ what, measured, goal, met });
const verdict = (value, limit) => (value < limit ? 'met' : 'not met');
const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const progress = (text) => process.stderr.write(`· ${text}\n`);

/**
 * Runs `measure(side)` for both sides, `count` times after one warm-up each (which also warms the OS file
 * cache for cold starts), alternating which side goes first so drift (JIT, GC, the other tenants of the
 * machine) is shared; returns the medians per metric.
 */
async function interleaved(measure, sides, count = rounds) {
  await measure(sides.bare);
  await measure(sides.ours);
  const bare = [];
  const ours = [];
  for (let round = 0; round < count; round++) {
    if (round % 2 === 0) {
      bare.push(await measure(sides.bare));
      ours.push(await measure(sides.ours));
    } else {
      ours.push(await measure(sides.ours));
      bare.push(await measure(sides.bare));
    }
  }
  const medians = (list) =>
    Object.fromEntries(Object.keys(list[0]).map((k) => [k, median(list.map((m) => m[k]))]));
  return { bare: medians(bare), ours: medians(ours) };
}

/** Wall time and this process's CPU time (user + system) per call, µs, over `callsPerRound` sequential calls. */
async function perCall(fn) {
  const cpu = process.cpuUsage();
  const started = process.hrtime.bigint();
  for (let i = 0; i < callsPerRound; i++) await fn();
  const wall = Number(process.hrtime.bigint() - started) / 1000 / callsPerRound;
  const used = process.cpuUsage(cpu);
  return { wall, cpu: (used.user + used.system) / callsPerRound };
}

// ---- 1. vendor clients vs bare undici.request -------------------------------------------------------------

const simulators = fork(new URL('./simulators.mjs', import.meta.url), {
  stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
});
const ready = await new Promise((resolve, reject) => {
  simulators.once('error', reject);
  simulators.once('exit', (code) => reject(new Error(`the simulators process exited (${code})`)));
  simulators.on('message', (message) => message.type === 'ready' && resolve(message));
});
let asked = 0;
/** One IPC question to the simulators process, answered by id. */
function ask(message) {
  const id = ++asked;
  return new Promise((resolve) => {
    const listener = (answer) => {
      if (answer.id !== id) return;
      simulators.off('message', listener);
      resolve(answer);
    };
    simulators.on('message', listener);
    simulators.send({ ...message, id });
  });
}
const lastRecord = async (vendor) => (await ask({ type: 'log', vendor, count: 1 })).records[0];

// The bare side's Agent is configured like the clients' (keep-alive 4 s, 8 connections per origin).
const agent = new Agent({ keepAliveTimeout: 4_000, keepAliveMaxTimeout: 60_000, connections: 8 });
for (const vendor of vendors) {
  const { settings } = ready.vendors[vendor.name];
  const client = vendor.client(settings);
  await vendor.call(client);
  const clientRecord = await lastRecord(vendor.name);
  const bare = await vendor.bare(settings, clientRecord, agent);
  await bare();
  const bareRecord = await lastRecord(vendor.name);
  // Both sides must put the same request on the wire, or the ratio compares different work.
  const [a, b] = [wireShape(clientRecord, vendor.volatile), wireShape(bareRecord, vendor.volatile)];
  if (!isDeepStrictEqual(a, b)) {
    throw new Error(
      `${vendor.name}: the bare request differs from the client's:\n${JSON.stringify({ client: a, bare: b }, null, 2)}`,
    );
  }
  progress(`${vendor.name} ${vendor.endpoint}: same wire request (${a.method} ${a.path}); measuring`);
  const result = await interleaved(perCall, { bare, ours: () => vendor.call(client) });
  const label = `per call: ${vendor.name} ${vendor.endpoint} vs bare undici.request`;
  for (const [metric, name] of [
    ['wall', 'wall'],
    ['cpu', 'client CPU'],
  ]) {
    const ratio = result.ours[metric] / result.bare[metric];
    row(
      `${label}, ${name}`,
      `${ratio.toFixed(2)}x (${result.ours[metric].toFixed(0)} vs ${result.bare[metric].toFixed(0)} µs)`,
      `< ${GOAL.call.toFixed(2)}x`,
      verdict(ratio, GOAL.call),
    );
  }
  await client.close();
}
await agent.close();
// Peak RSS so far: the four clients, the bare side and undici; taken before the XML and tokenizer work.
const benchRss = process.resourceUsage().maxRSS / 1024;
simulators.disconnect();

// ---- 2. XML decoding ---------------------------------------------------------------------------------------

progress(`XML decoding: ${XML_ELEMENTS} elements`);
const xml = userListXml(XML_ELEMENTS);
const decoders = xmlDecoders(xml, XML_ELEMENTS);
const decodeTime = async (fn) => {
  const cpu = process.cpuUsage();
  const started = performance.now();
  fn();
  const used = process.cpuUsage(cpu);
  return { wall: performance.now() - started, cpu: (used.user + used.system) / 1000 };
};
const decoded = await interleaved(decodeTime, decoders);
for (const [metric, name] of [
  ['wall', 'wall'],
  ['cpu', 'CPU'],
]) {
  const ratio = decoded.ours[metric] / decoded.bare[metric];
  row(
    `XML decode, ${XML_ELEMENTS.toLocaleString('en')} rows (${(xml.length / 1024 / 1024).toFixed(1)} MiB) ` +
      `vs bare fast-xml-parser, ${name}`,
    `${ratio.toFixed(2)}x (${decoded.ours[metric].toFixed(0)} vs ${decoded.bare[metric].toFixed(0)} ms)`,
    `< ${GOAL.xml.toFixed(2)}x`,
    verdict(ratio, GOAL.xml),
  );
}

// ---- 3-5. MCP cold start, tools/list tokens, server RSS ---------------------------------------------------

const serverCli = join(
  dirname(createRequire(import.meta.url).resolve('@x/mcp-server/package.json')),
  'dist',
  'cli.js',
);
const settings = BENCH_SETTINGS;
// Static: every tool listed, so the cold start and the per-tool tokens measure the full listing.
const ours = {
  command: process.execPath,
  args: [serverCli, '--tool-mode', 'static'],
  env: { PATH: process.env.PATH ?? '', ...settings },
};
const minimal = {
  command: process.execPath,
  // On the server's own SDK (v2): the ratio is what this server adds to the smallest server of its SDK.
  args: [new URL('./minimal-mcp-server-v2.mjs', import.meta.url).pathname],
  env: { PATH: process.env.PATH ?? '' },
};

/** The server process's own peak RSS (Linux /proc), MiB, read while it still runs. */
function peakRss(pid) {
  try {
    return (
      Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? Number.NaN) / 1024
    );
  } catch {
    return Number.NaN;
  }
}

let listed = [];
async function coldStart(target) {
  const started = performance.now();
  const client = new Client({ name: 'bench', version: '0' });
  const transport = new StdioClientTransport({ ...target, stderr: 'ignore' });
  await client.connect(transport);
  const { tools } = await client.listTools();
  const ms = performance.now() - started;
  const rss = peakRss(transport.pid);
  await client.close();
  if (target === ours) listed = tools;
  return { ms, rss };
}

progress(`MCP cold start: ${mcpRuns} runs each`);
const started = await interleaved(coldStart, { bare: minimal, ours }, mcpRuns);
const coldRatio = started.ours.ms / started.bare.ms;
row(
  'MCP cold start to first tools/list vs one-tool server on the same SDK (v2)',
  `${coldRatio.toFixed(2)}x (${started.ours.ms.toFixed(0)} vs ${started.bare.ms.toFixed(0)} ms)`,
  `< ${GOAL.coldStart}x`,
  verdict(coldRatio, GOAL.coldStart),
);

// The tokenizer is loaded only now, so its tables never count in the bench process's RSS above.
const { countTokens } = await import('gpt-tokenizer/encoding/o200k_base');
const tokens = listed.reduce((sum, tool) => sum + countTokens(JSON.stringify(tool)), 0);
const perTool = tokens / listed.length;
row(
  `tools/list tokens per tool (o200k), ${listed.length} tools`,
  `${perTool.toFixed(0)} (${tokens.toLocaleString('en')} in all)`,
  `< ${GOAL.tokensPerTool}`,
  verdict(perTool, GOAL.tokensPerTool),
);

// What reaches a model's context: clients send name, description and input schema to the model; the title
// and annotations stay in the client (UI labels, approval prompts). Informational, the goal is the row above.
const modelFacing =
  listed.reduce(
    (sum, { name, description, inputSchema }) =>
      sum + countTokens(JSON.stringify({ name, description, inputSchema })),
    0,
  ) / listed.length;
row(
  'static mode: tokens per tool, the part a model reads (name, description, schema)',
  `${modelFacing.toFixed(0)}`,
  '≤ 100',
  modelFacing <= 100 ? 'met' : 'not met',
);

row(
  'peak RSS: MCP server after tools/list (minimal server)',
  `${started.ours.rss.toFixed(0)} MiB (${started.bare.rss.toFixed(0)} MiB)`,
);
row('peak RSS: bench process (four clients, bare side)', `${benchRss.toFixed(0)} MiB`);

// ---- 7. discover mode: its context cost and how well search_tools finds the tool for a task ----------------

progress('discover mode: tools/list + instructions tokens, search_tools on the task set');
{
  const client = new Client({ name: 'bench-discover', version: '0' });
  await client.connect(
    new StdioClientTransport({ ...ours, args: [serverCli, '--tool-mode', 'discover'], stderr: 'ignore' }),
  );
  const { tools: three } = await client.listTools();
  const discoverTokens =
    three.reduce((sum, tool) => sum + countTokens(JSON.stringify(tool)), 0) +
    countTokens(client.getInstructions() ?? '');
  row(
    `discover mode: tools/list (${three.length} tools) + instructions, o200k, ${listed.length}-tool catalog`,
    `${discoverTokens.toLocaleString('en')} tokens`,
    '≤ 1,500',
    discoverTokens <= 1500 ? 'met' : 'not met',
  );
  const { tasks } = JSON.parse(readFileSync(new URL('./search-tasks.json', import.meta.url), 'utf8'));
  let first = 0;
  let top3 = 0;
  for (const task of tasks) {
    const result = await client.callTool({ name: 'search_tools', arguments: { query: task.task, limit: 3 } });
    const names = result.structuredContent.matches.map((match) => match.name);
    if (task.expected.includes(names[0])) first++;
    if (names.some((name) => task.expected.includes(name))) top3++;
  }
  await client.close();
  const share = (n) => (n / tasks.length) * 100;
  row(
    `search_tools: expected tool first, ${tasks.length} tasks (bench/search-tasks.json)`,
    `${share(first).toFixed(1)} % (${first}/${tasks.length})`,
    '≥ 80 %',
    share(first) >= 80 ? 'met' : 'not met',
  );
  row(
    `search_tools: expected tool in the top 3, ${tasks.length} tasks`,
    `${share(top3).toFixed(1)} % (${top3}/${tasks.length})`,
    '≥ 95 %',
    share(top3) >= 95 ? 'met' : 'not met',
  );
}

// ---- 6. install size ---------------------------------------------------------------------------------------

// Last, so packing and npm's work never share the machine with a timed measurement above.
progress('install size: pnpm pack every package, npm install --omit=dev the server into an empty folder');
for (const r of installRows(await measureInstall())) row(r.what, r.measured, r.goal, r.met);

// ---- the table ---------------------------------------------------------------------------------------------

const header = { what: 'what', measured: 'measured (ours vs baseline)', goal: 'goal', met: 'met' };
const width = (key) => Math.max(...[header, ...rows].map((r) => r[key].length));
const widths = { what: width('what'), measured: width('measured'), goal: width('goal'), met: width('met') };
const line = (r) =>
  `${r.what.padEnd(widths.what)}  ${r.measured.padEnd(widths.measured)}  ${r.goal.padEnd(widths.goal)}  ${r.met}`.trimEnd();
console.log(
  `\nx evidence benchmark · node ${process.versions.node} · ${availableParallelism()} CPUs · ` +
    `load ${loadBefore.toFixed(1)}→${loadavg()[0].toFixed(1)} · ${callsPerRound} calls x ${rounds} rounds, ${mcpRuns} cold starts · ` +
    'medians of interleaved rounds\n',
);
console.log(line(header));
console.log(
  line({
    what: '-'.repeat(widths.what),
    measured: '-'.repeat(widths.measured),
    goal: '-'.repeat(widths.goal),
    met: '-'.repeat(widths.met),
  }),
);
for (const r of rows) console.log(line(r));
console.log(
  '\nbare = undici.request of the same wire request (fresh token/signature per call, same headers) + JSON.parse,' +
    ' or fast-xml-parser for ISPmanager XML; simulators in a child process; loopback numbers vary ±10 %.',
);
