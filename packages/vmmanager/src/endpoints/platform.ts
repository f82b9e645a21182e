import { listedAs, ref } from '@x/auth-core';
import { z } from 'zod';
import { listFilterShape } from '../filter.js';
import { vmEndpoint } from '../route.js';
import { ActionResult, idField, listOf, Password } from '../schemas/common.js';
import { Account, Cluster, Node, OsImage, Preset } from '../schemas/objects.js';

const presetId = idField('Preset', ref('preset.list'));

/** Operating system templates (`/vm/v3/os`). */
export const os = {
  list: vmEndpoint({
    summary: 'List the OS templates for new VMs.',
    route: { method: 'GET', path: '/vm/v3/os', filter: true },
    input: z.strictObject(listFilterShape),
    output: listOf(OsImage),
    effect: 'read',
  }),
};

const PresetFields = {
  name: z.string().min(1).max(100).describe('Preset name'),
  cpu_number: z.int().min(1).max(512).describe('Virtual CPUs'),
  ram_mib: z.int().min(128).max(4_194_304).describe('Memory in MiB'),
  // Listed as an array of plain objects (half the tokens); the description states the element's one field.
  disks: listedAs(
    z
      .array(z.strictObject({ size_mib: z.int().min(1024).describe('Disk size in MiB') }))
      .min(1)
      .max(16)
      .describe('Disks, the first is the boot disk'),
    {
      type: 'array',
      items: { type: 'object' },
      description: '1-16 of {size_mib: min 1024}; the first boots',
    },
  ),
};

/** Resource presets (`/vm/v3/preset`). */
export const preset = {
  list: vmEndpoint({
    summary: 'List resource presets.',
    route: { method: 'GET', path: '/vm/v3/preset', filter: true },
    input: z.strictObject(listFilterShape),
    output: listOf(Preset),
    effect: 'read',
  }),
  get: vmEndpoint({
    summary: 'Get one resource preset.',
    route: { method: 'GET', path: '/vm/v3/preset/{preset_id}' },
    input: z.strictObject({ preset_id: presetId }),
    output: Preset,
    effect: 'read',
  }),
  create: vmEndpoint({
    summary: 'Create a resource preset.',
    route: { method: 'POST', path: '/vm/v3/preset' },
    input: z.strictObject(PresetFields),
    output: ActionResult,
    effect: 'create',
  }),
  update: vmEndpoint({
    summary: 'Change a resource preset.',
    route: { method: 'POST', path: '/vm/v3/preset/{preset_id}' },
    input: z.strictObject({
      preset_id: presetId,
      name: PresetFields.name.optional(),
      cpu_number: PresetFields.cpu_number.optional(),
      ram_mib: PresetFields.ram_mib.optional(),
      disks: PresetFields.disks.optional(),
    }),
    output: ActionResult,
    effect: 'update',
  }),
  delete: vmEndpoint({
    summary: 'Delete a resource preset.',
    route: { method: 'DELETE', path: '/vm/v3/preset/{preset_id}' },
    input: z.strictObject({ preset_id: presetId }),
    output: ActionResult,
    effect: 'delete',
  }),
};

/** Clusters (`/vm/v3/cluster`). */
export const cluster = {
  list: vmEndpoint({
    summary: 'List clusters.',
    route: { method: 'GET', path: '/vm/v3/cluster', filter: true },
    input: z.strictObject(listFilterShape),
    output: listOf(Cluster),
    effect: 'read',
  }),
  get: vmEndpoint({
    summary: 'Get one cluster.',
    route: { method: 'GET', path: '/vm/v3/cluster/{cluster_id}' },
    input: z.strictObject({ cluster_id: idField('Cluster', ref('cluster.list')) }),
    output: Cluster,
    effect: 'read',
  }),
};

/** Hypervisor nodes (`/vm/v3/node`). */
export const node = {
  list: vmEndpoint({
    summary: 'List hypervisor nodes.',
    description: 'Filter by cluster on cluster.id.',
    route: { method: 'GET', path: '/vm/v3/node', filter: true },
    input: z.strictObject(listFilterShape),
    output: listOf(Node),
    effect: 'read',
  }),
  get: vmEndpoint({
    summary: 'Get one hypervisor node.',
    route: { method: 'GET', path: '/vm/v3/node/{node_id}' },
    input: z.strictObject({ node_id: idField('Node', ref('node.list')) }),
    output: Node,
    effect: 'read',
  }),
};

/** User accounts (`/vm/v3/account`; deletion is `/vm/v3/user/{id}`). */
export const account = {
  list: vmEndpoint({
    summary: 'List user accounts.',
    description: 'Filter by e-mail on email.',
    route: { method: 'GET', path: '/vm/v3/account', filter: true },
    input: z.strictObject(listFilterShape),
    output: listOf(Account),
    effect: 'read',
  }),
  create: vmEndpoint({
    summary: 'Create a user account.',
    route: { method: 'POST', path: '/vm/v3/account' },
    input: z.strictObject({
      email: z.email().max(254).describe('Login e-mail'),
      password: Password.describe('Initial password'),
      role: z.enum(['@user', '@admin']).default('@user').describe('Role'),
    }),
    output: ActionResult,
    effect: 'create',
  }),
  delete: vmEndpoint({
    summary: 'Delete a user account.',
    route: { method: 'DELETE', path: '/vm/v3/user/{account_id}' },
    input: z.strictObject({ account_id: idField('Account', ref('account.list')) }),
    output: ActionResult,
    effect: 'delete',
  }),
};
