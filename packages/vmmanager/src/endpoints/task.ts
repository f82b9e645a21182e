import { ref } from '@x/auth-core';
import { z } from 'zod';
import { listFilterShape } from '../filter.js';
import { vmEndpoint } from '../route.js';
import { ActionResult, idField, listOf } from '../schemas/common.js';
import { Task } from '../schemas/objects.js';

/** Default of `task.wait`'s timeout: below the 60 s an MCP client waits for a tool by default. */
export const TASK_WAIT_DEFAULT_MS = 45_000;
/**
 * Ceiling of `task.wait`'s timeout (2 minutes): a wait must end inside the tool timeout of an MCP client (60 s by
 * default, a few minutes at most when raised). Longer tasks are waited for by calling again.
 */
export const TASK_WAIT_MAX_MS = 120_000;
/** Floor of `task.wait`'s poll interval (1 s): 10 ms would send a hundred list requests a second to the panel. */
export const TASK_POLL_MIN_MS = 1_000;
/** Default and ceiling of `task.wait`'s poll interval. */
export const TASK_POLL_DEFAULT_MS = 2_000;
export const TASK_POLL_MAX_MS = 30_000;

/** Asynchronous operations (`/vm/v3/task`). */
export const task = {
  list: vmEndpoint({
    summary: 'List tasks (asynchronous operations).',
    description: "An action's task id is the consul_id field. status is complete or fail when done.",
    route: { method: 'GET', path: '/vm/v3/task', filter: true },
    input: z.strictObject(listFilterShape),
    output: listOf(Task),
    effect: 'read',
  }),
  get: vmEndpoint({
    summary: 'Get one task by its internal id.',
    description: 'Not the task (consul id) an action answers.',
    route: { method: 'GET', path: '/vm/v3/task/{task_id}' },
    input: z.strictObject({ task_id: idField('Task', ref('task.list')) }),
    output: Task,
    effect: 'read',
  }),
  abort: vmEndpoint({
    summary: 'Abort a running task.',
    route: { method: 'POST', path: '/vm/v3/task/{task_id}/abort' },
    input: z.strictObject({ task_id: idField('Task', ref('task.list')) }),
    output: ActionResult,
    effect: 'action',
    idempotent: true,
  }),
  wait: vmEndpoint({
    summary: 'Wait until a task completes or fails, and return it.',
    description: `Polls ${ref('task.list')}; failure, or still running after timeout_ms, is an error (call again to keep waiting).`,
    route: { method: 'GET', path: '/vm/v3/task', pseudo: 'task.wait' },
    input: z.strictObject({
      task: z
        .union([z.int().positive(), z.string().regex(/^[0-9]{1,20}$/, 'digits only')])
        .describe('Task id an action answered (consul id)'),
      name: z
        .string()
        .regex(/^[a-z0-9_]{1,64}$/, 'a task name such as host_create')
        .optional()
        .describe('Task name to disambiguate, e.g. host_create'),
      timeout_ms: z
        .int()
        .min(100, 'must be at least 100 ms')
        .max(
          TASK_WAIT_MAX_MS,
          `must be at most ${TASK_WAIT_MAX_MS} ms (2 minutes, inside an MCP client's tool timeout); call again to keep waiting`,
        )
        .default(TASK_WAIT_DEFAULT_MS)
        .describe('Give up after this many ms (at most 120000; call again to keep waiting)'),
      interval_ms: z
        .int()
        .min(
          TASK_POLL_MIN_MS,
          `must be at least ${TASK_POLL_MIN_MS} ms (faster polling only loads the panel)`,
        )
        .max(TASK_POLL_MAX_MS, `must be at most ${TASK_POLL_MAX_MS} ms`)
        .default(TASK_POLL_DEFAULT_MS)
        .describe('Poll interval in ms (at least 1000)'),
    }),
    output: Task,
    effect: 'read',
  }),
};
