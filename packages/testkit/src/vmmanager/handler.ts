/**
 * The simulator's request handling: the 503 "suspended" switch, token issue and checks (`x-xsrf-token` on every
 * non-public call, 60-minute idle expiry), error 3001 for internal functions, and the routes.
 */
import { randomUUID } from 'node:crypto';
import type { SimRequest } from '../request.js';
import type { SimResponse } from '../response.js';
import { applyListQuery, FilterSyntaxError } from './query.js';
import type { SimAccount, SimHost, SimInterface, SimToken, VmManagerState } from './state.js';
import {
  accountView,
  backupView,
  byId,
  diskView,
  historyView,
  hostView,
  ipView,
  nodeView,
  partialHostView,
  taskView,
  userView,
} from './views.js';

/** Error codes the simulator answers (3001 and 22013 are from the document; the others are its own choice). */
export const VM_ERROR = {
  invalidToken: 1000,
  externalAccess: 3001,
  notFound: 2004,
  badRequest: 4000,
  conflict: 4009,
  invalidPassword: 22013,
} as const;

/** Everything a route handler needs. */
interface Ctx {
  req: SimRequest;
  state: VmManagerState;
  now: number;
  /** Path captures. */
  params: string[];
  /** The caller, on non-public routes. */
  account: SimAccount;
  token: SimToken | undefined;
}

class VmFailure extends Error {
  constructor(
    readonly status: number,
    readonly code: number,
    message: string,
    readonly value?: unknown,
  ) {
    super(message);
  }
}

const fail = (status: number, code: number, msg: string, value?: unknown): never => {
  throw new VmFailure(status, code, msg, value);
};
const notFound = (what: string, id: unknown): never =>
  fail(404, VM_ERROR.notFound, `${what} not found`, { id: String(id) });
const badRequest = (msg: string, field?: string): never =>
  fail(400, VM_ERROR.badRequest, msg, field === undefined ? undefined : { field });

function jsonBody(req: SimRequest, allowed: readonly string[]): Record<string, unknown> {
  let body: unknown;
  try {
    // An empty body is an empty object: real clients POST actions and key creation with no body at all.
    body = req.text.trim() ? req.json() : {};
  } catch {
    return badRequest('request body is not valid JSON');
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return badRequest('request body must be a JSON object');
  }
  for (const key of Object.keys(body))
    if (!allowed.includes(key)) badRequest(`unknown parameter ${key}`, key);
  return body as Record<string, unknown>;
}

function onlyQuery(req: SimRequest, allowed: readonly string[]): void {
  for (const key of req.query.keys())
    if (!allowed.includes(key)) badRequest(`unknown query parameter ${key}`, key);
}

const isInt = (value: unknown): value is number =>
  typeof value === 'number' && Number.isInteger(value) && value > 0;

function int(body: Record<string, unknown>, field: string, required: true): number;
function int(body: Record<string, unknown>, field: string, required?: false): number | undefined;
function int(body: Record<string, unknown>, field: string, required = false): number | undefined {
  const value = body[field];
  if (value === undefined && !required) return undefined;
  if (!isInt(value)) return badRequest(`${field} must be a positive integer`, field);
  return value;
}

function text(body: Record<string, unknown>, field: string, required: true): string;
function text(body: Record<string, unknown>, field: string, required?: false): string | undefined;
function text(body: Record<string, unknown>, field: string, required = false): string | undefined {
  const value = body[field];
  if (value === undefined && !required) return undefined;
  if (typeof value !== 'string' || !value) return badRequest(`${field} must be a non-empty string`, field);
  return value;
}

function bool(body: Record<string, unknown>, field: string): boolean | undefined {
  const value = body[field];
  if (value === undefined) return undefined;
  if (typeof value !== 'boolean') return badRequest(`${field} must be true or false`, field);
  return value;
}

const list = <T>(req: SimRequest, items: readonly T[]): SimResponse => {
  onlyQuery(req, ['where', 'orderby', 'limit']);
  const { list: page, size } = applyListQuery(items, req.query);
  return { body: { list: page, size, last_notify: 0 } };
};

