/**
 * `task.wait`: VMmanager actions answer a task id (the consul id) and do their work in the background. This polls
 * `task.list` filtered by that id until the task's status is `complete` (its object is returned) or `fail`
 * (a TaskFailedError), within a timeout, abortable.
 *
 * The input schema bounds the wait (timeout at most 2 minutes, a poll at most every second); only a client's
 * {@link WaitPacing} (tests against a simulator) polls faster or moves the clock.
 */
import {
  AbortError,
  type CallOptions,
  type Invocation,
  refusalError,
  TimeoutError,
  type Transport,
  type WaitProgress,
} from '@x/auth-core';
import { TaskFailedError } from './errors.js';
import { type Where, where } from './filter.js';
import type { VmRoute } from './route.js';

const VENDOR = 'vmmanager';

/**
 * How a client paces its waits. For tests against a simulator only: production code leaves it unset, and the
 * tool input cannot change it.
 */
export interface WaitPacing {
  /** Pause this long between polls instead of the call's `interval_ms` (which is at least 1000 ms). */
  intervalMs?: number | undefined;
  /** The clock the wait's deadline is measured on (ms since the epoch); default `Date.now`. */
  now?: (() => number) | undefined;
}

/** How far a wait has come (the core's progress report, shared by every vendor's waits). */
export type { WaitProgress };

/** Call options of `task.wait`: the common ones plus a progress callback (an MCP server can relay it). */
export interface TaskWaitCallOptions extends CallOptions {
  /**
   * Called after each poll that did not end the wait. It must not throw (an exception is ignored, so a broken
   * reporter cannot end the wait) and should return quickly.
   */
  onProgress?: ((progress: WaitProgress) => void) | undefined;
}

/** What the poller needs from the client. */
export interface TaskPoller {
  invoke(id: string, input: unknown, options?: CallOptions): Promise<unknown>;
  transport: Transport;
  pacing?: WaitPacing | undefined;
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
  const options = call.options as TaskWaitCallOptions;
  const signal = options.signal;
  const now = poller.pacing?.now ?? Date.now;
  const intervalMs = Math.max(0, poller.pacing?.intervalMs ?? input.interval_ms);
  const timeoutMs = Math.min(input.timeout_ms, options.deadlineMs ?? Number.POSITIVE_INFINITY);
  const started = now();
  const deadline = started + timeoutMs;
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
    const remaining = deadline - now();
    let answer: { list: Record<string, unknown>[] };
    try {
      answer = (await poller.invoke(
        'task.list',
        { where: filter },
        {
          signal,
          // One poll never outlives the wait, but gets a fair chance even at the very end.
          deadlineMs: Math.min(poller.transport.timeouts.deadlineMs, Math.max(remaining, 1_000)),
        },
      )) as { list: Record<string, unknown>[] };
    } catch (error) {
      // An abort during a poll ends the wait at once, reported as the wait's own abort.
      if (signal?.aborted) throw aborted();
      throw error;
    }
    const found = answer.list[0];
    if (found) {
      const status = String(found.status ?? '');
      if (status === 'complete') return found;
      if (status === 'fail') {
        const why = [found.output, found.defer_reason].find((v) => typeof v === 'string' && v) as
          | string
          | undefined;
        throw refusalError(
          VENDOR,
          call.id,
          { redactor: poller.transport.redactor },
          {
            as: TaskFailedError,
            code: 'fail',
            message: why,
            data: { task: found },
            summary: `${VENDOR} task ${task}${found.name ? ` (${String(found.name)})` : ''} failed${why ? `: ${why}` : ''}.`,
          },
        );
      }
      lastStatus = status || 'unknown';
    }
    if (signal?.aborted) throw aborted();
    report(options.onProgress, {
      elapsedMs: now() - started,
      attempts: polls,
      ...(found ? { status: lastStatus } : {}),
    });
    if (now() + intervalMs > deadline) {
      throw new TimeoutError(
        `${VENDOR} task ${task} is still running (status: ${lastStatus}) after ${timeoutMs} ms and ${polls} ` +
          'poll(s); call task.wait again to keep waiting.',
        {
          vendor: VENDOR,
          endpoint: call.id,
          phase: 'deadline',
          timeoutMs,
          mayHaveReachedServer: true,
          remedy: { endpoint: 'task.wait', action: 'call-again' },
        },
      );
    }
    try {
      await sleep(intervalMs, signal);
    } catch {
      throw aborted();
    }
  }
}

/** Hands a progress report to the caller's callback; a callback that throws does not end the wait. */
function report(onProgress: TaskWaitCallOptions['onProgress'], progress: WaitProgress): void {
  if (!onProgress) return;
  try {
    onProgress(progress);
  } catch {
    // A progress reporter is a side channel: its failure must not turn a running wait into an error.
  }
}
