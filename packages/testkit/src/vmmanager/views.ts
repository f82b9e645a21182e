/** How the simulator presents its objects: full list elements, and the partial `GET /vm/v3/host/{id}`. */
import type { SimHost, SimIp, SimNode, SimTask, VmManagerState } from './state.js';

const byId = <T extends { id: number }>(items: readonly T[], id: number | undefined) =>
  items.find((item) => item.id === id);

export function ipView(state: VmManagerState, ip: SimIp) {
  const net = byId(state.ipnets, ip.ipnet);
  const host = byId(state.hosts, ip.host);
  return {
    id: ip.id,
    ip_addr: ip.ip_addr,
    domain: ip.domain,
    gateway: net?.gateway ?? '',
    mask: net ? String(net.mask) : '',
    family: 4,
    state: 'active',
    network: net?.name ?? '',
    ippool: net ? { id: net.ippool } : null,
    host: host ? { id: host.id, name: host.name } : null,
  };
}

/** The full host object, as the list returns it (with cluster, node, account, OS, disk and IPs). */
export function hostView(state: VmManagerState, host: SimHost) {
  const cluster = byId(state.clusters, host.cluster);
  const node = byId(state.nodes, host.node);
  const account = byId(state.accounts, host.account);
  const os = byId(state.os, host.os);
  const disks = state.disks
    .filter((disk) => disk.host === host.id)
    .sort((a, b) => a.boot_order - b.boot_order);
  const boot = disks[0];
  return {
    id: host.id,
    name: host.name,
    domain: host.domain,
    comment: host.comment,
    state: host.state,
    cpu_number: host.cpu_number,
    ram_mib: host.ram_mib,
    net_bandwidth_mbitps: host.net_bandwidth_mbitps,
    ha_restore_on_fail: host.ha_restore_on_fail,
    create_date: host.create_date,
    ip_automation: 'qemu',
    cluster: cluster ? { id: cluster.id, name: cluster.name } : null,
    node: node ? { id: node.id, name: node.name, ip_addr: node.ip_addr } : null,
    account: account ? { id: account.id, email: account.email } : null,
    os: os ? { id: os.id, name: os.name } : null,
    os_name: os?.name ?? '',
    os_group: os?.os_group ?? '',
    disk: boot ? { id: boot.id, disk_mib: boot.size_mib } : null,
    disk_count: disks.length,
    ip4: state.ips
      .filter((ip) => ip.host === host.id)
      .map((ip) => ({ id: ip.id, ip: ip.ip_addr, interface: 'public' })),
    ip6: [],
    ipv6_enabled: host.ipv6_enabled,
    balancer_mode: host.balancer_mode,
    iso_mounted: false,
    snapshot_count: 0,
    interfaces: host.interfaces.map((iface, index) => ({ id: host.id * 100 + index, ...iface })),
  };
}

/** `GET /vm/v3/host/{id}`: the element without associated items, as the document warns. */
export function partialHostView(host: SimHost) {
  return {
    id: host.id,
    internal_name: `${host.id}_${host.name}`,
    node: host.node,
    name: host.name,
    state: host.state,
    cpu_number: host.cpu_number,
    ram_mib: host.ram_mib,
    expand_part: false,
    net_is_synced: true,
    ip_automation: 'qemu',
  };
}

export function taskView(task: SimTask) {
  return {
    id: task.id,
    consul_id: task.consul_id,
    name: task.name,
    status: task.status,
    output: task.output,
    defer_reason: '',
    registration_time: task.registration_time,
  };
}

export function accountView(state: VmManagerState, id: number) {
  const account = byId(state.accounts, id);
  if (!account) return undefined;
  return {
    id: account.id,
    email: account.email,
    state: account.state,
    roles: account.roles,
    auth_source: account.auth_source,
    host_count: state.hosts.filter((host) => host.account === account.id).length,
  };
}

/**
 * A node with its capacity: `cpu {number, used}` (cores, vCPUs given to VMs), `ram_mib {total, allocated}` and
 * `vm {total}`, the shape vm-balancer reads, computed from the VMs on the node.
 */
export function nodeView(state: VmManagerState, node: SimNode) {
  const cluster = byId(state.clusters, node.cluster);
  const hosts = state.hosts.filter((host) => host.node === node.id);
  return {
    id: node.id,
    name: node.name,
    ip_addr: node.ip_addr,
    state: node.state,
    cluster: cluster ? { id: cluster.id, name: cluster.name } : null,
    host_count: hosts.length,
    cpu: { number: node.cpu_number, used: hosts.reduce((sum, host) => sum + host.cpu_number, 0) },
    ram_mib: {
      total: node.ram_total_mib,
      allocated: hosts.reduce((sum, host) => sum + host.ram_mib, 0),
    },
    vm: { total: hosts.length },
    maintenance_mode: node.maintenance_mode,
    host_creation_blocked: node.host_creation_blocked,
    host_limit: node.host_limit,
    qemu_version: node.qemu_version,
  };
}

/**
 * One entry of `GET /vm/v3/host/{id}/history`: a task that acted on the VM. `task` is the task's consul id (as
 * action answers give it), `state` its status (`running`, `complete`, `fail`).
 */
export function historyView(task: SimTask) {
  return {
    id: task.id,
    name: task.name,
    state: task.status === 'created' ? 'running' : task.status,
    task: task.consul_id,
    date_create: task.registration_time,
  };
}

export function diskView(state: VmManagerState, disk: VmManagerState['disks'][number]) {
  const host = byId(state.hosts, disk.host);
  return { ...disk, host: host ? { id: host.id, name: host.name } : null, storage: { id: disk.storage } };
}

export function backupView(state: VmManagerState, backup: VmManagerState['backups'][number]) {
  const host = byId(state.hosts, backup.host);
  return { ...backup, host: host ? { id: host.id, name: host.name } : null };
}

export { byId };

/** A user of the auth service (`GET /auth/v4/user`): no password, roles as a list. */
export function userView(account: VmManagerState['accounts'][number]) {
  return {
    id: account.id,
    email: account.email,
    state: account.state,
    roles: account.roles,
    auth_source: account.auth_source,
  };
}

/** A time as VMmanager prints it: `YYYY-MM-DD HH:MM:SS` (UTC). */
export const stamp = (ms: number) => new Date(ms).toISOString().replace('T', ' ').slice(0, 19);
