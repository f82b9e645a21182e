import { describe, expect, it } from 'vitest';
import {
  AbortError,
  InputError,
  TASK_POLL_MIN_MS,
  TASK_WAIT_MAX_MS,
  type TaskWaitCallOptions,
  vmmanagerCatalog,
  type WaitProgress,
} from '../src/index.js';
import { setup } from './support.js';

const t = setup({ taskDelayMs: 60 });

const polls = () => t.sim.log.filter((entry) => entry.path === '/vm/v3/task').length;
const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

/** The issues of the InputError a call rejects with. */
async function issuesOf(call: Promise<unknown>): Promise<{ path: string; message: string }[]> {
  const error = await call.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(InputError);
  return [...(error as InputError).issues];
}

describe('task.wait limits', () => {
  it('the limits are in the input schema (the MCP tool listing) and documented in the field descriptions', () => {
    const shape = vmmanagerCatalog.task.wait.input.shape;
    expect(TASK_WAIT_MAX_MS).toBe(120_000);
    expect(TASK_POLL_MIN_MS).toBe(1_000);
    expect(shape.timeout_ms.description).toMatch(/at most 120000/);
    expect(shape.interval_ms.description).toMatch(/at least 1000/);
    expect(shape.timeout_ms.safeParse(TASK_WAIT_MAX_MS).success).toBe(true);
    expect(shape.interval_ms.safeParse(TASK_POLL_MIN_MS).success).toBe(true);
  });

  it.each([
    [{ interval_ms: 10 }, 'interval_ms', /at least 1000 ms/],
    [{ interval_ms: 999 }, 'interval_ms', /at least 1000 ms/],
    [{ interval_ms: 60_000 }, 'interval_ms', /at most 30000 ms/],
    [{ timeout_ms: 6 * 60 * 60 * 1000 }, 'timeout_ms', /at most 120000 ms .*call again/],
    [{ timeout_ms: 120_001 }, 'timeout_ms', /at most 120000 ms/],
    [{ timeout_ms: 50 }, 'timeout_ms', /at least 100 ms/],
  ])('task.wait %j is an InputError naming %s; nothing is sent', async (limits, field, rule) => {
    // Even a client whose test pacing polls every 10 ms: the option does not open the tool input.
    const vm = t.client();
    const issues = await issuesOf(vm.invoke('task.wait', { task: 1, ...limits }));
    expect(issues).toEqual([{ path: field, message: expect.stringMatching(rule) }]);
    expect(t.sim.log).toHaveLength(0);
  });

  it('waitForTask options are held to the same limits (named by their wire field)', async () => {
    const vm = t.client();
    expect(await issuesOf(vm.waitForTask(1, { intervalMs: 10 }))).toEqual([
      { path: 'interval_ms', message: expect.stringMatching(/at least 1000 ms/) },
    ]);
    expect(await issuesOf(vm.waitForTask(1, { timeoutMs: 6 * 60 * 60 * 1000 }))).toEqual([
      { path: 'timeout_ms', message: expect.stringMatching(/at most 120000 ms/) },
    ]);
    expect(t.sim.log).toHaveLength(0);
  });
});

describe('task.wait cancellation', () => {
  it('an abort between polls ends the wait at once: no further request reaches the simulator', async () => {
    t.sim.state.taskDelayMs = 60_000;
    const vm = t.client();
    const { task } = await vm.host.start({ host_id: 3 });
    const controller = new AbortController();
    const waiting = vm.waitForTask(task as number, { signal: controller.signal }).catch((e: unknown) => e);
    while (polls() < 3) await tick();
    controller.abort();
    expect(await waiting).toBeInstanceOf(AbortError);
    const after = t.sim.log.length;
    // Twenty poll intervals of the test pacing: a wait that kept polling would have sent more by now.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(t.sim.log.length).toBe(after);
  });

  it('an abort during a poll that hangs ends the wait at once, and nothing is sent after it', async () => {
    t.sim.state.taskDelayMs = 60_000;
    const vm = t.client();
    const { task } = await vm.host.start({ host_id: 3 });
    // The second poll never gets an answer: only the abort can end the wait (else the test times out).
    t.sim.faults.add({ kind: 'hang' }, { match: { path: '/vm/v3/task' }, times: 1 });
    const controller = new AbortController();
    const waiting = vm.waitForTask(task as number, { signal: controller.signal }).catch((e: unknown) => e);
    while (!t.sim.log.some((entry) => entry.fault === 'hang')) await tick();
    const sent = t.sim.log.length;
    controller.abort();
    const error = await waiting;
    expect(error).toBeInstanceOf(AbortError);
    expect((error as AbortError).endpoint).toBe('task.wait');
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(t.sim.log.length).toBe(sent);
  });

  it('an already aborted signal sends nothing', async () => {
    const vm = t.client();
    const error = await vm.waitForTask(1, { signal: AbortSignal.abort() }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AbortError);
    expect(polls()).toBe(0);
  });
});

describe('task.wait progress', () => {
  it('reports elapsed time, polls and the status after each poll that did not end the wait', async () => {
    t.sim.state.taskDelayMs = 60_000;
    const vm = t.client();
    const { task } = await vm.host.stop({ host_id: 1 });
    const seen: WaitProgress[] = [];
    const waiting = vm.waitForTask(task as number, {
      onProgress: (progress) => {
        seen.push(progress);
        if (seen.length === 3) {
          const running = t.sim.state.tasks.find((item) => item.consul_id === task);
          if (running) running.doneAt = 0;
        }
      },
    });
    expect(await waiting).toMatchObject({ status: 'complete' });
    expect(seen.length).toBeGreaterThanOrEqual(3);
    expect(seen.map((progress) => progress.attempts)).toEqual(seen.map((_, i) => i + 1));
    expect(seen[0]).toMatchObject({ attempts: 1, status: 'running' });
    for (const progress of seen) expect(progress.elapsedMs).toBeGreaterThanOrEqual(0);
  });

  it('a progress callback that throws does not end the wait; the catalog call takes it in its call options', async () => {
    t.sim.state.taskDelayMs = 60_000;
    const vm = t.client();
    const { task } = await vm.host.restart({ host_id: 1 });
    let calls = 0;
    const options: TaskWaitCallOptions = {
      onProgress: () => {
        calls += 1;
        if (calls === 2) {
          const running = t.sim.state.tasks.find((item) => item.consul_id === task);
          if (running) running.doneAt = 0;
        }
        throw new Error('reporter is broken');
      },
    };
    const done = await vm.invoke('task.wait', { task }, options);
    expect(done).toMatchObject({ name: 'host_restart', status: 'complete' });
    expect(calls).toBeGreaterThanOrEqual(2);
  });
});
