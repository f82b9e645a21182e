import { randomUUID } from 'node:crypto';
import { type ActionContext, type ActionTable, fail, find, remove } from '../params.js';
import { type LunaNodeState, nextId, nextPublicIp, type SimVm } from '../state.js';

/** How each raw status is shown: the HTML-free label and the colour the panel uses. */
const DISPLAY: Record<string, { label: string; color: string }> = {
  build: { label: 'BUILD', color: 'orange' },
  active: { label: 'Online', color: 'green' },
  stopping: { label: 'Powering off', color: 'orange' },
  stopped: { label: 'Offline', color: 'red' },
  starting: { label: 'Powering on', color: 'orange' },
  rebooting: { label: 'Rebooting', color: 'orange' },
  rescue: { label: 'Rescue', color: 'orange' },
  resizing: { label: 'Resizing', color: 'orange' },
  rebuilding: { label: 'Rebuilding', color: 'orange' },
  shelving: { label: 'Shelving', color: 'orange' },
  shelved_offloaded: { label: 'Shelved', color: 'gray' },
  unshelving: { label: 'Unshelving', color: 'orange' },
};

function vmOf(ctx: ActionContext): SimVm {
  const id = ctx.params.get('vm_id');
  return find(ctx.state.vms, (vm) => vm.vm_id === id, 'vm');
}

/** Sets a transitional status now and the final one after the transition time. */
function transition(ctx: ActionContext, vm: SimVm, now: string, then: string): void {
  vm.status = now;
  vm.pending = { status: then, at: ctx.now + ctx.transitionMs };
}

function requireSettled(vm: SimVm): void {
  if (vm.pending) fail('another operation is in progress on this VM, try again later');
}

function planOf(state: LunaNodeState, id: string) {
  return state.plans.find((plan) => plan.plan_id === id || plan.name === id);
}

