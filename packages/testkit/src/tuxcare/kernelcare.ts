import { isIP } from 'node:net';
import type { SimResponse } from '../response.js';
import type { TuxCareCall, TuxCareRouteSpec } from './context.js';
import { apiDate, fail, generated, intArg, ok, plain, text, verifyToken } from './protocol.js';
import type { SimKcKey, SimKcServer, TuxCareSimState } from './state.js';

const GET = ['GET'] as const;

function findKey(call: TuxCareCall): SimKcKey | undefined {
  return call.state.kcKeys.find((key) => key.key === call.args.get('key'));
}

/** CIDR check with the documented codes: 1 irregular address, 2 irregular prefix. */
function cidrCode(entry: string): 0 | 1 | 2 {
  const [address = '', prefix, extra] = entry.split('/');
  const family = isIP(address);
  if (family === 0 || extra !== undefined) return 1;
  if (prefix === undefined || !/^\d{1,3}$/.test(prefix)) return 2;
  return Number(prefix) <= (family === 4 ? 32 : 128) ? 0 : 2;
}

/** `/kcare/*` routes with fixed paths. */
export const kcareRoutes: Record<string, TuxCareRouteSpec> = {
  'kcare/key/create.json': {
    methods: GET,
    token: true,
    handle: (call) => {
      const limit = intArg(call.args.get('limit'));
      if (limit === undefined || Number.isNaN(limit) || limit < 0)
        return fail('limit must be a non-negative integer');
      const note = call.args.get('note');
      if (note !== null && note.length > 100) return fail('Note is too long (100 characters at most)');
      const key: SimKcKey = {
        key: generated(call.state, 16),
        enabled: true,
        created: apiDate(call.now),
        limit,
        note,
        cidrs: [],
      };
      call.state.kcKeys.push(key);
      // Documented: the data is the bare key string.
      return ok(key.key);
    },
  },
  'kcare/key/delete.json': {
    methods: GET,
    token: true,
    handle: (call) => {
      const key = findKey(call);
      if (!key) return ok(false);
      call.state.kcKeys = call.state.kcKeys.filter((candidate) => candidate !== key);
      call.state.kcServers = call.state.kcServers.filter((server) => server.key !== key.key);
      return ok(true);
    },
  },
  'kcare/key/list.json': {
    methods: GET,
    token: true,
    handle: (call) =>
      ok(
        call.state.kcKeys.map((key) => ({
          key: key.key,
          enabled: key.enabled,
          created: key.created,
          limit: key.limit,
          note: key.note,
        })),
      ),
  },
  'kcare/key/servers.json': {
    methods: GET,
    token: true,
    handle: (call) => {
      const key = findKey(call);
      if (!key) return fail('Key not found');
      return ok(
        call.state.kcServers
          .filter((server) => server.key === key.key)
          .map((server) => ({
            server_id: server.server_id,
            ip: server.ip,
            created: server.created,
            last_checkin: server.lastCheckin,
          })),
      );
    },
  },
  'kcare/key/set_cidr.json': {
    methods: GET,
    token: true,
    handle: (call) => {
      const key = findKey(call);
      if (!key) return fail('Key not found');
      const entries = (call.args.get('cidr') ?? '').split(/[\s,;]+/).filter((entry) => entry !== '');
      if (entries.length === 0) return fail('cidr is required');
      for (const entry of entries) {
        const code = cidrCode(entry);
        if (code !== 0) return ok({ code });
      }
      key.cidrs = entries;
      return ok({ code: 0 });
    },
  },
  'kcare/srv/remove.json': {
    methods: GET,
    token: true,
    handle: (call) => {
      const id = call.args.get('server_id');
      const server = call.state.kcServers.find((candidate) => candidate.server_id === id);
      if (!server) return ok(null, 'Server not found');
      call.state.kcServers = call.state.kcServers.filter((candidate) => candidate !== server);
      for (const group of call.state.groups) group.serverIds = group.serverIds.filter((sid) => sid !== id);
      return ok({ server_id: server.server_id, key: server.key ?? '' });
    },
  },
  'kcare/nagios/register_key.plain': {
    methods: GET,
    token: false,
    handle: (call) => {
      const key = call.args.get('key');
      if (key === null) return plain({ success: false, message: 'key is required' });
      if (!/^[A-Za-z0-9]{16,32}$/.test(key)) return plain({ success: true, code: 1 });
      const ip = call.state.callerIp;
      const licensed = call.state.ipLicenses.some(
        (license) => license.ip === ip && (license.type === 16 || license.type === 17),
      );
      if (!licensed) return plain({ success: true, code: 2 });
      call.state.monitoringKeys = call.state.monitoringKeys.filter((entry) => entry.ip !== ip);
      call.state.monitoringKeys.push({ key, ip });
      return plain({ success: true, code: 0 });
    },
  },
  'kcare/patchset.json': {
    methods: GET,
    token: false,
    handle: (call) => {
      const key = findKey(call);
      // Bare JSON, no envelope (as kcare-qualys reads it).
      if (!key) return { body: [] };
      return {
        body: call.state.kcServers
          .filter((server) => server.key === key.key)
          .map((server) => ({
            ip: server.ip,
            host: server.hostname,
            kernel_id: server.kernelId,
            patch_level: server.patchLevel,
          })),
      };
    },
  },
};

