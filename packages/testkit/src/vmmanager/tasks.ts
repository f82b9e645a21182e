/** The task engine: actions start tasks that finish (or fail, on request) after the state's task delay. */
import type { VmManagerState } from './state.js';
import { stamp } from './views.js';

/** Starts a task that completes (or fails, when its name is in `failTasks`) after `taskDelayMs`. */
export function startTask(
  state: VmManagerState,
  now: number,
  name: string,
  effect?: () => void,
  undo?: () => void,
  host?: number,
): number {
  const id = state.nextId++;
  const failIndex = state.failTasks.indexOf(name);
  if (failIndex >= 0) state.failTasks.splice(failIndex, 1);
  const task = {
    id,
    consul_id: 1_341_774_600 + id,
    name,
    status: 'running' as const,
    doneAt: now + state.taskDelayMs,
    output: '',
    registration_time: stamp(now),
    willFail: failIndex >= 0,
    effect,
    undo,
    host,
  };
  state.tasks.push(task);
  return task.consul_id;
}

/** Finishes every task whose time has come, applying its effect (or its undo when it fails). */
export function tick(state: VmManagerState, now: number): void {
  for (const task of state.tasks) {
    if ((task.status !== 'running' && task.status !== 'created') || task.doneAt > now) continue;
    if (task.willFail) {
      task.status = 'fail';
      task.output = `${task.name}: simulated failure`;
      task.undo?.();
    } else {
      task.status = 'complete';
      task.effect?.();
    }
  }
}
