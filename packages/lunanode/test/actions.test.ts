import { walkCatalog } from '@x/auth-core';
import { describe, expect, it } from 'vitest';
import {
  lunanodeCatalog,
  waitForImageActive,
  waitForVmStatus,
  waitForVolumeAvailable,
} from '../src/index.js';
import { LUNANODE_DEMO_API_ID, LUNANODE_DEMO_API_KEY, lunanodeHarness } from './support.js';

// Every catalog action is called through the typed client against the simulator; each call's wire form
// (path with the API's exact action spelling, decoded parameters) and its typed, normalised result are checked.
const h = lunanodeHarness();
const covered = new Set<string>();
const fast = { timeoutMs: 10_000 };

/** Asserts the last request went to `{category}/{action}/` with exactly these parameters. */
function wire(id: string, handler: string, params: Record<string, string>) {
  covered.add(id);
  const call = h.last();
  expect(call.path).toBe(`/api/${handler}/`);
  expect(call.params).toEqual(params);
  expect(call.apiId).toBe(LUNANODE_DEMO_API_ID);
  expect(call.partialKey).toBe(LUNANODE_DEMO_API_KEY.slice(0, 64));
  expect(call.nonce).toMatch(/^\d{10}$/);
  expect(call.signature).toMatch(/^[0-9a-f]{128}$/);
}