function counts(servers: readonly SimKcServer[]) {
  const of = (state: SimKcServer['state']) => servers.filter((server) => server.state === state).length;
  return {
    uptodate: of('UPTODATE'),
    outofdate: of('OUTOFDATE'),
    unsupported: of('UNSUPPORTED'),
    inactive: of('INACTIVE'),
  };
}

function problemLines(servers: readonly SimKcServer[]): string[] {
  return servers
    .filter((server) => server.state !== 'UPTODATE')
    .map((server) => `${server.hostname} (${server.ip}) is ${server.state}`);
}

const OK_LINE = 'KernelCare OK - all servers are up to date!';

/** `kcare/nagios/{key_id}`: Nagios text for the servers of a KernelCare key or a monitoring key. */
export function nagiosByKey(state: TuxCareSimState, keyId: string): SimResponse {
  let servers: SimKcServer[];
  if (state.kcKeys.some((key) => key.key === keyId))
    servers = state.kcServers.filter((server) => server.key === keyId);
  else {
    const monitoring = state.monitoringKeys.find((entry) => entry.key === keyId);
    servers = monitoring ? state.kcServers.filter((server) => server.key === null) : [];
  }
  if (servers.length === 0) return text(`Servers not found for key ${keyId}\n`);
  const c = counts(servers);
  const problems = c.outofdate + c.unsupported + c.inactive;
  if (problems === 0) return text(`${OK_LINE}\n`);
  const perf = `uptodate=${c.uptodate};outofdate=${c.outofdate};unsupported=${c.unsupported};inactive=${c.inactive}`;
  const head =
    c.outofdate > 0 ? `${c.outofdate} machines are OUTOFDATE!` : `${problems} machines need attention!`;
  return text([`${head}|${perf}`, ...problemLines(servers), ''].join('\n'));
}

/**
 * `kcare/nagios-res/{login}/{token}`: Nagios text for every server of a reseller. The token is the profile API
 * token (KernelCare docs) or a valid authorization token (the portal document's wording).
 */
export function nagiosReseller(
  state: TuxCareSimState,
  login: string,
  token: string,
  nowMs: number,
): SimResponse {
  const account = state.accounts.find((candidate) => candidate.login === login);
  if (!account) return text(`Reseller not found ${login}\n`);
  const valid = token === account.resellerApiToken || verifyToken(state, token, nowMs)?.login === login;
  if (!valid) return text(`Registration token not found for reseller ${login}\n`);
  const servers = state.kcServers;
  const c = counts(servers);
  if (c.outofdate + c.unsupported + c.inactive === 0) return text(`${OK_LINE}\n`);
  const perf = `uptodate=${c.uptodate};outofdate=${c.outofdate};unsupported=${c.unsupported};inactive=${c.inactive}`;
  return text([perf, ...problemLines(servers), ''].join('\n'));
}
