import { listedAs, ref } from '@x/auth-core';
import { z } from 'zod';
import { listOf, oneOf, opaqueId } from '../schemas/common.js';
import { Group, GroupServer } from '../schemas/objects.js';
import { tuxcareEndpoint as ep } from './define.js';

const GroupName = z
  .string()
  .min(1, 'must not be empty')
  .max(100, 'must be at most 100 characters')
  .describe(`group name, from ${ref('group.list')}`);

const ServerIds = z
  .array(listedAs(opaqueId('server id'), { type: 'string' }))
  .min(1, 'must list at least one server id')
  .max(500, 'at most 500 server ids per call')
  .describe(`server ids, from ${ref('group.servers.list')} or a product server list`);

/** KernelCare server groups (`/group`): the only calls whose documented methods are POST/PUT/DELETE. */
export const group = {
  create: ep({
    summary: 'Create a KernelCare server group.',
    route: { path: '/group/create.json', method: 'POST', format: 'envelope' },
    input: z.strictObject({
      name: GroupName.describe('group name'),
      description: z.string().max(255).optional().describe('group description'),
    }),
    output: oneOf(Group),
    effect: 'create',
  }),
  list: ep({
    summary: 'List the server groups of the account.',
    route: { path: '/group/list.json', method: 'GET', format: 'envelope' },
    input: z.strictObject({}),
    output: listOf(Group),
    effect: 'read',
  }),
  servers: {
    list: ep({
      summary: 'List the servers in a group.',
      route: { path: '/group/servers/list.json', method: 'GET', format: 'envelope' },
      input: z.strictObject({ name: GroupName }),
      output: listOf(GroupServer),
      effect: 'read',
    }),
    put: ep({
      summary: 'Add servers to a group.',
      // Adding a server that is already in the group changes nothing.
      description: 'Returns the servers added.',
      route: { path: '/group/servers/put.json', method: 'PUT', format: 'envelope' },
      input: z.strictObject({ name: GroupName, server_ids: ServerIds }),
      output: listOf(GroupServer),
      effect: 'update',
    }),
    remove: ep({
      summary: 'Remove servers from a group; they stay registered.',
      description: 'Returns the servers removed.',
      route: { path: '/group/servers/remove.json', method: 'DELETE', format: 'envelope' },
      input: z.strictObject({ name: GroupName, server_ids: ServerIds }),
      output: listOf(GroupServer),
      effect: 'delete',
    }),
  },
};