async function until<T>(read: () => Promise<T>, ok: (value: T) => boolean): Promise<T> {
  for (let i = 0; i < 500; i++) {
    const value = await read();
    if (ok(value)) return value;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error('condition never held');
}

describe('vm', () => {
  it('lists, inspects and creates VMs', async () => {
    const { client } = h;
    const list = await client.vm.list();
    wire('vm.list', 'vm/list', {});
    expect(list.vms.map((vm) => vm.vm_id)).toEqual(['12102', '1c018f61-e116-46d2-8a64-18f6963e3be7']);
    expect(list.vms[0]).toMatchObject({ name: 'myvm', ram: 2048, vcpu: 1, storage: 40, region: 'toronto' });

    const { info, extra } = await client.vm.info({ vm_id: 12102 });
    wire('vm.info', 'vm/info', { vm_id: '12102' });
    expect(info.status).toBe('Online');
    expect(info.status_raw).toBe('active');
    expect(info.status).not.toMatch(/[<&]/);
    expect(info.addresses[0]).toMatchObject({ addr: '198.51.100.10', version: 4, external: true });
    expect(info.addresses[1]).toMatchObject({ version: 4, external: false });
    expect(info.ip).toBe('198.51.100.10');
    expect(extra?.plan_id).toBe('2');

    const created = await client.vm.create({
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
    });
    wire('vm.create', 'vm/create', {
      hostname: 'web-2',
      plan_id: 'm.2',
      image_id: '2686',
      region: 'toronto',
      net_id: '4',
      securitygroups: '4',
      scripts: '202',
      key_id: '11',
      prefer: 'distinct',
    });
    expect(typeof created.vm_id).toBe('string');
    const ready = await waitForVmStatus(client, created.vm_id, 'active', fast);
    expect(ready.status).toBe('Online');

    // Presence flags: true is sent as yes; the list is comma-separated.
    const second = await client.vm.create({
      hostname: 'web-3',
      plan_id: 2,
      image_id: '2686',
      set_password: true,
      securitygroups: [4, '4'],
    });
    expect(h.last().params).toEqual({
      hostname: 'web-3',
      plan_id: '2',
      image_id: '2686',
      set_password: 'yes',
      securitygroups: '4,4',
    });
    await client.vm.delete({ vm_id: second.vm_id });
    wire('vm.delete', 'vm/delete', { vm_id: second.vm_id });
    expect((await client.vm.list()).vms.map((vm) => vm.vm_id)).not.toContain(second.vm_id);
  });

  it('drives the lifecycle actions', async () => {
    const { client } = h;
    const vm_id = '12102';
    await client.vm.stop({ vm_id });
    wire('vm.stop', 'vm/stop', { vm_id });
    expect((await waitForVmStatus(client, vm_id, 'stopped', fast)).status).toBe('Offline');
    await client.vm.diskswap({ vm_id });
    wire('vm.diskswap', 'vm/diskswap', { vm_id });
    expect((await client.vm.info({ vm_id })).info.diskswap).toBe(true);
    await client.vm.start({ vm_id });
    wire('vm.start', 'vm/start', { vm_id });
    await waitForVmStatus(client, vm_id, 'Online', fast);
    await client.vm.reboot({ vm_id });
    wire('vm.reboot', 'vm/reboot', { vm_id });
    await waitForVmStatus(client, vm_id, 'active', fast);
    await client.vm.reimage({ vm_id, image_id: 2686 });
    wire('vm.reimage', 'vm/reimage', { vm_id, image_id: '2686' });
    expect((await waitForVmStatus(client, vm_id, 'active', fast)).image).toBe(
      'Ubuntu 22.04 64-bit (template)',
    );
    await client.vm.resize({ vm_id, plan_id: 'm.4' });
    wire('vm.resize', 'vm/resize', { vm_id, plan_id: 'm.4' });
    await waitForVmStatus(client, vm_id, 'active', fast);
    expect((await client.vm.info({ vm_id })).extra?.ram).toBe(4096);
    await client.vm.rescue({ vm_id });
    wire('vm.rescue', 'vm/rescue', { vm_id });
    expect((await client.vm.info({ vm_id })).info.status_raw).toBe('rescue');
    await client.vm.start({ vm_id });
    await waitForVmStatus(client, vm_id, 'active', fast);
    await client.vm.shelve({ vm_id });
    wire('vm.shelve', 'vm/shelve', { vm_id });
    await waitForVmStatus(client, vm_id, 'shelved_offloaded', fast);
    await client.vm.unshelve({ vm_id });
    wire('vm.unshelve', 'vm/unshelve', { vm_id });
    await waitForVmStatus(client, vm_id, 'active', fast);
    const vnc = await client.vm.vnc({ vm_id });
    wire('vm.vnc', 'vm/vnc', { vm_id });
    expect(vnc.vnc_url).toMatch(/^https:\/\/toronto-ctrl\.lunanode\.com:6080\/vnc_auto\.html\?token=/);
  });

  it('manages addresses, snapshots, groups and usage', async () => {
    const { client } = h;
    const vm_id = '12102';
    const ips = await client.vm.iplist({ vm_id });
    wire('vm.iplist', 'vm/iplist', { vm_id });
    expect(ips.ips[0]?.ip).toBe('10.20.0.10');
    expect((await client.vm.ip_add({ vm_id, ip: '10.20.0.77' })).ip).toBe('10.20.0.77');
    wire('vm.ip_add', 'vm/ip-add', { vm_id, ip: '10.20.0.77' });
    await client.vm.ip_delete({ vm_id, ip: '10.20.0.77' });
    wire('vm.ip_delete', 'vm/ip-delete', { vm_id, ip: '10.20.0.77' });

    await client.vm.floatingip_delete({ vm_id, keep: true });
    wire('vm.floatingip_delete', 'vm/floatingip-delete', { vm_id, keep: 'yes' });
    const free = (await client.floating.list()).ips.find((ip) => ip.ip === '198.51.100.10');
    expect(free?.attached_type).toBe('unattached');
    const attached = await client.vm.floatingip_add({ vm_id, ip: '198.51.100.10' });
    wire('vm.floatingip_add', 'vm/floatingip-add', { vm_id, ip: '198.51.100.10' });
    expect(attached.ip).toBe('198.51.100.10');

    const snap = await client.vm.snapshot({ vm_id, name: 'snap-1' });
    wire('vm.snapshot', 'vm/snapshot', { vm_id, name: 'snap-1' });
    expect((await waitForImageActive(client, snap.image_id, fast)).name).toBe('snap-1');

    const usage = await client.vm.usage({ vm_id, key: 'cpu' });
    wire('vm.usage', 'vm/usage', { vm_id, key: 'cpu' });
    expect(typeof usage.usage[0]?.percent).toBe('number');
    expect(typeof usage.usage[0]?.unix_time).toBe('number');

    await client.vm.rename({ vm_id, hostname: 'renamed' });
    wire('vm.rename', 'vm/rename', { vm_id, hostname: 'renamed' });
    expect((await client.vm.list()).vms[0]?.name).toBe('renamed');
    await client.securitygroup.create({ region: 'toronto', name: 'web' });
    const group = (await client.securitygroup.list()).securitygroups.find((item) => item.name === 'web');
    await client.vm.securitygroup_add({ vm_id, group_id: group?.securitygroup_id ?? '' });
    wire('vm.securitygroup_add', 'vm/securitygroup-add', { vm_id, group_id: group?.securitygroup_id ?? '' });
    expect((await client.vm.info({ vm_id })).info.securitygroups).toContain(group?.securitygroup_id);
    await client.vm.securitygroup_remove({ vm_id, group_id: group?.securitygroup_id ?? '' });
    wire('vm.securitygroup_remove', 'vm/securitygroup-remove', {
      vm_id,
      group_id: group?.securitygroup_id ?? '',
    });
    await client.vm.set_fairshare({ vm_id, charge_for_cpu: true, fairshare_nolend: false });
    wire('vm.set_fairshare', 'vm/set-fairshare', { vm_id, charge_for_cpu: 'yes', fairshare_nolend: 'no' });
  });
});

describe('dns', () => {
  it('reverse DNS, zones, records and dynamic DNS', async () => {
    const { client } = h;
    const rdns = await client.dns.list();
    wire('dns.list', 'dns/list', {});
    expect(rdns.dns[0]).toMatchObject({ vm_id: '12102', ip: '198.51.100.10', hostname: 'myvm.example.com' });
    await client.dns.set({ vm_id: '12102', ip: '198.51.100.10', hostname: '.' });
    wire('dns.set', 'dns/set', { vm_id: '12102', ip: '198.51.100.10', hostname: '.' });
    expect((await client.dns.list()).dns[0]?.hostname).toBeUndefined(); // "[not set]"

    const zone = await client.dns.zone_add({ origin: 'example.org.', ttl: 300 });
    wire('dns.zone_add', 'dns/zone-add', { origin: 'example.org.', ttl: '300' });
    const zones = await client.dns.zone_list();
    wire('dns.zone_list', 'dns/zone-list', {});
    expect(zones.zones.map((item) => item.origin)).toContain('example.org.');
    const zone_id = zone.zone_id ?? '';
    const record = await client.dns.record_add({
      zone_id,
      name: 'www',
      data: '192.0.2.1',
      ttl: 600,
      type: 'A',
    });
    wire('dns.record_add', 'dns/record-add', {
      zone_id,
      name: 'www',
      data: '192.0.2.1',
      ttl: '600',
      type: 'A',
    });
    const records = await client.dns.record_list({ zone_id });
    wire('dns.record_list', 'dns/record-list', { zone_id });
    expect(records.records[0]).toMatchObject({ name: 'www', type: 'A', data: '192.0.2.1', ttl: 600 });
    await client.dns.record_remove({ record_id: record.record_id ?? '' });
    wire('dns.record_remove', 'dns/record-remove', { record_id: record.record_id ?? '' });
    await client.dns.zone_remove({ zone_id });
    wire('dns.zone_remove', 'dns/zone-remove', { zone_id });

    const dyns = await client.dns.dyn_list();
    wire('dns.dyn_list', 'dns/dyn-list', {});
    expect(dyns.dyns).toEqual([
      expect.objectContaining({ id: '51', name: 'home.example.com', ip: '192.0.2.7' }),
    ]);
    const dyn = await client.dns.dyn_add({ name: 'nas.example.org', ip: '192.0.2.9' });
    wire('dns.dyn_add', 'dns/dyn-add', { name: 'nas.example.org', ip: '192.0.2.9' });
    const dyn_id = dyn.dyn_id ?? '';
    await client.dns.dyn_update({ dyn_id, name: 'nas.example.org', ip: '192.0.2.10' });
    wire('dns.dyn_update', 'dns/dyn-update', { dyn_id, name: 'nas.example.org', ip: '192.0.2.10' });
    await client.dns.dyn_remove({ dyn_id });
    wire('dns.dyn_remove', 'dns/dyn-remove', { dyn_id });
  });
});

describe('image', () => {
  it('lists, fetches, replicates, renames, retrieves and deletes images', async () => {
    const { client } = h;
    const list = await client.image.list({ region: 'toronto' });
    wire('image.list', 'image/list', { region: 'toronto' });
    expect(list.images.every((image) => image.region === 'toronto')).toBe(true);
    await client.image.list();
    expect(h.last().params).toEqual({});

    const details = await client.image.details({ image_id: 3236 });
    wire('image.details', 'image/details', { image_id: '3236' });
    expect(details.details).toMatchObject({
      name: 'web-backup',
      status: 'active',
      size: 1376583680,
      metadata: {},
    });
    expect((await client.image.details({ image_id: 2685 })).details.metadata).toEqual({}); // [] on the wire

    const fetched = await client.image.fetch({
      region: 'toronto',
      name: 'alpine',
      location: 'https://example.com/alpine.qcow2',
      format: 'qcow2',
      virtio: true,
    });
    wire('image.fetch', 'image/fetch', {
      region: 'toronto',
      name: 'alpine',
      location: 'https://example.com/alpine.qcow2',
      format: 'qcow2',
      virtio: 'yes',
    });
    await waitForImageActive(client, fetched.image_id ?? '', fast);

    const copy = await client.image.replicate({ image_id: 3236, region: 'montreal' });
    wire('image.replicate', 'image/replicate', { image_id: '3236', region: 'montreal' });
    expect((await waitForImageActive(client, copy.image_id ?? '', fast)).region).toBe('montreal');

    await client.image.rename({ image_id: 3236, name: 'web-backup-old' });
    wire('image.rename', 'image/rename', { image_id: '3236', name: 'web-backup-old' });

    const bytes = await client.image.retrieve({ image_id: 3236 });
    wire('image.retrieve', 'image/retrieve', { image_id: '3236' });
    const data = Buffer.from(bytes.data_base64, 'base64');
    expect([...data.subarray(0, 4)]).toEqual([0x51, 0x46, 0x49, 0xfb]);
    expect(bytes.size).toBe(data.length);
    expect(data.toString('utf8')).toContain('web-backup-old');

    await client.image.delete({ image_id: 3236 });
    wire('image.delete', 'image/delete', { image_id: '3236' });
  });
});

describe('volume', () => {
  it('creates, attaches, extends, snapshots and deletes volumes', async () => {
    const { client } = h;
    const region = 'toronto';
    const list = await client.volume.list({ region });
    wire('volume.list', 'volume/list', { region });
    expect(list.volumes[0]).toMatchObject({ id: '1308', volume_id: '1308', size: 10, status: 'in-use' });

    const created = await client.volume.create({ region, label: 'v1', size: 5 });
    wire('volume.create', 'volume/create', { region, label: 'v1', size: '5' });
    const volume_id = created.volume_id ?? '';
    expect((await waitForVolumeAvailable(client, { region, volume_id }, fast)).size).toBe(5);
    const info = await client.volume.info({ region, volume_id });
    wire('volume.info', 'volume/info', { region, volume_id });
    expect(info.volume).toMatchObject({ id: volume_id, name: 'v1', status: 'available' });

    await client.volume.attach({ region, volume_id, vm_id: '12102', target: 'auto' });
    wire('volume.attach', 'volume/attach', { region, volume_id, vm_id: '12102', target: 'auto' });
    await until(
      () => client.volume.info({ region, volume_id }),
      (value) => value.volume.status === 'in-use',
    );
    await client.volume.detach({ region, volume_id });
    wire('volume.detach', 'volume/detach', { region, volume_id });
    await waitForVolumeAvailable(client, { region, volume_id }, fast);
    await client.volume.extend({ region, volume_id, size: 8 });
    wire('volume.extend', 'volume/extend', { region, volume_id, size: '8' });
    await client.volume.rename({ volume_id, name: 'v1-renamed' });
    wire('volume.rename', 'volume/rename', { volume_id, name: 'v1-renamed' });
    expect((await client.volume.info({ region, volume_id })).volume).toMatchObject({
      size: 8,
      name: 'v1-renamed',
    });

    const snap = await client.volume.snapshot_create({ region, volume_id, label: 's1' });
    wire('volume.snapshot_create', 'volume/snapshot-create', { region, volume_id, label: 's1' });
    const snaps = await client.volume.snapshot_list({ region });
    wire('volume.snapshot_list', 'volume/snapshot-list', { region });
    expect(snaps.snapshots.map((item) => item.snapshot_id)).toContain(snap.snapshot_id);
    const snapshot_id = snap.snapshot_id ?? '';
    const image = await client.volume.snapshot_replicate({
      region,
      snapshot_id,
      image_name: 'from-snap',
      dst_region: 'montreal',
    });
    wire('volume.snapshot_replicate', 'volume/snapshot-replicate', {
      region,
      snapshot_id,
      image_name: 'from-snap',
      dst_region: 'montreal',
    });
    expect(image.image_id).toMatch(/^\d+$/);
    const restored = await client.volume.create({ region, label: 'v2', size: 8, snapshot_id });
    expect(h.last().params).toEqual({ region, label: 'v2', size: '8', snapshot_id });
    await waitForVolumeAvailable(client, { region, volume_id: restored.volume_id ?? '' }, fast);
    await client.volume.snapshot_delete({ region, snapshot_id });
    wire('volume.snapshot_delete', 'volume/snapshot-delete', { region, snapshot_id });
    await client.volume.delete({ region, volume_id });
    wire('volume.delete', 'volume/delete', { region, volume_id });
  });
});

describe('floating, network, lb', () => {
  it('floating IPs', async () => {
    const { client } = h;
    const list = await client.floating.list();
    wire('floating.list', 'floating/list', {});
    expect(list.ips[0]).toMatchObject({ ip: '198.51.100.10', attached_type: 'vm', attached_id: '12102' });
    const added = await client.floating.add({ region: 'montreal' });
    wire('floating.add', 'floating/add', { region: 'montreal' });
    await client.floating.delete({ region: 'montreal', ip: added.ip ?? '' });
    wire('floating.delete', 'floating/delete', { region: 'montreal', ip: added.ip ?? '' });
  });

  it('virtual networks', async () => {
    const { client } = h;
    const list = await client.network.list({ region: 'toronto' });
    wire('network.list', 'network/list', { region: 'toronto' });
    expect(list.networks).toEqual([expect.objectContaining({ net_id: '4', subnet: '10.20.0.0/16' })]);
    const created = await client.network.create({
      region: 'toronto',
      name: 'lan',
      subnet: '192.168.30',
      dns: ['8.8.8.8', '8.8.4.4'],
    });
    wire('network.create', 'network/create', {
      region: 'toronto',
      name: 'lan',
      subnet: '192.168.30',
      dns: '8.8.8.8,8.8.4.4',
    });
    await client.network.delete({ region: 'toronto', net_id: created.net_id ?? '' });
    wire('network.delete', 'network/delete', { region: 'toronto', net_id: created.net_id ?? '' });
  });

  it('load balancers (member_add keeps its underscore on the wire)', async () => {
    const { client } = h;
    const region = 'toronto';
    const list = await client.lb.list({ region });
    wire('lb.list', 'lb/list', { region });
    expect(list.lbs).toEqual([expect.objectContaining({ id: '138', name: 'web-lb' })]);
    const created = await client.lb.create({
      region,
      net_id: 4,
      name: 'api-lb',
      method: 'LEAST_CONNECTIONS',
      protocol: 'TCP',
      connection_limit: -1,
      port: 443,
    });
    wire('lb.create', 'lb/create', {
      region,
      net_id: '4',
      name: 'api-lb',
      method: 'LEAST_CONNECTIONS',
      protocol: 'TCP',
      connection_limit: '-1',
      port: '443',
    });
    const lb_id = created.lb_id ?? '';
    const member = await client.lb.member_add({ region, lb_id, ip: '10.20.0.10', port: 8443 });
    wire('lb.member_add', 'lb/member_add', { region, lb_id, ip: '10.20.0.10', port: '8443' });
    const info = await client.lb.info({ region, lb_id });
    wire('lb.info', 'lb/info', { region, lb_id });
    expect(info.members).toEqual([expect.objectContaining({ member_id: member.member_id, port: 8443 })]);
    await client.lb.member_remove({ region, lb_id, member_id: member.member_id ?? '' });
    wire('lb.member_remove', 'lb/member_remove', { region, lb_id, member_id: member.member_id ?? '' });
    await client.lb.associate({ region, lb_id, ip: '198.51.100.11' });
    wire('lb.associate', 'lb/associate', { region, lb_id, ip: '198.51.100.11' });
    await client.lb.delete({ region, lb_id });
    wire('lb.delete', 'lb/delete', { region, lb_id });
  });
});

describe('plan, region, billing, script, sshkey', () => {
  it('normalises plans, the region map, the credit and top-level SSH keys', async () => {
    const { client } = h;
    const plans = await client.plan.list();
    wire('plan.list', 'plan/list', {});
    expect(plans.plans[0]).toMatchObject({
      plan_id: '1',
      name: 'm.1s',
      ram: 1024,
      price: 0.0049,
      metadata: {},
    });
    expect(plans.plans[1]?.metadata).toEqual({ burst: 'yes' });

    const regions = await client.region.list();
    wire('region.list', 'region/list', {});
    expect(regions.regions).toContainEqual({ region: 'toronto', name: 'Toronto, Canada' });

    const credit = await client.billing.credit();
    wire('billing.credit', 'billing/credit', {});
    expect(credit.credit).toBe(42.5);

    const scripts = await client.script.list();
    wire('script.list', 'script/list', {});
    expect(scripts.scripts[0]).toMatchObject({ id: '202', name: 'hello' });
    await client.script.create({ name: 'boot', content: '#!/bin/sh\necho hi\n' });
    wire('script.create', 'script/create', { name: 'boot', content: '#!/bin/sh\necho hi\n' });

    const keys = await client.sshkey.list();
    wire('sshkey.list', 'sshkey/list', {});
    expect(keys.keys).toEqual([expect.objectContaining({ id: '11', name: 'laptop' })]);
    const sshkey = 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOtherDemoKey me@host';
    const added = await client.sshkey.add({ label: 'ci', sshkey });
    wire('sshkey.add', 'sshkey/add', { label: 'ci', sshkey });
    expect((await client.sshkey.list()).keys.map((key) => key.id)).toContain(added.key_id);
    await client.sshkey.remove({ key_id: added.key_id ?? '' });
    wire('sshkey.remove', 'sshkey/remove', { key_id: added.key_id ?? '' });
  });
});

describe('monitor and securitygroup', () => {
  it('checks, contacts and alerts', async () => {
    const { client } = h;
    const types = await client.monitor.check_types();
    wire('monitor.check_types', 'monitor/check-types', {});
    expect(types.types).toHaveProperty('http');
    const check = await client.monitor.check_add({
      name: 'site',
      type: 'http',
      fail_count: 3,
      success_count: 2,
      check_interval: 60,
      params: { url: 'https://example.com/' },
    });
    wire('monitor.check_add', 'monitor/check-add', {
      name: 'site',
      type: 'http',
      fail_count: '3',
      success_count: '2',
      check_interval: '60',
      url: 'https://example.com/',
    });
    const checks = await client.monitor.check_list();
    wire('monitor.check_list', 'monitor/check-list', {});
    expect(checks.checks.map((item) => item.check_id)).toContain(check.check_id);
    const contact = await client.monitor.contact_add({ type: 'email', rel: 'ops@example.org' });
    wire('monitor.contact_add', 'monitor/contact-add', { type: 'email', rel: 'ops@example.org' });
    const contacts = await client.monitor.contact_list();
    wire('monitor.contact_list', 'monitor/contact-list', {});
    expect(contacts.contacts).toContainEqual(expect.objectContaining({ rel: 'ops@example.org' }));
    const check_id = check.check_id ?? '';
    const contact_id = contact.contact_id ?? '';
    const alert = await client.monitor.alert_add({ check_id, contact_id });
    wire('monitor.alert_add', 'monitor/alert-add', { check_id, contact_id });
    const alerts = await client.monitor.alert_list({ check_id });
    wire('monitor.alert_list', 'monitor/alert-list', { check_id });
    expect(alerts.alerts.map((item) => item.alert_id)).toEqual([alert.alert_id]);
    await client.monitor.alert_remove({ alert_id: alert.alert_id ?? '' });
    wire('monitor.alert_remove', 'monitor/alert-remove', { alert_id: alert.alert_id ?? '' });
    await client.monitor.contact_remove({ contact_id });
    wire('monitor.contact_remove', 'monitor/contact-remove', { contact_id });
    await client.monitor.check_remove({ check_id });
    wire('monitor.check_remove', 'monitor/check-remove', { check_id });
  });

  it('security groups and rules', async () => {
    const { client } = h;
    const region = 'toronto';
    const list = await client.securitygroup.list();
    wire('securitygroup.list', 'securitygroup/list', {});
    expect(list.securitygroups[0]).toMatchObject({ securitygroup_id: '4', name: 'default' });
    const created = await client.securitygroup.create({ region, name: 'web' });
    wire('securitygroup.create', 'securitygroup/create', { region, name: 'web' });
    const group_id = created.group_id ?? '';
    await client.securitygroup.rename({ region, group_id, name: 'www' });
    wire('securitygroup.rename', 'securitygroup/rename', { region, group_id, name: 'www' });
    const rule = await client.securitygroup.rule_insert({
      region,
      group_id,
      direction: 'ingress',
      type: 'IPv4',
      protocol: 'tcp',
      remote_type: 'cidr',
      remote_value: '0.0.0.0/0',
      port_min: 80,
      port_max: 443,
    });
    wire('securitygroup.rule_insert', 'securitygroup/rule-insert', {
      region,
      group_id,
      direction: 'ingress',
      type: 'IPv4',
      protocol: 'tcp',
      remote_type: 'cidr',
      remote_value: '0.0.0.0/0',
      port_min: '80',
      port_max: '443',
    });
    const rules = await client.securitygroup.rule_list({ region, group_id });
    wire('securitygroup.rule_list', 'securitygroup/rule-list', { region, group_id });
    expect(rules.rules[0]).toMatchObject({ rule_id: rule.rule_id, port_min: 80, port_max: 443 });
    await client.securitygroup.rule_delete({ region, group_id, rule_id: rule.rule_id ?? '' });
    wire('securitygroup.rule_delete', 'securitygroup/rule-delete', {
      region,
      group_id,
      rule_id: rule.rule_id ?? '',
    });
    await client.securitygroup.delete({ region, group_id });
    wire('securitygroup.delete', 'securitygroup/delete', { region, group_id });
  });
});

describe('email', () => {
  it('domains, DKIM, mailboxes and aliases', async () => {
    const { client } = h;
    const usage = await client.email.usage();
    wire('email.usage', 'email/usage', {});
    expect(usage).toMatchObject({ domains: 1, users: 1 });
    const domain = await client.email.domain_add({ name: 'example.org' });
    wire('email.domain_add', 'email/domain-add', { name: 'example.org' });
    const domains = await client.email.domain_list();
    wire('email.domain_list', 'email/domain-list', {});
    expect(domains.domains.map((item) => item.name)).toEqual(['example.com', 'example.org']);
    const domain_id = domain.domain_id ?? '';
    const private_key = '-----BEGIN PRIVATE KEY-----\nMIIdemo\n-----END PRIVATE KEY-----';
    await client.email.domain_dkim_set({ domain_id, selector: 'mail', private_key });
    wire('email.domain_dkim_set', 'email/domain-dkim-set', { domain_id, selector: 'mail', private_key });
    await client.email.domain_dkim_unset({ domain_id });
    wire('email.domain_dkim_unset', 'email/domain-dkim-unset', { domain_id });

    const user = await client.email.user_add({ domain_id, username: 'info', password: 'correct horse' });
    wire('email.user_add', 'email/user-add', { domain_id, username: 'info', password: 'correct horse' });
    const users = await client.email.user_list({ domain_id });
    wire('email.user_list', 'email/user-list', { domain_id });
    expect(users.users).toEqual([expect.objectContaining({ id: user.user_id, email: 'info@example.org' })]);
    const user_id = user.user_id ?? '';
    await client.email.user_set_password({ domain_id, user_id, password: 'battery staple' });
    wire('email.user_set_password', 'email/user-set-password', {
      domain_id,
      user_id,
      password: 'battery staple',
    });
    await client.email.user_remove({ domain_id, user_id });
    wire('email.user_remove', 'email/user-remove', { domain_id, user_id });

    const alias = await client.email.alias_add({ domain_id, name: 'sales', target: 'boss@example.org' });
    wire('email.alias_add', 'email/alias-add', { domain_id, name: 'sales', target: 'boss@example.org' });
    const aliases = await client.email.alias_list({ domain_id });
    wire('email.alias_list', 'email/alias-list', { domain_id });
    expect(aliases.aliases).toEqual([
      expect.objectContaining({ id: alias.alias_id, target: 'boss@example.org' }),
    ]);
    await client.email.alias_remove({ domain_id, alias_id: alias.alias_id ?? '' });
    wire('email.alias_remove', 'email/alias-remove', { domain_id, alias_id: alias.alias_id ?? '' });
    await client.email.domain_remove({ domain_id });
    wire('email.domain_remove', 'email/domain-remove', { domain_id });
  });
});

describe('coverage', () => {
  // The last test of the file (tests in a file run in order): each catalog entry was called above and its
  // wire form checked. A run filtered to a few tests (-t) skips it, or fails it when it selects it alone.
  it('every catalog entry is exercised by this file', () => {
    const all = walkCatalog(lunanodeCatalog).map((entry) => entry.id);
    expect(all.length).toBeGreaterThan(100);
    expect(all.filter((id) => !covered.has(id))).toEqual([]);
  });
});