const stamp = (ms: number) => new Date(ms).toISOString().replace('T', ' ').slice(0, 19);

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

function host(ctx: Ctx): SimHost {
  const id = Number(ctx.params[0]);
  return byId(ctx.state.hosts, id) ?? notFound('host', id);
}

function allocateIp(state: VmManagerState, hostId: number, pools: readonly number[] | undefined): void {
  const nets = state.ipnets.filter((net) => !pools?.length || pools.includes(net.ippool));
  for (const net of nets) {
    const prefix = net.name.split('/')[0]?.split('.').slice(0, 3).join('.');
    for (let last = 10; last < 255; last++) {
      const address = `${prefix}.${last}`;
      if (state.ips.some((ip) => ip.ip_addr === address)) continue;
      state.ips.push({ id: state.nextId++, ip_addr: address, host: hostId, ipnet: net.id, domain: '' });
      return;
    }
  }
  fail(400, VM_ERROR.badRequest, 'no free IP address in the pools', { ipv4_pool: pools });
}

/** Checks that every key of an object in a list is known, naming `field[i].key` otherwise. */
function onlyKeys(
  item: unknown,
  field: string,
  index: number,
  allowed: readonly string[],
): Record<string, unknown> {
  if (typeof item !== 'object' || item === null || Array.isArray(item))
    return badRequest(`${field}[${index}] must be an object`, `${field}[${index}]`);
  for (const key of Object.keys(item))
    if (!allowed.includes(key))
      badRequest(`unknown parameter ${field}[${index}].${key}`, `${field}[${index}].${key}`);
  return item as Record<string, unknown>;
}

/** `disks: [{size_mib, boot_order?, storage?, tags?}]` of `POST /vm/v3/host`, or undefined when not given. */
function diskSpecs(body: Record<string, unknown>) {
  const raw = body.disks;
  if (raw === undefined) return undefined;
  if (!Array.isArray(raw) || raw.length === 0 || raw.length > 16)
    return badRequest('disks must be a list of 1 to 16 disks', 'disks');
  return raw.map((item, index) => {
    const disk = onlyKeys(item, 'disks', index, ['size_mib', 'boot_order', 'storage', 'tags']);
    const at = `disks[${index}]`;
    if (!isInt(disk.size_mib)) badRequest(`${at}.size_mib must be a positive integer`, `${at}.size_mib`);
    if (disk.boot_order !== undefined && !isInt(disk.boot_order))
      badRequest(`${at}.boot_order must be a positive integer`, `${at}.boot_order`);
    if (disk.storage !== undefined && !isInt(disk.storage))
      badRequest(`${at}.storage must be a positive integer`, `${at}.storage`);
    if (disk.tags !== undefined && !Array.isArray(disk.tags))
      badRequest(`${at}.tags must be a list`, `${at}.tags`);
    return {
      size_mib: disk.size_mib as number,
      boot_order: disk.boot_order as number | undefined,
      storage: disk.storage as number | undefined,
    };
  });
}

/**
 * `custom_interfaces: [{model?, is_main_network?, bridge_id?, ip_count?, ippool?}]` of `POST /vm/v3/host`, as
 * the research notes list it and aiovmmanager's template sends it; undefined when not given.
 */
