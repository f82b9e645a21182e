import { ref } from '@x/auth-core';
import { z } from 'zod';
import { ipAddress, label, numericId, port, region, regionField } from '../schemas/input.js';
import { Ack, idString, listOf, text } from '../schemas/output.js';
import {
  FloatingIp,
  LoadBalancer,
  LoadBalancerMember,
  Network,
  SecurityGroup,
  SecurityRule,
} from '../schemas/resources.js';
import { lunanodeAction } from './define.js';

const netId = numericId(`From ${ref('network.list')}`);
const lbId = numericId(`From ${ref('lb.list')}`);
const groupId = numericId(`From ${ref('securitygroup.list')}`);

/** The `floating` category: the account's floating IPs. */
export const floating = {
  list: lunanodeAction(
    { category: 'floating', action: 'list' },
    {
      summary: 'List the floating IPs, attached or not.',
      description: "attached_type is 'unattached' for a free IP.",
      input: z.strictObject({}),
      output: z.looseObject({ ips: listOf(FloatingIp) }),
      effect: 'read',
    },
  ),
  add: lunanodeAction(
    { category: 'floating', action: 'add' },
    {
      summary: 'Reserve a new floating IP in a region.',
      input: z.strictObject({ region }),
      output: z.looseObject({ ip: text }),
      effect: 'create',
    },
  ),
  delete: lunanodeAction(
    { category: 'floating', action: 'delete' },
    {
      summary: 'Release an unattached floating IP.',
      input: z.strictObject({
        region,
        ip: z.ipv4().describe(`Floating IP, from ${ref('floating.list')}`),
      }),
      output: Ack,
      effect: 'delete',
    },
  ),
};

/** The `network` category: private virtual networks. */
export const network = {
  list: lunanodeAction(
    { category: 'network', action: 'list' },
    {
      summary: 'List the virtual networks.',
      input: z.strictObject({ region: regionField('Only this region').optional() }),
      output: z.looseObject({ networks: listOf(Network, 'net_id') }),
      effect: 'read',
    },
  ),
  create: lunanodeAction(
    { category: 'network', action: 'create' },
    {
      summary: 'Create a /24 virtual network.',
      input: z.strictObject({
        region,
        name: label('Name'),
        subnet: z
          .string()
          .regex(
            /^(25[0-5]|2[0-4]\d|1?\d?\d)\.(25[0-5]|2[0-4]\d|1?\d?\d)\.(25[0-5]|2[0-4]\d|1?\d?\d)$/,
            "must be the first three octets, e.g. '192.168.30' for 192.168.30.0/24",
          )
          .describe("First three octets, e.g. '192.168.30'"),
        dns: z.array(z.ipv4()).min(1).max(4).describe('DNS servers (sent comma-separated)'),
      }),
      output: z.looseObject({ net_id: idString.optional() }),
      effect: 'create',
    },
  ),
  delete: lunanodeAction(
    { category: 'network', action: 'delete' },
    {
      summary: 'Delete a virtual network.',
      input: z.strictObject({ region, net_id: netId }),
      output: Ack,
      effect: 'delete',
    },
  ),
};

const lbRoute = (action: string) => ({ category: 'lb', action });

/** The `lb` category: load balancers (member_add/member_remove really use underscores on the wire). */
export const lb = {
  list: lunanodeAction(lbRoute('list'), {
    summary: 'List the load balancers of a region.',
    input: z.strictObject({
      region,
      net_id: numericId(`Only this network, from ${ref('network.list')}`).optional(),
    }),
    // The API calls the list `lb`; here it is `lbs`.
    output: z
      .looseObject({ lb: listOf(LoadBalancer, 'id').optional(), lbs: listOf(LoadBalancer, 'id').optional() })
      .transform(({ lb: raw, lbs, ...rest }) => ({ ...rest, lbs: lbs ?? raw ?? [] })),
    effect: 'read',
  }),
  create: lunanodeAction(lbRoute('create'), {
    summary: 'Create a load balancer on a virtual network.',
    input: z.strictObject({
      region,
      net_id: netId,
      name: label('Name'),
      method: z.enum(['ROUND_ROBIN', 'LEAST_CONNECTIONS', 'SOURCE_IP']).describe('Balancing method'),
      protocol: z.enum(['HTTP', 'HTTPS', 'TCP']).describe('Protocol'),
      connection_limit: z
        .number()
        .int()
        .min(-1)
        .refine((value) => value !== 0, 'must be -1 (unlimited) or at least 1')
        .describe('Max connections, -1 unlimited'),
      port: port('Listen port'),
    }),
    output: z.looseObject({ lb_id: idString.optional() }),
    effect: 'create',
  }),
  delete: lunanodeAction(lbRoute('delete'), {
    summary: 'Delete a load balancer.',
    input: z.strictObject({ region, lb_id: lbId }),
    output: Ack,
    effect: 'delete',
  }),
  info: lunanodeAction(lbRoute('info'), {
    summary: 'Show a load balancer and its members.',
    input: z.strictObject({ region, lb_id: lbId }),
    output: z.looseObject({
      info: z.looseObject({}).optional(),
      members: listOf(LoadBalancerMember, 'member_id'),
    }),
    effect: 'read',
  }),
  member_add: lunanodeAction(lbRoute('member_add'), {
    summary: 'Add a backend (IP and port) to a load balancer.',
    input: z.strictObject({
      region,
      lb_id: lbId,
      ip: ipAddress.describe('Backend IP (usually a VM private IP)'),
      port: port('Backend port'),
    }),
    output: z.looseObject({ member_id: idString.optional() }),
    effect: 'create',
  }),
  member_remove: lunanodeAction(lbRoute('member_remove'), {
    summary: 'Remove a backend from a load balancer.',
    input: z.strictObject({ region, lb_id: lbId, member_id: numericId(`From ${ref('lb.info')}`) }),
    output: Ack,
    effect: 'delete',
  }),
  associate: lunanodeAction(lbRoute('associate'), {
    summary: 'Give a load balancer an unattached floating IP.',
    input: z.strictObject({
      region,
      lb_id: lbId,
      ip: z.ipv4().describe(`Unattached floating IP, from ${ref('floating.list')}`),
    }),
    output: Ack,
    effect: 'update',
  }),
};

