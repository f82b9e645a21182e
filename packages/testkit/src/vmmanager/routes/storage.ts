/** Disks (list, grow) and backups (list, delete); a host's own backups are in `host.ts`. */
import { fail, notFound, VM_ERROR } from '../errors.js';
import { action, list, type Route } from '../route.js';
import { startTask } from '../tasks.js';
import { int, jsonBody } from '../validate.js';
import { backupView, byId, diskView } from '../views.js';

export const storageRoutes: Route[] = [
  {
    method: 'GET',
    path: /^\/vm\/v3\/disk$/,
    handle: ({ req, state }) =>
      list(
        req,
        state.disks.map((d) => diskView(state, d)),
      ),
  },
  {
    method: 'POST',
    path: /^\/vm\/v3\/disk\/(\d+)$/,
    handle: ({ req, state, now, params }) => {
      const disk = byId(state.disks, Number(params[0])) ?? notFound('disk', params[0]);
      const body = jsonBody(req, ['size_mib', 'defer']);
      const size = int(body, 'size_mib', true);
      if (size <= disk.size_mib)
        fail(400, VM_ERROR.badRequest, 'A disk can only grow', { field: 'size_mib', current: disk.size_mib });
      const task = startTask(state, now, 'disk_resize', () => {
        disk.size_mib = size;
      });
      return action(disk.id, task);
    },
  },
  {
    method: 'GET',
    path: /^\/vm\/v3\/backup$/,
    handle: ({ req, state }) =>
      list(
        req,
        state.backups.map((b) => backupView(state, b)),
      ),
  },
  {
    method: 'DELETE',
    path: /^\/vm\/v3\/backup\/(\d+)$/,
    handle: ({ state, params }) => {
      const id = Number(params[0]);
      if (!byId(state.backups, id)) notFound('backup', id);
      state.backups = state.backups.filter((b) => b.id !== id);
      return { body: { id } };
    },
  },
];
