// Generated from the lunanode catalog by the catalog compiler (scripts/generate.mjs); do not edit.
// To update it, run `npm run generate` from the repository root (after `npm run build`).
import type { CallOptions, Method } from '@x/auth-core';
import type { LunaNodeCatalog as C } from './catalog.js';

/**
 * The typed methods of the LunaNode client, nested as the catalog: one per endpoint, each
 * documented from its declaration.
 *
 * @typeParam Options - the per-call options the client accepts
 */
export interface LunaNodeMethods<Options extends CallOptions = CallOptions> {
  readonly vm: {
    /**
     * List the VMs.
     *
     * Effect: read (read-only; idempotent, retried).
     *
     * @param input - none, validated before any request is sent
     * @param options - per-call options (timeout, abort signal, ...)
     * @see API.md#vmlist for the input and output shapes
     */
    readonly list: Method<C['vm']['list']['input'], C['vm']['list']['output'], Options>;
    /**
     * Show a VM: addresses, status, image, login details; its list entry under `extra`.
     *
     * Compare status_raw (active, stopped, build, ...); status is a label (Online).
     *
     * Input:
     * - `vm_id`: From `ln.vm.list()`
     *
     * Effect: read (read-only; idempotent, retried).
     *
     * @param input - the fields above, validated before any request is sent
     * @param options - per-call options (timeout, abort signal, ...)
     * @see API.md#vminfo for the input and output shapes
     */
    readonly info: Method<C['vm']['info']['input'], C['vm']['info']['output'], Options>;
    /**
     * Create a VM from an image, or boot it from an unattached volume.
     *
     * Input:
     * - `hostname`: Host name
     * - `plan_id`: Id or name (e.g. m.2), from `ln.plan.list()`
     * - `image_id` (optional): From `ln.image.list()` (same region); required unless volume_id is set
     * - `region` (optional): From `ln.region.list()`; default toronto
     * - `prefer` (optional): Hypervisor relative to the account's other VMs
     * - `ip` (optional): Unattached floating IP, from `ln.floating.list()`
     * - `net_id` (optional): From `ln.network.list()`
     * - `securitygroups` (optional): From `ln.securitygroup.list()` (sent comma-separated)
     * - `scripts` (optional): From `ln.script.list()` (sent comma-separated)
     * - `volume_id` (optional): Unattached volume to boot from instead of an image
     * - `volume_virtio` (optional): With volume_id: virtio instead of ide
     * - `key_id` (optional): From `ln.sshkey.list()`
     * - `set_password` (optional): Set a random password via startup script (ignored with key_id)
     * - `affinity_group` (optional): Affinity group name
     *
     * Effect: create (not destructive; not idempotent, never retried once sent).
     *
     * @param input - the fields above, validated before any request is sent
     * @param options - per-call options (timeout, abort signal, ...)
     * @see API.md#vmcreate for the input and output shapes
     */
    readonly create: Method<C['vm']['create']['input'], C['vm']['create']['output'], Options>;
    /**
     * Start a stopped VM.
     *
     * Input:
     * - `vm_id`: From `ln.vm.list()`
     *
     * Effect: action (not destructive; idempotent, retried).
     *
     * @param input - the fields above, validated before any request is sent
     * @param options - per-call options (timeout, abort signal, ...)
     * @see API.md#vmstart for the input and output shapes
     */
    readonly start: Method<C['vm']['start']['input'], C['vm']['start']['output'], Options>;
    /**
     * Stop (power off) a VM.
     *
     * Input:
     * - `vm_id`: From `ln.vm.list()`
     *
     * Effect: action (destructive; idempotent, retried).
     *
     * @param input - the fields above, validated before any request is sent
     * @param options - per-call options (timeout, abort signal, ...)
     * @see API.md#vmstop for the input and output shapes
     */
    readonly stop: Method<C['vm']['stop']['input'], C['vm']['stop']['output'], Options>;
    /**
     * Reboot a VM.
     *
     * Input:
     * - `vm_id`: From `ln.vm.list()`
     *
     * Effect: action (destructive; not idempotent, never retried once sent).
     *
     * @param input - the fields above, validated before any request is sent
     * @param options - per-call options (timeout, abort signal, ...)
     * @see API.md#vmreboot for the input and output shapes
     */
    readonly reboot: Method<C['vm']['reboot']['input'], C['vm']['reboot']['output'], Options>;
    /**
     * Swap the boot and secondary disk of a stopped VM.
     *
     * Calling it twice swaps back.
     *
     * Input:
     * - `vm_id`: From `ln.vm.list()`
     *
     * Effect: action (destructive; not idempotent, never retried once sent).
     *
     * @param input - the fields above, validated before any request is sent
     * @param options - per-call options (timeout, abort signal, ...)
     * @see API.md#vmdiskswap for the input and output shapes
     */
    readonly diskswap: Method<C['vm']['diskswap']['input'], C['vm']['diskswap']['output'], Options>;
    /**
     * Delete a VM; its floating IP is released unless first detached with keep.
     *
     * Input:
     * - `vm_id`: From `ln.vm.list()`
     *
     * Effect: delete (destructive; idempotent, retried).
     *
     * @param input - the fields above, validated before any request is sent
     * @param options - per-call options (timeout, abort signal, ...)
     * @see API.md#vmdelete for the input and output shapes
     */
    readonly delete: Method<C['vm']['delete']['input'], C['vm']['delete']['output'], Options>;
    /**
     * Reinstall a VM from an image, erasing its disk.
     *
     * Input:
     * - `vm_id`: From `ln.vm.list()`
     * - `image_id`: From `ln.image.list()`
     *
     * Effect: action (destructive; not idempotent, never retried once sent).
     *
     * @param input - the fields above, validated before any request is sent
     * @param options - per-call options (timeout, abort signal, ...)
     * @see API.md#vmreimage for the input and output shapes
     */
    readonly reimage: Method<C['vm']['reimage']['input'], C['vm']['reimage']['output'], Options>;
    /**
     * Move a VM to another plan.
     *
     * Input:
     * - `vm_id`: From `ln.vm.list()`
     * - `plan_id`: Id or name (e.g. m.2), from `ln.plan.list()`
     *
     * Effect: update (destructive; idempotent, retried).
     *
     * @param input - the fields above, validated before any request is sent
     * @param options - per-call options (timeout, abort signal, ...)
     * @see API.md#vmresize for the input and output shapes
     */
    readonly resize: Method<C['vm']['resize']['input'], C['vm']['resize']['output'], Options>;
    /**
     * Boot a VM into the rescue system.
     *
     * Input:
     * - `vm_id`: From `ln.vm.list()`
     *
     * Effect: action (destructive; not idempotent, never retried once sent).
     *
     * @param input - the fields above, validated before any request is sent
     * @param options - per-call options (timeout, abort signal, ...)
     * @see API.md#vmrescue for the input and output shapes
     */
    readonly rescue: Method<C['vm']['rescue']['input'], C['vm']['rescue']['output'], Options>;
    /**
     * Get a VNC console URL for a VM.
     *
     * Input:
     * - `vm_id`: From `ln.vm.list()`
     *
     * Effect: read (read-only; idempotent, retried).
     *
     * @param input - the fields above, validated before any request is sent
     * @param options - per-call options (timeout, abort signal, ...)
     * @see API.md#vmvnc for the input and output shapes
     */
    readonly vnc: Method<C['vm']['vnc']['input'], C['vm']['vnc']['output'], Options>;
    /**
     * Attach a floating IP to a VM (new unless ip is given).
     *
     * Input:
     * - `vm_id`: From `ln.vm.list()`
     * - `ip` (optional): Unattached floating IP, from `ln.floating.list()`
     * - `private_ip` (optional): VM private IP to map it to
     *
     * Effect: create (not destructive; not idempotent, never retried once sent).
     *
     * @param input - the fields above, validated before any request is sent
     * @param options - per-call options (timeout, abort signal, ...)
     * @see API.md#vmfloatingip_add for the input and output shapes
     */
    readonly floatingip_add: Method<
      C['vm']['floatingip_add']['input'],
      C['vm']['floatingip_add']['output'],
      Options
    >;
    /**
     * Detach the floating IP from a VM, releasing it unless keep is true.
     *
     * Input:
     * - `vm_id`: From `ln.vm.list()`
     * - `ip` (optional): Floating IP attached to the VM
     * - `keep` (optional): Keep the IP on the account, unattached (default false)
     *
     * Effect: delete (destructive; idempotent, retried).
     *
     * @param input - the fields above, validated before any request is sent
     * @param options - per-call options (timeout, abort signal, ...)
     * @see API.md#vmfloatingip_delete for the input and output shapes
     */
    readonly floatingip_delete: Method<
      C['vm']['floatingip_delete']['input'],
      C['vm']['floatingip_delete']['output'],
      Options
    >;
    /**
     * List a VM's IP addresses.
     *
     * Input:
     * - `vm_id`: From `ln.vm.list()`
     *
     * Effect: read (read-only; idempotent, retried).
     *
     * @param input - the fields above, validated before any request is sent
     * @param options - per-call options (timeout, abort signal, ...)
     * @see API.md#vmiplist for the input and output shapes
     */
    readonly iplist: Method<C['vm']['iplist']['input'], C['vm']['iplist']['output'], Options>;
    /**
     * Add a private IP of the VM's virtual network to a VM.
     *
     * Input:
     * - `vm_id`: From `ln.vm.list()`
     * - `ip` (optional): Free IP in the virtual network
     *
     * Effect: create (not destructive; not idempotent, never retried once sent).
     *
     * @param input - the fields above, validated before any request is sent
     * @param options - per-call options (timeout, abort signal, ...)
     * @see API.md#vmip_add for the input and output shapes
     */
    readonly ip_add: Method<C['vm']['ip_add']['input'], C['vm']['ip_add']['output'], Options>;
    /**
     * Remove an additional private IP from a VM.
     *
     * Input:
     * - `vm_id`: From `ln.vm.list()`
     * - `ip`: IP to remove, from `ln.vm.iplist()`
     *
     * Effect: delete (destructive; idempotent, retried).
     *
     * @param input - the fields above, validated before any request is sent
     * @param options - per-call options (timeout, abort signal, ...)
     * @see API.md#vmip_delete for the input and output shapes
     */
    readonly ip_delete: Method<C['vm']['ip_delete']['input'], C['vm']['ip_delete']['output'], Options>;
    /**
     * Snapshot a VM's disk into a new image.
     *
     * The image starts queued; poll `ln.image.details()` until active.
     *
     * Input:
     * - `vm_id`: From `ln.vm.list()`
     * - `name`: Image name
     *
     * Effect: create (not destructive; not idempotent, never retried once sent).
     *
     * @param input - the fields above, validated before any request is sent
     * @param options - per-call options (timeout, abort signal, ...)
     * @see API.md#vmsnapshot for the input and output shapes
     */
    readonly snapshot: Method<C['vm']['snapshot']['input'], C['vm']['snapshot']['output'], Options>;
    /**
     * Shelve a VM (stop it and free its hypervisor slot; storage is kept).
     *
     * Input:
     * - `vm_id`: From `ln.vm.list()`
     *
     * Effect: action (destructive; not idempotent, never retried once sent).
     *
     * @param input - the fields above, validated before any request is sent
     * @param options - per-call options (timeout, abort signal, ...)
     * @see API.md#vmshelve for the input and output shapes
     */
    readonly shelve: Method<C['vm']['shelve']['input'], C['vm']['shelve']['output'], Options>;
    /**
     * Bring a shelved VM back.
     *
     * Input:
     * - `vm_id`: From `ln.vm.list()`
     *
     * Effect: action (not destructive; not idempotent, never retried once sent).
     *
     * @param input - the fields above, validated before any request is sent
     * @param options - per-call options (timeout, abort signal, ...)
     * @see API.md#vmunshelve for the input and output shapes
     */
    readonly unshelve: Method<C['vm']['unshelve']['input'], C['vm']['unshelve']['output'], Options>;
    /**
     * Recent usage samples of a VM.
     *
     * Input:
     * - `vm_id`: From `ln.vm.list()`
     * - `key`: Usage series (io: disk I/O)
     *
     * Effect: read (read-only; idempotent, retried).
     *
     * @param input - the fields above, validated before any request is sent
     * @param options - per-call options (timeout, abort signal, ...)
     * @see API.md#vmusage for the input and output shapes
     */
    readonly usage: Method<C['vm']['usage']['input'], C['vm']['usage']['output'], Options>;
    /**
     * Change a VM's display name.
     *
     * Input:
     * - `vm_id`: From `ln.vm.list()`
     * - `hostname`: New name
     *
     * Effect: update (destructive; idempotent, retried).
     *
     * @param input - the fields above, validated before any request is sent
     * @param options - per-call options (timeout, abort signal, ...)
     * @see API.md#vmrename for the input and output shapes
     */
    readonly rename: Method<C['vm']['rename']['input'], C['vm']['rename']['output'], Options>;
    /**
     * Add a security group to a VM.
     *
     * Input:
     * - `vm_id`: From `ln.vm.list()`
     * - `group_id`: From `ln.securitygroup.list()`
     *
     * Effect: update (destructive; idempotent, retried).
     *
     * @param input - the fields above, validated before any request is sent
     * @param options - per-call options (timeout, abort signal, ...)
     * @see API.md#vmsecuritygroup_add for the input and output shapes
     */
    readonly securitygroup_add: Method<
      C['vm']['securitygroup_add']['input'],
      C['vm']['securitygroup_add']['output'],
      Options
    >;
    /**
     * Remove a security group from a VM.
     *
     * Input:
     * - `vm_id`: From `ln.vm.list()`
     * - `group_id`: From `ln.vm.info()`
     *
     * Effect: delete (destructive; idempotent, retried).
     *
     * @param input - the fields above, validated before any request is sent
     * @param options - per-call options (timeout, abort signal, ...)
     * @see API.md#vmsecuritygroup_remove for the input and output shapes
     */
    readonly securitygroup_remove: Method<
      C['vm']['securitygroup_remove']['input'],
      C['vm']['securitygroup_remove']['output'],
      Options
    >;
    /**
     * Set a VM's CPU fair-share options.
     *
     * Input:
     * - `vm_id`: From `ln.vm.list()`
     * - `charge_for_cpu` (optional): Pay for CPU beyond fair share instead of throttling
     * - `fairshare_nolend` (optional): Do not lend unused CPU credit
     *
     * Effect: update (destructive; idempotent, retried).
     *
     * @param input - the fields above, validated before any request is sent
     * @param options - per-call options (timeout, abort signal, ...)
     * @see API.md#vmset_fairshare for the input and output shapes
     */
    readonly set_fairshare: Method<
      C['vm']['set_fairshare']['input'],
      C['vm']['set_fairshare']['output'],
      Options
    >;
  };
  readonly dns: {
    /**
     * List the reverse DNS names of the account's VM addresses.
     *
     * Effect: read (read-only; idempotent, retried).
     *
     * @param input - none, validated before any request is sent
     * @param options - per-call options (timeout, abort signal, ...)
     * @see API.md#dnslist for the input and output shapes
     */
    readonly list: Method<C['dns']['list']['input'], C['dns']['list']['output'], Options>;
    /**
     * Set the reverse DNS name of a VM's IP ('.' resets it).
     *
     * Input:
     * - `vm_id`: From `ln.vm.list()`
     * - `ip`: VM public IP, from `ln.vm.info()`
     * - `hostname`: Reverse DNS name, or '.' to reset
     *
     * Effect: update (destructive; idempotent, retried).
     *
     * @param input - the fields above, validated before any request is sent
     * @param options - per-call options (timeout, abort signal, ...)
     * @see API.md#dnsset for the input and output shapes
     */
    readonly set: Method<C['dns']['set']['input'], C['dns']['set']['output'], Options>;
    /**
     * List the hosted DNS zones.
     *
     * Effect: read (read-only; idempotent, retried).
     *
     * @param input - none, validated before any request is sent
     * @param options - per-call options (timeout, abort signal, ...)
     * @see API.md#dnszone_list for the input and output shapes
     */
    readonly zone_list: Method<C['dns']['zone_list']['input'], C['dns']['zone_list']['output'], Options>;
    /**
     * Create a hosted DNS zone.
     *
     * Input:
     * - `origin`: Zone origin with the trailing dot, e.g. 'example.tld.'
     * - `ttl` (optional): TTL in seconds
     *
     * Effect: create (not destructive; not idempotent, never retried once sent).
     *
     * @param input - the fields above, validated before any request is sent
     * @param options - per-call options (timeout, abort signal, ...)
     * @see API.md#dnszone_add for the input and output shapes
     */
    readonly zone_add: Method<C['dns']['zone_add']['input'], C['dns']['zone_add']['output'], Options>;
    /**
     * Delete a hosted DNS zone and its records.
     *
     * Input:
     * - `zone_id`: From `ln.dns.zone_list()`
     *
     * Effect: delete (destructive; idempotent, retried).
     *
     * @param input - the fields above, validated before any request is sent
     * @param options - per-call options (timeout, abort signal, ...)
     * @see API.md#dnszone_remove for the input and output shapes
     */
    readonly zone_remove: Method<
      C['dns']['zone_remove']['input'],
      C['dns']['zone_remove']['output'],
      Options
    >;
    /**
     * List the records of a zone.
     *
     * Input:
     * - `zone_id`: From `ln.dns.zone_list()`
     *
     * Effect: read (read-only; idempotent, retried).
     *
     * @param input - the fields above, validated before any request is sent
     * @param options - per-call options (timeout, abort signal, ...)
     * @see API.md#dnsrecord_list for the input and output shapes
     */
    readonly record_list: Method<
      C['dns']['record_list']['input'],
      C['dns']['record_list']['output'],
      Options
    >;
    /**
     * Add a record to a zone.
     *
     * Input:
     * - `zone_id`: From `ln.dns.zone_list()`
     * - `name`: Name relative to the zone, e.g. 'www' or '@'
     * - `data`: Data, e.g. '1.2.3.4' or '10 mail.example.tld.'
     * - `ttl`: TTL in seconds
     * - `type`: Record type
     *
     * Effect: create (not destructive; not idempotent, never retried once sent).
     *
     * @param input - the fields above, validated before any request is sent
     * @param options - per-call options (timeout, abort signal, ...)
     * @see API.md#dnsrecord_add for the input and output shapes
     */
    readonly record_add: Method<C['dns']['record_add']['input'], C['dns']['record_add']['output'], Options>;
    /**
     * Delete a record.
     *
     * Input:
     * - `record_id`: From `ln.dns.record_list()`
     * - `zone_id` (optional): Zone id (older API versions want it)
     *
     * Effect: delete (destructive; idempotent, retried).
     *
     * @param input - the fields above, validated before any request is sent
     * @param options - per-call options (timeout, abort signal, ...)
     * @see API.md#dnsrecord_remove for the input and output shapes
     */
    readonly record_remove: Method<
      C['dns']['record_remove']['input'],
      C['dns']['record_remove']['output'],
      Options
    >;
    /**
     * List the dynamic DNS entries.
     *
     * Effect: read (read-only; idempotent, retried).
     *
     * @param input - none, validated before any request is sent
     * @param options - per-call options (timeout, abort signal, ...)
     * @see API.md#dnsdyn_list for the input and output shapes
     */
    readonly dyn_list: Method<C['dns']['dyn_list']['input'], C['dns']['dyn_list']['output'], Options>;
    /**
     * Add a dynamic DNS entry.
     *
     * Input:
     * - `name`: Fully qualified name
     * - `ip`: Address it points to
     *
     * Effect: create (not destructive; not idempotent, never retried once sent).
     *
     * @param input - the fields above, validated before any request is sent
     * @param options - per-call options (timeout, abort signal, ...)
     * @see API.md#dnsdyn_add for the input and output shapes
     */
    readonly dyn_add: Method<C['dns']['dyn_add']['input'], C['dns']['dyn_add']['output'], Options>;
    /**
     * Change the name and address of a dynamic DNS entry.
     *
     * Input:
     * - `dyn_id`: From `ln.dns.dyn_list()`
     * - `name`: Fully qualified name
     * - `ip`: New address
     *
     * Effect: update (destructive; idempotent, retried).
     *
     * @param input - the fields above, validated before any request is sent
     * @param options - per-call options (timeout, abort signal, ...)
     * @see API.md#dnsdyn_update for the input and output shapes
     */
    readonly dyn_update: Method<C['dns']['dyn_update']['input'], C['dns']['dyn_update']['output'], Options>;
    /**
     * Delete a dynamic DNS entry.
     *
     * Input:
     * - `dyn_id`: From `ln.dns.dyn_list()`
     *
     * Effect: delete (destructive; idempotent, retried).
     *
     * @param input - the fields above, validated before any request is sent
     * @param options - per-call options (timeout, abort signal, ...)
     * @see API.md#dnsdyn_remove for the input and output shapes
     */
    readonly dyn_remove: Method<C['dns']['dyn_remove']['input'], C['dns']['dyn_remove']['output'], Options>;
  };
  readonly image: {
    /**
     * List images: templates, ISOs and your snapshots.
     *
     * Templates have '(template)' in their name, ISOs '(ISO)'.
     *
     * Input:
     * - `region` (optional): Only this region (default all)
     *
     * Effect: read (read-only; idempotent, retried).
     *
     * @param input - the fields above, validated before any request is sent
     * @param options - per-call options (timeout, abort signal, ...)
     * @see API.md#imagelist for the input and output shapes
     */
    readonly list: Method<C['image']['list']['input'], C['image']['list']['output'], Options>;
    /**
     * Show an image: status (active, queued, saving, killed), size, checksum, drivers.
     *
     * Input:
     * - `image_id`: From `ln.image.list()`
     *
     * Effect: read (read-only; idempotent, retried).
     *
     * @param input - the fields above, validated before any request is sent
     * @param options - per-call options (timeout, abort signal, ...)
     * @see API.md#imagedetails for the input and output shapes
     */
    readonly details: Method<C['image']['details']['input'], C['image']['details']['output'], Options>;
    /**
     * Delete one of your images.
     *
     * Input:
     * - `image_id`: From `ln.image.list()`
     *
     * Effect: delete (destructive; idempotent, retried).
     *
     * @param input - the fields above, validated before any request is sent
     * @param options - per-call options (timeout, abort signal, ...)
     * @see API.md#imagedelete for the input and output shapes
     */
    readonly delete: Method<C['image']['delete']['input'], C['image']['delete']['output'], Options>;
    /**
     * Copy an image to another region.
     *
     * Input:
     * - `image_id`: From `ln.image.list()`
     * - `region`: Destination region
     *
     * Effect: create (not destructive; not idempotent, never retried once sent).
     *
     * @param input - the fields above, validated before any request is sent
     * @param options - per-call options (timeout, abort signal, ...)
     * @see API.md#imagereplicate for the input and output shapes
     */
    readonly replicate: Method<C['image']['replicate']['input'], C['image']['replicate']['output'], Options>;
    /**
     * Import an image from an external URL.
     *
     * The image starts queued, ends active or killed (`ln.image.details()`).
     *
     * Input:
     * - `region`: From `ln.region.list()`
     * - `name`: Image name
     * - `location`: http(s) or ftp URL of the image file
     * - `format`: Image format
     * - `virtio` (optional): Use virtio disk and network drivers
     *
     * Effect: create (not destructive; not idempotent, never retried once sent).
     *
     * @param input - the fields above, validated before any request is sent
     * @param options - per-call options (timeout, abort signal, ...)
     * @see API.md#imagefetch for the input and output shapes
     */
    readonly fetch: Method<C['image']['fetch']['input'], C['image']['fetch']['output'], Options>;
    /**
     * Download an image's contents as base64 (capped at the client's maxResponseBytes).
     *
     * Input:
     * - `image_id`: From `ln.image.list()`
     *
     * Effect: read (read-only; idempotent, retried).
     *
     * @param input - the fields above, validated before any request is sent
     * @param options - per-call options (timeout, abort signal, ...)
     * @see API.md#imageretrieve for the input and output shapes
     */
    readonly retrieve: Method<C['image']['retrieve']['input'], C['image']['retrieve']['output'], Options>;
    /**
     * Rename one of your images.
     *
     * Input:
     * - `image_id`: From `ln.image.list()`
     * - `name`: New name
     *
     * Effect: update (destructive; idempotent, retried).
     *
     * @param input - the fields above, validated before any request is sent
     * @param options - per-call options (timeout, abort signal, ...)
     * @see API.md#imagerename for the input and output shapes
     */
    readonly rename: Method<C['image']['rename']['input'], C['image']['rename']['output'], Options>;
  };
  readonly volume: {
    /**
     * List the volumes of a region.
     *
     * Input:
     * - `region`: From `ln.region.list()`
     *
     * Effect: read (read-only; idempotent, retried).
     *
     * @param input - the fields above, validated before any request is sent
     * @param options - per-call options (timeout, abort signal, ...)
     * @see API.md#volumelist for the input and output shapes
     */
    readonly list: Method<C['volume']['list']['input'], C['volume']['list']['output'], Options>;
    /**
     * Show a volume: size, status (creating, available, in-use, ...).
     *
     * Input:
     * - `region`: From `ln.region.list()`
     * - `volume_id`: From `ln.volume.list()`
     *
     * Effect: read (read-only; idempotent, retried).
     *
     * @param input - the fields above, validated before any request is sent
     * @param options - per-call options (timeout, abort signal, ...)
     * @see API.md#volumeinfo for the input and output shapes
     */
    readonly info: Method<C['volume']['info']['input'], C['volume']['info']['output'], Options>;
    /**
     * Create a volume, empty or from an image or a volume snapshot.
     *
     * Poll `ln.volume.info()` until status is available.
     *
     * Input:
     * - `region`: From `ln.region.list()`
     * - `label`: Name
     * - `size`: Size in GB
     * - `image` (optional): Image to copy in, from `ln.image.list()`
     * - `snapshot_id` (optional): Snapshot to restore (not with image), from `ln.volume.snapshot_list()`
     *
     * Effect: create (not destructive; not idempotent, never retried once sent).
     *
     * @param input - the fields above, validated before any request is sent
     * @param options - per-call options (timeout, abort signal, ...)
     * @see API.md#volumecreate for the input and output shapes
     */
    readonly create: Method<C['volume']['create']['input'], C['volume']['create']['output'], Options>;
    /**
     * Delete a detached volume.
     *
     * Input:
     * - `region`: From `ln.region.list()`
     * - `volume_id`: From `ln.volume.list()`
     *
     * Effect: delete (destructive; idempotent, retried).
     *
     * @param input - the fields above, validated before any request is sent
     * @param options - per-call options (timeout, abort signal, ...)
     * @see API.md#volumedelete for the input and output shapes
     */
    readonly delete: Method<C['volume']['delete']['input'], C['volume']['delete']['output'], Options>;
    /**
     * Attach an available volume to a VM of the same region.
     *
     * Input:
     * - `region`: From `ln.region.list()`
     * - `volume_id`: From `ln.volume.list()`
     * - `vm_id`: From `ln.vm.list()`
     * - `target`: 'auto' or a device such as /dev/vdc
     *
     * Effect: action (not destructive; not idempotent, never retried once sent).
     *
     * @param input - the fields above, validated before any request is sent
     * @param options - per-call options (timeout, abort signal, ...)
     * @see API.md#volumeattach for the input and output shapes
     */
    readonly attach: Method<C['volume']['attach']['input'], C['volume']['attach']['output'], Options>;
    /**
     * Detach a volume from its VM.
     *
     * Input:
     * - `region`: From `ln.region.list()`
     * - `volume_id`: From `ln.volume.list()`
     *
     * Effect: action (destructive; not idempotent, never retried once sent).
     *
     * @param input - the fields above, validated before any request is sent
     * @param options - per-call options (timeout, abort signal, ...)
     * @see API.md#volumedetach for the input and output shapes
     */
    readonly detach: Method<C['volume']['detach']['input'], C['volume']['detach']['output'], Options>;
    /**
     * Grow a detached volume.
     *
     * Input:
     * - `region`: From `ln.region.list()`
     * - `volume_id`: From `ln.volume.list()`
     * - `size`: New size in GB, larger than now
     *
     * Effect: update (destructive; idempotent, retried).
     *
     * @param input - the fields above, validated before any request is sent
     * @param options - per-call options (timeout, abort signal, ...)
     * @see API.md#volumeextend for the input and output shapes
     */
    readonly extend: Method<C['volume']['extend']['input'], C['volume']['extend']['output'], Options>;
    /**
     * Rename a volume.
     *
     * Input:
     * - `volume_id`: From `ln.volume.list()`
     * - `name`: New name
     *
     * Effect: update (destructive; idempotent, retried).
     *
     * @param input - the fields above, validated before any request is sent
     * @param options - per-call options (timeout, abort signal, ...)
     * @see API.md#volumerename for the input and output shapes
     */
    readonly rename: Method<C['volume']['rename']['input'], C['volume']['rename']['output'], Options>;
    /**
     * List the volume snapshots of a region.
     *
     * Input:
     * - `region`: From `ln.region.list()`
     *
     * Effect: read (read-only; idempotent, retried).
     *
     * @param input - the fields above, validated before any request is sent
     * @param options - per-call options (timeout, abort signal, ...)
     * @see API.md#volumesnapshot_list for the input and output shapes
     */
    readonly snapshot_list: Method<
      C['volume']['snapshot_list']['input'],
      C['volume']['snapshot_list']['output'],
      Options
    >;
    /**
     * Snapshot a volume.
     *
     * Input:
     * - `region`: From `ln.region.list()`
     * - `volume_id`: From `ln.volume.list()`
     * - `label`: Name
     *
     * Effect: create (not destructive; not idempotent, never retried once sent).
     *
     * @param input - the fields above, validated before any request is sent
     * @param options - per-call options (timeout, abort signal, ...)
     * @see API.md#volumesnapshot_create for the input and output shapes
     */
    readonly snapshot_create: Method<
      C['volume']['snapshot_create']['input'],
      C['volume']['snapshot_create']['output'],
      Options
    >;
    /**
     * Delete a volume snapshot.
     *
     * Input:
     * - `region`: From `ln.region.list()`
     * - `snapshot_id`: From `ln.volume.snapshot_list()`
     *
     * Effect: delete (destructive; idempotent, retried).
     *
     * @param input - the fields above, validated before any request is sent
     * @param options - per-call options (timeout, abort signal, ...)
     * @see API.md#volumesnapshot_delete for the input and output shapes
     */
    readonly snapshot_delete: Method<
      C['volume']['snapshot_delete']['input'],
      C['volume']['snapshot_delete']['output'],
      Options
    >;
    /**
     * Turn a volume snapshot into an image in another region.
     *
     * Input:
     * - `region`: Region of the snapshot
     * - `snapshot_id`: From `ln.volume.snapshot_list()`
     * - `image_name`: New image name
     * - `dst_region`: Destination region
     *
     * Effect: create (not destructive; not idempotent, never retried once sent).
     *
     * @param input - the fields above, validated before any request is sent
     * @param options - per-call options (timeout, abort signal, ...)
     * @see API.md#volumesnapshot_replicate for the input and output shapes
     */
    readonly snapshot_replicate: Method<
      C['volume']['snapshot_replicate']['input'],
      C['volume']['snapshot_replicate']['output'],
      Options
    >;
  };
  readonly floating: {
    /**
     * List the floating IPs, attached or not.
     *
     * attached_type is 'unattached' for a free IP.
     *
     * Effect: read (read-only; idempotent, retried).
     *
     * @param input - none, validated before any request is sent
     * @param options - per-call options (timeout, abort signal, ...)
     * @see API.md#floatinglist for the input and output shapes
     */
    readonly list: Method<C['floating']['list']['input'], C['floating']['list']['output'], Options>;
    /**
     * Reserve a new floating IP in a region.
     *
     * Input:
     * - `region`: From `ln.region.list()`
     *
     * Effect: create (not destructive; not idempotent, never retried once sent).
     *
     * @param input - the fields above, validated before any request is sent
     * @param options - per-call options (timeout, abort signal, ...)
     * @see API.md#floatingadd for the input and output shapes
     */
    readonly add: Method<C['floating']['add']['input'], C['floating']['add']['output'], Options>;
    /**
     * Release an unattached floating IP.
     *
     * Input:
     * - `region`: From `ln.region.list()`
     * - `ip`: Floating IP, from `ln.floating.list()`
     *
     * Effect: delete (destructive; idempotent, retried).
     *
     * @param input - the fields above, validated before any request is sent
     * @param options - per-call options (timeout, abort signal, ...)
     * @see API.md#floatingdelete for the input and output shapes
     */
    readonly delete: Method<C['floating']['delete']['input'], C['floating']['delete']['output'], Options>;
  };
  readonly network: {
    /**
     * List the virtual networks.
     *
     * Input:
     * - `region` (optional): Only this region
     *
     * Effect: read (read-only; idempotent, retried).
     *
     * @param input - the fields above, validated before any request is sent
     * @param options - per-call options (timeout, abort signal, ...)
     * @see API.md#networklist for the input and output shapes
     */
    readonly list: Method<C['network']['list']['input'], C['network']['list']['output'], Options>;
    /**
     * Create a /24 virtual network.
     *
     * Input:
     * - `region`: From `ln.region.list()`
     * - `name`: Name
     * - `subnet`: First three octets, e.g. '192.168.30'
     * - `dns`: DNS servers (sent comma-separated)
     *
     * Effect: create (not destructive; not idempotent, never retried once sent).
     *
     * @param input - the fields above, validated before any request is sent
     * @param options - per-call options (timeout, abort signal, ...)
     * @see API.md#networkcreate for the input and output shapes
     */
    readonly create: Method<C['network']['create']['input'], C['network']['create']['output'], Options>;
    /**
     * Delete a virtual network.
     *
     * Input:
     * - `region`: From `ln.region.list()`
     * - `net_id`: From `ln.network.list()`
     *
     * Effect: delete (destructive; idempotent, retried).
     *
     * @param input - the fields above, validated before any request is sent
     * @param options - per-call options (timeout, abort signal, ...)
     * @see API.md#networkdelete for the input and output shapes
     */
    readonly delete: Method<C['network']['delete']['input'], C['network']['delete']['output'], Options>;
  };
  readonly lb: {
    /**
     * List the load balancers of a region.
     *
     * Input:
     * - `region`: From `ln.region.list()`
     * - `net_id` (optional): Only this network, from `ln.network.list()`
     *
     * Effect: read (read-only; idempotent, retried).
     *
     * @param input - the fields above, validated before any request is sent
     * @param options - per-call options (timeout, abort signal, ...)
     * @see API.md#lblist for the input and output shapes
     */
    readonly list: Method<C['lb']['list']['input'], C['lb']['list']['output'], Options>;
    /**
     * Create a load balancer on a virtual network.
     *
     * Input:
     * - `region`: From `ln.region.list()`
     * - `net_id`: From `ln.network.list()`
     * - `name`: Name
     * - `method`: Balancing method
     * - `protocol`: Protocol
     * - `connection_limit`: Max connections, -1 unlimited
     * - `port`: Listen port
     *
     * Effect: create (not destructive; not idempotent, never retried once sent).
     *
     * @param input - the fields above, validated before any request is sent
     * @param options - per-call options (timeout, abort signal, ...)
     * @see API.md#lbcreate for the input and output shapes
     */
    readonly create: Method<C['lb']['create']['input'], C['lb']['create']['output'], Options>;
    /**
     * Delete a load balancer.
     *
     * Input:
     * - `region`: From `ln.region.list()`
     * - `lb_id`: From `ln.lb.list()`
     *
     * Effect: delete (destructive; idempotent, retried).
     *
     * @param input - the fields above, validated before any request is sent
     * @param options - per-call options (timeout, abort signal, ...)
     * @see API.md#lbdelete for the input and output shapes
     */
    readonly delete: Method<C['lb']['delete']['input'], C['lb']['delete']['output'], Options>;
    /**
     * Show a load balancer and its members.
     *
     * Input:
     * - `region`: From `ln.region.list()`
     * - `lb_id`: From `ln.lb.list()`
     *
     * Effect: read (read-only; idempotent, retried).
     *
     * @param input - the fields above, validated before any request is sent
     * @param options - per-call options (timeout, abort signal, ...)
     * @see API.md#lbinfo for the input and output shapes
     */
    readonly info: Method<C['lb']['info']['input'], C['lb']['info']['output'], Options>;
    /**
     * Add a backend (IP and port) to a load balancer.
     *
     * Input:
     * - `region`: From `ln.region.list()`
     * - `lb_id`: From `ln.lb.list()`
     * - `ip`: Backend IP (usually a VM private IP)
     * - `port`: Backend port
     *
     * Effect: create (not destructive; not idempotent, never retried once sent).
     *
     * @param input - the fields above, validated before any request is sent
     * @param options - per-call options (timeout, abort signal, ...)
     * @see API.md#lbmember_add for the input and output shapes
     */
    readonly member_add: Method<C['lb']['member_add']['input'], C['lb']['member_add']['output'], Options>;
    /**
     * Remove a backend from a load balancer.
     *
     * Input:
     * - `region`: From `ln.region.list()`
     * - `lb_id`: From `ln.lb.list()`
     * - `member_id`: From `ln.lb.info()`
     *
     * Effect: delete (destructive; idempotent, retried).
     *
     * @param input - the fields above, validated before any request is sent
     * @param options - per-call options (timeout, abort signal, ...)
     * @see API.md#lbmember_remove for the input and output shapes
     */
    readonly member_remove: Method<
      C['lb']['member_remove']['input'],
      C['lb']['member_remove']['output'],
      Options
    >;
    /**
     * Give a load balancer an unattached floating IP.
     *
     * Input:
     * - `region`: From `ln.region.list()`
     * - `lb_id`: From `ln.lb.list()`
     * - `ip`: Unattached floating IP, from `ln.floating.list()`
     *
     * Effect: update (destructive; idempotent, retried).
     *
     * @param input - the fields above, validated before any request is sent
     * @param options - per-call options (timeout, abort signal, ...)
     * @see API.md#lbassociate for the input and output shapes
     */
    readonly associate: Method<C['lb']['associate']['input'], C['lb']['associate']['output'], Options>;
  };
  readonly plan: {
    /**
     * List the VM plans: RAM (MB), vCPUs, storage (GB), bandwidth (GB), hourly price.
     *
     * Effect: read (read-only; idempotent, retried).
     *
     * @param input - none, validated before any request is sent
     * @param options - per-call options (timeout, abort signal, ...)
     * @see API.md#planlist for the input and output shapes
     */
    readonly list: Method<C['plan']['list']['input'], C['plan']['list']['output'], Options>;
  };
  readonly region: {
    /**
     * List the regions as { region, name } pairs.
     *
     * Effect: read (read-only; idempotent, retried).
     *
     * @param input - none, validated before any request is sent
     * @param options - per-call options (timeout, abort signal, ...)
     * @see API.md#regionlist for the input and output shapes
     */
    readonly list: Method<C['region']['list']['input'], C['region']['list']['output'], Options>;
  };
  readonly monitor: {
    /**
     * List the monitoring checks.
     *
     * Effect: read (read-only; idempotent, retried).
     *
     * @param input - none, validated before any request is sent
     * @param options - per-call options (timeout, abort signal, ...)
     * @see API.md#monitorcheck_list for the input and output shapes
     */
    readonly check_list: Method<
      C['monitor']['check_list']['input'],
      C['monitor']['check_list']['output'],
      Options
    >;
    /**
     * List the check types and the extra parameters each needs (for `ln.monitor.check_add()`).
     *
     * Effect: read (read-only; idempotent, retried).
     *
     * @param input - none, validated before any request is sent
     * @param options - per-call options (timeout, abort signal, ...)
     * @see API.md#monitorcheck_types for the input and output shapes
     */
    readonly check_types: Method<
      C['monitor']['check_types']['input'],
      C['monitor']['check_types']['output'],
      Options
    >;
    /**
     * Add a monitoring check.
     *
     * Types and their params (http: url; ping: ip; tcp: ip, port; ...): `ln.monitor.check_types()`.
     *
     * Input:
     * - `name`: Check name
     * - `type`: Check type, e.g. http, ping, tcp
     * - `fail_count`: Consecutive failures before down
     * - `success_count`: Consecutive successes before up again
     * - `check_interval`: Seconds between checks
     * - `params` (optional): Type parameters as strings, e.g. {"url":"https://example.com/"}
     *
     * Effect: create (not destructive; not idempotent, never retried once sent).
     *
     * @param input - the fields above, validated before any request is sent
     * @param options - per-call options (timeout, abort signal, ...)
     * @see API.md#monitorcheck_add for the input and output shapes
     */
    readonly check_add: Method<
      C['monitor']['check_add']['input'],
      C['monitor']['check_add']['output'],
      Options
    >;
    /**
     * Delete a monitoring check (and its alerts).
     *
     * Input:
     * - `check_id`: From `ln.monitor.check_list()`
     *
     * Effect: delete (destructive; idempotent, retried).
     *
     * @param input - the fields above, validated before any request is sent
     * @param options - per-call options (timeout, abort signal, ...)
     * @see API.md#monitorcheck_remove for the input and output shapes
     */
    readonly check_remove: Method<
      C['monitor']['check_remove']['input'],
      C['monitor']['check_remove']['output'],
      Options
    >;
    /**
     * List the alert contacts.
     *
     * Effect: read (read-only; idempotent, retried).
     *
     * @param input - none, validated before any request is sent
     * @param options - per-call options (timeout, abort signal, ...)
     * @see API.md#monitorcontact_list for the input and output shapes
     */
    readonly contact_list: Method<
      C['monitor']['contact_list']['input'],
      C['monitor']['contact_list']['output'],
      Options
    >;
    /**
     * Add an alert contact: an e-mail address, a phone number (SMS) or a URL (HTTP).
     *
     * Input:
     * - `type`: Contact type
     * - `rel`: E-mail address, phone number (+15551234567) or URL
     *
     * Effect: create (not destructive; not idempotent, never retried once sent).
     *
     * @param input - the fields above, validated before any request is sent
     * @param options - per-call options (timeout, abort signal, ...)
     * @see API.md#monitorcontact_add for the input and output shapes
     */
    readonly contact_add: Method<
      C['monitor']['contact_add']['input'],
      C['monitor']['contact_add']['output'],
      Options
    >;
    /**
     * Delete an alert contact.
     *
     * Input:
     * - `contact_id`: From `ln.monitor.contact_list()`
     *
     * Effect: delete (destructive; idempotent, retried).
     *
     * @param input - the fields above, validated before any request is sent
     * @param options - per-call options (timeout, abort signal, ...)
     * @see API.md#monitorcontact_remove for the input and output shapes
     */
    readonly contact_remove: Method<
      C['monitor']['contact_remove']['input'],
      C['monitor']['contact_remove']['output'],
      Options
    >;
    /**
     * List the alerts (contacts notified) of a check.
     *
     * Input:
     * - `check_id`: From `ln.monitor.check_list()`
     *
     * Effect: read (read-only; idempotent, retried).
     *
     * @param input - the fields above, validated before any request is sent
     * @param options - per-call options (timeout, abort signal, ...)
     * @see API.md#monitoralert_list for the input and output shapes
     */
    readonly alert_list: Method<
      C['monitor']['alert_list']['input'],
      C['monitor']['alert_list']['output'],
      Options
    >;
    /**
     * Notify a contact when a check changes state.
     *
     * Input:
     * - `check_id`: From `ln.monitor.check_list()`
     * - `contact_id`: From `ln.monitor.contact_list()`
     *
     * Effect: create (not destructive; not idempotent, never retried once sent).
     *
     * @param input - the fields above, validated before any request is sent
     * @param options - per-call options (timeout, abort signal, ...)
     * @see API.md#monitoralert_add for the input and output shapes
     */
    readonly alert_add: Method<
      C['monitor']['alert_add']['input'],
      C['monitor']['alert_add']['output'],
      Options
    >;
    /**
     * Delete an alert.
     *
     * Input:
     * - `alert_id`: From `ln.monitor.alert_list()`
     *
     * Effect: delete (destructive; idempotent, retried).
     *
     * @param input - the fields above, validated before any request is sent
     * @param options - per-call options (timeout, abort signal, ...)
     * @see API.md#monitoralert_remove for the input and output shapes
     */
    readonly alert_remove: Method<
      C['monitor']['alert_remove']['input'],
      C['monitor']['alert_remove']['output'],
      Options
    >;
  };
  readonly securitygroup: {
    /**
     * List the security groups.
     *
     * Effect: read (read-only; idempotent, retried).
     *
     * @param input - none, validated before any request is sent
     * @param options - per-call options (timeout, abort signal, ...)
     * @see API.md#securitygrouplist for the input and output shapes
     */
    readonly list: Method<C['securitygroup']['list']['input'], C['securitygroup']['list']['output'], Options>;
    /**
     * Create an empty security group.
     *
     * Input:
     * - `region`: From `ln.region.list()`
     * - `name`: Group name
     *
     * Effect: create (not destructive; not idempotent, never retried once sent).
     *
     * @param input - the fields above, validated before any request is sent
     * @param options - per-call options (timeout, abort signal, ...)
     * @see API.md#securitygroupcreate for the input and output shapes
     */
    readonly create: Method<
      C['securitygroup']['create']['input'],
      C['securitygroup']['create']['output'],
      Options
    >;
    /**
     * Delete a security group no VM uses.
     *
     * Input:
     * - `region`: From `ln.region.list()`
     * - `group_id`: From `ln.securitygroup.list()`
     *
     * Effect: delete (destructive; idempotent, retried).
     *
     * @param input - the fields above, validated before any request is sent
     * @param options - per-call options (timeout, abort signal, ...)
     * @see API.md#securitygroupdelete for the input and output shapes
     */
    readonly delete: Method<
      C['securitygroup']['delete']['input'],
      C['securitygroup']['delete']['output'],
      Options
    >;
    /**
     * Rename a security group.
     *
     * Input:
     * - `region`: From `ln.region.list()`
     * - `group_id`: From `ln.securitygroup.list()`
     * - `name`: New name
     *
     * Effect: update (destructive; idempotent, retried).
     *
     * @param input - the fields above, validated before any request is sent
     * @param options - per-call options (timeout, abort signal, ...)
     * @see API.md#securitygrouprename for the input and output shapes
     */
    readonly rename: Method<
      C['securitygroup']['rename']['input'],
      C['securitygroup']['rename']['output'],
      Options
    >;
    /**
     * List the rules of a security group.
     *
     * Input:
     * - `region`: From `ln.region.list()`
     * - `group_id`: From `ln.securitygroup.list()`
     *
     * Effect: read (read-only; idempotent, retried).
     *
     * @param input - the fields above, validated before any request is sent
     * @param options - per-call options (timeout, abort signal, ...)
     * @see API.md#securitygrouprule_list for the input and output shapes
     */
    readonly rule_list: Method<
      C['securitygroup']['rule_list']['input'],
      C['securitygroup']['rule_list']['output'],
      Options
    >;
    /**
     * Add a rule to a security group.
     *
     * Input:
     * - `region`: From `ln.region.list()`
     * - `group_id`: From `ln.securitygroup.list()`
     * - `direction`: Traffic direction
     * - `type`: Address family
     * - `protocol`: Protocol
     * - `remote_type`: Kind of remote_value
     * - `remote_value`: CIDR such as '0.0.0.0/0', or a security group id
     * - `port_min` (optional): First port (tcp/udp)
     * - `port_max` (optional): Last port (tcp/udp)
     * - `label` (optional): Rule label
     *
     * Effect: create (not destructive; not idempotent, never retried once sent).
     *
     * @param input - the fields above, validated before any request is sent
     * @param options - per-call options (timeout, abort signal, ...)
     * @see API.md#securitygrouprule_insert for the input and output shapes
     */
    readonly rule_insert: Method<
      C['securitygroup']['rule_insert']['input'],
      C['securitygroup']['rule_insert']['output'],
      Options
    >;
    /**
     * Delete a rule from a security group.
     *
     * Input:
     * - `region`: From `ln.region.list()`
     * - `group_id`: From `ln.securitygroup.list()`
     * - `rule_id`: From `ln.securitygroup.rule_list()`
     *
     * Effect: delete (destructive; idempotent, retried).
     *
     * @param input - the fields above, validated before any request is sent
     * @param options - per-call options (timeout, abort signal, ...)
     * @see API.md#securitygrouprule_delete for the input and output shapes
     */
    readonly rule_delete: Method<
      C['securitygroup']['rule_delete']['input'],
      C['securitygroup']['rule_delete']['output'],
      Options
    >;
  };
  readonly script: {
    /**
     * List the startup scripts.
     *
     * Effect: read (read-only; idempotent, retried).
     *
     * @param input - none, validated before any request is sent
     * @param options - per-call options (timeout, abort signal, ...)
     * @see API.md#scriptlist for the input and output shapes
     */
    readonly list: Method<C['script']['list']['input'], C['script']['list']['output'], Options>;
    /**
     * Create a startup script (shell script or cloud-config).
     *
     * Input:
     * - `name`: Script name
     * - `content`: Script content (any text)
     *
     * Effect: create (not destructive; not idempotent, never retried once sent).
     *
     * @param input - the fields above, validated before any request is sent
     * @param options - per-call options (timeout, abort signal, ...)
     * @see API.md#scriptcreate for the input and output shapes
     */
    readonly create: Method<C['script']['create']['input'], C['script']['create']['output'], Options>;
  };
  readonly sshkey: {
    /**
     * List the SSH public keys of the account.
     *
     * Effect: read (read-only; idempotent, retried).
     *
     * @param input - none, validated before any request is sent
     * @param options - per-call options (timeout, abort signal, ...)
     * @see API.md#sshkeylist for the input and output shapes
     */
    readonly list: Method<C['sshkey']['list']['input'], C['sshkey']['list']['output'], Options>;
    /**
     * Add an SSH public key.
     *
     * Input:
     * - `label`: Key name
     * - `sshkey`: OpenSSH public key line
     *
     * Effect: create (not destructive; not idempotent, never retried once sent).
     *
     * @param input - the fields above, validated before any request is sent
     * @param options - per-call options (timeout, abort signal, ...)
     * @see API.md#sshkeyadd for the input and output shapes
     */
    readonly add: Method<C['sshkey']['add']['input'], C['sshkey']['add']['output'], Options>;
    /**
     * Delete an SSH public key.
     *
     * Input:
     * - `key_id`: From `ln.sshkey.list()`
     *
     * Effect: delete (destructive; idempotent, retried).
     *
     * @param input - the fields above, validated before any request is sent
     * @param options - per-call options (timeout, abort signal, ...)
     * @see API.md#sshkeyremove for the input and output shapes
     */
    readonly remove: Method<C['sshkey']['remove']['input'], C['sshkey']['remove']['output'], Options>;
  };
  readonly billing: {
    /**
     * Show the account credit balance (USD).
     *
     * Effect: read (read-only; idempotent, retried).
     *
     * @param input - none, validated before any request is sent
     * @param options - per-call options (timeout, abort signal, ...)
     * @see API.md#billingcredit for the input and output shapes
     */
    readonly credit: Method<C['billing']['credit']['input'], C['billing']['credit']['output'], Options>;
  };
  readonly email: {
    /**
     * Show e-mail hosting usage (domains, mailboxes, storage).
     *
     * Effect: read (read-only; idempotent, retried).
     *
     * @param input - none, validated before any request is sent
     * @param options - per-call options (timeout, abort signal, ...)
     * @see API.md#emailusage for the input and output shapes
     */
    readonly usage: Method<C['email']['usage']['input'], C['email']['usage']['output'], Options>;
    /**
     * List the e-mail domains.
     *
     * Effect: read (read-only; idempotent, retried).
     *
     * @param input - none, validated before any request is sent
     * @param options - per-call options (timeout, abort signal, ...)
     * @see API.md#emaildomain_list for the input and output shapes
     */
    readonly domain_list: Method<
      C['email']['domain_list']['input'],
      C['email']['domain_list']['output'],
      Options
    >;
    /**
     * Add an e-mail domain.
     *
     * Input:
     * - `name`: Domain name, e.g. example.com
     *
     * Effect: create (not destructive; not idempotent, never retried once sent).
     *
     * @param input - the fields above, validated before any request is sent
     * @param options - per-call options (timeout, abort signal, ...)
     * @see API.md#emaildomain_add for the input and output shapes
     */
    readonly domain_add: Method<
      C['email']['domain_add']['input'],
      C['email']['domain_add']['output'],
      Options
    >;
    /**
     * Delete an e-mail domain with its mailboxes and aliases.
     *
     * Input:
     * - `domain_id`: From `ln.email.domain_list()`
     *
     * Effect: delete (destructive; idempotent, retried).
     *
     * @param input - the fields above, validated before any request is sent
     * @param options - per-call options (timeout, abort signal, ...)
     * @see API.md#emaildomain_remove for the input and output shapes
     */
    readonly domain_remove: Method<
      C['email']['domain_remove']['input'],
      C['email']['domain_remove']['output'],
      Options
    >;
    /**
     * Set the DKIM selector and private key of an e-mail domain.
     *
     * Input:
     * - `domain_id`: From `ln.email.domain_list()`
     * - `selector`: DKIM selector
     * - `private_key`: PEM private key
     *
     * Effect: update (destructive; idempotent, retried).
     *
     * @param input - the fields above, validated before any request is sent
     * @param options - per-call options (timeout, abort signal, ...)
     * @see API.md#emaildomain_dkim_set for the input and output shapes
     */
    readonly domain_dkim_set: Method<
      C['email']['domain_dkim_set']['input'],
      C['email']['domain_dkim_set']['output'],
      Options
    >;
    /**
     * Remove DKIM signing from an e-mail domain.
     *
     * Input:
     * - `domain_id`: From `ln.email.domain_list()`
     *
     * Effect: delete (destructive; idempotent, retried).
     *
     * @param input - the fields above, validated before any request is sent
     * @param options - per-call options (timeout, abort signal, ...)
     * @see API.md#emaildomain_dkim_unset for the input and output shapes
     */
    readonly domain_dkim_unset: Method<
      C['email']['domain_dkim_unset']['input'],
      C['email']['domain_dkim_unset']['output'],
      Options
    >;
    /**
     * List the mailboxes of an e-mail domain.
     *
     * Input:
     * - `domain_id`: From `ln.email.domain_list()`
     *
     * Effect: read (read-only; idempotent, retried).
     *
     * @param input - the fields above, validated before any request is sent
     * @param options - per-call options (timeout, abort signal, ...)
     * @see API.md#emailuser_list for the input and output shapes
     */
    readonly user_list: Method<C['email']['user_list']['input'], C['email']['user_list']['output'], Options>;
    /**
     * Create a mailbox.
     *
     * Input:
     * - `domain_id`: From `ln.email.domain_list()`
     * - `username`: Local part, e.g. info
     * - `password`: Mailbox password
     *
     * Effect: create (not destructive; not idempotent, never retried once sent).
     *
     * @param input - the fields above, validated before any request is sent
     * @param options - per-call options (timeout, abort signal, ...)
     * @see API.md#emailuser_add for the input and output shapes
     */
    readonly user_add: Method<C['email']['user_add']['input'], C['email']['user_add']['output'], Options>;
    /**
     * Change a mailbox's password.
     *
     * Input:
     * - `domain_id`: From `ln.email.domain_list()`
     * - `user_id`: From `ln.email.user_list()`
     * - `password`: Mailbox password
     *
     * Effect: update (destructive; idempotent, retried).
     *
     * @param input - the fields above, validated before any request is sent
     * @param options - per-call options (timeout, abort signal, ...)
     * @see API.md#emailuser_set_password for the input and output shapes
     */
    readonly user_set_password: Method<
      C['email']['user_set_password']['input'],
      C['email']['user_set_password']['output'],
      Options
    >;
    /**
     * Delete a mailbox.
     *
     * Input:
     * - `domain_id`: From `ln.email.domain_list()`
     * - `user_id`: From `ln.email.user_list()`
     *
     * Effect: delete (destructive; idempotent, retried).
     *
     * @param input - the fields above, validated before any request is sent
     * @param options - per-call options (timeout, abort signal, ...)
     * @see API.md#emailuser_remove for the input and output shapes
     */
    readonly user_remove: Method<
      C['email']['user_remove']['input'],
      C['email']['user_remove']['output'],
      Options
    >;
    /**
     * List the aliases of an e-mail domain.
     *
     * Input:
     * - `domain_id`: From `ln.email.domain_list()`
     *
     * Effect: read (read-only; idempotent, retried).
     *
     * @param input - the fields above, validated before any request is sent
     * @param options - per-call options (timeout, abort signal, ...)
     * @see API.md#emailalias_list for the input and output shapes
     */
    readonly alias_list: Method<
      C['email']['alias_list']['input'],
      C['email']['alias_list']['output'],
      Options
    >;
    /**
     * Create an alias forwarding to another address.
     *
     * Input:
     * - `domain_id`: From `ln.email.domain_list()`
     * - `name`: Alias local part
     * - `target`: Address to forward to
     *
     * Effect: create (not destructive; not idempotent, never retried once sent).
     *
     * @param input - the fields above, validated before any request is sent
     * @param options - per-call options (timeout, abort signal, ...)
     * @see API.md#emailalias_add for the input and output shapes
     */
    readonly alias_add: Method<C['email']['alias_add']['input'], C['email']['alias_add']['output'], Options>;
    /**
     * Delete an alias.
     *
     * Input:
     * - `domain_id`: From `ln.email.domain_list()`
     * - `alias_id`: From `ln.email.alias_list()`
     *
     * Effect: delete (destructive; idempotent, retried).
     *
     * @param input - the fields above, validated before any request is sent
     * @param options - per-call options (timeout, abort signal, ...)
     * @see API.md#emailalias_remove for the input and output shapes
     */
    readonly alias_remove: Method<
      C['email']['alias_remove']['input'],
      C['email']['alias_remove']['output'],
      Options
    >;
  };
}