function interfaceSpecs(state: VmManagerState, body: Record<string, unknown>): SimInterface[] | undefined {
  const raw = body.custom_interfaces;
  if (raw === undefined) return undefined;
  if (!Array.isArray(raw) || raw.length > 8)
    return badRequest('custom_interfaces must be a list of at most 8 interfaces', 'custom_interfaces');
  return raw.map((item, index) => {
    const at = `custom_interfaces[${index}]`;
    const spec = onlyKeys(item, 'custom_interfaces', index, [
      'model',
      'is_main_network',
      'bridge_id',
      'ip_count',
      'ippool',
    ]);
    if (spec.model !== undefined && !['virtio', 'e1000', 'rtl8139'].includes(spec.model as string))
      badRequest(`${at}.model must be virtio, e1000 or rtl8139`, `${at}.model`);
    if (spec.is_main_network !== undefined && typeof spec.is_main_network !== 'boolean')
      badRequest(`${at}.is_main_network must be true or false`, `${at}.is_main_network`);
    if (spec.bridge_id !== undefined && !isInt(spec.bridge_id))
      badRequest(`${at}.bridge_id must be a positive integer`, `${at}.bridge_id`);
    const count = spec.ip_count ?? 0;
    if (typeof count !== 'number' || !Number.isInteger(count) || count < 0 || count > 256)
      badRequest(`${at}.ip_count must be an integer from 0 to 256`, `${at}.ip_count`);
    if (spec.ippool !== undefined) {
      if (!isInt(spec.ippool)) badRequest(`${at}.ippool must be a positive integer`, `${at}.ippool`);
      if (!byId(state.ippools, spec.ippool as number)) notFound('ippool', spec.ippool);
    }
    return {
      model: (spec.model as string | undefined) ?? 'virtio',
      is_main_network: (spec.is_main_network as boolean | undefined) ?? index === 0,
      bridge_id: spec.bridge_id as number | undefined,
      ip_count: count as number,
      ippool: spec.ippool as number | undefined,
    };
  });
}

const action = (id: number, task: number, extra: Record<string, unknown> = {}): SimResponse => ({
  body: { id, task, ...extra },
});

function issueToken(
  state: VmManagerState,
  accountId: number,
  now: number,
  expiresAt?: number,
  description?: string,
) {
  const token: SimToken = {
    id: state.nextId++,
    token: `${accountId}-${randomUUID()}`,
    accountId,
    lastUsed: now,
    expiresAt,
    description,
  };
  state.tokens.push(token);
  return token;
}

function tokenAnswer(token: SimToken, status = 201): SimResponse {
  return {
    status,
    body: {
      id: token.id,
      token: token.token,
      expires_at: token.expiresAt === undefined ? null : stamp(token.expiresAt),
      confirmed: true,
      ...(token.description !== undefined && { description: token.description }),
    },
  };
}

type Handler = (ctx: Ctx) => SimResponse;
interface Route {
  method: 'GET' | 'POST' | 'DELETE';
  path: RegExp;
  public?: boolean;
  handle: Handler;
}

const HOST = String.raw`^/vm/v3/host/(\d+)`;
const re = (source: string) => new RegExp(source);

