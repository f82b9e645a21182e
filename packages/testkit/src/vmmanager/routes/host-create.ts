/** `POST /vm/v3/host`: creating a VM from an OS or image, a preset or explicit sizes, disks and interfaces. */
import { allocateIp } from '../addresses.js';
import { badRequest, fail, notFound, VM_ERROR } from '../errors.js';
import { action, type Route } from '../route.js';
import type { SimHost, SimInterface, VmManagerState } from '../state.js';
import { startTask } from '../tasks.js';
import { bool, int, isInt, jsonBody, onlyKeys, text } from '../validate.js';
import { byId, stamp } from '../views.js';

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

export const hostCreateRoute: Route = {
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
};
