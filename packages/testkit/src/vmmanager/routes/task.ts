/** Tasks: list, one task (by id or by the consul id an action answered), abort. */
import { fail, notFound, VM_ERROR } from '../errors.js';
import { list, type Route } from '../route.js';
import { jsonBody } from '../validate.js';
import { byId, taskView } from '../views.js';

export const taskRoutes: Route[] = [
  {
    method: 'GET',
    path: /^\/vm\/v3\/task$/,
    handle: ({ req, state }) => list(req, state.tasks.map(taskView)),
  },
  {
    method: 'GET',
    path: /^\/vm\/v3\/task\/(\d+)$/,
    handle: ({ state, params }) => {
      // By task id, or by the consul id an action answered (they never collide: consul ids are far larger).
      const id = Number(params[0]);
      const task =
        byId(state.tasks, id) ?? state.tasks.find((t) => t.consul_id === id) ?? notFound('task', params[0]);
      const view = taskView(task);
      // vm-balancer reads the status as `task.status`; the flat fields stay for everyone else.
      return { body: { ...view, task: view } };
    },
  },
  {
    method: 'POST',
    path: /^\/vm\/v3\/task\/(\d+)\/abort$/,
    handle: ({ req, state, params }) => {
      jsonBody(req, []);
      const task = byId(state.tasks, Number(params[0])) ?? notFound('task', params[0]);
      if (task.status === 'complete' || task.status === 'fail') {
        fail(400, VM_ERROR.badRequest, 'The task has already finished', { status: task.status });
      }
      task.status = 'fail';
      task.output = 'aborted by user';
      task.undo?.();
      return { body: { id: task.id } };
    },
  },
];
