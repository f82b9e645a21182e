// pnpm bench: the transport's per-call cost as a ratio against a bare undici.request to the same loopback
// server, measured in the same run, interleaved in rounds so machine noise hits both sides alike.
// Usage: node bench/transport.mjs [callsPerRound=1000] [rounds=10]
import { fork } from 'node:child_process';
import { once } from 'node:events';
import { Agent, request } from 'undici';
import { Transport } from '../dist/index.js';

const callsPerRound = Number(process.argv[2] ?? 1000);
const rounds = Number(process.argv[3] ?? 10);

const server = fork(new URL('./server.mjs', import.meta.url), {
  stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
});
const [portLine] = await once(server.stdout, 'data');
const url = `http://127.0.0.1:${String(portLine).trim()}/api/thing/list.json?x=1`;

const transport = new Transport({
  vendor: 'bench',
  product: { name: '@x/bench', version: '0.0.0' },
  env: {},
});
// The baseline sends the very same wire request (same User-Agent header) on an equally configured Agent, so
// the ratio is the transport's own cost, not a difference in bytes on the wire.
const agent = new Agent({ keepAliveTimeout: 4_000, connections: 8 });
const headers = { 'user-agent': transport.userAgent };
const bare = async () => {
  const { statusCode, body } = await request(url, { dispatcher: agent, method: 'GET', headers });
  const buffer = Buffer.from(await body.arrayBuffer());
  if (statusCode !== 200 || buffer.length === 0) throw new Error('bad answer');
};
const context = { endpoint: 'thing.list', idempotent: true };
const ours = async () => {
  const response = await transport.send(() => ({ method: 'GET', url }), context);
  if (response.status !== 200 || response.body.length === 0) throw new Error('bad answer');
};

// Wall time per call, and this process's CPU time per call (user + system). The server runs in another
// process, so CPU time is the client's own cost and stays meaningful on a busy machine.
async function measure(fn, concurrency) {
  const cpu = process.cpuUsage();
  const started = process.hrtime.bigint();
  let next = 0;
  const worker = async () => {
    while (next++ < callsPerRound) await fn();
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const wall = Number(process.hrtime.bigint() - started) / 1000 / callsPerRound;
  const used = process.cpuUsage(cpu);
  return { wall, cpu: (used.user + used.system) / callsPerRound };
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

const rows = [];
for (const concurrency of [1, 16]) {
  await measure(bare, concurrency); // warm-up
  await measure(ours, concurrency);
  const a = [];
  const b = [];
  for (let round = 0; round < rounds; round++) {
    // Alternate which side goes first so drift (JIT, GC, thermal) is shared.
    if (round % 2 === 0) {
      a.push(await measure(bare, concurrency));
      b.push(await measure(ours, concurrency));
    } else {
      b.push(await measure(ours, concurrency));
      a.push(await measure(bare, concurrency));
    }
  }
  const mode = concurrency === 1 ? 'sequential' : `${concurrency} in flight`;
  rows.push({
    mode: `${mode}, wall`,
    bare: median(a.map((m) => m.wall)),
    ours: median(b.map((m) => m.wall)),
  });
  rows.push({ mode: `${mode}, CPU`, bare: median(a.map((m) => m.cpu)), ours: median(b.map((m) => m.cpu)) });
}

const pad = (text, width) => String(text).padEnd(width);
console.log(
  `\n@x/auth-core transport vs bare undici.request (loopback GET, ${callsPerRound} calls x ${rounds} rounds, median)`,
);
console.log(`${pad('mode', 24)}${pad('bare undici', 14)}${pad('@x transport', 14)}ratio`);
for (const row of rows) {
  console.log(
    `${pad(row.mode, 24)}${pad(`${row.bare.toFixed(1)} µs`, 14)}${pad(`${row.ours.toFixed(1)} µs`, 14)}${(row.ours / row.bare).toFixed(3)}x`,
  );
}
console.log(
  `goal: under 1.10x · peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB · node ${process.versions.node}`,
);

await transport.close();
await agent.close();
server.disconnect();
server.kill();
