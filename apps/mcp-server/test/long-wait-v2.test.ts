// A long wait (vmmanager_task_wait) driven by the v2 SDK's Client on 2026-07-28, over stdio (the built bin) and
// Streamable HTTP, against the sandbox: the client hears progress while the wait polls and then gets the plain
// result. The server does not offer the tasks extension (io.modelcontextprotocol/tasks), so a client that
// declares it gets exactly what a client without it gets: a task handle never comes back from tools/call.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { Client, StreamableHTTPClientTransport } from '@modelcontextprotocol/client';
import { StdioClientTransport } from '@modelcontextprotocol/client/stdio';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp } from '../src/app.js';
import { startHttp } from '../src/http.js';
import { parseOptions } from '../src/options.js';
import { createMcpServer } from '../src/server.js';
import { startupVendors } from '../src/startup-vendors.js';

const cli = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
const TASKS_EXTENSION = 'io.modelcontextprotocol/tasks';
const cleanup: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

/** A modern-era client; `tasks` declares the tasks extension in its capabilities. */
function modernClient(tasks: boolean): Client {
  return new Client(
    { name: 'long-wait-test', version: '0.0.0' },
    {
      versionNegotiation: { mode: { pin: '2026-07-28' } },
      // `extensions` is the 2026-07-28 capability map; the SDK's ClientCapabilities type does not name it yet.
      ...(tasks ? { capabilities: { extensions: { [TASKS_EXTENSION]: {} } } as object } : {}),
    },
  );
}

async function overStdio(tasks: boolean, extra: string[] = []): Promise<Client> {
  const client = modernClient(tasks);
  await client.connect(
    new StdioClientTransport({
      command: process.execPath,
      args: [cli, '--sandbox', '--tool-mode', 'static', ...extra],
      env: { PATH: process.env.PATH ?? '' },
      stderr: 'pipe',
    }),
  );
  cleanup.push(() => client.close());
  return client;
}

async function overHttp(tasks: boolean): Promise<Client> {
  const options = parseOptions(['--transport', 'http', '--sandbox', '--tool-mode', 'static'], {});
  const app = await createApp(options, { ...startupVendors(), env: {} });
  cleanup.push(() => app.close());
  const http = await startHttp({
    host: '127.0.0.1',
    port: 0,
    createServer: () => createMcpServer(app.registry),
  });
  cleanup.push(() => http.close());
  const client = modernClient(tasks);
  await client.connect(new StreamableHTTPClientTransport(new URL(http.url)));
  cleanup.push(() => client.close());
  return client;
}

interface Progressed {
  progress: number;
  message?: string | undefined;
}

/** Starts a stopped sandbox host and returns the id of the task that starts it. */
async function startHost(client: Client): Promise<number> {
  const listed = await client.callTool({ name: 'vmmanager_host_list', arguments: {} });
  expect(listed.isError, JSON.stringify(listed).slice(0, 300)).toBeFalsy();
  const hosts = (listed.structuredContent as { result: { list: Array<{ id: number; state: string }> } })
    .result.list;
  const stopped = hosts.find((host) => host.state === 'stopped');
  expect(stopped, JSON.stringify(hosts).slice(0, 300)).toBeDefined();
  const started = await client.callTool({
    name: 'vmmanager_host_start',
    arguments: { host_id: stopped?.id },
  });
  expect(started.isError, JSON.stringify(started).slice(0, 300)).toBeFalsy();
  const task = (started.structuredContent as { result: { task?: number } }).result.task;
  expect(task, JSON.stringify(started).slice(0, 300)).toBeDefined();
  return task as number;
}

/** Starts a stopped sandbox host, then waits for its task with a progress callback. */
async function waitForHostStart(client: Client) {
  const task = await startHost(client);
  const reports: Progressed[] = [];
  const waited = await client.callTool(
    { name: 'vmmanager_task_wait', arguments: { task, interval_ms: 1_000, timeout_ms: 20_000 } },
    { onprogress: (progress) => reports.push(progress), resetTimeoutOnProgress: true },
  );
  return { waited, reports, task };
}

describe.each([
  ['stdio', overStdio],
  ['Streamable HTTP', overHttp],
] as const)('a long wait over %s, 2026-07-28 (v2 Client)', (_transport, connect) => {
  it.each([
    ['declares the tasks extension', true],
    ['does not declare it', false],
  ] as const)('a client that %s gets progress, then the plain result', async (_label, tasks) => {
    const client = await connect(tasks);
    expect(client.getProtocolEra()).toBe('modern');
    // Not advertised: the SDK (2.4.0) has no server runtime for the extension, see the README.
    expect(client.getServerCapabilities()).not.toHaveProperty(['extensions', TASKS_EXTENSION]);

    const { waited, reports, task } = await waitForHostStart(client);
    expect(waited.isError, JSON.stringify(waited).slice(0, 400)).toBeFalsy();
    expect(waited).not.toHaveProperty('task');
    expect(JSON.stringify(waited.structuredContent)).toContain(String(task));
    expect(reports.length, 'progress reports').toBeGreaterThanOrEqual(1);
    expect(reports[0]?.message).toMatch(/polls/);
    for (let at = 1; at < reports.length; at++) {
      expect(reports[at]?.progress).toBeGreaterThan(reports[at - 1]?.progress ?? -1);
    }
  });
});

describe('cancelling a long wait (v2 Client, stdio, 2026-07-28)', () => {
  it('aborts the wait on the server, which records the call as aborted', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'long-wait-'));
    cleanup.push(async () => rmSync(dir, { recursive: true, force: true }));
    const audit = join(dir, 'audit.jsonl');
    const client = await overStdio(false, ['--audit-log', audit]);

    // A task id the sandbox never lists: the wait can only end by its deadline or by the cancel, never by the
    // task finishing first. Cancel once the server has said it is polling (event order, not a timer).
    const controller = new AbortController();
    const waiting = client.callTool(
      { name: 'vmmanager_task_wait', arguments: { task: 987_654, interval_ms: 1_000, timeout_ms: 15_000 } },
      { signal: controller.signal, onprogress: () => controller.abort() },
    );
    await expect(waiting).rejects.toThrow();

    // The server writes the wait's audit line when the call ends; poll the file until it is there.
    const waitLine = () =>
      readFileSync(audit, 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line) as { tool: string; outcome: string })
        .find((line) => line.tool === 'vmmanager_task_wait');
    let line = waitLine();
    while (line === undefined) {
      await sleep(50);
      line = waitLine();
    }
    // A wait left running would record its deadline (`timeout`); one stopped by the call's AbortSignal, `abort`.
    expect(line.outcome, JSON.stringify(line)).toBe('abort');
  });
});
