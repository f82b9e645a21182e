/**
 * Tolerant output shapes: unknown fields are kept, numbers sent as strings are coerced, nulls accepted. Only
 * `id` is required, so a new VMmanager release never breaks a call.
 */
import { z } from 'zod';
import { Id, Num, Ref, Text } from './common.js';

const IpShort = z.looseObject({ id: Num, ip: Text, interface: Text });

/** A virtual machine as the host list returns it (the full object, with cluster, node, disk and IPs). */
export const Host = z.looseObject({
  id: Id,
  name: Text,
  domain: Text,
  state: Text.describe('creating, active, stopped, ...'),
  comment: Text,
  cpu_number: Num,
  ram_mib: Num,
  net_bandwidth_mbitps: Num,
  cluster: Ref,
  node: Ref,
  account: z.preprocess(
    (value) => (typeof value === 'number' ? { id: value } : value),
    z.looseObject({ id: Num, email: Text }).nullish(),
  ),
  os: Ref,
  disk: z.looseObject({ id: Num, disk_mib: Num }).nullish(),
  ip4: z.array(IpShort).nullish(),
  ip6: z.array(IpShort).nullish(),
  balancer_mode: Text.describe('off: the cluster balancer leaves it alone'),
});
export type Host = z.infer<typeof Host>;

/** One entry of a VM's history (`/vm/v3/host/{id}/history`). */
export const HistoryEntry = z.looseObject({
  id: Id,
  name: Text.describe('task name, e.g. host_migrate'),
  state: Text.describe('running, complete or fail'),
  task: z.union([z.number(), z.string()]).nullish().describe('task id'),
  date_create: Text,
});

/** A virtual disk. */
export const Disk = z.looseObject({
  id: Id,
  name: Text,
  size_mib: Num,
  host: Ref,
  storage: Ref,
  boot_order: Num,
});

/** An IP address assigned to a VM (`/vm/v3/ip`, `/vm/v3/host/{id}/ipv4`). */
export const IpAddress = z.looseObject({
  id: Id,
  ip_addr: Text,
  domain: Text,
  gateway: Text,
  mask: Text,
  family: Num,
  state: Text,
  host: Ref,
  ippool: Ref,
});

/** An operating system template. */
export const OsImage = z.looseObject({
  id: Id,
  name: Text,
  os_group: Text,
  state: Text,
  adminonly: z.boolean().nullish(),
  min_ram_mib: Num,
  hdd_mib_required: Num,
});

/** A preset (a named set of resources for new VMs). */
export const Preset = z.looseObject({
  id: Id,
  name: Text,
  cpu_number: Num,
  ram_mib: Num,
  disks: z.array(z.looseObject({ size_mib: Num })).nullish(),
});

/** A cluster of nodes. */
export const Cluster = z.looseObject({ id: Id, name: Text, type: Text, virtualization_type: Text });

/** A hypervisor node. */
export const Node = z.looseObject({
  id: Id,
  name: Text,
  ip_addr: Text,
  state: Text,
  cluster: Ref,
  host_count: Num,
  cpu: z.looseObject({ number: Num, used: Num }).nullish().describe('cores, and vCPUs given to VMs'),
  ram_mib: z
    .preprocess(
      (value) => (typeof value === 'number' ? { total: value } : value),
      z.looseObject({ total: Num, allocated: Num }).nullish(),
    )
    .describe('memory, and memory given to VMs (MiB)'),
  vm: z.looseObject({ total: Num }).nullish(),
  maintenance_mode: z.boolean().nullish(),
  host_creation_blocked: z.boolean().nullish(),
  host_limit: Num,
});

/** A user of the auth service (`/auth/v4/user`). */
export const AuthUser = z.looseObject({
  id: Id,
  email: Text,
  state: Text,
  roles: z.array(z.string()).nullish(),
  auth_source: Text,
});

/** A user account. */
export const Account = z.looseObject({
  id: Id,
  email: Text,
  state: Text,
  roles: z.array(z.string()).nullish(),
  host_count: Num,
});

/** A task (asynchronous operation). `status` is `complete` or `fail` when done; anything else means running. */
export const Task = z.looseObject({
  id: Id,
  consul_id: z.union([z.number(), z.string()]).nullish(),
  name: Text,
  status: Text,
  defer_reason: Text,
  output: z.unknown().optional(),
});
export type Task = z.infer<typeof Task>;

/** A VM backup. */
export const Backup = z.looseObject({ id: Id, name: Text, state: Text, size_mib: Num, host: Ref });

/** An IP pool (`/ip/v3/ippool`). */
export const IpPool = z.looseObject({ id: Id, name: Text, note: Text });

/** An IP network (`/ip/v3/ipnet`). */
export const IpNet = z.looseObject({ id: Id, name: Text, gateway: Text, ippool: Ref });

/** A token object (`/auth/v4/public/token`, `/auth/v4/token`, `/auth/v4/public/key`). */
export const TokenObject = z.looseObject({
  id: Num,
  token: z.string(),
  expires_at: Text,
  confirmed: z.boolean().nullish(),
});
