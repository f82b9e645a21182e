import { vmmanagerControls } from '@x/testkit';
import { describe, expect, it } from 'vitest';
import { AbortError, TaskFailedError, TimeoutError, where } from '../src/index.js';
import { setup } from './support.js';

const t = setup({ taskDelayMs: 60 });

describe('tasks', () => {
  it('waitForTask polls task.list by consul id (and name) until the task completes', async () => {
    const vm = t.client();
    // The task finishes only when the test says so, after the waiter has seen it running: on a loaded machine
    // a fixed 60 ms task could be over before the first poll, and "polls until" would go untested.
    t.sim.state.taskDelayMs = 60_000;
    const { task } = await vm.host.stop({ host_id: 1 });
    const polls = () => t.sim.log.filter((entry) => entry.path === '/vm/v3/task');
    const waiting = vm.waitForTask(task as number, { name: 'host_stop' });
    while (polls().length < 2) await new Promise((resolve) => setTimeout(resolve, 5));
    const running = t.sim.state.tasks.find((item) => item.consul_id === task);
    if (running) running.doneAt = 0;
    const done = await waiting;
    expect(done).toMatchObject({ consul_id: task, name: 'host_stop', status: 'complete' });
    expect(polls().length).toBeGreaterThan(2);
    expect(polls()[0]?.query.where).toBe(`(consul_id EQ '${task}') AND (name EQ 'host_stop')`);
    expect((await vm.host.get({ host_id: 1 })).state).toBe('stopped');
  });

  it('task.wait is the same wait as a catalog endpoint (vmmanager_task_wait)', async () => {
    const vm = t.client();
    const { task } = await vm.host.restart({ host_id: 1 });
    const done = await vm.task.wait({ task: String(task) });
    expect(done).toMatchObject({ name: 'host_restart', status: 'complete' });
    expect(await vm.invoke('task.wait', { task })).toMatchObject({ status: 'complete' });
  });

  it('a failed task is a TaskFailedError carrying the task', async () => {
    vmmanagerControls.failNextTask(t.sim, 'host_reinstall');
    const vm = t.client();
    const { task } = await vm.host.reinstall({ host_id: 1, os: 2 });
    const error = await vm.waitForTask(task as number).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TaskFailedError);
    expect(error).toMatchObject({ code: 'fail', task: { name: 'host_reinstall', status: 'fail' } });
    expect((error as Error).message).toMatch(/host_reinstall.*failed: host_reinstall: simulated failure/);
  });

  it('a task still running after the timeout is a TimeoutError naming its status', async () => {
    t.sim.state.taskDelayMs = 60_000;
    // The wait's clock jumps past the timeout once two polls were seen: no real time has to pass.
    let offset = 0;
    const vm = t.client({ waitPacing: { intervalMs: 10, now: () => Date.now() + offset } });
    const { task } = await vm.host.start({ host_id: 3 });
    const polls = () => t.sim.log.filter((entry) => entry.path === '/vm/v3/task').length;
    const waiting = vm.waitForTask(task as number, { timeoutMs: 5_000 }).catch((e: unknown) => e);
    while (polls() < 2) await new Promise((resolve) => setTimeout(resolve, 5));
    offset = 60_000;
    const error = await waiting;
    expect(error).toBeInstanceOf(TimeoutError);
    expect((error as Error).message).toMatch(/still running \(status: running\)/);
    expect((error as Error).message).toMatch(/call task\.wait again/);
    expect(error).toMatchObject({ remedy: { endpoint: 'task.wait', action: 'call-again' } });
  });

  it('an AbortSignal stops the wait', async () => {
    t.sim.state.taskDelayMs = 60_000;
    const vm = t.client();
    const { task } = await vm.host.start({ host_id: 3 });
    const controller = new AbortController();
    const waiting = vm.waitForTask(task as number, { signal: controller.signal });
    setTimeout(() => controller.abort(), 60);
    await expect(waiting).rejects.toBeInstanceOf(AbortError);
  });

  it('task.list, task.get and task.abort', async () => {
    t.sim.state.taskDelayMs = 60_000;
    const vm = t.client();
    const { task } = await vm.host.start({ host_id: 3 });
    const listed = await vm.task.list({ where: where.eq('consul_id', String(task)) });
    const id = listed.list[0]?.id as number;
    expect(await vm.task.get({ task_id: id })).toMatchObject({ consul_id: task, status: 'running' });
    expect(t.last().path).toBe(`/vm/v3/task/${id}`);
    await vm.task.abort({ task_id: id });
    expect(t.last()).toMatchObject({ method: 'POST', path: `/vm/v3/task/${id}/abort` });
    const error = await vm.waitForTask(task as number).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TaskFailedError);
    expect((error as Error).message).toMatch(/aborted by user/);
  });
});