/** A vm/list item: every value a string, as the API sends it. */
function summary(state: LunaNodeState, vm: SimVm): Record<string, string> {
  const plan = planOf(state, vm.plan_id);
  return {
    vm_id: vm.vm_id,
    name: vm.name,
    plan_id: vm.plan_id,
    hostname: vm.hostname,
    primaryip: vm.floating ?? vm.primaryip,
    privateip: vm.privateip,
    ram: plan?.ram ?? '',
    vcpu: plan?.vcpu ?? '',
    storage: plan?.storage ?? '',
    bandwidth: plan?.bandwidth ?? '',
    region: vm.region,
    os_status: vm.status,
  };
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function info(state: LunaNodeState, vm: SimVm): Record<string, unknown> {
  const display = DISPLAY[vm.status] ?? { label: vm.status, color: 'gray' };
  const image = state.images.find((item) => item.image_id === vm.image_id);
  const ip = vm.floating ?? '';
  const addresses = [
    ...(ip ? [{ addr: ip, version: '4', external: '1', reverse: state.rdns[ip] ?? '' }] : []),
    { addr: vm.privateip, version: '4', external: '' },
    ...vm.extraIps.map((addr) => ({ addr, version: '4', external: '' })),
  ];
  return {
    info: {
      hostname: vm.hostname,
      addresses,
      // The real API sends the status as HTML-escaped HTML; clients use the *_nohtml / *_raw fields.
      status: escapeHtml(`<font color="${display.color}"><b>${display.label}</b></font>`),
      status_raw: vm.status,
      status_color: display.color,
      status_nohtml: display.label,
      image: image?.name ?? '',
      os: image?.name ?? '',
      security_groups: vm.securitygroups.map(
        (id) => state.securityGroups.find((group) => group.securitygroup_id === id)?.name ?? id,
      ),
      securitygroups: [...vm.securitygroups],
      additionalip: [],
      additionalprivateip: [...vm.extraIps],
      ipv6: [],
      privateip: vm.privateip,
      ip,
      login_details: vm.login_details,
      bandwidthUsedGB: '0.42',
      diskswap: vm.diskswap ? '1' : '',
    },
    extra: summary(state, vm),
  };
}

function attachFloating(ctx: ActionContext, vm: SimVm, ip: string | undefined, privateIp?: string): string {
  const { state } = ctx;
  if (vm.floating) fail('the VM already has a floating IP');
  let entry = ip === undefined ? undefined : state.floatingIps.find((item) => item.ip === ip);
  if (ip !== undefined && entry === undefined) fail('invalid floating IP');
  if (entry === undefined) {
    entry = {
      id: nextId(state),
      ip: nextPublicIp(state),
      region: vm.region,
      attached_id: undefined,
      private_ip: undefined,
    };
    state.floatingIps.push(entry);
  }
  if (entry.attached_id !== undefined) fail('floating IP is already attached');
  if (entry.region !== vm.region) fail('floating IP is in a different region');
  entry.attached_id = vm.vm_id;
  entry.private_ip = privateIp ?? vm.privateip;
  vm.floating = entry.ip;
  return entry.ip;
}

function create(ctx: ActionContext): Record<string, unknown> {
  const { state, params } = ctx;
  // The document: image_id is not required when booting from a volume.
  if (params.has('volume_id')) params.require('hostname', 'plan_id');
  else params.require('hostname', 'plan_id', 'image_id');
  const region = params.optional('region') ?? 'toronto';
  if (!(region in state.regions)) fail('invalid region');
  const hostname = params.get('hostname');
  if (!/^[A-Za-z0-9.-]{1,64}$/.test(hostname)) fail('invalid hostname');
  const plan = planOf(state, params.get('plan_id'));
  if (!plan) fail('invalid plan selection');
  let imageId = '';
  const volumeId = params.optional('volume_id');
  if (volumeId !== undefined) {
    const volume = find(state.volumes, (item) => item.id === volumeId && item.region === region, 'volume');
    if (volume.status !== 'available') fail('volume is not available');
  } else {
    const image = state.images.find(
      (item) => item.image_id === params.get('image_id') && item.region === region,
    );
    if (image?.status !== 'active') fail('invalid image selection');
    imageId = image.image_id;
  }
  const prefer = params.optional('prefer');
  if (prefer !== undefined && prefer !== 'distinct' && prefer !== 'same') fail('invalid prefer value');
  const netId = params.optional('net_id');
  const network =
    netId === undefined ? undefined : find(state.networks, (item) => item.net_id === netId, 'network');
  const groups = (params.optional('securitygroups') ?? '').split(',').filter(Boolean);
  for (const id of groups)
    find(state.securityGroups, (group) => group.securitygroup_id === id, 'security group');
  const scripts = (params.optional('scripts') ?? '').split(',').filter(Boolean);
  for (const id of scripts) find(state.scripts, (script) => script.id === id, 'script');
  const keyId = params.optional('key_id');
  if (keyId !== undefined) find(state.sshKeys, (key) => key.id === keyId, 'key');
  const ip = params.optional('ip');
  if (ip !== undefined) {
    // Checked before anything is created, so a refused IP leaves no half-made VM behind.
    const entry = find(state.floatingIps, (item) => item.ip === ip, 'floating IP');
    if (entry.attached_id !== undefined) fail('floating IP is already attached');
    if (entry.region !== region) fail('floating IP is in a different region');
  }
  const costPerHour = Number(plan.price);
  if (state.credit < costPerHour) fail('insufficient credit');
  state.nextIp += 1;
  const vm: SimVm = {
    vm_id: randomUUID(),
    name: hostname,
    hostname,
    plan_id: plan.plan_id,
    image_id: imageId,
    region,
    status: 'build',
    pending: { status: 'active', at: ctx.now + ctx.transitionMs },
    primaryip: '',
    privateip: network
      ? `${network.subnet.split('.').slice(0, 2).join('.')}.0.${state.nextIp}`
      : `10.20.0.${state.nextIp}`,
    floating: undefined,
    extraIps: [],
    securitygroups: groups.length > 0 ? groups : defaultGroup(state, region),
    diskswap: false,
    created: ctx.now,
    login_details: keyId !== undefined ? 'username: ubuntu' : 'username: ubuntu; password: demo-not-secret',
  };
  if (volumeId !== undefined) {
    const volume = find(state.volumes, (item) => item.id === volumeId, 'volume');
    volume.status = 'in-use';
    volume.attached_vm = vm.vm_id;
    volume.target = '/dev/vda';
  }
  state.vms.push(vm);
  attachFloating(ctx, vm, ip);
  return { vm_id: vm.vm_id };
}

function defaultGroup(state: LunaNodeState, region: string): string[] {
  const group = state.securityGroups.find((item) => item.region === region && item.name === 'default');
  return group ? [group.securitygroup_id] : [];
}

/** Usage samples for the last hour, one every 5 minutes, in the shapes the WHMCS graphs read. */
function usage(ctx: ActionContext): Record<string, unknown> {
  vmOf(ctx);
  const key = ctx.params.get('key');
  const start = Math.floor(ctx.now / 1000) - 3600;
  const samples = Array.from({ length: 12 }, (_, i) => start + i * 300);
  switch (key) {
    case 'bandwidth':
      return {
        usage: samples.map((t, i) => ({
          unix_time: String(t),
          incoming_rate: String(1000 + i),
          outgoing_rate: String(2000 + i),
          total_rate: String(3000 + 2 * i),
        })),
      };
    case 'cpu':
      return { usage: samples.map((t, i) => ({ unix_time: String(t), percent: String(5 + i) })) };
    case 'io':
      return {
        usage: samples.map((t, i) => ({ unix_time: String(t), read: String(10 * i), write: String(20 * i) })),
      };
    default:
      return fail('invalid key');
  }
}

/** The `vm` category. */
export const vmActions: ActionTable = {
  list: ({ state }) => ({ vms: state.vms.map((vm) => summary(state, vm)) }),
  info: (ctx) => info(ctx.state, vmOf(ctx)),
  create,
  start: (ctx) => {
    const vm = vmOf(ctx);
    requireSettled(vm);
    if (vm.status === 'shelved_offloaded') fail('the VM is shelved; unshelve it first');
    if (vm.status !== 'active') transition(ctx, vm, 'starting', 'active');
    return {};
  },
  stop: (ctx) => {
    const vm = vmOf(ctx);
    requireSettled(vm);
    if (vm.status === 'active') transition(ctx, vm, 'stopping', 'stopped');
    return {};
  },
  reboot: (ctx) => {
    const vm = vmOf(ctx);
    requireSettled(vm);
    if (vm.status !== 'active' && vm.status !== 'stopped')
      fail('the VM cannot be rebooted in its current state');
    transition(ctx, vm, 'rebooting', 'active');
    return {};
  },
  diskswap: (ctx) => {
    const vm = vmOf(ctx);
    if (vm.status !== 'stopped') fail('the VM must be stopped before disk swap can proceed');
    vm.diskswap = !vm.diskswap;
    return {};
  },
  delete: (ctx) => {
    const id = ctx.params.get('vm_id');
    const vm = remove(ctx.state.vms, (item) => item.vm_id === id, 'vm');
    // A deleted VM releases its floating IP back to the account (floatingip-delete keep=yes is the way to
    // keep it unattached; the recreate example relies on this).
    ctx.state.floatingIps = ctx.state.floatingIps.filter((entry) => entry.attached_id !== vm.vm_id);
    for (const volume of ctx.state.volumes) {
      if (volume.attached_vm === vm.vm_id) {
        volume.attached_vm = undefined;
        volume.target = undefined;
        volume.status = 'available';
      }
    }
    return {};
  },
  reimage: (ctx) => {
    const vm = vmOf(ctx);
    requireSettled(vm);
    const imageId = ctx.params.get('image_id');
    const image = ctx.state.images.find((item) => item.image_id === imageId && item.region === vm.region);
    if (image?.status !== 'active') fail('invalid image selection');
    vm.image_id = image.image_id;
    transition(ctx, vm, 'rebuilding', 'active');
    return {};
  },
  resize: (ctx) => {
    const vm = vmOf(ctx);
    requireSettled(vm);
    const plan = planOf(ctx.state, ctx.params.get('plan_id'));
    if (!plan) fail('invalid plan selection');
    vm.plan_id = plan.plan_id;
    transition(ctx, vm, 'resizing', 'active');
    return {};
  },
  rescue: (ctx) => {
    const vm = vmOf(ctx);
    requireSettled(vm);
    vm.status = 'rescue';
    return {};
  },
  vnc: (ctx) => {
    const vm = vmOf(ctx);
    return { vnc_url: `https://${vm.region}-ctrl.lunanode.com:6080/vnc_auto.html?token=${randomUUID()}` };
  },
  'floatingip-add': (ctx) => {
    const vm = vmOf(ctx);
    const ip = attachFloating(ctx, vm, ctx.params.optional('ip'), ctx.params.optional('private_ip'));
    return { ip };
  },
  'floatingip-delete': (ctx) => {
    const vm = vmOf(ctx);
    const ip = ctx.params.optional('ip') ?? vm.floating;
    if (!vm.floating || ip !== vm.floating) fail('the VM does not have this floating IP');
    const entry = find(ctx.state.floatingIps, (item) => item.ip === ip, 'floating IP');
    vm.floating = undefined;
    entry.attached_id = undefined;
    entry.private_ip = undefined;
    if (ctx.params.optional('keep') !== 'yes') {
      ctx.state.floatingIps = ctx.state.floatingIps.filter((item) => item !== entry);
    }
    return {};
  },
  iplist: (ctx) => {
    const vm = vmOf(ctx);
    return {
      ips: [vm.privateip, ...vm.extraIps].map((ip, index) => ({
        ip,
        floating: index === 0 ? (vm.floating ?? '') : '',
        primary: index === 0 ? '1' : '0',
      })),
    };
  },
  'ip-add': (ctx) => {
    const vm = vmOf(ctx);
    const ip =
      ctx.params.optional('ip') ??
      `${vm.privateip.split('.').slice(0, 3).join('.')}.${200 + vm.extraIps.length}`;
    if (vm.extraIps.includes(ip) || ip === vm.privateip) fail('IP address is already in use');
    vm.extraIps.push(ip);
    return { ip };
  },
  'ip-delete': (ctx) => {
    const vm = vmOf(ctx);
    const ip = ctx.params.get('ip');
    if (!vm.extraIps.includes(ip)) fail('invalid ip');
    vm.extraIps = vm.extraIps.filter((item) => item !== ip);
    return {};
  },
  snapshot: (ctx) => {
    const vm = vmOf(ctx);
    const name = ctx.params.get('name');
    const image_id = nextId(ctx.state);
    ctx.state.images.push({
      image_id,
      name,
      region: vm.region,
      status: 'queued',
      pending: { status: 'active', at: ctx.now + ctx.transitionMs },
      size: 0,
      format: 'qcow2',
      virtio: true,
      template: false,
      created: new Date(ctx.now).toISOString().replace('Z', '000'),
    });
    return { image_id };
  },
  shelve: (ctx) => {
    const vm = vmOf(ctx);
    requireSettled(vm);
    if (vm.status === 'shelved_offloaded') fail('the VM is already shelved');
    transition(ctx, vm, 'shelving', 'shelved_offloaded');
    return {};
  },
  unshelve: (ctx) => {
    const vm = vmOf(ctx);
    requireSettled(vm);
    if (vm.status !== 'shelved_offloaded') fail('the VM is not shelved');
    transition(ctx, vm, 'unshelving', 'active');
    return {};
  },
  usage,
  rename: (ctx) => {
    const vm = vmOf(ctx);
    vm.name = ctx.params.get('hostname');
    return {};
  },
  'securitygroup-add': (ctx) => {
    const vm = vmOf(ctx);
    const id = ctx.params.get('group_id');
    find(
      ctx.state.securityGroups,
      (group) => group.securitygroup_id === id && group.region === vm.region,
      'security group',
    );
    if (!vm.securitygroups.includes(id)) vm.securitygroups.push(id);
    return {};
  },
  'securitygroup-remove': (ctx) => {
    const vm = vmOf(ctx);
    const id = ctx.params.get('group_id');
    if (!vm.securitygroups.includes(id)) fail('invalid security group');
    vm.securitygroups = vm.securitygroups.filter((item) => item !== id);
    return {};
  },
  'set-fairshare': (ctx) => {
    const vm = vmOf(ctx);
    vm.fairshare = {
      charge_for_cpu: ctx.params.optional('charge_for_cpu') ?? 'no',
      fairshare_nolend: ctx.params.optional('fairshare_nolend') ?? 'no',
    };
    return {};
  },
};
