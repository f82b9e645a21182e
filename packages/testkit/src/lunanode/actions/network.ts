import { isIP } from 'node:net';
import { type ActionContext, type ActionTable, fail, find, region, remove } from '../params.js';
import { nextId, nextPublicIp, type SimLb, type SimSecurityGroup } from '../state.js';

/** The `floating` category. */
export const floatingActions: ActionTable = {
  list: ({ state }) => ({
    ips: state.floatingIps.map((entry) => {
      const vm = state.vms.find((item) => item.vm_id === entry.attached_id);
      return {
        id: entry.id,
        ip: entry.ip,
        attached_id: entry.attached_id ?? '',
        attached_type: entry.attached_id ? 'vm' : 'unattached',
        attached_name: vm?.name ?? '',
        hostname: `${entry.ip.split('.').reverse().join('.')}.rdns.lunanode.com.`,
        region: entry.region,
      };
    }),
  }),
  add: (ctx) => {
    const where = region(ctx);
    const ip = nextPublicIp(ctx.state);
    ctx.state.floatingIps.push({
      id: nextId(ctx.state),
      ip,
      region: where,
      attached_id: undefined,
      private_ip: undefined,
    });
    return { ip };
  },
  delete: (ctx) => {
    ctx.params.require('region', 'ip');
    const where = region(ctx);
    const ip = ctx.params.get('ip');
    const entry = find(
      ctx.state.floatingIps,
      (item) => item.ip === ip && item.region === where,
      'floating IP',
    );
    if (entry.attached_id) fail('floating IP is attached to a VM; detach it first');
    ctx.state.floatingIps = ctx.state.floatingIps.filter((item) => item !== entry);
    return {};
  },
};

/** The `network` category. */
export const networkActions: ActionTable = {
  list: (ctx) => {
    const wanted = ctx.params.has('region') ? region(ctx) : undefined;
    return {
      networks: ctx.state.networks
        .filter((net) => wanted === undefined || net.region === wanted)
        .map(({ net_id, name, subnet, region: where }) => ({ net_id, name, subnet, region: where })),
    };
  },
  create: (ctx) => {
    ctx.params.require('region', 'name', 'subnet', 'dns');
    const where = region(ctx);
    // The document's subnet is the first three octets: '192.168.30' means 192.168.30.0/24.
    const subnet = ctx.params.get('subnet');
    const octets = subnet.split('.');
    if (octets.length !== 3 || octets.some((octet) => !/^\d{1,3}$/.test(octet) || Number(octet) > 255)) {
      fail('invalid subnet');
    }
    const dns = ctx.params.get('dns');
    if (dns.split(',').some((server) => isIP(server) === 0)) fail('invalid DNS servers');
    const net_id = nextId(ctx.state);
    ctx.state.networks.push({
      net_id,
      name: ctx.params.get('name'),
      region: where,
      subnet: `${subnet}.0/24`,
      dns,
    });
    return { net_id };
  },
  delete: (ctx) => {
    ctx.params.require('region', 'net_id');
    const where = region(ctx);
    const id = ctx.params.get('net_id');
    if (ctx.state.lbs.some((lb) => lb.net_id === id)) fail('network is in use');
    remove(ctx.state.networks, (net) => net.net_id === id && net.region === where, 'network');
    return {};
  },
};

function lbOf(ctx: ActionContext): SimLb {
  ctx.params.require('region', 'lb_id');
  const where = region(ctx);
  const id = ctx.params.get('lb_id');
  return find(ctx.state.lbs, (lb) => lb.id === id && lb.region === where, 'load balancer');
}

const METHODS = ['ROUND_ROBIN', 'LEAST_CONNECTIONS', 'SOURCE_IP'];
const PROTOCOLS = ['HTTP', 'HTTPS', 'TCP'];

function port(value: string): string {
  if (!/^\d+$/.test(value) || Number(value) < 1 || Number(value) > 65535) fail('invalid port');
  return value;
}

