import { CallToolResultSchema, type Progress } from '@modelcontextprotocol/sdk/types.js';
import { afterEach, describe, expect, it } from 'vitest';
import { payloadOf, startTrustServer } from './support.js';

let server: Awaited<ReturnType<typeof startTrustServer>> | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('long waits report progress to a client that asks for it', () => {
  it('vmmanager_task_wait sends progress notifications while it polls, then the task result', async () => {
    server = await startTrustServer();
    server.sims.vmmanager.state.taskDelayMs = 2_500;
    const host = server.sims.vmmanager.state.hosts.find((candidate) => candidate.state === 'stopped');
    const started = payloadOf(await server.call('vmmanager_host_start', { host_id: host?.id }));
    const task = (started.result as { task?: number }).task;
    expect(task, JSON.stringify(started)).toBeDefined();

    const reports: Progress[] = [];
    const result = await server.client.callTool(
      { name: 'vmmanager_task_wait', arguments: { task, interval_ms: 1_000, timeout_ms: 20_000 } },
      CallToolResultSchema,
      { onprogress: (progress) => reports.push(progress), resetTimeoutOnProgress: true },
    );
    expect(result.isError, JSON.stringify(result).slice(0, 400)).toBeFalsy();
    expect(reports.length).toBeGreaterThanOrEqual(1);
    expect(reports[0]?.message).toMatch(/polls/);
    // Progress only grows, as the protocol requires.
    for (let at = 1; at < reports.length; at++) {
      expect(reports[at]?.progress).toBeGreaterThan(reports[at - 1]?.progress ?? -1);
    }
  });
});
