import { listedAs, ref } from '@x/auth-core';
import { z } from 'zod';
import { hostname, numericId, planId, presenceFlag, regionField, vmId } from '../schemas/input.js';
import { Ack, idString, listOf, text } from '../schemas/output.js';
import { UsageSample, VmInfo, VmSummary } from '../schemas/resources.js';
import { lunanodeAction } from './define.js';

const route = (action: string) => ({ category: 'vm', action });
const byVm = z.strictObject({ vm_id: vmId });

/** Up to 20 numeric ids, sent comma-separated; listed as an integer array. */
const idList = (description: string) =>
  listedAs(
    z.array(numericId('Numeric id')).min(1).max(20).describe(`${description} (sent comma-separated)`),
    { type: 'array', items: { type: 'integer' }, maxItems: 20, description },
  );

/** The `vm` category: lifecycle, addresses, snapshots, usage. */
export const vm = {
  list: lunanodeAction(route('list'), {
    summary: 'List the VMs.',
    input: z.strictObject({}),
    output: z.looseObject({ vms: listOf(VmSummary) }),
    effect: 'read',
  }),
  info: lunanodeAction(route('info'), {
    summary: 'Show a VM: addresses, status, image, login details; its list entry under `extra`.',
    description: 'Compare status_raw (active, stopped, build, ...); status is a label (Online).',
    input: byVm,
    output: z.looseObject({ info: VmInfo, extra: VmSummary.optional() }),
    effect: 'read',
  }),
  create: lunanodeAction(route('create'), {
    summary: 'Create a VM from an image, or boot it from an unattached volume.',
    input: z
      .strictObject({
        hostname: hostname.describe('Host name'),
        plan_id: planId,
        image_id: numericId(
          `From ${ref('image.list')} (same region); required unless volume_id is set`,
        ).optional(),
        region: regionField(`From ${ref('region.list')}; default toronto`).optional(),
        prefer: z
          .enum(['distinct', 'same'])
          .optional()
          .describe("Hypervisor relative to the account's other VMs"),
        ip: z
          .ipv4()
          .optional()
          .describe(`Unattached floating IP, from ${ref('floating.list')}`),
        net_id: numericId(`From ${ref('network.list')}`).optional(),
        securitygroups: idList(`From ${ref('securitygroup.list')}`).optional(),
        scripts: idList(`From ${ref('script.list')}`).optional(),
        volume_id: numericId('Unattached volume to boot from instead of an image').optional(),
        volume_virtio: presenceFlag('With volume_id: virtio instead of ide'),
        key_id: numericId(`From ${ref('sshkey.list')}`).optional(),
        set_password: presenceFlag('Set a random password via startup script (ignored with key_id)'),
        affinity_group: z.string().max(64).optional().describe('Affinity group name'),
      })
      .refine((input) => input.image_id !== undefined || input.volume_id !== undefined, {
        path: ['image_id'],
        message: 'image_id is required unless volume_id is set',
      }),
    output: z.looseObject({ vm_id: idString }),
    effect: 'create',
  }),
  start: lunanodeAction(route('start'), {
    summary: 'Start a stopped VM.',
    input: byVm,
    output: Ack,
    effect: 'action',
    // Starts or restores something; destroys nothing, so no confirmation is asked.
    destructive: false,
    idempotent: true,
  }),
  stop: lunanodeAction(route('stop'), {
    summary: 'Stop (power off) a VM.',
    input: byVm,
    output: Ack,
    effect: 'action',
    idempotent: true,
  }),
  reboot: lunanodeAction(route('reboot'), {
    summary: 'Reboot a VM.',
    input: byVm,
    output: Ack,
    effect: 'action',
  }),
  diskswap: lunanodeAction(route('diskswap'), {
    summary: 'Swap the boot and secondary disk of a stopped VM.',
    description: 'Calling it twice swaps back.',
    input: byVm,
    output: Ack,
    effect: 'action',
  }),
  delete: lunanodeAction(route('delete'), {
    summary: 'Delete a VM; its floating IP is released unless first detached with keep.',
    input: byVm,
    output: Ack,
    effect: 'delete',
  }),
  reimage: lunanodeAction(route('reimage'), {
    summary: 'Reinstall a VM from an image, erasing its disk.',
    input: z.strictObject({ vm_id: vmId, image_id: numericId(`From ${ref('image.list')}`) }),
    output: Ack,
    effect: 'action',
  }),
  resize: lunanodeAction(route('resize'), {
    summary: 'Move a VM to another plan.',
    input: z.strictObject({ vm_id: vmId, plan_id: planId }),
    output: Ack,
    effect: 'update',
  }),
  rescue: lunanodeAction(route('rescue'), {
    summary: 'Boot a VM into the rescue system.',
    input: byVm,
    output: Ack,
    effect: 'action',
  }),
  vnc: lunanodeAction(route('vnc'), {
    summary: 'Get a VNC console URL for a VM.',
    input: byVm,
    output: z.looseObject({ vnc_url: z.string() }),
    effect: 'read',
  }),
  floatingip_add: lunanodeAction(route('floatingip-add'), {
    summary: 'Attach a floating IP to a VM (new unless ip is given).',
    input: z.strictObject({
      vm_id: vmId,
      ip: z
        .ipv4()
        .optional()
        .describe(`Unattached floating IP, from ${ref('floating.list')}`),
      private_ip: z.ipv4().optional().describe('VM private IP to map it to'),
    }),
    output: z.looseObject({ ip: text }),
    effect: 'create',
  }),
  floatingip_delete: lunanodeAction(route('floatingip-delete'), {
    summary: 'Detach the floating IP from a VM, releasing it unless keep is true.',
    input: z.strictObject({
      vm_id: vmId,
      ip: z.ipv4().optional().describe('Floating IP attached to the VM'),
      keep: z.boolean().optional().describe('Keep the IP on the account, unattached (default false)'),
    }),
    output: Ack,
    effect: 'delete',
  }),
  iplist: lunanodeAction(route('iplist'), {
    summary: "List a VM's IP addresses.",
    input: byVm,
    output: z.looseObject({ ips: listOf(z.looseObject({ ip: text })) }),
    effect: 'read',
  }),
  ip_add: lunanodeAction(route('ip-add'), {
    summary: "Add a private IP of the VM's virtual network to a VM.",
    input: z.strictObject({
      vm_id: vmId,
      ip: z.ipv4().optional().describe('Free IP in the virtual network'),
    }),
    output: z.looseObject({ ip: text }),
    effect: 'create',
  }),
  ip_delete: lunanodeAction(route('ip-delete'), {
    summary: 'Remove an additional private IP from a VM.',
    input: z.strictObject({
      vm_id: vmId,
      ip: z.ipv4().describe(`IP to remove, from ${ref('vm.iplist')}`),
    }),
    output: Ack,
    effect: 'delete',
  }),
  snapshot: lunanodeAction(route('snapshot'), {
    summary: "Snapshot a VM's disk into a new image.",
    description: `The image starts queued; poll ${ref('image.details')} until active.`,
    input: z.strictObject({
      vm_id: vmId,
      name: z.string().trim().min(1).max(64).describe('Image name'),
    }),
    output: z.looseObject({ image_id: idString }),
    effect: 'create',
  }),
  shelve: lunanodeAction(route('shelve'), {
    summary: 'Shelve a VM (stop it and free its hypervisor slot; storage is kept).',
    input: byVm,
    output: Ack,
    effect: 'action',
  }),
  unshelve: lunanodeAction(route('unshelve'), {
    summary: 'Bring a shelved VM back.',
    input: byVm,
    output: Ack,
    effect: 'action',
    // Starts or restores something; destroys nothing, so no confirmation is asked.
    destructive: false,
  }),
  usage: lunanodeAction(route('usage'), {
    summary: 'Recent usage samples of a VM.',
    input: z.strictObject({
      vm_id: vmId,
      key: z.enum(['bandwidth', 'cpu', 'io']).describe('Usage series (io: disk I/O)'),
    }),
    output: z.looseObject({ usage: listOf(UsageSample) }),
    effect: 'read',
  }),
  rename: lunanodeAction(route('rename'), {
    summary: "Change a VM's display name.",
    input: z.strictObject({ vm_id: vmId, hostname: z.string().trim().min(1).max(64).describe('New name') }),
    output: Ack,
    effect: 'update',
  }),
  securitygroup_add: lunanodeAction(route('securitygroup-add'), {
    summary: 'Add a security group to a VM.',
    input: z.strictObject({
      vm_id: vmId,
      group_id: numericId(`From ${ref('securitygroup.list')}`),
    }),
    output: Ack,
    effect: 'update',
  }),
  securitygroup_remove: lunanodeAction(route('securitygroup-remove'), {
    summary: 'Remove a security group from a VM.',
    input: z.strictObject({ vm_id: vmId, group_id: numericId(`From ${ref('vm.info')}`) }),
    output: Ack,
    effect: 'delete',
  }),
  set_fairshare: lunanodeAction(route('set-fairshare'), {
    summary: "Set a VM's CPU fair-share options.",
    input: z.strictObject({
      vm_id: vmId,
      charge_for_cpu: z.boolean().optional().describe('Pay for CPU beyond fair share instead of throttling'),
      fairshare_nolend: z.boolean().optional().describe('Do not lend unused CPU credit'),
    }),
    output: Ack,
    effect: 'update',
  }),
};
