import { describe, expect, it } from 'vitest';
import { ApiError, where } from '../src/index.js';
import { setup } from './support.js';

const t = setup();

describe('disks, IPs, catalogue objects, accounts and IPmanager against the simulator', () => {
  it('disk.list and disk.update (resize)', async () => {
    const vm = t.client();
    const disks = await vm.disk.list({ where: where.eq('host.id', 3) });
    expect(disks.list).toMatchObject([{ id: 3, size_mib: 102_400, host: { id: 3 } }]);
    const resized = await vm.disk.update({ disk_id: 3, size_mib: 204_800 });
    expect(t.last()).toMatchObject({ method: 'POST', path: '/vm/v3/disk/3' });
    expect(t.last().json).toEqual({ size_mib: 204_800 });
    expect((await vm.waitForTask(resized.task as number)).name).toBe('disk_resize');
    expect((await vm.host.get({ host_id: 3 })).disk?.disk_mib).toBe(204_800);
    const shrink = await vm.disk.update({ disk_id: 3, size_mib: 2048 }).catch((e: unknown) => e);
    expect(shrink).toBeInstanceOf(ApiError);
    expect(shrink).toMatchObject({ status: 400, code: 4000, vendorMessage: 'A disk can only grow' });
    expect((shrink as ApiError).data).toEqual({ field: 'size_mib', current: 204_800 });
  });

  it('ip.list and ip.ptr', async () => {
    const vm = t.client();
    const ips = await vm.ip.list({ where: where.eq('ip_addr', '203.0.113.11') });
    expect(ips.list).toMatchObject([{ id: 2, host: { id: 2 } }]);
    await vm.ip.ptr({ ip_id: 2, domain: 'web-2.example.net' });
    expect(t.last()).toMatchObject({ method: 'POST', path: '/vm/v3/ip/2/ptr' });
    expect(t.last().json).toEqual({ domain: 'web-2.example.net' });
    expect((await vm.ip.list({ where: where.eq('id', 2) })).list[0]?.domain).toBe('web-2.example.net');
  });

  it('os.list, cluster.list/get, node.list/get', async () => {
    const vm = t.client();
    const os = await vm.os.list({ where: where.eq('adminonly', false), orderby: { field: 'name' } });
    expect(os.list.map((o) => o.name)).toEqual(['AlmaLinux 9', 'Debian 12', 'Ubuntu 22.04']);
    expect(t.last().query).toEqual({ where: '(adminonly EQ false)', orderby: 'name asc' });
    expect((await vm.cluster.list()).list).toHaveLength(2);
    expect(await vm.cluster.get({ cluster_id: 2 })).toMatchObject({ name: "O'Brien lab (test)" });
    expect(t.last().path).toBe('/vm/v3/cluster/2');
    const nodes = await vm.node.list({ where: where.eq('cluster.id', 1) });
    expect(nodes.list.map((n) => n.name)).toEqual(['node-1', 'node-2']);
    expect(await vm.node.get({ node_id: 3 })).toMatchObject({ name: 'lab-node', cluster: { id: 2 } });
  });

  it('preset list/get/create/update/delete', async () => {
    const vm = t.client();
    const made = await vm.preset.create({
      name: 'Large',
      cpu_number: 8,
      ram_mib: 16_384,
      disks: [{ size_mib: 102_400 }],
    });
    expect(t.last()).toMatchObject({ method: 'POST', path: '/vm/v3/preset' });
    expect(t.last().json).toEqual({
      name: 'Large',
      cpu_number: 8,
      ram_mib: 16_384,
      disks: [{ size_mib: 102_400 }],
    });
    const id = made.id as number;
    await vm.preset.update({ preset_id: id, ram_mib: 32_768 });
    expect(t.last().json).toEqual({ ram_mib: 32_768 });
    expect(await vm.preset.get({ preset_id: id })).toMatchObject({ name: 'Large', ram_mib: 32_768 });
    expect((await vm.preset.list()).list).toHaveLength(3);
    await vm.preset.delete({ preset_id: id });
    expect(t.last()).toMatchObject({ method: 'DELETE', path: `/vm/v3/preset/${id}` });
    expect((await vm.preset.list()).list).toHaveLength(2);
  });

  it('account list/create/delete (deletion goes to /vm/v3/user/{id})', async () => {
    const vm = t.client();
    const made = await vm.account.create({ email: 'new@example.com', password: 'New-pass-123' });
    expect(t.last().json).toEqual({ email: 'new@example.com', password: 'New-pass-123', role: '@user' });
    const found = await vm.account.list({ where: where.eq('email', 'new@example.com') });
    expect(found.list).toMatchObject([{ id: made.id, roles: ['@user'], host_count: 0 }]);
    await vm.account.delete({ account_id: made.id as number });
    expect(t.last()).toMatchObject({ method: 'DELETE', path: `/vm/v3/user/${made.id}` });
    expect((await vm.account.list({ where: where.eq('email', 'new@example.com') })).list).toEqual([]);
  });

  it('ippool and ipnet (ip/v3)', async () => {
    const vm = t.client();
    expect((await vm.ippool.list()).list.map((p) => p.name)).toEqual(['Public pool', 'Private pool']);
    expect(t.last().path).toBe('/ip/v3/ippool');
    expect(await vm.ippool.get({ pool_id: 2 })).toMatchObject({ name: 'Private pool' });
    expect(t.last().path).toBe('/ip/v3/ippool/2');
    const nets = await vm.ipnet.list({ where: where.eq('ippool.id', 1) });
    expect(nets.list).toMatchObject([{ name: '203.0.113.0/24', gateway: '203.0.113.1' }]);
    expect(await vm.ipnet.get({ ipnet_id: 2 })).toMatchObject({ name: '10.0.0.0/24', ippool: { id: 2 } });
    expect(t.last().path).toBe('/ip/v3/ipnet/2');
  });
});
