import type { TuxCareCall, TuxCareRouteSpec } from './context.js';
import { fail, generated, intArg, ok } from './protocol.js';
import type { SimElsKey, SimImKey } from './state.js';

const GET = ['GET'] as const;
const IMUNIFY_CODES = ['AVP', 'CLEAN', '360_1', '360_30', '360_250', '360_UN'];
const CODE = /^[A-Za-z0-9_]{1,64}$/;

function elsKeyJson(key: SimElsKey) {
  return {
    key: key.key,
    productCode: key.productCode,
    usageLimit: String(key.usageLimit),
    description: key.description,
  };
}

/** The ELS product code: the argument lists say `code`, the URL examples `productType`; both are accepted. */
function elsCode(call: TuxCareCall): string | null {
  return call.args.get('code') ?? call.args.get('productType');
}

function limitArg(call: TuxCareCall, required: boolean): number | undefined | string {
  const limit = intArg(call.args.get('limit'));
  if (limit === undefined) return required ? 'limit is required' : undefined;
  if (Number.isNaN(limit) || limit < 0) return 'limit must be a non-negative integer';
  return limit;
}

function noteArg(call: TuxCareCall): string | null | undefined | { error: string } {
  const note = call.args.get('note');
  if (note === null) return undefined;
  if (note.length > 100) return { error: 'Note is too long (100 characters at most)' };
  return note;
}

/** `/els/*`: ELS and AlmaLinux ESU keys and servers. ELS create/update/remove also accept their POST/PUT/DELETE labels. */
export const elsRoutes: Record<string, TuxCareRouteSpec> = {
  'els/key/create.json': {
    methods: ['GET', 'POST'],
    token: true,
    handle: (call) => {
      const code = elsCode(call);
      if (!code || !CODE.test(code)) return fail('Invalid product code');
      const limit = limitArg(call, true);
      if (typeof limit === 'string') return fail(limit);
      const note = noteArg(call);
      if (note && typeof note === 'object') return fail(note.error);
      const key: SimElsKey = {
        key: `${code}-${generated(call.state, 24)}`,
        productCode: code,
        usageLimit: limit ?? 0,
        description: note ?? null,
      };
      call.state.elsKeys.push(key);
      return ok(elsKeyJson(key));
    },
  },
  'els/key/update.json': {
    methods: ['GET', 'PUT'],
    token: true,
    handle: (call) => {
      const key = call.state.elsKeys.find((candidate) => candidate.key === call.args.get('key'));
      if (!key) return fail('Key not found');
      const limit = limitArg(call, false);
      if (typeof limit === 'string') return fail(limit);
      const note = noteArg(call);
      if (note && typeof note === 'object') return fail(note.error);
      if (limit !== undefined) key.usageLimit = limit;
      if (note !== undefined) key.description = note;
      return ok(elsKeyJson(key));
    },
  },
  'els/key/remove.json': {
    methods: ['GET', 'DELETE'],
    token: true,
    handle: (call) => {
      const value = call.args.get('key');
      const index = call.state.elsKeys.findIndex((candidate) => candidate.key === value);
      if (index < 0) return fail('Key not found');
      call.state.elsKeys.splice(index, 1);
      call.state.elsServers = call.state.elsServers.filter((server) => server.key !== value);
      return ok([{ key: value }]);
    },
  },
  'els/key/list.json': {
    methods: GET,
    token: true,
    handle: (call) => {
      const code = elsCode(call);
      if (!code) return fail('Product code is required');
      return ok(call.state.elsKeys.filter((key) => key.productCode === code).map(elsKeyJson));
    },
  },
  'els/srv/list.json': {
    methods: GET,
    token: true,
    handle: (call) => {
      const code = elsCode(call);
      if (!code) return fail('Product code is required');
      const keys = new Set(
        call.state.elsKeys.filter((key) => key.productCode === code).map((key) => key.key),
      );
      return ok(
        call.state.elsServers.filter((server) => keys.has(server.key)).map((server) => ({ ...server })),
      );
    },
  },
  'els/srv/remove.json': {
    methods: ['GET', 'DELETE'],
    token: true,
    handle: (call) => {
      const id = call.args.get('id');
      if (!id) return fail('Server id is required');
      const index = call.state.elsServers.findIndex((server) => server.id === id);
      if (index < 0) return ok(null, 'Server not found');
      const [removed] = call.state.elsServers.splice(index, 1);
      return ok(removed);
    },
  },
};