const routes: Route[] = [
  // ---- auth v4 ----
  {
    method: 'POST',
    path: /^\/auth\/v4\/public\/token$/,
    public: true,
    handle: ({ req, state, now }) => {
      const body = jsonBody(req, ['email', 'password']);
      const email = text(body, 'email', true);
      const password = text(body, 'password', true);
      const account = state.accounts.find((candidate) => candidate.email === email);
      if (!account || account.password !== password)
        return fail(401, VM_ERROR.invalidPassword, 'Invalid password');
      state.logins++;
      return tokenAnswer(issueToken(state, account.id, now));
    },
  },
  {
    method: 'POST',
    path: /^\/auth\/v4\/public\/key$/,
    public: true,
    handle: ({ req, state, now }) => {
      const body = jsonBody(req, ['key']);
      const key = text(body, 'key', true);
      const index = state.keys.findIndex((candidate) => candidate.key === key && candidate.expiresAt > now);
      const found = state.keys[index];
      if (!found) return fail(401, VM_ERROR.externalAccess, 'Unauthorized');
      state.keys.splice(index, 1); // one-time
      return tokenAnswer(issueToken(state, found.accountId, now), 200);
    },
  },
  {
    method: 'POST',
    path: /^\/auth\/v4\/token$/,
    handle: ({ req, state, now, account }) => {
      const body = jsonBody(req, ['expires_at', 'description']);
      const expires = text(body, 'expires_at', true);
      if (!/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/.test(expires))
        badRequest('expires_at must be YYYY-MM-DD HH:MM:SS', 'expires_at');
      const at = Date.parse(`${expires.replace(' ', 'T')}Z`);
      if (Number.isNaN(at) || at <= now) badRequest('expires_at must be in the future', 'expires_at');
      return tokenAnswer(issueToken(state, account.id, now, at, text(body, 'description')));
    },
  },
  {
    method: 'POST',
    path: /^\/auth\/v4\/setting\/token_ttl$/,
    handle: ({ req, state }) => {
      const value = jsonBody(req, ['value']).value;
      if (typeof value !== 'string' || !/^[1-9]\d*$/.test(value))
        return badRequest('value must be minutes as a string', 'value');
      state.tokenTtlMinutes = Number(value);
      return { body: {} };
    },
  },
  {
    method: 'POST',
    path: /^\/auth\/v4\/user\/([^/]+)\/key$/,
    handle: ({ req, state, now, params, account }) => {
      jsonBody(req, []);
      if (!account.roles.includes('@admin')) fail(403, VM_ERROR.externalAccess, 'Unauthorized');
      const who = decodeURIComponent(params[0] ?? '');
      const target = state.accounts.find(
        (candidate) => candidate.email === who || String(candidate.id) === who,
      );
      if (!target) return notFound('user', who);
      const id = state.nextId++;
      const key = `${id}-${randomUUID()}`;
      state.keys.push({ id, key, accountId: target.id, expiresAt: now + 60 * 60 * 1000 });
      return { status: 201, body: { id: String(id), key } };
    },
  },
  {
    method: 'GET',
    path: /^\/auth\/v4\/user$/,
    handle: ({ req, state, account }) => {
      if (!account.roles.includes('@admin')) fail(403, VM_ERROR.externalAccess, 'Unauthorized');
      return list(
        req,
        state.accounts.map((a) => userView(a)),
      );
    },
  },
  {
    method: 'GET',
    path: /^\/auth\/v4\/whoami$/,
    handle: ({ account }) => ({
      body: { id: account.id, email: account.email, roles: account.roles, state: account.state },
    }),
  },
  // ---- hosts ----
  {
    method: 'GET',
    path: /^\/vm\/v3\/host$/,
    handle: ({ req, state }) =>
      list(
        req,
        state.hosts.map((h) => hostView(state, h)),
      ),
  },
  {
    method: 'POST',
    path: /^\/vm\/v3\/host$/,
    handle: ({ req, state, now }) => {
      const body = jsonBody(req, [
        'name',
        'cluster',
        'account',
        'os',
        'image',
        'preset',
        'cpu_number',
        'ram_mib',
        'hdd_mib',
        'password',
        'domain',
        'node',
        'comment',
        'ipv4_number',
        'ipv4_pool',
        'ipv6_enabled',
        'ipv6_prefix',
        'send_email_mode',
        'disks',
        'custom_interfaces',
      ]);
      const name = text(body, 'name', true);
      if (state.hosts.some((other) => other.name === name))
        fail(400, VM_ERROR.conflict, 'Host name already in use', { field: 'name' });
      const cluster = byId(state.clusters, int(body, 'cluster', true)) ?? notFound('cluster', body.cluster);
      const account = byId(state.accounts, int(body, 'account', true)) ?? notFound('account', body.account);
      const osId = int(body, 'os');
      if (osId === undefined && body.image === undefined) badRequest('os or image is required', 'os');
      if (osId !== undefined && !byId(state.os, osId)) notFound('os', osId);
      const presetId = int(body, 'preset');
      const preset =
        presetId === undefined ? undefined : (byId(state.presets, presetId) ?? notFound('preset', presetId));
      const disks = diskSpecs(body);
      if (disks && body.hdd_mib !== undefined) badRequest('give hdd_mib or disks, not both', 'hdd_mib');
      const interfaces = interfaceSpecs(state, body);
      const cpu = preset?.cpu_number ?? int(body, 'cpu_number', true);
      const ram = preset?.ram_mib ?? int(body, 'ram_mib', true);
      // Explicit disks win over the preset's (real templates send both, the preset for CPU and memory).
      const diskList = disks ?? [
        { size_mib: preset?.disks[0]?.size_mib ?? int(body, 'hdd_mib', true), boot_order: 1, storage: 1 },
      ];
      const nodeId =
        int(body, 'node') ?? state.nodes.find((n) => n.cluster === cluster.id)?.id ?? notFound('node', 'any');
      const node = byId(state.nodes, nodeId) ?? notFound('node', nodeId);
      if (node.cluster !== cluster.id) badRequest('the node is not in that cluster', 'node');
      const pools = body.ipv4_pool;
      if (pools !== undefined && (!Array.isArray(pools) || !pools.every(isInt)))
        badRequest('ipv4_pool must be a list of ids', 'ipv4_pool');
      const id = state.nextId++;
      const created: SimHost = {
        id,
        name,
        domain: text(body, 'domain') ?? '',
        comment: text(body, 'comment') ?? '',
        state: 'creating',
        cpu_number: cpu,
        ram_mib: ram,
        net_bandwidth_mbitps: 100,
        cluster: cluster.id,
        node: nodeId,
        account: account.id,
        os: osId ?? 0,
        ipv6_enabled: bool(body, 'ipv6_enabled') ?? false,
        ipv6_prefix: typeof body.ipv6_prefix === 'number' ? body.ipv6_prefix : 0,
        password: text(body, 'password') ?? '',
        ha_restore_on_fail: false,
        create_date: stamp(now),
        balancer_mode: 'cluster',
        interfaces: interfaces ?? [],
      };
      state.hosts.push(created);
      diskList.forEach((disk, index) => {
        state.disks.push({
          id: state.nextId++,
          name: index === 0 ? `${name}-disk` : `${name}-disk${index + 1}`,
          host: id,
          size_mib: disk.size_mib,
          boot_order: disk.boot_order ?? index + 1,
          storage: disk.storage ?? 1,
        });
      });
      if (interfaces && body.ipv4_number === undefined) {
        // Addresses come from the interfaces: ip_count each, from the interface's pool.
        for (const iface of interfaces)
          for (let i = 0; i < iface.ip_count; i++)
            allocateIp(state, id, iface.ippool === undefined ? undefined : [iface.ippool]);
      } else {
        const count = typeof body.ipv4_number === 'number' ? body.ipv4_number : 1;
        for (let i = 0; i < count; i++) allocateIp(state, id, pools as number[] | undefined);
      }
      const task = startTask(
        state,
        now,
        'host_create',
        () => {
          created.state = 'active';
        },
        () => {
          created.state = 'stopped';
        },
        id,
      );
      return action(id, task, { recipe_task_list: [], recipe_task: null, spice_task: null });
    },
  },
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
  // ---- disks and IPs ----
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
    path: /^\/vm\/v3\/ip$/,
    handle: ({ req, state }) =>
      list(
        req,
        state.ips.map((ip) => ipView(state, ip)),
      ),
  },
  {
    method: 'POST',
    path: /^\/vm\/v3\/ip\/(\d+)\/ptr$/,
    handle: ({ req, state, params }) => {
      const ip = byId(state.ips, Number(params[0])) ?? notFound('ip', params[0]);
      const domain = text(jsonBody(req, ['domain']), 'domain', true);
      if (!/^[A-Za-z0-9.-]+$/.test(domain)) badRequest('domain is not a domain name', 'domain');
      ip.domain = domain;
      return { body: { id: ip.id } };
    },
  },
  // ---- catalogue objects ----
  { method: 'GET', path: /^\/vm\/v3\/os$/, handle: ({ req, state }) => list(req, state.os) },
  { method: 'GET', path: /^\/vm\/v3\/preset$/, handle: ({ req, state }) => list(req, state.presets) },
  {
    method: 'POST',
    path: /^\/vm\/v3\/preset$/,
    handle: ({ req, state }) => {
      const body = jsonBody(req, ['name', 'cpu_number', 'ram_mib', 'disks']);
      const disks = body.disks;
      if (!Array.isArray(disks) || !disks.every((d) => isInt((d as { size_mib?: unknown })?.size_mib))) {
        return badRequest('disks must be a list of {size_mib}', 'disks');
      }
      const preset = {
        id: state.nextId++,
        name: text(body, 'name', true),
        cpu_number: int(body, 'cpu_number', true),
        ram_mib: int(body, 'ram_mib', true),
        disks: disks as { size_mib: number }[],
      };
      state.presets.push(preset);
      return { status: 201, body: { id: preset.id } };
    },
  },
  {
    method: 'GET',
    path: /^\/vm\/v3\/preset\/(\d+)$/,
    handle: ({ state, params }) => ({
      body: byId(state.presets, Number(params[0])) ?? notFound('preset', params[0]),
    }),
  },
  {
    method: 'POST',
    path: /^\/vm\/v3\/preset\/(\d+)$/,
    handle: ({ req, state, params }) => {
      const preset = byId(state.presets, Number(params[0])) ?? notFound('preset', params[0]);
      const body = jsonBody(req, ['name', 'cpu_number', 'ram_mib', 'disks']);
      preset.name = text(body, 'name') ?? preset.name;
      preset.cpu_number = int(body, 'cpu_number') ?? preset.cpu_number;
      preset.ram_mib = int(body, 'ram_mib') ?? preset.ram_mib;
      if (Array.isArray(body.disks)) preset.disks = body.disks as { size_mib: number }[];
      return { body: { id: preset.id } };
    },
  },
  {
    method: 'DELETE',
    path: /^\/vm\/v3\/preset\/(\d+)$/,
    handle: ({ state, params }) => {
      const id = Number(params[0]);
      if (!byId(state.presets, id)) notFound('preset', id);
      state.presets = state.presets.filter((p) => p.id !== id);
      return { body: { id } };
    },
  },
  { method: 'GET', path: /^\/vm\/v3\/cluster$/, handle: ({ req, state }) => list(req, state.clusters) },
  {
    method: 'GET',
    path: /^\/vm\/v3\/cluster\/(\d+)$/,
    handle: ({ state, params }) => ({
      body: byId(state.clusters, Number(params[0])) ?? notFound('cluster', params[0]),
    }),
  },
  {
    method: 'GET',
    path: /^\/vm\/v3\/node$/,
    handle: ({ req, state }) =>
      list(
        req,
        state.nodes.map((n) => nodeView(state, n)),
      ),
  },
  {
    method: 'GET',
    path: /^\/vm\/v3\/node\/(\d+)$/,
    handle: ({ state, params }) => {
      const node = byId(state.nodes, Number(params[0])) ?? notFound('node', params[0]);
      return { body: nodeView(state, node) };
    },
  },
  {
    method: 'GET',
    path: /^\/vm\/v3\/account$/,
    handle: ({ req, state }) =>
      list(
        req,
        state.accounts.map((a) => accountView(state, a.id)),
      ),
  },
  {
    method: 'POST',
    path: /^\/vm\/v3\/account$/,
    handle: ({ req, state }) => {
      const body = jsonBody(req, ['email', 'password', 'role']);
      const email = text(body, 'email', true);
      if (!/^[^@\s]+@[^@\s]+$/.test(email)) badRequest('email is not an e-mail address', 'email');
      if (state.accounts.some((a) => a.email === email))
        fail(400, VM_ERROR.conflict, 'Account already exists', { field: 'email' });
      const role = text(body, 'role', true);
      if (role !== '@user' && role !== '@admin') badRequest('role must be @user or @admin', 'role');
      const id = state.nextId++;
      state.accounts.push({
        id,
        email,
        password: text(body, 'password', true),
        state: 'active',
        roles: [role],
        auth_source: 'local',
      });
      return { status: 201, body: { id } };
    },
  },
  {
    method: 'DELETE',
    path: /^\/vm\/v3\/user\/(\d+)$/,
    handle: ({ state, params, account }) => {
      const id = Number(params[0]);
      if (!byId(state.accounts, id)) notFound('user', id);
      if (id === account.id) badRequest('you cannot delete yourself');
      state.accounts = state.accounts.filter((a) => a.id !== id);
      state.tokens = state.tokens.filter((t) => t.accountId !== id);
      return { body: { id } };
    },
  },
  // ---- IPmanager (ip/v3) ----
  { method: 'GET', path: /^\/ip\/v3\/ippool$/, handle: ({ req, state }) => list(req, state.ippools) },
  {
    method: 'GET',
    path: /^\/ip\/v3\/ippool\/(\d+)$/,
    handle: ({ state, params }) => ({
      body: byId(state.ippools, Number(params[0])) ?? notFound('ippool', params[0]),
    }),
  },
  {
    method: 'GET',
    path: /^\/ip\/v3\/ipnet$/,
    handle: ({ req, state }) =>
      list(
        req,
        state.ipnets.map((n) => ({ ...n, ippool: { id: n.ippool } })),
      ),
  },
  {
    method: 'GET',
    path: /^\/ip\/v3\/ipnet\/(\d+)$/,
    handle: ({ state, params }) => {
      const net = byId(state.ipnets, Number(params[0])) ?? notFound('ipnet', params[0]);
      return { body: { ...net, ippool: { id: net.ippool } } };
    },
  },
  // ---- tasks ----
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

