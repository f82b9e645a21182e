// Generated from the vmmanager catalog by the catalog compiler (scripts/generate.mjs); do not edit.
// To update it, run `npm run generate` from the repository root (after `npm run build`).
import type { CallOptions, Method } from '@x/auth-core';
import type { VmManagerCatalog as C } from './catalog.js';

/**
 * The typed methods of the VMmanager 6 client, nested as the catalog: one per endpoint, each
 * documented from its declaration.
 *
 * @typeParam Options - the per-call options the client accepts
 */
export interface VmManagerMethods<Options extends CallOptions = CallOptions> {
  readonly host: {
    /**
     * List VMs with their cluster, node, disk and IPs.
     *
     * Filter fields include name, state, cluster.id, node.id, account.id.
     *
     * Input:
     * - `where` (optional): Filter: a tree such as {"and":[{"field":"name","op":"CP","value":"web%"},{"field":"state","op":"EQ","value":"active"}]} or a raw expression string
     * - `orderby` (optional): Sort order; without it the list is sorted by id ascending
     * - `limit` (optional): Return only a range of the filtered list
     *
     * Effect: read (read-only; idempotent, retried).
     *
     * @param input - the fields above, validated before any request is sent
     * @param options - per-call options (timeout, abort signal, ...)
     * @see API.md#hostlist for the input and output shapes
     */
    readonly list: Method<C['host']['list']['input'], C['host']['list']['output'], Options>;
    /**
     * Get one VM with its cluster, node, disk and IPs.
     *
     * Reads the filtered list; not found is an error.
     *
     * Input:
     * - `host_id`: VM id (from `vm.host.list()`)
     *
     * Effect: read (read-only; idempotent, retried).
     *
     * @param input - the fields above, validated before any request is sent
     * @param options - per-call options (timeout, abort signal, ...)
     * @see API.md#hostget for the input and output shapes
     */
    readonly get: Method<C['host']['get']['input'], C['host']['get']['output'], Options>;
    /**
     * Create a VM.
     *
     * Give os or image, and preset or cpu_number, ram_mib and hdd_mib or disks. Answers a task id for `vm.task.wait()`.
     *
     * Input:
     * - `name`: VM name
     * - `cluster`: Cluster id (from `vm.cluster.list()`)
     * - `account`: Account id (from `vm.account.list()`)
     * - `os` (optional): OS template id (from `vm.os.list()`)
     * - `image` (optional): Image id
     * - `preset` (optional): Preset id (from `vm.preset.list()`)
     * - `cpu_number` (optional): Virtual CPUs
     * - `ram_mib` (optional): Memory in MiB
     * - `hdd_mib` (optional): Main disk size in MiB (or give disks)
     * - `disks` (optional): Disks, instead of hdd_mib or the preset disk
     * - `custom_interfaces` (optional): Network interfaces; their ip_count replaces ipv4_number
     * - `password` (optional): Root password
     * - `domain` (optional): Domain name
     * - `node` (optional): Node id (from `vm.node.list()`)
     * - `comment` (optional): Comment
     * - `ipv4_number` (optional): IPv4 addresses to assign
     * - `ipv4_pool` (optional): IP pools for them (from `vm.ippool.list()`)
     * - `ipv6_enabled` (optional): Assign an IPv6 subnet
     * - `ipv6_prefix` (optional): IPv6 prefix length
     * - `send_email_mode` (optional): E-mail the owner the access details
     *
     * Effect: create (not destructive; not idempotent, never retried once sent).
     *
     * @param input - the fields above, validated before any request is sent
     * @param options - per-call options (timeout, abort signal, ...)
     * @see API.md#hostcreate for the input and output shapes
     */
    readonly create: Method<C['host']['create']['input'], C['host']['create']['output'], Options>;
    /**
     * Change the name, comment or options of a VM.
     *
     * Resources: `vm.host.resource()`; password: `vm.host.password()`.
     *
     * Input:
     * - `host_id`: VM id (from `vm.host.list()`)
     * - `name` (optional): New name
     * - `comment` (optional): New comment
     * - `ha_restore_on_fail` (optional): Restart on another node if its node fails
     *
     * Effect: update (destructive; idempotent, retried).
     *
     * @param input - the fields above, validated before any request is sent
     * @param options - per-call options (timeout, abort signal, ...)
     * @see API.md#hostupdate for the input and output shapes
     */
    readonly update: Method<C['host']['update']['input'], C['host']['update']['output'], Options>;
    /**
     * Delete a VM and its disks.
     *
     * Answers a task id for `vm.task.wait()`.
     *
     * Input:
     * - `host_id`: VM id (from `vm.host.list()`)
     * - `force` (optional): Even if the VM cannot stop cleanly
     *
     * Effect: delete (destructive; idempotent, retried).
     *
     * @param input - the fields above, validated before any request is sent
     * @param options - per-call options (timeout, abort signal, ...)
     * @see API.md#hostdelete for the input and output shapes
     */
    readonly delete: Method<C['host']['delete']['input'], C['host']['delete']['output'], Options>;
    /**
     * Start a VM.
     *
     * Answers a task id for `vm.task.wait()`.
     *
     * Input:
     * - `host_id`: VM id (from `vm.host.list()`)
     *
     * Effect: action (not destructive; idempotent, retried).
     *
     * @param input - the fields above, validated before any request is sent
     * @param options - per-call options (timeout, abort signal, ...)
     * @see API.md#hoststart for the input and output shapes
     */
    readonly start: Method<C['host']['start']['input'], C['host']['start']['output'], Options>;
    /**
     * Stop a VM.
     *
     * Answers a task id for `vm.task.wait()`.
     *
     * Input:
     * - `host_id`: VM id (from `vm.host.list()`)
     * - `force` (optional): Power off, no clean shutdown
     *
     * Effect: action (destructive; idempotent, retried).
     *
     * @param input - the fields above, validated before any request is sent
     * @param options - per-call options (timeout, abort signal, ...)
     * @see API.md#hoststop for the input and output shapes
     */
    readonly stop: Method<C['host']['stop']['input'], C['host']['stop']['output'], Options>;
    /**
     * Restart a VM.
     *
     * Answers a task id for `vm.task.wait()`.
     *
     * Input:
     * - `host_id`: VM id (from `vm.host.list()`)
     * - `force` (optional): Hard reset, no clean reboot
     *
     * Effect: action (destructive; idempotent, retried).
     *
     * @param input - the fields above, validated before any request is sent
     * @param options - per-call options (timeout, abort signal, ...)
     * @see API.md#hostrestart for the input and output shapes
     */
    readonly restart: Method<C['host']['restart']['input'], C['host']['restart']['output'], Options>;
    /**
     * Move a VM to another node of its cluster.
     *
     * The node comes from `vm.node.list()` (same cluster). Answers a task id for `vm.task.wait()`.
     *
     * Input:
     * - `host_id`: VM id (from `vm.host.list()`)
     * - `node`: Target node id (from `vm.node.list()`)
     *
     * Effect: action (destructive; not idempotent, never retried once sent).
     *
     * @param input - the fields above, validated before any request is sent
     * @param options - per-call options (timeout, abort signal, ...)
     * @see API.md#hostmigrate for the input and output shapes
     */
    readonly migrate: Method<C['host']['migrate']['input'], C['host']['migrate']['output'], Options>;
    /**
     * List the operations run on a VM (its task history).
     *
     * Each entry names the task (e.g. host_migrate), its state and task id for `vm.task.get()`.
     *
     * Input:
     * - `host_id`: VM id (from `vm.host.list()`)
     *
     * Effect: read (read-only; idempotent, retried).
     *
     * @param input - the fields above, validated before any request is sent
     * @param options - per-call options (timeout, abort signal, ...)
     * @see API.md#hosthistory for the input and output shapes
     */
    readonly history: Method<C['host']['history']['input'], C['host']['history']['output'], Options>;
    /**
     * Reinstall the OS of a VM, erasing its disk.
     *
     * Give os or image. Answers a task id for `vm.task.wait()`.
     *
     * Input:
     * - `host_id`: VM id (from `vm.host.list()`)
     * - `os` (optional): OS template id (from `vm.os.list()`)
     * - `image` (optional): Image id
     * - `password` (optional): New root password
     * - `send_email_mode` (optional): E-mail the owner the access details
     *
     * Effect: action (destructive; not idempotent, never retried once sent).
     *
     * @param input - the fields above, validated before any request is sent
     * @param options - per-call options (timeout, abort signal, ...)
     * @see API.md#hostreinstall for the input and output shapes
     */
    readonly reinstall: Method<C['host']['reinstall']['input'], C['host']['reinstall']['output'], Options>;
    /**
     * Change the CPU, memory or bandwidth of a VM.
     *
     * Give at least one. Answers a task id for `vm.task.wait()`.
     *
     * Input:
     * - `host_id`: VM id (from `vm.host.list()`)
     * - `cpu_number` (optional): Virtual CPUs
     * - `ram_mib` (optional): Memory in MiB
     * - `net_bandwidth_mbitps` (optional): Bandwidth limit in Mbit/s; 0 unlimited
     * - `defer` (optional): Apply the change later instead of now (a running VM)
     *
     * Effect: update (destructive; idempotent, retried).
     *
     * @param input - the fields above, validated before any request is sent
     * @param options - per-call options (timeout, abort signal, ...)
     * @see API.md#hostresource for the input and output shapes
     */
    readonly resource: Method<C['host']['resource']['input'], C['host']['resource']['output'], Options>;
    /**
     * Set the root password of a VM.
     *
     * Answers a task id for `vm.task.wait()`.
     *
     * Input:
     * - `host_id`: VM id (from `vm.host.list()`)
     * - `password`: New root password
     *
     * Effect: update (destructive; idempotent, retried).
     *
     * @param input - the fields above, validated before any request is sent
     * @param options - per-call options (timeout, abort signal, ...)
     * @see API.md#hostpassword for the input and output shapes
     */
    readonly password: Method<C['host']['password']['input'], C['host']['password']['output'], Options>;
    /**
     * Give a VM to another owner account.
     *
     * Input:
     * - `host_id`: VM id (from `vm.host.list()`)
     * - `account`: Account id (from `vm.account.list()`)
     *
     * Effect: update (destructive; idempotent, retried).
     *
     * @param input - the fields above, validated before any request is sent
     * @param options - per-call options (timeout, abort signal, ...)
     * @see API.md#hostaccount for the input and output shapes
     */
    readonly account: Method<C['host']['account']['input'], C['host']['account']['output'], Options>;
    /**
     * Add IP addresses to a VM.
     *
     * Give ipv4_number or ipv6_enabled. Answers a task id for `vm.task.wait()`.
     *
     * Input:
     * - `host_id`: VM id (from `vm.host.list()`)
     * - `ipv4_number` (optional): IPv4 addresses to add
     * - `ipv4_pool` (optional): IP pools for them (from `vm.ippool.list()`)
     * - `ipv6_enabled` (optional): Assign an IPv6 subnet
     * - `ipv6_prefix` (optional): IPv6 prefix length
     *
     * Effect: create (not destructive; not idempotent, never retried once sent).
     *
     * @param input - the fields above, validated before any request is sent
     * @param options - per-call options (timeout, abort signal, ...)
     * @see API.md#hostip for the input and output shapes
     */
    readonly ip: Method<C['host']['ip']['input'], C['host']['ip']['output'], Options>;
    /**
     * List the IPv4 addresses of a VM.
     *
     * Input:
     * - `host_id`: VM id (from `vm.host.list()`)
     *
     * Effect: read (read-only; idempotent, retried).
     *
     * @param input - the fields above, validated before any request is sent
     * @param options - per-call options (timeout, abort signal, ...)
     * @see API.md#hostipv4 for the input and output shapes
     */
    readonly ipv4: Method<C['host']['ipv4']['input'], C['host']['ipv4']['output'], Options>;
    /**
     * Get the IPv6 settings of a VM.
     *
     * Input:
     * - `host_id`: VM id (from `vm.host.list()`)
     *
     * Effect: read (read-only; idempotent, retried).
     *
     * @param input - the fields above, validated before any request is sent
     * @param options - per-call options (timeout, abort signal, ...)
     * @see API.md#hostipv6 for the input and output shapes
     */
    readonly ipv6: Method<C['host']['ipv6']['input'], C['host']['ipv6']['output'], Options>;
    /**
     * Read a usage metric of a VM as time series.
     *
     * Input:
     * - `host_id`: VM id (from `vm.host.list()`)
     * - `target`: Metric
     * - `from` (optional): Series start, e.g. 00:00_20261122 (HH:MM_YYYYMMDD) or -1h
     *
     * Effect: read (read-only; idempotent, retried).
     *
     * @param input - the fields above, validated before any request is sent
     * @param options - per-call options (timeout, abort signal, ...)
     * @see API.md#hostmetrics for the input and output shapes
     */
    readonly metrics: Method<C['host']['metrics']['input'], C['host']['metrics']['output'], Options>;
    readonly backup: {
      /**
       * List the backups of a VM.
       *
       * Input:
       * - `host_id`: VM id (from `vm.host.list()`)
       *
       * Effect: read (read-only; idempotent, retried).
       *
       * @param input - the fields above, validated before any request is sent
       * @param options - per-call options (timeout, abort signal, ...)
       * @see API.md#hostbackuplist for the input and output shapes
       */
      readonly list: Method<
        C['host']['backup']['list']['input'],
        C['host']['backup']['list']['output'],
        Options
      >;
      /**
       * Back up a VM.
       *
       * Answers a task id for `vm.task.wait()`.
       *
       * Input:
       * - `host_id`: VM id (from `vm.host.list()`)
       * - `name` (optional): Backup name
       * - `comment` (optional): Comment
       *
       * Effect: create (not destructive; not idempotent, never retried once sent).
       *
       * @param input - the fields above, validated before any request is sent
       * @param options - per-call options (timeout, abort signal, ...)
       * @see API.md#hostbackupcreate for the input and output shapes
       */
      readonly create: Method<
        C['host']['backup']['create']['input'],
        C['host']['backup']['create']['output'],
        Options
      >;
    };
    /**
     * Restore a VM from one of its backups, replacing its disk.
     *
     * Answers a task id for `vm.task.wait()`.
     *
     * Input:
     * - `host_id`: VM id (from `vm.host.list()`)
     * - `backup`: Backup id (from `vm.host.backup.list()`)
     *
     * Effect: action (destructive; not idempotent, never retried once sent).
     *
     * @param input - the fields above, validated before any request is sent
     * @param options - per-call options (timeout, abort signal, ...)
     * @see API.md#hostrestore for the input and output shapes
     */
    readonly restore: Method<C['host']['restore']['input'], C['host']['restore']['output'], Options>;
  };
  readonly disk: {
    /**
     * List virtual disks.
     *
     * Filter by VM on host.id.
     *
     * Input:
     * - `where` (optional): Filter: a tree such as {"and":[{"field":"name","op":"CP","value":"web%"},{"field":"state","op":"EQ","value":"active"}]} or a raw expression string
     * - `orderby` (optional): Sort order; without it the list is sorted by id ascending
     * - `limit` (optional): Return only a range of the filtered list
     *
     * Effect: read (read-only; idempotent, retried).
     *
     * @param input - the fields above, validated before any request is sent
     * @param options - per-call options (timeout, abort signal, ...)
     * @see API.md#disklist for the input and output shapes
     */
    readonly list: Method<C['disk']['list']['input'], C['disk']['list']['output'], Options>;
    /**
     * Resize a virtual disk.
     *
     * Disks only grow. Answers a task id for `vm.task.wait()`.
     *
     * Input:
     * - `disk_id`: Disk id (from `vm.disk.list()` or `vm.host.get()`)
     * - `size_mib`: New size in MiB
     * - `defer` (optional): Apply the change later instead of now (a running VM)
     *
     * Effect: update (destructive; idempotent, retried).
     *
     * @param input - the fields above, validated before any request is sent
     * @param options - per-call options (timeout, abort signal, ...)
     * @see API.md#diskupdate for the input and output shapes
     */
    readonly update: Method<C['disk']['update']['input'], C['disk']['update']['output'], Options>;
  };
  readonly backup: {
    /**
     * List the backups of all VMs.
     *
     * Input:
     * - `where` (optional): Filter: a tree such as {"and":[{"field":"name","op":"CP","value":"web%"},{"field":"state","op":"EQ","value":"active"}]} or a raw expression string
     * - `orderby` (optional): Sort order; without it the list is sorted by id ascending
     * - `limit` (optional): Return only a range of the filtered list
     *
     * Effect: read (read-only; idempotent, retried).
     *
     * @param input - the fields above, validated before any request is sent
     * @param options - per-call options (timeout, abort signal, ...)
     * @see API.md#backuplist for the input and output shapes
     */
    readonly list: Method<C['backup']['list']['input'], C['backup']['list']['output'], Options>;
    /**
     * Delete a backup.
     *
     * Input:
     * - `backup_id`: Backup id (from `vm.backup.list()`)
     *
     * Effect: delete (destructive; idempotent, retried).
     *
     * @param input - the fields above, validated before any request is sent
     * @param options - per-call options (timeout, abort signal, ...)
     * @see API.md#backupdelete for the input and output shapes
     */
    readonly delete: Method<C['backup']['delete']['input'], C['backup']['delete']['output'], Options>;
  };
  readonly ip: {
    /**
     * List the IP addresses assigned to VMs.
     *
     * Filter by VM on host.id, by address on ip_addr.
     *
     * Input:
     * - `where` (optional): Filter: a tree such as {"and":[{"field":"name","op":"CP","value":"web%"},{"field":"state","op":"EQ","value":"active"}]} or a raw expression string
     * - `orderby` (optional): Sort order; without it the list is sorted by id ascending
     * - `limit` (optional): Return only a range of the filtered list
     *
     * Effect: read (read-only; idempotent, retried).
     *
     * @param input - the fields above, validated before any request is sent
     * @param options - per-call options (timeout, abort signal, ...)
     * @see API.md#iplist for the input and output shapes
     */
    readonly list: Method<C['ip']['list']['input'], C['ip']['list']['output'], Options>;
    /**
     * Set the reverse DNS (PTR) name of an IP address.
     *
     * Input:
     * - `ip_id`: IP address id (from `vm.ip.list()` or `vm.host.ipv4()`)
     * - `domain`: PTR name, e.g. vm1.example.com
     *
     * Effect: update (destructive; idempotent, retried).
     *
     * @param input - the fields above, validated before any request is sent
     * @param options - per-call options (timeout, abort signal, ...)
     * @see API.md#ipptr for the input and output shapes
     */
    readonly ptr: Method<C['ip']['ptr']['input'], C['ip']['ptr']['output'], Options>;
  };
  readonly ippool: {
    /**
     * List IP pools.
     *
     * Input:
     * - `where` (optional): Filter: a tree such as {"and":[{"field":"name","op":"CP","value":"web%"},{"field":"state","op":"EQ","value":"active"}]} or a raw expression string
     * - `orderby` (optional): Sort order; without it the list is sorted by id ascending
     * - `limit` (optional): Return only a range of the filtered list
     *
     * Effect: read (read-only; idempotent, retried).
     *
     * @param input - the fields above, validated before any request is sent
     * @param options - per-call options (timeout, abort signal, ...)
     * @see API.md#ippoollist for the input and output shapes
     */
    readonly list: Method<C['ippool']['list']['input'], C['ippool']['list']['output'], Options>;
    /**
     * Get one IP pool.
     *
     * Input:
     * - `pool_id`: IP pool id (from `vm.ippool.list()`)
     *
     * Effect: read (read-only; idempotent, retried).
     *
     * @param input - the fields above, validated before any request is sent
     * @param options - per-call options (timeout, abort signal, ...)
     * @see API.md#ippoolget for the input and output shapes
     */
    readonly get: Method<C['ippool']['get']['input'], C['ippool']['get']['output'], Options>;
  };
  readonly ipnet: {
    /**
     * List IP networks.
     *
     * Input:
     * - `where` (optional): Filter: a tree such as {"and":[{"field":"name","op":"CP","value":"web%"},{"field":"state","op":"EQ","value":"active"}]} or a raw expression string
     * - `orderby` (optional): Sort order; without it the list is sorted by id ascending
     * - `limit` (optional): Return only a range of the filtered list
     *
     * Effect: read (read-only; idempotent, retried).
     *
     * @param input - the fields above, validated before any request is sent
     * @param options - per-call options (timeout, abort signal, ...)
     * @see API.md#ipnetlist for the input and output shapes
     */
    readonly list: Method<C['ipnet']['list']['input'], C['ipnet']['list']['output'], Options>;
    /**
     * Get one IP network.
     *
     * Input:
     * - `ipnet_id`: IP network id (from `vm.ipnet.list()`)
     *
     * Effect: read (read-only; idempotent, retried).
     *
     * @param input - the fields above, validated before any request is sent
     * @param options - per-call options (timeout, abort signal, ...)
     * @see API.md#ipnetget for the input and output shapes
     */
    readonly get: Method<C['ipnet']['get']['input'], C['ipnet']['get']['output'], Options>;
  };
  readonly os: {
    /**
     * List the OS templates for new VMs.
     *
     * Input:
     * - `where` (optional): Filter: a tree such as {"and":[{"field":"name","op":"CP","value":"web%"},{"field":"state","op":"EQ","value":"active"}]} or a raw expression string
     * - `orderby` (optional): Sort order; without it the list is sorted by id ascending
     * - `limit` (optional): Return only a range of the filtered list
     *
     * Effect: read (read-only; idempotent, retried).
     *
     * @param input - the fields above, validated before any request is sent
     * @param options - per-call options (timeout, abort signal, ...)
     * @see API.md#oslist for the input and output shapes
     */
    readonly list: Method<C['os']['list']['input'], C['os']['list']['output'], Options>;
  };
  readonly preset: {
    /**
     * List resource presets.
     *
     * Input:
     * - `where` (optional): Filter: a tree such as {"and":[{"field":"name","op":"CP","value":"web%"},{"field":"state","op":"EQ","value":"active"}]} or a raw expression string
     * - `orderby` (optional): Sort order; without it the list is sorted by id ascending
     * - `limit` (optional): Return only a range of the filtered list
     *
     * Effect: read (read-only; idempotent, retried).
     *
     * @param input - the fields above, validated before any request is sent
     * @param options - per-call options (timeout, abort signal, ...)
     * @see API.md#presetlist for the input and output shapes
     */
    readonly list: Method<C['preset']['list']['input'], C['preset']['list']['output'], Options>;
    /**
     * Get one resource preset.
     *
     * Input:
     * - `preset_id`: Preset id (from `vm.preset.list()`)
     *
     * Effect: read (read-only; idempotent, retried).
     *
     * @param input - the fields above, validated before any request is sent
     * @param options - per-call options (timeout, abort signal, ...)
     * @see API.md#presetget for the input and output shapes
     */
    readonly get: Method<C['preset']['get']['input'], C['preset']['get']['output'], Options>;
    /**
     * Create a resource preset.
     *
     * Input:
     * - `name`: Preset name
     * - `cpu_number`: Virtual CPUs
     * - `ram_mib`: Memory in MiB
     * - `disks`: Disks, the first is the boot disk
     *
     * Effect: create (not destructive; not idempotent, never retried once sent).
     *
     * @param input - the fields above, validated before any request is sent
     * @param options - per-call options (timeout, abort signal, ...)
     * @see API.md#presetcreate for the input and output shapes
     */
    readonly create: Method<C['preset']['create']['input'], C['preset']['create']['output'], Options>;
    /**
     * Change a resource preset.
     *
     * Input:
     * - `preset_id`: Preset id (from `vm.preset.list()`)
     * - `name` (optional): Preset name
     * - `cpu_number` (optional): Virtual CPUs
     * - `ram_mib` (optional): Memory in MiB
     * - `disks` (optional): Disks, the first is the boot disk
     *
     * Effect: update (destructive; idempotent, retried).
     *
     * @param input - the fields above, validated before any request is sent
     * @param options - per-call options (timeout, abort signal, ...)
     * @see API.md#presetupdate for the input and output shapes
     */
    readonly update: Method<C['preset']['update']['input'], C['preset']['update']['output'], Options>;
    /**
     * Delete a resource preset.
     *
     * Input:
     * - `preset_id`: Preset id (from `vm.preset.list()`)
     *
     * Effect: delete (destructive; idempotent, retried).
     *
     * @param input - the fields above, validated before any request is sent
     * @param options - per-call options (timeout, abort signal, ...)
     * @see API.md#presetdelete for the input and output shapes
     */
    readonly delete: Method<C['preset']['delete']['input'], C['preset']['delete']['output'], Options>;
  };
  readonly cluster: {
    /**
     * List clusters.
     *
     * Input:
     * - `where` (optional): Filter: a tree such as {"and":[{"field":"name","op":"CP","value":"web%"},{"field":"state","op":"EQ","value":"active"}]} or a raw expression string
     * - `orderby` (optional): Sort order; without it the list is sorted by id ascending
     * - `limit` (optional): Return only a range of the filtered list
     *
     * Effect: read (read-only; idempotent, retried).
     *
     * @param input - the fields above, validated before any request is sent
     * @param options - per-call options (timeout, abort signal, ...)
     * @see API.md#clusterlist for the input and output shapes
     */
    readonly list: Method<C['cluster']['list']['input'], C['cluster']['list']['output'], Options>;
    /**
     * Get one cluster.
     *
     * Input:
     * - `cluster_id`: Cluster id (from `vm.cluster.list()`)
     *
     * Effect: read (read-only; idempotent, retried).
     *
     * @param input - the fields above, validated before any request is sent
     * @param options - per-call options (timeout, abort signal, ...)
     * @see API.md#clusterget for the input and output shapes
     */
    readonly get: Method<C['cluster']['get']['input'], C['cluster']['get']['output'], Options>;
  };
  readonly node: {
    /**
     * List hypervisor nodes.
     *
     * Filter by cluster on cluster.id.
     *
     * Input:
     * - `where` (optional): Filter: a tree such as {"and":[{"field":"name","op":"CP","value":"web%"},{"field":"state","op":"EQ","value":"active"}]} or a raw expression string
     * - `orderby` (optional): Sort order; without it the list is sorted by id ascending
     * - `limit` (optional): Return only a range of the filtered list
     *
     * Effect: read (read-only; idempotent, retried).
     *
     * @param input - the fields above, validated before any request is sent
     * @param options - per-call options (timeout, abort signal, ...)
     * @see API.md#nodelist for the input and output shapes
     */
    readonly list: Method<C['node']['list']['input'], C['node']['list']['output'], Options>;
    /**
     * Get one hypervisor node.
     *
     * Input:
     * - `node_id`: Node id (from `vm.node.list()`)
     *
     * Effect: read (read-only; idempotent, retried).
     *
     * @param input - the fields above, validated before any request is sent
     * @param options - per-call options (timeout, abort signal, ...)
     * @see API.md#nodeget for the input and output shapes
     */
    readonly get: Method<C['node']['get']['input'], C['node']['get']['output'], Options>;
  };
  readonly account: {
    /**
     * List user accounts.
     *
     * Filter by e-mail on email.
     *
     * Input:
     * - `where` (optional): Filter: a tree such as {"and":[{"field":"name","op":"CP","value":"web%"},{"field":"state","op":"EQ","value":"active"}]} or a raw expression string
     * - `orderby` (optional): Sort order; without it the list is sorted by id ascending
     * - `limit` (optional): Return only a range of the filtered list
     *
     * Effect: read (read-only; idempotent, retried).
     *
     * @param input - the fields above, validated before any request is sent
     * @param options - per-call options (timeout, abort signal, ...)
     * @see API.md#accountlist for the input and output shapes
     */
    readonly list: Method<C['account']['list']['input'], C['account']['list']['output'], Options>;
    /**
     * Create a user account.
     *
     * Input:
     * - `email`: Login e-mail
     * - `password`: Initial password
     * - `role` (optional): Role
     *
     * Effect: create (not destructive; not idempotent, never retried once sent).
     *
     * @param input - the fields above, validated before any request is sent
     * @param options - per-call options (timeout, abort signal, ...)
     * @see API.md#accountcreate for the input and output shapes
     */
    readonly create: Method<C['account']['create']['input'], C['account']['create']['output'], Options>;
    /**
     * Delete a user account.
     *
     * Input:
     * - `account_id`: Account id (from `vm.account.list()`)
     *
     * Effect: delete (destructive; idempotent, retried).
     *
     * @param input - the fields above, validated before any request is sent
     * @param options - per-call options (timeout, abort signal, ...)
     * @see API.md#accountdelete for the input and output shapes
     */
    readonly delete: Method<C['account']['delete']['input'], C['account']['delete']['output'], Options>;
  };
  readonly task: {
    /**
     * List tasks (asynchronous operations).
     *
     * An action's task id is the consul_id field. status is complete or fail when done.
     *
     * Input:
     * - `where` (optional): Filter: a tree such as {"and":[{"field":"name","op":"CP","value":"web%"},{"field":"state","op":"EQ","value":"active"}]} or a raw expression string
     * - `orderby` (optional): Sort order; without it the list is sorted by id ascending
     * - `limit` (optional): Return only a range of the filtered list
     *
     * Effect: read (read-only; idempotent, retried).
     *
     * @param input - the fields above, validated before any request is sent
     * @param options - per-call options (timeout, abort signal, ...)
     * @see API.md#tasklist for the input and output shapes
     */
    readonly list: Method<C['task']['list']['input'], C['task']['list']['output'], Options>;
    /**
     * Get one task by its internal id.
     *
     * Not the task (consul id) an action answers.
     *
     * Input:
     * - `task_id`: Task id (from `vm.task.list()`)
     *
     * Effect: read (read-only; idempotent, retried).
     *
     * @param input - the fields above, validated before any request is sent
     * @param options - per-call options (timeout, abort signal, ...)
     * @see API.md#taskget for the input and output shapes
     */
    readonly get: Method<C['task']['get']['input'], C['task']['get']['output'], Options>;
    /**
     * Abort a running task.
     *
     * Input:
     * - `task_id`: Task id (from `vm.task.list()`)
     *
     * Effect: action (destructive; idempotent, retried).
     *
     * @param input - the fields above, validated before any request is sent
     * @param options - per-call options (timeout, abort signal, ...)
     * @see API.md#taskabort for the input and output shapes
     */
    readonly abort: Method<C['task']['abort']['input'], C['task']['abort']['output'], Options>;
    /**
     * Wait until a task completes or fails, and return it.
     *
     * Polls `vm.task.list()`; failure, or still running after timeout_ms, is an error (call again to keep waiting).
     *
     * Input:
     * - `task`: Task id an action answered (consul id)
     * - `name` (optional): Task name to disambiguate, e.g. host_create
     * - `timeout_ms` (optional): Give up after this many ms (at most 120000; call again to keep waiting)
     * - `interval_ms` (optional): Poll interval in ms (at least 1000)
     *
     * Effect: read (read-only; idempotent, retried).
     *
     * @param input - the fields above, validated before any request is sent
     * @param options - per-call options (timeout, abort signal, ...)
     * @see API.md#taskwait for the input and output shapes
     */
    readonly wait: Method<C['task']['wait']['input'], C['task']['wait']['output'], Options>;
  };
  readonly auth: {
    readonly token: {
      /**
       * Create a long-lived API token with an expiry time.
       *
       * Unlike session tokens it survives idle time; keep it secret.
       *
       * Input:
       * - `expires_at`: Expiry, e.g. 2030-01-31 00:00:00
       * - `description` (optional): What the token is for
       *
       * Effect: create (not destructive; not idempotent, never retried once sent).
       *
       * @param input - the fields above, validated before any request is sent
       * @param options - per-call options (timeout, abort signal, ...)
       * @see API.md#authtokencreate for the input and output shapes
       */
      readonly create: Method<
        C['auth']['token']['create']['input'],
        C['auth']['token']['create']['output'],
        Options
      >;
    };
    readonly token_ttl: {
      /**
       * Set how long an unused token lives (default 60 minutes).
       *
       * Input:
       * - `value`: Lifetime in minutes
       *
       * Effect: update (destructive; idempotent, retried).
       *
       * @param input - the fields above, validated before any request is sent
       * @param options - per-call options (timeout, abort signal, ...)
       * @see API.md#authtoken_ttlupdate for the input and output shapes
       */
      readonly update: Method<
        C['auth']['token_ttl']['update']['input'],
        C['auth']['token_ttl']['update']['output'],
        Options
      >;
    };
    readonly key: {
      /**
       * Create a one-hour login key for a user, and its one-time login link.
       *
       * The link logs a browser in without a password; `vm.auth.key.exchange()` turns the key into a token. Keep both secret.
       *
       * Input:
       * - `user`: User e-mail or id
       *
       * Effect: create (not destructive; not idempotent, never retried once sent).
       *
       * @param input - the fields above, validated before any request is sent
       * @param options - per-call options (timeout, abort signal, ...)
       * @see API.md#authkeycreate for the input and output shapes
       */
      readonly create: Method<
        C['auth']['key']['create']['input'],
        C['auth']['key']['create']['output'],
        Options
      >;
      /**
       * Exchange a login key for a session token of its user.
       *
       * Keep the token secret.
       *
       * Input:
       * - `key`: Login key (from `vm.auth.key.create()`)
       *
       * Effect: action (not destructive; not idempotent, never retried once sent).
       *
       * @param input - the fields above, validated before any request is sent
       * @param options - per-call options (timeout, abort signal, ...)
       * @see API.md#authkeyexchange for the input and output shapes
       */
      readonly exchange: Method<
        C['auth']['key']['exchange']['input'],
        C['auth']['key']['exchange']['output'],
        Options
      >;
    };
    readonly user: {
      /**
       * List the users of the auth service (administrators only).
       *
       * Filter on email, state or roles, e.g. cp('roles', '%@admin%').
       *
       * Input:
       * - `where` (optional): Filter: a tree such as {"and":[{"field":"name","op":"CP","value":"web%"},{"field":"state","op":"EQ","value":"active"}]} or a raw expression string
       * - `orderby` (optional): Sort order; without it the list is sorted by id ascending
       * - `limit` (optional): Return only a range of the filtered list
       *
       * Effect: read (read-only; idempotent, retried).
       *
       * @param input - the fields above, validated before any request is sent
       * @param options - per-call options (timeout, abort signal, ...)
       * @see API.md#authuserlist for the input and output shapes
       */
      readonly list: Method<C['auth']['user']['list']['input'], C['auth']['user']['list']['output'], Options>;
    };
    /**
     * Show the account the client is logged in as.
     *
     * Effect: read (read-only; idempotent, retried).
     *
     * @param input - none, validated before any request is sent
     * @param options - per-call options (timeout, abort signal, ...)
     * @see API.md#authwhoami for the input and output shapes
     */
    readonly whoami: Method<C['auth']['whoami']['input'], C['auth']['whoami']['output'], Options>;
  };
}
