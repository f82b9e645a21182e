import { describe, expect, it } from 'vitest';
import { InputError, where } from '../src/index.js';
import { setup } from './support.js';

const t = setup();

describe('VM creation with disks and interfaces, restart force, migrate, history, auth users', () => {
  it('host.create sends disks and custom_interfaces as given, next to a preset', async () => {
    const vm = t.client();
    const created = await vm.host.create({
      name: 'tmpl-1',
      cluster: 1,
      account: 2,
      os: 1,
      preset: 1,
      node: 2,
      disks: [
        { size_mib: 10_240, boot_order: 1, storage: 1, tags: [] },
        { size_mib: 20_480, boot_order: 2 },
      ],
      custom_interfaces: [{ model: 'virtio', is_main_network: true, bridge_id: 97, ip_count: 1, ippool: 1 }],
    });
    expect(t.last().json).toEqual({
      name: 'tmpl-1',
      cluster: 1,
      account: 2,
      os: 1,
      preset: 1,
      node: 2,
      disks: [
        { size_mib: 10_240, boot_order: 1, storage: 1, tags: [] },
        { size_mib: 20_480, boot_order: 2 },
      ],
      custom_interfaces: [{ model: 'virtio', is_main_network: true, bridge_id: 97, ip_count: 1, ippool: 1 }],
    });
    const host = await vm.host.get({ host_id: created.id as number });
    expect(host).toMatchObject({ disk_count: 2, interfaces: [{ bridge_id: 97 }] });
  });

  it('host.create refuses hdd_mib with disks, and a bad disk, naming the field; nothing is sent', async () => {
    const vm = t.client();
    const before = t.sim.log.length;
    const base = { name: 'x-1', cluster: 1, account: 2, os: 1, cpu_number: 1, ram_mib: 1024 };
    const both = await vm.host
      .create({ ...base, hdd_mib: 10_240, disks: [{ size_mib: 10_240 }] })
      .catch((e: unknown) => e);
    expect(both).toBeInstanceOf(InputError);
    expect(String((both as Error).message)).toContain('hdd_mib');
    const small = await vm.host.create({ ...base, disks: [{ size_mib: 1 }] }).catch((e: unknown) => e);
    expect(String((small as Error).message)).toContain('disks');
    expect(t.sim.log.length).toBe(before);
  });

  it('host.restart sends force', async () => {
    const vm = t.client();
    const answer = await vm.host.restart({ host_id: 1, force: true });
    expect(t.last()).toMatchObject({ method: 'POST', path: '/vm/v3/host/1/restart' });
    expect(t.last().json).toEqual({ force: true });
    expect((await vm.waitForTask(answer.task as number)).name).toBe('host_restart');
  });

  it('host.migrate moves a VM; host.history shows the host_migrate task; nodes show their capacity', async () => {
    const vm = t.client();
    const nodes = await vm.node.list({ where: where.eq('cluster.id', 1) });
    expect(nodes.list[0]).toMatchObject({ cpu: { number: 8 }, ram_mib: { total: 32_768 }, vm: { total: 2 } });
    const hosts = await vm.host.list();
    expect(hosts.list.find((h) => h.id === 4)?.balancer_mode).toBe('off');
    const moved = await vm.host.migrate({ host_id: 1, node: 2 });
    expect(t.last()).toMatchObject({ method: 'POST', path: '/vm/v3/host/1/migrate' });
    expect(t.last().json).toEqual({ node: 2 });
    const history = await vm.host.history({ host_id: 1 });
    expect(t.last()).toMatchObject({ method: 'GET', path: '/vm/v3/host/1/history' });
    expect(history.list.find((e) => e.id === history.max_id)).toMatchObject({
      name: 'host_migrate',
      task: moved.task,
    });
    await vm.waitForTask(moved.task as number, { name: 'host_migrate' });
    expect((await vm.host.get({ host_id: 1 })).node).toMatchObject({ id: 2 });
  });

  it('auth.user.list sends the where filter to /auth/v4/user', async () => {
    const vm = t.client();
    const admins = await vm.auth.user.list({
      where: where.and(where.cp('roles', '%@admin%'), where.eq('state', 'active')),
    });
    expect(t.last()).toMatchObject({
      method: 'GET',
      path: '/auth/v4/user',
      query: { where: "(roles CP '%@admin%') AND (state EQ 'active')" },
    });
    expect(admins.list.map((u) => u.email)).toEqual(['admin@example.com']);
  });
});
