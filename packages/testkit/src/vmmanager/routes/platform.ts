/** The platform's catalogue objects: OS images, presets, clusters, nodes and accounts. */
import { badRequest, fail, notFound, VM_ERROR } from '../errors.js';
import { list, type Route } from '../route.js';
import { int, isInt, jsonBody, text } from '../validate.js';
import { accountView, byId, nodeView } from '../views.js';

export const platformRoutes: Route[] = [
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
];
