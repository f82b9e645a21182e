/**
 * `task.wait`: VMmanager actions answer a task id (the consul id) and do their work in the background. This polls
 * `task.list` filtered by that id until the task's status is `complete` (its object is returned) or `fail`
 * (a TaskFailedError), within a timeout, abortable.
 */
import { AbortError, type CallOptions, type Invocation, TimeoutError, type Transport } from '@x/auth-core';
import { TaskFailedError } from './errors.js';
import { type Where, where } from './filter.js';
import type { VmRoute } from './route.js';

const VENDOR = 'vmmanager';

/** What the poller needs from the client. */
export interface TaskPoller {
  invoke(id: string, input: unknown, options?: CallOptions): Promise<unknown>;
  transport: Transport;
}

/** The validated input of `task.wait`. */
interface WaitInput {
  task: number | string;
  name?: string | undefined;
  timeout_ms: number;
  interval_ms: number;
}

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** Polls until the task is done. */
export async function waitForTask(poller: TaskPoller, call: Invocation<VmRoute>): Promise<unknown> {
  const input = call.input as WaitInput;
  const signal = call.options.signal;
  const timeoutMs = Math.min(input.timeout_ms, call.options.deadlineMs ?? Number.POSITIVE_INFINITY);
  const deadline = Date.now() + timeoutMs;
  const task = String(input.task);
  const filter: Where = input.name
    ? where.and(where.eq('consul_id', task), where.eq('name', input.name))
    : where.eq('consul_id', task);
  const aborted = () =>
    new AbortError(`${VENDOR} ${call.id}: aborted by the caller while waiting for task ${task}.`, {
      vendor: VENDOR,
      endpoint: call.id,
    });
  let lastStatus = 'not listed yet';

  for (let polls = 1; ; polls++) {
    if (signal?.aborted) throw aborted();
    const remaining = deadline - Date.now();
    const answer = (await poller.invoke(
      'task.list',
      { where: filter },
      {
        signal,
        // One poll never outlives the wait, but gets a fair chance even at the very end.
        deadlineMs: Math.min(poller.transport.timeouts.deadlineMs, Math.max(remaining, 1_000)),
      },
    )) as { list: Record<string, unknown>[] };
    const found = answer.list[0];
    if (found) {
      const status = String(found.status ?? '');
      if (status === 'complete') return found;
      if (status === 'fail') {
        const why = [found.output, found.defer_reason].find((v) => typeof v === 'string' && v) as
          | string
          | undefined;
        throw new TaskFailedError(
          `${VENDOR} task ${task}${found.name ? ` (${String(found.name)})` : ''} failed` +
            `${why ? `: ${poller.transport.redactor.text(why)}` : ''}.`,
          {
            vendor: VENDOR,
            endpoint: call.id,
            code: 'fail',
            task: poller.transport.redactor.value(found) as Record<string, unknown>,
          },
        );
      }
      lastStatus = status || 'unknown';
    }
    if (Date.now() + input.interval_ms > deadline) {
      throw new TimeoutError(
        `${VENDOR} task ${task} is still running (status: ${lastStatus}) after ${timeoutMs} ms and ${polls} ` +
          'poll(s); call vmmanager_task_wait again to keep waiting.',
        { vendor: VENDOR, endpoint: call.id, phase: 'deadline', timeoutMs, mayHaveReachedServer: true },
      );
    }
    try {
      await sleep(input.interval_ms, signal);
    } catch {
      throw aborted();
    }
  }
}
