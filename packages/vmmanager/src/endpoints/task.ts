import { z } from 'zod';
import { listFilterShape } from '../filter.js';
import { vmEndpoint } from '../route.js';
import { ActionResult, idField, listOf } from '../schemas/common.js';
import { Task } from '../schemas/objects.js';

/** Default and ceiling of `task.wait`'s timeout: below the 60 s an MCP client waits for a tool by default. */
export const TASK_WAIT_DEFAULT_MS = 45_000;
export const TASK_WAIT_MAX_MS = 6 * 60 * 60 * 1000;

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
    input: z.strictObject({ task_id: idField('Task', 'vmmanager_task_list') }),
    output: Task,
    effect: 'read',
  }),
  abort: vmEndpoint({
    summary: 'Abort a running task.',
    route: { method: 'POST', path: '/vm/v3/task/{task_id}/abort' },
    input: z.strictObject({ task_id: idField('Task', 'vmmanager_task_list') }),
    output: ActionResult,
    effect: 'action',
    idempotent: true,
  }),
  wait: vmEndpoint({
    summary: 'Wait until a task completes or fails, and return it.',
    description:
      'Polls vmmanager_task_list; failure, or still running after timeout_ms, is an error (call again to keep waiting).',
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
        .min(100)
        .max(TASK_WAIT_MAX_MS)
        .default(TASK_WAIT_DEFAULT_MS)
        .describe('Give up after this many ms'),
      interval_ms: z.int().min(10).max(60_000).default(2_000).describe('Poll interval in ms'),
    }),
    output: Task,
    effect: 'read',
  }),
};