/** The `lb` category (member_add / member_remove keep their underscores on the wire). */
export const lbActions: ActionTable = {
  list: (ctx) => {
    const where = region(ctx);
    const net = ctx.params.optional('net_id');
    return {
      // The real API names this list `lb`, not `lbs`.
      lb: ctx.state.lbs
        .filter((lb) => lb.region === where && (net === undefined || lb.net_id === net))
        .map((lb) => ({ id: lb.id, name: lb.name, region: lb.region, net_id: lb.net_id, ip: lb.ip ?? '' })),
    };
  },
  create: (ctx) => {
    ctx.params.require('region', 'net_id', 'name', 'method', 'protocol', 'connection_limit', 'port');
    const where = region(ctx);
    const netId = ctx.params.get('net_id');
    find(ctx.state.networks, (net) => net.net_id === netId && net.region === where, 'network');
    const method = ctx.params.get('method');
    if (!METHODS.includes(method)) fail('invalid method');
    const protocol = ctx.params.get('protocol');
    if (!PROTOCOLS.includes(protocol)) fail('invalid protocol');
    const limit = ctx.params.int('connection_limit');
    if (limit < -1 || limit === 0) fail('invalid connection limit');
    const id = nextId(ctx.state);
    ctx.state.lbs.push({
      id,
      name: ctx.params.get('name'),
      region: where,
      net_id: netId,
      method,
      protocol,
      connection_limit: String(limit),
      port: port(ctx.params.get('port')),
      ip: undefined,
      members: [],
    });
    return { lb_id: id };
  },
  delete: (ctx) => {
    const lb = lbOf(ctx);
    ctx.state.lbs = ctx.state.lbs.filter((item) => item !== lb);
    return {};
  },
  info: (ctx) => {
    const lb = lbOf(ctx);
    return {
      info: {
        id: lb.id,
        name: lb.name,
        region: lb.region,
        net_id: lb.net_id,
        method: lb.method,
        protocol: lb.protocol,
        connection_limit: lb.connection_limit,
        port: lb.port,
        ip: lb.ip ?? '',
        status: 'ACTIVE',
      },
      members: lb.members.map((member) => ({ ...member, status: 'ACTIVE' })),
    };
  },
  member_add: (ctx) => {
    ctx.params.require('region', 'lb_id', 'ip', 'port');
    const lb = lbOf(ctx);
    const ip = ctx.params.get('ip');
    if (isIP(ip) === 0) fail('invalid ip');
    const member_id = nextId(ctx.state);
    lb.members.push({ member_id, ip, port: port(ctx.params.get('port')) });
    return { member_id };
  },
  member_remove: (ctx) => {
    ctx.params.require('region', 'lb_id', 'member_id');
    const lb = lbOf(ctx);
    const id = ctx.params.get('member_id');
    remove(lb.members, (member) => member.member_id === id, 'member');
    return {};
  },
  associate: (ctx) => {
    ctx.params.require('region', 'lb_id', 'ip');
    const lb = lbOf(ctx);
    const ip = ctx.params.get('ip');
    const entry = find(
      ctx.state.floatingIps,
      (item) => item.ip === ip && item.region === lb.region,
      'floating IP',
    );
    if (entry.attached_id) fail('floating IP is already attached');
    entry.attached_id = `lb-${lb.id}`;
    lb.ip = ip;
    return {};
  },
};

function groupOf(ctx: ActionContext): SimSecurityGroup {
  ctx.params.require('region', 'group_id');
  const where = region(ctx);
  const id = ctx.params.get('group_id');
  return find(
    ctx.state.securityGroups,
    (group) => group.securitygroup_id === id && group.region === where,
    'security group',
  );
}

/** The `securitygroup` category. */
export const securityGroupActions: ActionTable = {
  list: ({ state }) => ({
    securitygroups: state.securityGroups.map(({ securitygroup_id, name, region: where }) => ({
      securitygroup_id,
      name,
      region: where,
    })),
  }),
  create: (ctx) => {
    ctx.params.require('region', 'name');
    const where = region(ctx);
    const securitygroup_id = nextId(ctx.state);
    ctx.state.securityGroups.push({
      securitygroup_id,
      name: ctx.params.get('name'),
      region: where,
      rules: [],
    });
    return { group_id: securitygroup_id };
  },
  delete: (ctx) => {
    const group = groupOf(ctx);
    if (ctx.state.vms.some((vm) => vm.securitygroups.includes(group.securitygroup_id)))
      fail('security group is in use');
    ctx.state.securityGroups = ctx.state.securityGroups.filter((item) => item !== group);
    return {};
  },
  rename: (ctx) => {
    ctx.params.require('region', 'group_id', 'name');
    groupOf(ctx).name = ctx.params.get('name');
    return {};
  },
  'rule-list': (ctx) => ({ rules: groupOf(ctx).rules.map((rule) => ({ ...rule })) }),
  'rule-insert': (ctx) => {
    ctx.params.require('region', 'group_id', 'direction', 'type', 'protocol', 'remote_type', 'remote_value');
    const group = groupOf(ctx);
    const p = ctx.params;
    if (!['ingress', 'egress'].includes(p.get('direction'))) fail('invalid direction');
    if (!['IPv4', 'IPv6'].includes(p.get('type'))) fail('invalid type');
    if (!['any', 'tcp', 'udp', 'icmp'].includes(p.get('protocol'))) fail('invalid protocol');
    if (!['cidr', 'group'].includes(p.get('remote_type'))) fail('invalid remote type');
    const rule_id = nextId(ctx.state);
    group.rules.push({
      rule_id,
      direction: p.get('direction'),
      type: p.get('type'),
      protocol: p.get('protocol'),
      remote_type: p.get('remote_type'),
      remote_value: p.get('remote_value'),
      port_min: p.optional('port_min') ?? '',
      port_max: p.optional('port_max') ?? '',
      label: p.optional('label') ?? '',
    });
    return { rule_id };
  },
  'rule-delete': (ctx) => {
    ctx.params.require('region', 'group_id', 'rule_id');
    const group = groupOf(ctx);
    const id = ctx.params.get('rule_id');
    remove(group.rules, (rule) => rule.rule_id === id, 'rule');
    return {};
  },
};