function errorResponse(failure: VmFailure): SimResponse {
  return {
    status: failure.status,
    body: {
      error: {
        code: failure.code,
        msg: failure.message,
        ...(failure.value !== undefined && { value: failure.value }),
      },
    },
  };
}

/** Handles one request against the state. */
export function handleVmManager(req: SimRequest, state: VmManagerState, now: number): SimResponse {
  if (state.suspended > 0) {
    state.suspended--;
    return {
      status: 503,
      headers: { 'content-type': 'text/html' },
      body: '<html><body>503 Service Temporarily Unavailable</body></html>',
    };
  }
  tick(state, now);
  // The document's curl examples put the services under `/api` too (`/api/auth/v4/public/token`).
  const path = req.path.startsWith('/api/') ? req.path.slice(4) : req.path;
  const candidates = routes.filter((route) => route.path.test(path));
  if (candidates.length === 0)
    return errorResponse(new VmFailure(404, VM_ERROR.notFound, 'Unknown API function'));
  const route = candidates.find((candidate) => candidate.method === req.method);
  if (!route)
    return errorResponse(new VmFailure(405, VM_ERROR.badRequest, `Method ${req.method} not allowed`));
  try {
    let account: SimAccount | undefined;
    let token: SimToken | undefined;
    if (!route.public) {
      const header = req.headers['x-xsrf-token'];
      token = state.tokens.find((candidate) => candidate.token === header);
      if (token) {
        const expired =
          token.expiresAt !== undefined
            ? now >= token.expiresAt
            : now - token.lastUsed >= state.tokenTtlMinutes * 60_000;
        if (expired) {
          state.tokens = state.tokens.filter((candidate) => candidate !== token);
          token = undefined;
        }
      }
      account = token ? byId(state.accounts, token.accountId) : undefined;
      if (!token || !account) return fail(401, VM_ERROR.invalidToken, 'Invalid or expired token');
      token.lastUsed = now;
      if (state.internal.some((fn) => fn.method === req.method && fn.path.test(path))) {
        return fail(401, VM_ERROR.externalAccess, 'Unauthorized');
      }
    }
    const params = (route.path.exec(path) ?? []).slice(1);
    // Public routes have no caller; they never read `account`.
    return route.handle({ req, state, now, params, account: account as SimAccount, token });
  } catch (error) {
    if (error instanceof VmFailure) return errorResponse(error);
    if (error instanceof FilterSyntaxError) {
      return errorResponse(new VmFailure(400, VM_ERROR.badRequest, `Invalid filter: ${error.message}`));
    }
    throw error;
  }
}
