import { ref } from '@x/auth-core';
import { z } from 'zod';
import { listFilterShape } from '../filter.js';
import { vmEndpoint } from '../route.js';
import { ActionResult, Defer, DomainName, idField, listOf, Num, Password, Text } from '../schemas/common.js';
import { Backup, HistoryEntry, Host, IpAddress } from '../schemas/objects.js';

const hostId = idField('VM', ref('host.list'));
const taskHint = `Answers a task id for ${ref('task.wait')}.`;

const HostName = z
  .string()
  .min(1)
  .max(100)
  .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/, 'letters, digits, _ . and - only, starting with a letter or digit');

const SendEmailMode = z
  .enum(['default', 'saved', 'disabled'])
  .describe('E-mail the owner the access details');

/** One disk of a new VM (`disks` of `POST /vm/v3/host`). */
const NewDisk = z.strictObject({
  size_mib: z.int().min(1024).describe('Disk size in MiB'),
  boot_order: z.int().min(1).max(16).optional().describe('Boot order, 1 first'),
  storage: z.int().positive().optional().describe('Storage id'),
  tags: z.array(z.string().min(1).max(100)).max(20).optional().describe('Storage tags'),
});

/** One network interface of a new VM (`custom_interfaces` of `POST /vm/v3/host`). */
const NewInterface = z.strictObject({
  model: z.enum(['virtio', 'e1000', 'rtl8139']).optional().describe('Virtual NIC model'),
  is_main_network: z.boolean().optional().describe('The main interface (default route)'),
  bridge_id: z.int().positive().optional().describe('Bridge id on the node'),
  ip_count: z.int().min(0).max(256).optional().describe('IPv4 addresses for this interface'),
  ippool: z
    .int()
    .positive()
    .optional()
    .describe(`IP pool for them (from ${ref('ippool.list')})`),
});

const CreateHostInput = z
  .strictObject({
    name: HostName.describe('VM name'),
    cluster: z
      .int()
      .positive()
      .describe(`Cluster id (from ${ref('cluster.list')})`),
    account: z
      .int()
      .positive()
      .describe(`Account id (from ${ref('account.list')})`),
    os: z
      .int()
      .positive()
      .optional()
      .describe(`OS template id (from ${ref('os.list')})`),
    image: z.int().positive().optional().describe('Image id'),
    preset: z
      .int()
      .positive()
      .optional()
      .describe(`Preset id (from ${ref('preset.list')})`),
    cpu_number: z.int().min(1).max(512).optional().describe('Virtual CPUs'),
    ram_mib: z.int().min(128).max(4_194_304).optional().describe('Memory in MiB'),
    hdd_mib: z.int().min(1024).optional().describe('Main disk size in MiB (or give disks)'),
    disks: z
      .array(NewDisk)
      .min(1)
      .max(16)
      .optional()
      .describe('Disks, instead of hdd_mib or the preset disk'),
    custom_interfaces: z
      .array(NewInterface)
      .max(8)
      .optional()
      .describe('Network interfaces; their ip_count replaces ipv4_number'),
    password: Password.optional().describe('Root password'),
    domain: DomainName.optional().describe('Domain name'),
    node: z
      .int()
      .positive()
      .optional()
      .describe(`Node id (from ${ref('node.list')})`),
    comment: z.string().max(1000).optional().describe('Comment'),
    ipv4_number: z.int().min(0).max(256).optional().describe('IPv4 addresses to assign'),
    ipv4_pool: z
      .array(z.int().positive())
      .max(20)
      .optional()
      .describe(`IP pools for them (from ${ref('ippool.list')})`),
    ipv6_enabled: z.boolean().optional().describe('Assign an IPv6 subnet'),
    ipv6_prefix: z.int().min(1).max(128).optional().describe('IPv6 prefix length'),
    send_email_mode: SendEmailMode.optional(),
  })
  .refine((input) => (input.os === undefined) !== (input.image === undefined), {
    message: 'give exactly one of os and image',
    path: ['os'],
  })
  .refine((input) => input.hdd_mib === undefined || input.disks === undefined, {
    message: 'give hdd_mib or disks, not both',
    path: ['hdd_mib'],
  })
  .refine(
    (input) =>
      input.preset !== undefined ||
      (input.cpu_number !== undefined &&
        input.ram_mib !== undefined &&
        (input.hdd_mib !== undefined || input.disks !== undefined)),
    {
      message: 'without a preset, cpu_number, ram_mib and hdd_mib (or disks) are required',
      path: ['preset'],
    },
  );

