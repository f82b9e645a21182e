import { waitForVmStatus, waitForVolumeAvailable } from '../src/index.js';
import type { PacedClient } from './support.js';

/**
 * One working call per catalog endpoint against the freshly seeded simulator. `wire` is what the signed `req`
 * must carry (strings, as they travel); `input` the typed input when it differs from them. `after` names the
 * samples that run first, in order, to create what the call needs: the simulator numbers new objects from
 * 5001 after each reset, so their ids are known here. `settle` waits for a transition before the call.
 */
export interface LunaSample {
  wire: Record<string, string>;
  input?: Record<string, unknown>;
  after?: readonly string[];
  settle?: (client: PacedClient) => Promise<unknown>;
}

const FAST = { timeoutMs: 10_000 };

/** Polls volume 5001 until the simulator reports it `status`. */
async function untilVolume(client: PacedClient, status: string): Promise<void> {
  for (let i = 0; i < 500; i++) {
    const { volume } = await client.volume.info({ region: 'toronto', volume_id: '5001' });
    if (volume.status === status) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`volume 5001 never became ${status}`);
}

export const LUNA_SAMPLES: Record<string, LunaSample> = {
  'vm.list': { wire: {} },
  'vm.info': { wire: { vm_id: '12102' } },
  'vm.create': {
    wire: {
      hostname: 'web-2',
      plan_id: 'm.2',
      image_id: '2686',
      region: 'toronto',
      net_id: '4',
      securitygroups: '4',
      scripts: '202',
      key_id: '11',
      prefer: 'distinct',
    },
    input: {
      hostname: 'web-2',
      plan_id: 'm.2',
      image_id: 2686,
      region: 'toronto',
      net_id: 4,
      securitygroups: [4],
      scripts: ['202'],
      key_id: 11,
      set_password: false,
      prefer: 'distinct',
    },
  },
  'vm.delete': { wire: { vm_id: '1c018f61-e116-46d2-8a64-18f6963e3be7' } },
  'vm.stop': { wire: { vm_id: '12102' } },
  'vm.diskswap': {
    wire: { vm_id: '12102' },
    after: ['vm.stop'],
    settle: (c) => waitForVmStatus(c, '12102', 'stopped', FAST),
  },
  'vm.start': { wire: { vm_id: '12102' } },
  'vm.reboot': { wire: { vm_id: '12102' } },
  'vm.reimage': { wire: { vm_id: '12102', image_id: '2686' } },
  'vm.resize': { wire: { vm_id: '12102', plan_id: 'm.4' } },
  'vm.rescue': { wire: { vm_id: '12102' } },
  'vm.shelve': { wire: { vm_id: '12102' } },
  'vm.unshelve': {
    wire: { vm_id: '12102' },
    after: ['vm.shelve'],
    settle: (c) => waitForVmStatus(c, '12102', 'shelved_offloaded', FAST),
  },
  'vm.vnc': { wire: { vm_id: '12102' } },
  'vm.iplist': { wire: { vm_id: '12102' } },
  'vm.ip_add': { wire: { vm_id: '12102', ip: '10.20.0.77' } },
  'vm.ip_delete': { wire: { vm_id: '12102', ip: '10.20.0.77' }, after: ['vm.ip_add'] },
  'vm.floatingip_delete': { wire: { vm_id: '12102', keep: 'yes' }, input: { vm_id: '12102', keep: true } },
  'vm.floatingip_add': { wire: { vm_id: '12102', ip: '198.51.100.10' }, after: ['vm.floatingip_delete'] },
  'vm.snapshot': { wire: { vm_id: '12102', name: 'snap-1' } },
  'vm.usage': { wire: { vm_id: '12102', key: 'cpu' } },
  'vm.rename': { wire: { vm_id: '12102', hostname: 'renamed' } },
  'vm.securitygroup_add': { wire: { vm_id: '12102', group_id: '5001' }, after: ['securitygroup.create'] },
  'vm.securitygroup_remove': {
    wire: { vm_id: '12102', group_id: '5001' },
    after: ['securitygroup.create', 'vm.securitygroup_add'],
  },
  'vm.set_fairshare': {
    wire: { vm_id: '12102', charge_for_cpu: 'yes', fairshare_nolend: 'no' },
    input: { vm_id: '12102', charge_for_cpu: true, fairshare_nolend: false },
  },
  'dns.list': { wire: {} },
  'dns.set': { wire: { vm_id: '12102', ip: '198.51.100.10', hostname: '.' } },
  'dns.zone_add': {
    wire: { origin: 'example.org.', ttl: '300' },
    input: { origin: 'example.org.', ttl: 300 },
  },
  'dns.zone_list': { wire: {} },
  'dns.record_add': {
    wire: { zone_id: '5001', name: 'www', data: '192.0.2.1', ttl: '600', type: 'A' },
    input: { zone_id: '5001', name: 'www', data: '192.0.2.1', ttl: 600, type: 'A' },
    after: ['dns.zone_add'],
  },
  'dns.record_list': { wire: { zone_id: '5001' }, after: ['dns.zone_add'] },
  'dns.record_remove': { wire: { record_id: '5002' }, after: ['dns.zone_add', 'dns.record_add'] },
  'dns.zone_remove': { wire: { zone_id: '5001' }, after: ['dns.zone_add'] },
  'dns.dyn_list': { wire: {} },
  'dns.dyn_add': { wire: { name: 'nas.example.org', ip: '192.0.2.9' } },
  'dns.dyn_update': {
    wire: { dyn_id: '5001', name: 'nas.example.org', ip: '192.0.2.10' },
    after: ['dns.dyn_add'],
  },
  'dns.dyn_remove': { wire: { dyn_id: '5001' }, after: ['dns.dyn_add'] },
  'image.list': { wire: { region: 'toronto' } },
  'image.details': { wire: { image_id: '3236' } },
  'image.fetch': {
    wire: {
      region: 'toronto',
      name: 'alpine',
      location: 'https://example.com/alpine.qcow2',
      format: 'qcow2',
      virtio: 'yes',
    },
    input: {
      region: 'toronto',
      name: 'alpine',
      location: 'https://example.com/alpine.qcow2',
      format: 'qcow2',
      virtio: true,
    },
  },
  'image.replicate': { wire: { image_id: '3236', region: 'montreal' } },
  'image.rename': { wire: { image_id: '3236', name: 'web-backup-old' } },
  'image.retrieve': { wire: { image_id: '3236' } },
  'image.delete': { wire: { image_id: '3236' } },
  'volume.list': { wire: { region: 'toronto' } },
  'volume.create': {
    wire: { region: 'toronto', label: 'v1', size: '5' },
    input: { region: 'toronto', label: 'v1', size: 5 },
  },
  'volume.info': { wire: { region: 'toronto', volume_id: '5001' }, after: ['volume.create'] },
  'volume.attach': {
    wire: { region: 'toronto', volume_id: '5001', vm_id: '12102', target: 'auto' },
    after: ['volume.create'],
    settle: (c) => waitForVolumeAvailable(c, { region: 'toronto', volume_id: '5001' }, FAST),
  },
  'volume.detach': {
    wire: { region: 'toronto', volume_id: '5001' },
    after: ['volume.create', 'volume.attach'],
    settle: (c) => untilVolume(c, 'in-use'),
  },
  'volume.extend': {
    wire: { region: 'toronto', volume_id: '5001', size: '8' },
    input: { region: 'toronto', volume_id: '5001', size: 8 },
    after: ['volume.create'],
    settle: (c) => waitForVolumeAvailable(c, { region: 'toronto', volume_id: '5001' }, FAST),
  },
  'volume.rename': { wire: { volume_id: '5001', name: 'v1-renamed' }, after: ['volume.create'] },
  'volume.snapshot_create': {
    wire: { region: 'toronto', volume_id: '5001', label: 's1' },
    after: ['volume.create'],
    settle: (c) => waitForVolumeAvailable(c, { region: 'toronto', volume_id: '5001' }, FAST),
  },
  'volume.snapshot_list': { wire: { region: 'toronto' } },
  'volume.snapshot_replicate': {
    wire: { region: 'toronto', snapshot_id: '5002', image_name: 'from-snap', dst_region: 'montreal' },
    after: ['volume.create', 'volume.snapshot_create'],
    settle: (c) => waitForVolumeAvailable(c, { region: 'toronto', volume_id: '5001' }, FAST),
  },
  'volume.snapshot_delete': {
    wire: { region: 'toronto', snapshot_id: '5002' },
    after: ['volume.create', 'volume.snapshot_create'],
    settle: (c) => waitForVolumeAvailable(c, { region: 'toronto', volume_id: '5001' }, FAST),
  },
  'volume.delete': {
    wire: { region: 'toronto', volume_id: '5001' },
    after: ['volume.create'],
    settle: (c) => waitForVolumeAvailable(c, { region: 'toronto', volume_id: '5001' }, FAST),
  },
  'floating.list': { wire: {} },
  'floating.add': { wire: { region: 'montreal' } },
  'floating.delete': { wire: { region: 'montreal', ip: '203.0.113.21' }, after: ['floating.add'] },
  'network.list': { wire: { region: 'toronto' } },
  'network.create': {
    wire: { region: 'toronto', name: 'lan', subnet: '192.168.30', dns: '8.8.8.8,8.8.4.4' },
    input: { region: 'toronto', name: 'lan', subnet: '192.168.30', dns: ['8.8.8.8', '8.8.4.4'] },
  },
  'network.delete': { wire: { region: 'toronto', net_id: '5001' }, after: ['network.create'] },
  'lb.list': { wire: { region: 'toronto' } },
  'lb.create': {
    wire: {
      region: 'toronto',
      net_id: '4',
      name: 'api-lb',
      method: 'LEAST_CONNECTIONS',
      protocol: 'TCP',
      connection_limit: '-1',
      port: '443',
    },
    input: {
      region: 'toronto',
      net_id: 4,
      name: 'api-lb',
      method: 'LEAST_CONNECTIONS',
      protocol: 'TCP',
      connection_limit: -1,
      port: 443,
    },
  },
  'lb.member_add': {
    wire: { region: 'toronto', lb_id: '5001', ip: '10.20.0.10', port: '8443' },
    input: { region: 'toronto', lb_id: '5001', ip: '10.20.0.10', port: 8443 },
    after: ['lb.create'],
  },
  'lb.info': { wire: { region: 'toronto', lb_id: '5001' }, after: ['lb.create'] },
  'lb.member_remove': {
    wire: { region: 'toronto', lb_id: '5001', member_id: '5002' },
    after: ['lb.create', 'lb.member_add'],
  },
  'lb.associate': { wire: { region: 'toronto', lb_id: '5001', ip: '198.51.100.11' }, after: ['lb.create'] },
  'lb.delete': { wire: { region: 'toronto', lb_id: '5001' }, after: ['lb.create'] },
  'plan.list': { wire: {} },
  'region.list': { wire: {} },
  'billing.credit': { wire: {} },
  'script.list': { wire: {} },
  'script.create': { wire: { name: 'boot', content: '#!/bin/sh\necho hi\n' } },
  'sshkey.list': { wire: {} },
  'sshkey.add': {
    wire: { label: 'ci', sshkey: 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOtherDemoKey me@host' },
  },
  'sshkey.remove': { wire: { key_id: '5001' }, after: ['sshkey.add'] },
  'monitor.check_types': { wire: {} },
  'monitor.check_add': {
    wire: {
      name: 'site',
      type: 'http',
      fail_count: '3',
      success_count: '2',
      check_interval: '60',
      url: 'https://example.com/',
    },
    input: {
      name: 'site',
      type: 'http',
      fail_count: 3,
      success_count: 2,
      check_interval: 60,
      params: { url: 'https://example.com/' },
    },
  },
  'monitor.check_list': { wire: {} },
  'monitor.contact_add': { wire: { type: 'email', rel: 'ops@example.org' } },
  'monitor.contact_list': { wire: {} },
  'monitor.alert_add': {
    wire: { check_id: '5001', contact_id: '5002' },
    after: ['monitor.check_add', 'monitor.contact_add'],
  },
  'monitor.alert_list': { wire: { check_id: '5001' }, after: ['monitor.check_add'] },
  'monitor.alert_remove': {
    wire: { alert_id: '5003' },
    after: ['monitor.check_add', 'monitor.contact_add', 'monitor.alert_add'],
  },
  'monitor.contact_remove': {
    wire: { contact_id: '5002' },
    after: ['monitor.check_add', 'monitor.contact_add'],
  },
  'monitor.check_remove': { wire: { check_id: '5001' }, after: ['monitor.check_add'] },
  'securitygroup.list': { wire: {} },
  'securitygroup.create': { wire: { region: 'toronto', name: 'web' } },
  'securitygroup.rename': {
    wire: { region: 'toronto', group_id: '5001', name: 'www' },
    after: ['securitygroup.create'],
  },
  'securitygroup.rule_insert': {
    wire: {
      region: 'toronto',
      group_id: '5001',
      direction: 'ingress',
      type: 'IPv4',
      protocol: 'tcp',
      remote_type: 'cidr',
      remote_value: '0.0.0.0/0',
      port_min: '80',
      port_max: '443',
    },
    input: {
      region: 'toronto',
      group_id: '5001',
      direction: 'ingress',
      type: 'IPv4',
      protocol: 'tcp',
      remote_type: 'cidr',
      remote_value: '0.0.0.0/0',
      port_min: 80,
      port_max: 443,
    },
    after: ['securitygroup.create'],
  },
  'securitygroup.rule_list': {
    wire: { region: 'toronto', group_id: '5001' },
    after: ['securitygroup.create'],
  },
  'securitygroup.rule_delete': {
    wire: { region: 'toronto', group_id: '5001', rule_id: '5002' },
    after: ['securitygroup.create', 'securitygroup.rule_insert'],
  },
  'securitygroup.delete': { wire: { region: 'toronto', group_id: '5001' }, after: ['securitygroup.create'] },
  'email.usage': { wire: {} },
  'email.domain_add': { wire: { name: 'example.org' } },
  'email.domain_list': { wire: {} },
  'email.domain_dkim_set': {
    wire: {
      domain_id: '5001',
      selector: 'mail',
      private_key: '-----BEGIN PRIVATE KEY-----\nMIIdemo\n-----END PRIVATE KEY-----',
    },
    after: ['email.domain_add'],
  },
  'email.domain_dkim_unset': {
    wire: { domain_id: '5001' },
    after: ['email.domain_add', 'email.domain_dkim_set'],
  },
  'email.user_add': {
    wire: { domain_id: '5001', username: 'info', password: 'correct horse' },
    after: ['email.domain_add'],
  },
  'email.user_list': { wire: { domain_id: '5001' }, after: ['email.domain_add'] },
  'email.user_set_password': {
    wire: { domain_id: '5001', user_id: '5002', password: 'battery staple' },
    after: ['email.domain_add', 'email.user_add'],
  },
  'email.user_remove': {
    wire: { domain_id: '5001', user_id: '5002' },
    after: ['email.domain_add', 'email.user_add'],
  },
  'email.alias_add': {
    wire: { domain_id: '5001', name: 'sales', target: 'boss@example.org' },
    after: ['email.domain_add'],
  },
  'email.alias_list': { wire: { domain_id: '5001' }, after: ['email.domain_add'] },
  'email.alias_remove': {
    wire: { domain_id: '5001', alias_id: '5002' },
    after: ['email.domain_add', 'email.alias_add'],
  },
  'email.domain_remove': { wire: { domain_id: '5001' }, after: ['email.domain_add'] },
};
