import type { TuxCareCall, TuxCareRouteSpec } from './context.js';
import { fail, intArg, ok, text } from './protocol.js';
import type { SimGroup } from './state.js';

const GET = ['GET'] as const;

const STATUS = {
  db_clweb_connected: true,
  db_clweb_online: true,
  db_rhn_connected: true,
  db_rhn_online: true,
  rhn_overloaded: false,
  rhn_queue_full: false,
  xmlrpc: true,
  ip_server_reg: true,
  // Fields the service adds beyond the documented list (seen by the Go client): clients must tolerate them.
  rhn_queue_rejects: 0,
  acronis: [{ dc_name: 'EU2', status: true }],
};

/** `status.plain` as the CLN document prints it, comments and wrapped line included. */
const STATUS_PLAIN = [
  'success:true',
  'db_clweb_connected:true, // true - if db clweb connected',
  'db_clweb_online:true, // true - if db clweb online',
  'db_rhn_connected:true, // true - if db rhn connected',
  'db_rhn_online:true, // true - if db rhn online',
  'rhn_overloaded:false, // true - if registration server overloaded',
  'rhn_queue_full:false, // true - if registration queue is full',
  'xmlrpc:true, // true - if our xmlrpc service is alive',
  'ip_server_reg:true, // true - if registration for CL IP servers allowed',
  '(/usr/sbin/clnreg_ks --force)',
  '',
].join('\n');

/** `status.json` / `status.plain`: no token. */
export const statusRoutes: Record<string, TuxCareRouteSpec> = {
  'status.json': { methods: GET, token: false, handle: () => ok({ ...STATUS }) },
  'status.plain': { methods: GET, token: false, handle: () => text(STATUS_PLAIN) },
};

function backupId(call: TuxCareCall) {
  const id = intArg(call.args.get('backup_id'));
  return call.state.backups.find((backup) => backup.backupId === id);
}

/** `/ab/*`: CloudLinux Backups for Imunify360 servers. */
export const backupRoutes: Record<string, TuxCareRouteSpec> = {
  'ab/list.json': {
    methods: GET,
    token: true,
    handle: (call) => ok(call.state.backups.map((backup) => ({ ...backup }))),
  },
  'ab/im/create.json': {
    methods: GET,
    token: true,
    handle: (call) => {
      const serverId = call.args.get('server_id');
      if (!call.state.imServers.some((server) => server.id === serverId)) return fail('Server not found');
      const size = intArg(call.args.get('size'));
      if (size === undefined || Number.isNaN(size) || size <= 0 || size % 10 !== 0) {
        return fail('Size must be a positive multiple of ten');
      }
      const datacenter = call.args.get('datacenter');
      if (!datacenter) return fail('Datacenter is required');
      call.state.serial += 1;
      const backup = { backupId: call.state.serial, serverId: serverId as string, size, datacenter };
      call.state.backups.push(backup);
      return ok({ ...backup });
    },
  },
  'ab/resize.json': {
    methods: GET,
    token: true,
    handle: (call) => {
      const backup = backupId(call);
      if (!backup) return fail('Backup not found');
      const delta = intArg(call.args.get('delta'));
      if (delta === undefined || Number.isNaN(delta) || delta % 10 !== 0)
        return fail('Delta must be a multiple of ten');
      if (backup.size + delta <= 0) return fail('Backup size must stay positive');
      backup.size += delta;
      return ok({ ...backup });
    },
  },
  'ab/remove.json': {
    methods: GET,
    token: true,
    handle: (call) => {
      const backup = backupId(call);
      if (!backup) return fail('Backup not found');
      call.state.backups = call.state.backups.filter((candidate) => candidate !== backup);
      return ok({ ...backup });
    },
  },
};

/** Every server a group can hold, as the group calls show it. */
function allServers(call: TuxCareCall) {
  return [
    ...call.state.imServers.map((server) => ({
      id: server.id,
      hostName: server.hostname,
      ip: server.ip,
      type: 'IMUNIFY',
    })),
    ...call.state.kcServers.map((server) => ({
      id: server.server_id,
      hostName: server.hostname,
      ip: server.ip,
      type: 'KERNELCARE',
    })),
    ...call.state.elsServers.map((server) => ({
      id: server.id,
      hostName: server.hostname,
      ip: server.ip,
      type: 'ELS',
    })),
  ];
}

function findGroup(call: TuxCareCall): SimGroup | undefined {
  return call.state.groups.find((group) => group.name === call.args.get('name'));
}

function serverIds(call: TuxCareCall): string[] {
  return (call.args.get('server_ids') ?? '')
    .split(',')
    .map((id) => id.trim())
    .filter((id) => id !== '');
}

/** `/group/*`: the documented methods are enforced (POST create, PUT put, DELETE remove, GET lists). */
export const groupRoutes: Record<string, TuxCareRouteSpec> = {
  'group/create.json': {
    methods: ['POST'],
    token: true,
    handle: (call) => {
      const name = call.args.get('name');
      if (!name) return fail('Group name is required');
      if (call.state.groups.some((group) => group.name === name)) return fail('Group already exists');
      const group: SimGroup = { name, description: call.args.get('description'), serverIds: [] };
      call.state.groups.push(group);
      return ok({ name: group.name, description: group.description });
    },
  },
  'group/list.json': {
    methods: GET,
    token: true,
    handle: (call) =>
      ok(call.state.groups.map((group) => ({ name: group.name, description: group.description }))),
  },
  'group/servers/list.json': {
    methods: GET,
    token: true,
    handle: (call) => {
      const group = findGroup(call);
      if (!group) return fail('Group not found');
      return ok(allServers(call).filter((server) => group.serverIds.includes(server.id)));
    },
  },
  'group/servers/put.json': {
    methods: ['PUT'],
    token: true,
    handle: (call) => {
      const group = findGroup(call);
      if (!group) return fail('Group not found');
      const ids = serverIds(call);
      if (ids.length === 0) return fail('server_ids is required');
      const servers = allServers(call);
      const unknown = ids.find((id) => !servers.some((server) => server.id === id));
      if (unknown) return fail(`Server not found: ${unknown}`);
      for (const id of ids) if (!group.serverIds.includes(id)) group.serverIds.push(id);
      return ok(servers.filter((server) => ids.includes(server.id)));
    },
  },
  'group/servers/remove.json': {
    methods: ['DELETE'],
    token: true,
    handle: (call) => {
      const group = findGroup(call);
      if (!group) return fail('Group not found');
      const ids = serverIds(call);
      if (ids.length === 0) return fail('server_ids is required');
      const removed = allServers(call).filter(
        (server) => ids.includes(server.id) && group.serverIds.includes(server.id),
      );
      group.serverIds = group.serverIds.filter((id) => !ids.includes(id));
      return ok(removed);
    },
  },
};