const sgRoute = (action: string) => ({ category: 'securitygroup', action });

/** The `securitygroup` category: firewall groups and their rules. */
export const securitygroup = {
  list: lunanodeAction(sgRoute('list'), {
    summary: 'List the security groups.',
    input: z.strictObject({}),
    output: z.looseObject({ securitygroups: listOf(SecurityGroup, 'securitygroup_id') }),
    effect: 'read',
  }),
  create: lunanodeAction(sgRoute('create'), {
    summary: 'Create an empty security group.',
    input: z.strictObject({ region, name: label('Group name') }),
    output: z.looseObject({ group_id: idString.optional() }),
    effect: 'create',
  }),
  delete: lunanodeAction(sgRoute('delete'), {
    summary: 'Delete a security group no VM uses.',
    input: z.strictObject({ region, group_id: groupId }),
    output: Ack,
    effect: 'delete',
  }),
  rename: lunanodeAction(sgRoute('rename'), {
    summary: 'Rename a security group.',
    input: z.strictObject({ region, group_id: groupId, name: label('New name') }),
    output: Ack,
    effect: 'update',
  }),
  rule_list: lunanodeAction(sgRoute('rule-list'), {
    summary: 'List the rules of a security group.',
    input: z.strictObject({ region, group_id: groupId }),
    output: z.looseObject({ rules: listOf(SecurityRule, 'rule_id') }),
    effect: 'read',
  }),
  rule_insert: lunanodeAction(sgRoute('rule-insert'), {
    summary: 'Add a rule to a security group.',
    input: z
      .strictObject({
        region,
        group_id: groupId,
        direction: z.enum(['ingress', 'egress']).describe('Traffic direction'),
        type: z.enum(['IPv4', 'IPv6']).describe('Address family'),
        protocol: z.enum(['any', 'tcp', 'udp', 'icmp']).describe('Protocol'),
        remote_type: z.enum(['cidr', 'group']).describe('Kind of remote_value'),
        remote_value: z.string().min(1).max(64).describe("CIDR such as '0.0.0.0/0', or a security group id"),
        port_min: port('First port (tcp/udp)').optional(),
        port_max: port('Last port (tcp/udp)').optional(),
        label: z.string().max(64).optional().describe('Rule label'),
      })
      .refine(
        (rule) =>
          rule.remote_type !== 'cidr' ||
          z.union([z.cidrv4(), z.cidrv6()]).safeParse(rule.remote_value).success,
        {
          path: ['remote_value'],
          message: "must be a CIDR such as '0.0.0.0/0' when remote_type is 'cidr'",
        },
      )
      .refine(
        (rule) =>
          rule.port_min === undefined || rule.port_max === undefined || rule.port_min <= rule.port_max,
        {
          path: ['port_max'],
          message: 'must not be below port_min',
        },
      ),
    output: z.looseObject({ rule_id: idString.optional() }),
    effect: 'create',
  }),
  rule_delete: lunanodeAction(sgRoute('rule-delete'), {
    summary: 'Delete a rule from a security group.',
    input: z.strictObject({
      region,
      group_id: groupId,
      rule_id: numericId(`From ${ref('securitygroup.rule_list')}`),
    }),
    output: Ack,
    effect: 'delete',
  }),
};
