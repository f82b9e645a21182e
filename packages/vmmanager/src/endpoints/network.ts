import { ref } from '@x/auth-core';
import { z } from 'zod';
import { listFilterShape } from '../filter.js';
import { vmEndpoint } from '../route.js';
import { ActionResult, DomainName, idField, listOf } from '../schemas/common.js';
import { IpAddress, IpNet, IpPool } from '../schemas/objects.js';

/** IP addresses assigned to VMs (`/vm/v3/ip`). */
export const ip = {
  list: vmEndpoint({
    summary: 'List the IP addresses assigned to VMs.',
    description: 'Filter by VM on host.id, by address on ip_addr.',
    route: { method: 'GET', path: '/vm/v3/ip', filter: true },
    input: z.strictObject(listFilterShape),
    output: listOf(IpAddress),
    effect: 'read',
  }),
  ptr: vmEndpoint({
    summary: 'Set the reverse DNS (PTR) name of an IP address.',
    route: { method: 'POST', path: '/vm/v3/ip/{ip_id}/ptr' },
    input: z.strictObject({
      ip_id: idField('IP address', `${ref('ip.list')} or ${ref('host.ipv4')}`),
      domain: DomainName.describe('PTR name, e.g. vm1.example.com'),
    }),
    output: ActionResult,
    effect: 'update',
  }),
};

/** IP pools of IPmanager (`/ip/v3/ippool`). */
export const ippool = {
  list: vmEndpoint({
    summary: 'List IP pools.',
    route: { method: 'GET', path: '/ip/v3/ippool', filter: true },
    input: z.strictObject(listFilterShape),
    output: listOf(IpPool),
    effect: 'read',
  }),
  get: vmEndpoint({
    summary: 'Get one IP pool.',
    route: { method: 'GET', path: '/ip/v3/ippool/{pool_id}' },
    input: z.strictObject({ pool_id: idField('IP pool', ref('ippool.list')) }),
    output: IpPool,
    effect: 'read',
  }),
};

/** IP networks of IPmanager (`/ip/v3/ipnet`). */
export const ipnet = {
  list: vmEndpoint({
    summary: 'List IP networks.',
    route: { method: 'GET', path: '/ip/v3/ipnet', filter: true },
    input: z.strictObject(listFilterShape),
    output: listOf(IpNet),
    effect: 'read',
  }),
  get: vmEndpoint({
    summary: 'Get one IP network.',
    route: { method: 'GET', path: '/ip/v3/ipnet/{ipnet_id}' },
    input: z.strictObject({ ipnet_id: idField('IP network', ref('ipnet.list')) }),
    output: IpNet,
    effect: 'read',
  }),
};