function imKeyJson(call: TuxCareCall, key: SimImKey) {
  const servers = call.state.imServers.filter((server) => server.key === key.key).length;
  return { key: key.key, limit: String(key.limit), code: key.code, servers: String(servers), note: key.note };
}

/** `/im/*`: Imunify keys and servers. */
export const imRoutes: Record<string, TuxCareRouteSpec> = {
  'im/key/create.json': {
    methods: GET,
    token: true,
    handle: (call) => {
      const code = call.args.get('code');
      if (!code || !IMUNIFY_CODES.includes(code)) return fail('Invalid product code');
      const limit = limitArg(call, true);
      if (typeof limit === 'string') return fail(limit);
      const note = noteArg(call);
      if (note && typeof note === 'object') return fail(note.error);
      const key: SimImKey = {
        key: `IM${generated(call.state, 18).toUpperCase()}`,
        code,
        limit: limit ?? 0,
        note: note ?? null,
      };
      call.state.imKeys.push(key);
      return ok({ key: key.key, limit: String(key.limit), code: key.code });
    },
  },
  'im/key/update.json': {
    methods: GET,
    token: true,
    handle: (call) => {
      const key = call.state.imKeys.find((candidate) => candidate.key === call.args.get('key'));
      if (!key) return fail('Key not found');
      const limit = limitArg(call, false);
      if (typeof limit === 'string') return fail(limit);
      const note = noteArg(call);
      if (note && typeof note === 'object') return fail(note.error);
      const servers = intArg(call.args.get('servers'));
      if (servers !== undefined && (Number.isNaN(servers) || servers < 0))
        return fail('servers must be a non-negative integer');
      if (limit !== undefined) key.limit = limit;
      if (note !== undefined) key.note = note;
      return ok(imKeyJson(call, key));
    },
  },
  'im/key/remove.json': {
    methods: GET,
    token: true,
    handle: (call) => {
      const value = call.args.get('key');
      const index = call.state.imKeys.findIndex((candidate) => candidate.key === value);
      if (index < 0) return fail('Key not found');
      call.state.imKeys.splice(index, 1);
      const removed = call.state.imServers.filter((server) => server.key === value);
      call.state.imServers = call.state.imServers.filter((server) => server.key !== value);
      return ok(removed.map((server) => ({ id: server.id, key: server.key })));
    },
  },
  'im/key/list.json': {
    methods: GET,
    token: true,
    handle: (call) => ok(call.state.imKeys.map((key) => imKeyJson(call, key))),
  },
  'im/srv/list.json': {
    methods: GET,
    token: true,
    handle: (call) => {
      const value = call.args.get('key');
      if (!call.state.imKeys.some((key) => key.key === value)) return fail('Key not found');
      return ok(
        call.state.imServers
          .filter((server) => server.key === value)
          .map((server) => ({ id: server.id, key: server.key })),
      );
    },
  },
  'im/srv/remove.json': {
    methods: GET,
    token: true,
    handle: (call) => {
      const id = call.args.get('id');
      if (!id) return fail('Server id is required');
      const index = call.state.imServers.findIndex((server) => server.id === id);
      if (index < 0) return ok(null, 'Server not found');
      const [removed] = call.state.imServers.splice(index, 1);
      return ok(removed && { id: removed.id, key: removed.key });
    },
  },
  'im/srv/convert.json': {
    methods: GET,
    token: true,
    handle: (call) => {
      const server = call.state.imServers.find((candidate) => candidate.id === call.args.get('id'));
      if (!server) return fail('Server not found');
      const target = call.state.imKeys.find((key) => key.key === call.args.get('key'));
      if (!target) return fail('Key not found');
      server.key = target.key;
      return ok({ id: server.id, key: server.key });
    },
  },
};
