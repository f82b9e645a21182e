// The request forms real VMmanager 6 clients send (aiovmmanager, vm-balancer, vmmanager6 on npm), one by one.
import { describe, expect, it } from 'vitest';
import { createVmManagerSimulator, VMMANAGER_DEMO_EMAIL, VMMANAGER_DEMO_PASSWORD } from '../../src/index.js';
import { harness } from '../support.js';

const { start, fetchText } = harness();

async function session(taskDelayMs = 0) {
  let now = 1_000_000;
  const sim = await start(createVmManagerSimulator({ taskDelayMs, now: () => now }));
  const res = await fetchText(`${sim.url}/auth/v4/public/token`, {
    method: 'POST',
    body: JSON.stringify({ email: VMMANAGER_DEMO_EMAIL, password: VMMANAGER_DEMO_PASSWORD }),
  });
  const token = (JSON.parse(res.text) as { token: string }).token;
  const call = async (method: string, path: string, body?: unknown) => {
    const answer = await fetchText(`${sim.url}${path}`, {
      method: method as 'GET',
      headers: { 'x-xsrf-token': token },
      ...(body !== undefined && { body: typeof body === 'string' ? body : JSON.stringify(body) }),
    });
    // biome-ignore lint/suspicious/noExplicitAny: answers are read field by field, as a JSON client does.
    return { status: answer.status, json: JSON.parse(answer.text) as Record<string, any> };
  };
  return { sim, call, advance: (ms: number) => (now += ms) };
}

describe('vmmanager simulator: real client forms', () => {
  it('creates a VM with disks and custom_interfaces next to a preset', async () => {
    const { sim, call } = await session();
    const created = await call('POST', '/vm/v3/host', {
      name: 'tmpl-1',
      os: 1,
      password: 'root-password',
      send_email_mode: 'default',
      cluster: 1,
      preset: 1,
      disks: [
        { boot_order: 1, size_mib: 10_240, tags: [], storage: 1 },
        { boot_order: 2, size_mib: 20_480, tags: [], storage: 1 },
      ],
      comment: 'from a template',
      account: 2,
      node: 2,
      custom_interfaces: [{ model: 'virtio', is_main_network: true, bridge_id: 97, ip_count: 2, ippool: 1 }],
      domain: 'tmpl-1.example.com',
    });
    expect(created.status).toBe(200);
    const id = created.json.id as number;
    expect(sim.state.disks.filter((d) => d.host === id).map((d) => d.size_mib)).toEqual([10_240, 20_480]);
    expect(sim.state.ips.filter((ip) => ip.host === id)).toHaveLength(2);
    const listed = await call('GET', `/vm/v3/host?where=(id+EQ+${id})`);
    expect(listed.json.list[0]).toMatchObject({
      disk_count: 2,
      interfaces: [{ model: 'virtio', bridge_id: 97, ip_count: 2, ippool: 1 }],
    });
  });

  it('names the bad field of a disk or an interface', async () => {
    const { call } = await session();
    const base = { name: 'bad-1', os: 1, cluster: 1, account: 2, cpu_number: 1, ram_mib: 1024 };
    const disk = await call('POST', '/vm/v3/host', { ...base, disks: [{ size_mib: -1 }] });
    expect(disk.json.error.value).toEqual({ field: 'disks[0].size_mib' });
    const iface = await call('POST', '/vm/v3/host', {
      ...base,
      hdd_mib: 10_240,
      custom_interfaces: [{ model: 'virtio', colour: 'red' }],
    });
    expect(iface.json.error.value).toEqual({ field: 'custom_interfaces[0].colour' });
    const both = await call('POST', '/vm/v3/host', { ...base, hdd_mib: 10_240, disks: [{ size_mib: 1024 }] });
    expect(both.json.error.value).toEqual({ field: 'hdd_mib' });
  });

  it('restarts with force, and takes actions and key creation with an empty body', async () => {
    const { call } = await session();
    expect((await call('POST', '/vm/v3/host/1/restart', { force: true })).json).toMatchObject({ id: 1 });
    expect((await call('POST', '/vm/v3/host/1/stop', '')).status).toBe(200);
    expect((await call('POST', '/vm/v3/host/1/start')).status).toBe(200);
    const key = await call('POST', `/auth/v4/user/${encodeURIComponent('client@example.com')}/key`);
    expect(key.status).toBe(201);
    expect(key.json.key).toMatch(/^\d+-/);
    expect((await call('POST', '/vm/v3/host/1/start', { force: true })).status).toBe(400);
  });

  it('lists auth users with where (roles CP, state EQ), admins only', async () => {
    const { call } = await session();
    const admins = await call('GET', "/auth/v4/user?where=((roles+CP+'%@admin%')+AND+(state+EQ+'active'))");
    expect(admins.json.list).toEqual([
      { id: 1, email: VMMANAGER_DEMO_EMAIL, state: 'active', roles: ['@admin'], auth_source: 'local' },
    ]);
    expect(admins.json.size).toBe(1);
  });

  it('nodes carry cpu, ram_mib and vm figures; VMs carry balancer_mode; migrate moves a VM, history tracks it', async () => {
    const { sim, call, advance } = await session(1000);
    const nodes = await call('GET', '/vm/v3/node');
    expect(nodes.json.list[0]).toMatchObject({
      id: 1,
      cluster: { id: 1 },
      cpu: { number: 8, used: 6 },
      ram_mib: { total: 32_768, allocated: 2048 + 8192 },
      vm: { total: 2 },
      maintenance_mode: false,
      host_creation_blocked: false,
      host_limit: 0,
    });
    const hosts = await call('GET', '/vm/v3/host');
    expect(hosts.json.list.map((h: { balancer_mode: string }) => h.balancer_mode)).toEqual([
      'cluster',
      'cluster',
      'cluster',
      'off',
    ]);
    const moved = await call('POST', '/vm/v3/host/1/migrate', { node: 2 });
    expect(moved.json).toMatchObject({ id: 1, task: expect.any(Number) });
    const history = await call('GET', '/vm/v3/host/1/history');
    const entry = history.json.list.find((e: { id: number }) => e.id === history.json.max_id);
    expect(entry).toMatchObject({ name: 'host_migrate', state: 'running', task: moved.json.task });
    const running = await call('GET', `/vm/v3/task/${entry.task}`);
    expect(running.json.task.status).toBe('running');
    advance(1000);
    const done = await call('GET', `/vm/v3/task/${entry.task}`);
    expect(done.json).toMatchObject({ status: 'complete', task: { status: 'complete' } });
    expect(sim.state.hosts.find((h) => h.id === 1)?.node).toBe(2);
    const wrong = await call('POST', '/vm/v3/host/1/migrate', { node: 3 });
    expect(wrong.json.error.value).toEqual({ field: 'node' });
    const same = await call('POST', '/vm/v3/host/1/migrate', { node: 2 });
    expect(same.status).toBe(400);
  });

  it('answers under the /api prefix of the document examples too', async () => {
    const { sim } = await session();
    const res = await fetchText(`${sim.url}/api/auth/v4/public/token`, {
      method: 'POST',
      body: JSON.stringify({ email: VMMANAGER_DEMO_EMAIL, password: VMMANAGER_DEMO_PASSWORD }),
    });
    expect(res.status).toBe(201);
  });
});
