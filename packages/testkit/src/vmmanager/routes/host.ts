/**
 * One VM: list, get, update, delete, power, migrate, history, reinstall, resources, password, owner, addresses,
 * metrics, backups and restore (creation is in `host-create.ts`).
 */
import { allocateIp } from '../addresses.js';
import { badRequest, fail, notFound, VM_ERROR } from '../errors.js';
import { action, HOST, host, list, type Route, re } from '../route.js';
import { startTask } from '../tasks.js';
import { bool, int, isInt, jsonBody, onlyQuery, text } from '../validate.js';
import { backupView, byId, historyView, hostView, ipView, partialHostView } from '../views.js';
import { hostCreateRoute } from './host-create.js';

export const hostRoutes: Route[] = [
  {
    method: 'GET',
    path: /^\/vm\/v3\/host$/,
    handle: ({ req, state }) =>
      list(
        req,
        state.hosts.map((h) => hostView(state, h)),
      ),
  },
  hostCreateRoute,
  { method: 'GET', path: re(`${HOST}$`), handle: (ctx) => ({ body: partialHostView(host(ctx)) }) },
  {
    method: 'POST',
    path: re(`${HOST}$`),
    handle: (ctx) => {
      const target = host(ctx);
      const body = jsonBody(ctx.req, ['name', 'comment', 'ha_restore_on_fail', 'expand_part']);
      const name = text(body, 'name');
      if (name !== undefined) {
        if (ctx.state.hosts.some((other) => other.name === name && other.id !== target.id)) {
          fail(400, VM_ERROR.conflict, 'Host name already in use', { field: 'name' });
        }
        target.name = name;
      }
      if (typeof body.comment === 'string') target.comment = body.comment;
      target.ha_restore_on_fail = bool(body, 'ha_restore_on_fail') ?? target.ha_restore_on_fail;
      return { body: { id: target.id } };
    },
  },
  {
    method: 'DELETE',
    path: re(`${HOST}$`),
    handle: (ctx) => {
      onlyQuery(ctx.req, ['force']);
      const target = host(ctx);
      const { state } = ctx;
      const before = target.state;
      target.state = 'deleting';
      const task = startTask(
        state,
        ctx.now,
        'host_delete',
        () => {
          state.hosts = state.hosts.filter((h) => h.id !== target.id);
          state.disks = state.disks.filter((d) => d.host !== target.id);
          state.ips = state.ips.filter((ip) => ip.host !== target.id);
        },
        () => {
          target.state = before;
        },
        target.id,
      );
      return action(target.id, task);
    },
  },
  ...(['start', 'stop', 'restart'] as const).map(
    (verb): Route => ({
      method: 'POST',
      path: re(`${HOST}/${verb}$`),
      handle: (ctx) => {
        const target = host(ctx);
        // `force` is accepted by stop and restart (aiovmmanager's README force-restarts); start takes none.
        jsonBody(ctx.req, verb === 'start' ? [] : ['force']);
        const task = startTask(
          ctx.state,
          ctx.now,
          `host_${verb}`,
          () => {
            target.state = verb === 'stop' ? 'stopped' : 'active';
          },
          undefined,
          target.id,
        );
        return action(target.id, task, verb === 'restart' ? { start_task: task } : {});
      },
    }),
  ),
  {
    method: 'POST',
    path: re(`${HOST}/migrate$`),
    handle: (ctx) => {
      const target = host(ctx);
      const nodeId = int(jsonBody(ctx.req, ['node']), 'node', true);
      const node = byId(ctx.state.nodes, nodeId) ?? notFound('node', nodeId);
      if (node.cluster !== target.cluster) badRequest('the node is in another cluster', 'node');
      if (node.id === target.node) badRequest('the VM is already on that node', 'node');
      if (node.maintenance_mode || node.host_creation_blocked)
        fail(400, VM_ERROR.conflict, 'the node accepts no VMs', { field: 'node' });
      if (target.state !== 'active' && target.state !== 'stopped')
        fail(400, VM_ERROR.conflict, `a ${target.state} VM cannot migrate`, { state: target.state });
      const task = startTask(
        ctx.state,
        ctx.now,
        'host_migrate',
        () => {
          target.node = node.id;
        },
        undefined,
        target.id,
      );
      return action(target.id, task);
    },
  },
  {
    method: 'GET',
    path: re(`${HOST}/history$`),
    handle: (ctx) => {
      const target = host(ctx);
      const entries = ctx.state.tasks.filter((task) => task.host === target.id).map(historyView);
      const answer = list(ctx.req, entries);
      // vm-balancer reads `max_id`: the newest entry's id, so it can pick the task it just started.
      const maxId = entries.reduce((max, entry) => Math.max(max, entry.id), 0);
      return { body: { ...(answer.body as object), max_id: maxId } };
    },
  },
  {
    method: 'POST',
    path: re(`${HOST}/reinstall$`),
    handle: (ctx) => {
      const target = host(ctx);
      const body = jsonBody(ctx.req, ['os', 'image', 'password', 'send_email_mode', 'disk']);
      const osId = int(body, 'os');
      if (osId === undefined && body.image === undefined) badRequest('os or image is required', 'os');
      if (osId !== undefined && !byId(ctx.state.os, osId)) notFound('os', osId);
      const password = text(body, 'password');
      const task = startTask(
        ctx.state,
        ctx.now,
        'host_reinstall',
        () => {
          if (osId !== undefined) target.os = osId;
          if (password) target.password = password;
        },
        undefined,
        target.id,
      );
      return action(target.id, task);
    },
  },
  {
    method: 'POST',
    path: re(`${HOST}/resource$`),
    handle: (ctx) => {
      const target = host(ctx);
      const body = jsonBody(ctx.req, ['cpu_number', 'ram_mib', 'net_bandwidth_mbitps', 'defer']);
      const cpu = int(body, 'cpu_number');
      const ram = int(body, 'ram_mib');
      const bandwidth = body.net_bandwidth_mbitps;
      if (
        bandwidth !== undefined &&
        !(typeof bandwidth === 'number' && Number.isInteger(bandwidth) && bandwidth >= 0)
      ) {
        badRequest('net_bandwidth_mbitps must be an integer >= 0', 'net_bandwidth_mbitps');
      }
      const defer = body.defer as { action?: unknown } | undefined;
      if (defer !== undefined && defer?.action !== 'host_stop')
        badRequest('defer.action must be host_stop', 'defer');
      const task = startTask(
        ctx.state,
        ctx.now,
        'host_change_params',
        () => {
          if (cpu !== undefined) target.cpu_number = cpu;
          if (ram !== undefined) target.ram_mib = ram;
          if (typeof bandwidth === 'number') target.net_bandwidth_mbitps = bandwidth;
        },
        undefined,
        target.id,
      );
      return action(target.id, task);
    },
  },
  {
    method: 'POST',
    path: re(`${HOST}/password$`),
    handle: (ctx) => {
      const target = host(ctx);
      const password = text(jsonBody(ctx.req, ['password']), 'password', true);
      if (password.length < 6) badRequest('password is too short', 'password');
      const task = startTask(
        ctx.state,
        ctx.now,
        'host_change_password',
        () => {
          target.password = password;
        },
        undefined,
        target.id,
      );
      return action(target.id, task);
    },
  },
  {
    method: 'POST',
    path: re(`${HOST}/account$`),
    handle: (ctx) => {
      const target = host(ctx);
      const accountId = int(jsonBody(ctx.req, ['account']), 'account', true);
      if (!byId(ctx.state.accounts, accountId)) notFound('account', accountId);
      target.account = accountId;
      return { body: { id: target.id } };
    },
  },
  {
    method: 'POST',
    path: re(`${HOST}/ip$`),
    handle: (ctx) => {
      const target = host(ctx);
      const body = jsonBody(ctx.req, ['ipv4_number', 'ipv4_pool', 'ipv6_enabled', 'ipv6_prefix']);
      const count = int(body, 'ipv4_number') ?? 0;
      const pools = body.ipv4_pool;
      if (pools !== undefined && (!Array.isArray(pools) || !pools.every(isInt)))
        badRequest('ipv4_pool must be a list of ids', 'ipv4_pool');
      for (let i = 0; i < count; i++) allocateIp(ctx.state, target.id, pools as number[] | undefined);
      const v6 = bool(body, 'ipv6_enabled');
      if (v6 !== undefined) target.ipv6_enabled = v6;
      if (typeof body.ipv6_prefix === 'number') target.ipv6_prefix = body.ipv6_prefix;
      return action(target.id, startTask(ctx.state, ctx.now, 'ip_change', undefined, undefined, target.id));
    },
  },
  {
    method: 'GET',
    path: re(`${HOST}/ipv4$`),
    handle: (ctx) => {
      const target = host(ctx);
      const ips = ctx.state.ips.filter((ip) => ip.host === target.id).map((ip) => ipView(ctx.state, ip));
      return { body: { list: ips, size: ips.length } };
    },
  },
  {
    method: 'GET',
    path: re(`${HOST}/ipv6$`),
    handle: (ctx) => {
      const target = host(ctx);
      return { body: { ipv6_enabled: target.ipv6_enabled, ipv6_prefix: target.ipv6_prefix } };
    },
  },
  {
    method: 'GET',
    path: re(`${HOST}/metrics$`),
    handle: (ctx) => {
      const target = host(ctx);
      onlyQuery(ctx.req, ['target', 'from']);
      const metric = ctx.req.query.get('target') ?? badRequest('target is required', 'target');
      if (!['cpu_load', 'mem_usage', 'df.root.used', 'net_rx', 'net_tx'].includes(metric))
        badRequest('unknown target', 'target');
      const from = ctx.req.query.get('from');
      if (from !== null && !/^(\d{2}:\d{2}_\d{8}|-\d+(min|h|d))$/.test(from)) badRequest('bad from', 'from');
      const t0 = Math.floor(ctx.now / 60_000) * 60 - 300;
      const datapoints = [0, 1, 2, 3, 4].map((i) => [((target.id * 7 + i * 3) % 50) + 1, t0 + i * 60]);
      return { body: [{ target: metric, datapoints }] };
    },
  },
  {
    method: 'GET',
    path: re(`${HOST}/backup$`),
    handle: (ctx) => {
      const target = host(ctx);
      const items = ctx.state.backups
        .filter((b) => b.host === target.id)
        .map((b) => backupView(ctx.state, b));
      return { body: { list: items, size: items.length } };
    },
  },
  {
    method: 'POST',
    path: re(`${HOST}/backup$`),
    handle: (ctx) => {
      const target = host(ctx);
      const body = jsonBody(ctx.req, ['name', 'comment']);
      const backup = {
        id: ctx.state.nextId++,
        name: text(body, 'name') ?? `${target.name} backup`,
        comment: typeof body.comment === 'string' ? body.comment : '',
        host: target.id,
        size_mib: 1024,
        state: 'creating' as const,
      };
      ctx.state.backups.push(backup);
      const task = startTask(ctx.state, ctx.now, 'backup_create', () => {
        (backup as { state: string }).state = 'active';
      });
      return action(backup.id, task);
    },
  },
  {
    method: 'POST',
    path: re(`${HOST}/restore$`),
    handle: (ctx) => {
      const target = host(ctx);
      const backupId = int(jsonBody(ctx.req, ['backup']), 'backup', true);
      const backup = byId(ctx.state.backups, backupId) ?? notFound('backup', backupId);
      if (backup.host !== target.id) badRequest('the backup belongs to another host', 'backup');
      return action(
        target.id,
        startTask(ctx.state, ctx.now, 'host_restore', undefined, undefined, target.id),
      );
    },
  },
];
