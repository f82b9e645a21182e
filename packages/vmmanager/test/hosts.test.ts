import { describe, expect, it } from 'vitest';
import { NotFoundError, where } from '../src/index.js';
import { setup } from './support.js';

const t = setup();

describe('host endpoints against the simulator', () => {
  it('host.list sends the filter and returns full objects', async () => {
    const vm = t.client();
    const result = await vm.host.list({
      where: where.and(where.cp('name', 'web%'), where.eq('state', 'active')),
      orderby: { field: 'name', direction: 'desc' },
      limit: { offset: 0, count: 1 },
    });
    expect(t.last()).toMatchObject({
      method: 'GET',
      path: '/vm/v3/host',
      query: { where: "(name CP 'web%') AND (state EQ 'active')", orderby: 'name desc', limit: '0,1' },
    });
    expect(result.size).toBe(2);
    expect(result.list).toHaveLength(1);
    expect(result.list[0]).toMatchObject({ id: 2, name: 'web-2', cluster: { id: 1 }, disk: { id: 2 } });
    expect(result.list[0]?.ip4?.[0]?.ip).toBe('203.0.113.11');
  });

  it('host.get reads the filtered list (not the partial /host/{id}) and maps an empty list to NotFoundError', async () => {
    const vm = t.client();
    const host = await vm.host.get({ host_id: 3 });
    expect(t.last()).toMatchObject({ method: 'GET', path: '/vm/v3/host', query: { where: '(id EQ 3)' } });
    expect(host).toMatchObject({
      id: 3,
      name: 'db-1',
      account: { id: 3 },
      os: { id: 2 },
      disk: { disk_mib: 102_400 },
    });
    await expect(vm.host.get({ host_id: 999 })).rejects.toBeInstanceOf(NotFoundError);
  });

  it('host.create posts the documented body and the VM appears, becoming active once its task completes', async () => {
    const vm = t.client();
    const created = await vm.host.create({
      name: 'app-1',
      cluster: 1,
      account: 2,
      os: 1,
      preset: 1,
      password: 'Secret-pass-1',
      ipv4_number: 1,
      ipv4_pool: [1],
    });
    expect(t.last()).toMatchObject({ method: 'POST', path: '/vm/v3/host' });
    expect(t.last().json).toEqual({
      name: 'app-1',
      cluster: 1,
      account: 2,
      os: 1,
      preset: 1,
      password: 'Secret-pass-1',
      ipv4_number: 1,
      ipv4_pool: [1],
    });
    expect(created.id).toBeGreaterThan(0);
    expect(created.task).toBeDefined();
    const task = await vm.waitForTask(created.task as number, { name: 'host_create' });
    expect(task).toMatchObject({ name: 'host_create', status: 'complete' });
    const host = await vm.host.get({ host_id: created.id as number });
    expect(host).toMatchObject({ name: 'app-1', state: 'active', cpu_number: 1, ram_mib: 1024 });
  });

  it('host.update, host.delete', async () => {
    const vm = t.client();
    expect(await vm.host.update({ host_id: 1, comment: 'renamed', name: 'web-01' })).toMatchObject({ id: 1 });
    expect(t.last()).toMatchObject({ method: 'POST', path: '/vm/v3/host/1' });
    expect(t.last().json).toEqual({ comment: 'renamed', name: 'web-01' });
    const removed = await vm.host.delete({ host_id: 2, force: true });
    expect(t.last()).toMatchObject({ method: 'DELETE', path: '/vm/v3/host/2', query: { force: 'true' } });
    await vm.waitForTask(removed.task as number);
    expect((await vm.host.list()).list.map((h) => h.name)).toEqual(['web-01', 'db-1', 'lab-1']);
  });

  it.each([
    ['start', 'host_start', 3],
    ['stop', 'host_stop', 1],
    ['restart', 'host_restart', 1],
  ] as const)('host.%s posts {} and answers a task', async (verb, taskName, id) => {
    const vm = t.client();
    const answer = await vm.host[verb]({ host_id: id });
    expect(t.last()).toMatchObject({ method: 'POST', path: `/vm/v3/host/${id}/${verb}` });
    expect(t.last().json).toEqual({});
    const task = await vm.waitForTask(answer.task as number);
    expect(task.name).toBe(taskName);
  });

  it('host.reinstall, host.resource, host.password, host.account', async () => {
    const vm = t.client();
    await vm.host.reinstall({ host_id: 1, os: 3, password: 'New-pass-123' });
    expect(t.last().json).toEqual({ os: 3, password: 'New-pass-123' });
    expect(t.last().path).toBe('/vm/v3/host/1/reinstall');

    const resized = await vm.host.resource({
      host_id: 1,
      cpu_number: 4,
      ram_mib: 4096,
      defer: { action: 'host_stop' },
    });
    expect(t.last()).toMatchObject({ method: 'POST', path: '/vm/v3/host/1/resource' });
    expect(t.last().json).toEqual({ cpu_number: 4, ram_mib: 4096, defer: { action: 'host_stop' } });
    await vm.waitForTask(resized.task as number);
    expect(await vm.host.get({ host_id: 1 })).toMatchObject({ cpu_number: 4, ram_mib: 4096 });

    await vm.host.password({ host_id: 1, password: 'Another-pass-1' });
    expect(t.last()).toMatchObject({ path: '/vm/v3/host/1/password' });
    expect(t.last().json).toEqual({ password: 'Another-pass-1' });

    await vm.host.account({ host_id: 1, account: 3 });
    expect(t.last().json).toEqual({ account: 3 });
    expect((await vm.host.get({ host_id: 1 })).account?.email).toBe("o'brien+test@example.com");
  });

  it('host.ip adds addresses; host.ipv4 and host.ipv6 read them', async () => {
    const vm = t.client();
    await vm.host.ip({ host_id: 1, ipv4_number: 1, ipv6_enabled: true, ipv6_prefix: 64 });
    expect(t.last()).toMatchObject({ method: 'POST', path: '/vm/v3/host/1/ip' });
    expect(t.last().json).toEqual({ ipv4_number: 1, ipv6_enabled: true, ipv6_prefix: 64 });
    const v4 = await vm.host.ipv4({ host_id: 1 });
    expect(t.last()).toMatchObject({ method: 'GET', path: '/vm/v3/host/1/ipv4' });
    expect(v4.list.map((ip) => ip.ip_addr)).toEqual(['203.0.113.10', '203.0.113.13']);
    expect(v4.list[0]).toMatchObject({ gateway: '203.0.113.1', family: 4 });
    expect(await vm.host.ipv6({ host_id: 1 })).toMatchObject({ ipv6_enabled: true, ipv6_prefix: 64 });
  });

  it('host.metrics sends target and from in the query', async () => {
    const vm = t.client();
    const series = await vm.host.metrics({ host_id: 2, target: 'cpu_load', from: '-1h' });
    expect(t.last()).toMatchObject({
      path: '/vm/v3/host/2/metrics',
      query: { target: 'cpu_load', from: '-1h' },
    });
    expect(series[0]?.target).toBe('cpu_load');
    expect(series[0]?.datapoints).toHaveLength(5);
  });

  it('host.backup.list, host.backup.create, host.restore, backup.list, backup.delete', async () => {
    const vm = t.client();
    expect((await vm.host.backup.list({ host_id: 1 })).list).toMatchObject([
      { id: 1, name: 'web-1 nightly' },
    ]);
    const made = await vm.host.backup.create({ host_id: 1, name: 'before upgrade' });
    expect(t.last()).toMatchObject({ method: 'POST', path: '/vm/v3/host/1/backup' });
    expect(t.last().json).toEqual({ name: 'before upgrade' });
    await vm.waitForTask(made.task as number);
    const restored = await vm.host.restore({ host_id: 1, backup: made.id as number });
    expect(t.last().json).toEqual({ backup: made.id });
    expect((await vm.waitForTask(restored.task as number)).name).toBe('host_restore');
    const all = await vm.backup.list({ where: where.eq('host.id', 1) });
    expect(all.list.map((b) => b.name)).toEqual(['web-1 nightly', 'before upgrade']);
    await vm.backup.delete({ backup_id: 1 });
    expect(t.last()).toMatchObject({ method: 'DELETE', path: '/vm/v3/backup/1' });
    expect((await vm.backup.list()).list).toHaveLength(1);
  });
});