/** Virtual machines (`/vm/v3/host`). */
export const host = {
  list: vmEndpoint({
    summary: 'List VMs with their cluster, node, disk and IPs.',
    description: 'Filter fields include name, state, cluster.id, node.id, account.id.',
    route: { method: 'GET', path: '/vm/v3/host', filter: true },
    input: z.strictObject(listFilterShape),
    output: listOf(Host),
    effect: 'read',
  }),
  get: vmEndpoint({
    summary: 'Get one VM with its cluster, node, disk and IPs.',
    // GET /vm/v3/host/{id} returns a partial object without IPs, cluster or disk.
    description: 'Reads the filtered list; not found is an error.',
    route: { method: 'GET', path: '/vm/v3/host', lookup: 'host_id' },
    input: z.strictObject({ host_id: hostId }),
    output: Host,
    effect: 'read',
  }),
  create: vmEndpoint({
    summary: 'Create a VM.',
    description: `Give os or image, and preset or cpu_number, ram_mib and hdd_mib or disks. ${taskHint}`,
    route: { method: 'POST', path: '/vm/v3/host' },
    input: CreateHostInput,
    output: ActionResult,
    effect: 'create',
  }),
  update: vmEndpoint({
    summary: 'Change the name, comment or options of a VM.',
    description: `Resources: ${ref('host.resource')}; password: ${ref('host.password')}.`,
    route: { method: 'POST', path: '/vm/v3/host/{host_id}' },
    input: z.strictObject({
      host_id: hostId,
      name: HostName.optional().describe('New name'),
      comment: z.string().max(1000).optional().describe('New comment'),
      ha_restore_on_fail: z.boolean().optional().describe('Restart on another node if its node fails'),
    }),
    output: ActionResult,
    effect: 'update',
  }),
  delete: vmEndpoint({
    summary: 'Delete a VM and its disks.',
    description: taskHint,
    route: { method: 'DELETE', path: '/vm/v3/host/{host_id}' },
    input: z.strictObject({
      host_id: hostId,
      force: z.boolean().optional().describe('Even if the VM cannot stop cleanly'),
    }),
    output: ActionResult,
    effect: 'delete',
  }),
  start: vmEndpoint({
    summary: 'Start a VM.',
    description: taskHint,
    route: { method: 'POST', path: '/vm/v3/host/{host_id}/start' },
    input: z.strictObject({ host_id: hostId }),
    output: ActionResult,
    effect: 'action',
    // Starts or restores something; destroys nothing, so no confirmation is asked.
    destructive: false,
    idempotent: true,
  }),
  stop: vmEndpoint({
    summary: 'Stop a VM.',
    description: taskHint,
    route: { method: 'POST', path: '/vm/v3/host/{host_id}/stop' },
    input: z.strictObject({
      host_id: hostId,
      force: z.boolean().optional().describe('Power off, no clean shutdown'),
    }),
    output: ActionResult,
    effect: 'action',
    idempotent: true,
  }),
  restart: vmEndpoint({
    summary: 'Restart a VM.',
    description: taskHint,
    route: { method: 'POST', path: '/vm/v3/host/{host_id}/restart' },
    input: z.strictObject({
      host_id: hostId,
      force: z.boolean().optional().describe('Hard reset, no clean reboot'),
    }),
    output: ActionResult,
    effect: 'action',
    idempotent: true,
  }),
  migrate: vmEndpoint({
    summary: 'Move a VM to another node of its cluster.',
    description: `The node comes from ${ref('node.list')} (same cluster). ${taskHint}`,
    route: { method: 'POST', path: '/vm/v3/host/{host_id}/migrate' },
    input: z.strictObject({
      host_id: hostId,
      node: z
        .int()
        .positive()
        .describe(`Target node id (from ${ref('node.list')})`),
    }),
    output: ActionResult,
    effect: 'action',
  }),
  history: vmEndpoint({
    summary: 'List the operations run on a VM (its task history).',
    description: `Each entry names the task (e.g. host_migrate), its state and task id for ${ref('task.get')}.`,
    route: { method: 'GET', path: '/vm/v3/host/{host_id}/history' },
    input: z.strictObject({ host_id: hostId }),
    output: listOf(HistoryEntry).extend({ max_id: Num.describe("the newest entry's id") }),
    effect: 'read',
  }),
  reinstall: vmEndpoint({
    summary: 'Reinstall the OS of a VM, erasing its disk.',
    description: `Give os or image. ${taskHint}`,
    route: { method: 'POST', path: '/vm/v3/host/{host_id}/reinstall' },
    input: z
      .strictObject({
        host_id: hostId,
        os: z
          .int()
          .positive()
          .optional()
          .describe(`OS template id (from ${ref('os.list')})`),
        image: z.int().positive().optional().describe('Image id'),
        password: Password.optional().describe('New root password'),
        send_email_mode: SendEmailMode.optional(),
      })
      .refine((input) => (input.os === undefined) !== (input.image === undefined), {
        message: 'give exactly one of os and image',
        path: ['os'],
      }),
    output: ActionResult,
    effect: 'action',
  }),
  resource: vmEndpoint({
    summary: 'Change the CPU, memory or bandwidth of a VM.',
    description: `Give at least one. ${taskHint}`,
    route: { method: 'POST', path: '/vm/v3/host/{host_id}/resource' },
    input: z
      .strictObject({
        host_id: hostId,
        cpu_number: z.int().min(1).max(512).optional().describe('Virtual CPUs'),
        ram_mib: z.int().min(128).max(4_194_304).optional().describe('Memory in MiB'),
        net_bandwidth_mbitps: z.int().min(0).optional().describe('Bandwidth limit in Mbit/s; 0 unlimited'),
        defer: Defer.optional(),
      })
      .refine(
        (input) =>
          input.cpu_number !== undefined ||
          input.ram_mib !== undefined ||
          input.net_bandwidth_mbitps !== undefined,
        { message: 'give at least one of cpu_number, ram_mib, net_bandwidth_mbitps', path: ['cpu_number'] },
      ),
    output: ActionResult,
    effect: 'update',
  }),
  password: vmEndpoint({
    summary: 'Set the root password of a VM.',
    description: taskHint,
    route: { method: 'POST', path: '/vm/v3/host/{host_id}/password' },
    input: z.strictObject({ host_id: hostId, password: Password.describe('New root password') }),
    output: ActionResult,
    effect: 'update',
  }),
  account: vmEndpoint({
    summary: 'Give a VM to another owner account.',
    route: { method: 'POST', path: '/vm/v3/host/{host_id}/account' },
    input: z.strictObject({
      host_id: hostId,
      account: z
        .int()
        .positive()
        .describe(`Account id (from ${ref('account.list')})`),
    }),
    output: ActionResult,
    effect: 'update',
  }),
  ip: vmEndpoint({
    summary: 'Add IP addresses to a VM.',
    description: `Give ipv4_number or ipv6_enabled. ${taskHint}`,
    route: { method: 'POST', path: '/vm/v3/host/{host_id}/ip' },
    input: z
      .strictObject({
        host_id: hostId,
        ipv4_number: z.int().min(1).max(256).optional().describe('IPv4 addresses to add'),
        ipv4_pool: z
          .array(z.int().positive())
          .max(20)
          .optional()
          .describe(`IP pools for them (from ${ref('ippool.list')})`),
        ipv6_enabled: z.boolean().optional().describe('Assign an IPv6 subnet'),
        ipv6_prefix: z.int().min(1).max(128).optional().describe('IPv6 prefix length'),
      })
      .refine((input) => input.ipv4_number !== undefined || input.ipv6_enabled !== undefined, {
        message: 'give ipv4_number or ipv6_enabled',
        path: ['ipv4_number'],
      }),
    output: ActionResult,
    effect: 'create',
  }),
  ipv4: vmEndpoint({
    summary: 'List the IPv4 addresses of a VM.',
    route: { method: 'GET', path: '/vm/v3/host/{host_id}/ipv4' },
    input: z.strictObject({ host_id: hostId }),
    output: listOf(IpAddress),
    effect: 'read',
  }),
  ipv6: vmEndpoint({
    summary: 'Get the IPv6 settings of a VM.',
    route: { method: 'GET', path: '/vm/v3/host/{host_id}/ipv6' },
    input: z.strictObject({ host_id: hostId }),
    output: z.looseObject({ ipv6_enabled: z.boolean().nullish(), ipv6_prefix: Num }),
    effect: 'read',
  }),
  metrics: vmEndpoint({
    summary: 'Read a usage metric of a VM as time series.',
    route: { method: 'GET', path: '/vm/v3/host/{host_id}/metrics' },
    input: z.strictObject({
      host_id: hostId,
      target: z.enum(['cpu_load', 'mem_usage', 'df.root.used', 'net_rx', 'net_tx']).describe('Metric'),
      from: z
        .string()
        .regex(/^(\d{2}:\d{2}_\d{8}|-\d+(min|h|d))$/, 'HH:MM_YYYYMMDD or a relative time such as -1h')
        .optional()
        .describe('Series start, e.g. 00:00_20261122 (HH:MM_YYYYMMDD) or -1h'),
    }),
    output: z.array(
      z.looseObject({
        target: Text,
        datapoints: z.array(z.array(z.number().nullable())).nullish().describe('[value, unix time] pairs'),
      }),
    ),
    effect: 'read',
  }),
  backup: {
    list: vmEndpoint({
      summary: 'List the backups of a VM.',
      route: { method: 'GET', path: '/vm/v3/host/{host_id}/backup' },
      input: z.strictObject({ host_id: hostId }),
      output: listOf(Backup),
      effect: 'read',
    }),
    create: vmEndpoint({
      summary: 'Back up a VM.',
      description: taskHint,
      route: { method: 'POST', path: '/vm/v3/host/{host_id}/backup' },
      input: z.strictObject({
        host_id: hostId,
        name: z.string().min(1).max(100).optional().describe('Backup name'),
        comment: z.string().max(1000).optional().describe('Comment'),
      }),
      output: ActionResult,
      effect: 'create',
    }),
  },
  restore: vmEndpoint({
    summary: 'Restore a VM from one of its backups, replacing its disk.',
    description: taskHint,
    route: { method: 'POST', path: '/vm/v3/host/{host_id}/restore' },
    input: z.strictObject({
      host_id: hostId,
      backup: z
        .int()
        .positive()
        .describe(`Backup id (from ${ref('host.backup.list')})`),
    }),
    output: ActionResult,
    effect: 'action',
  }),
};
