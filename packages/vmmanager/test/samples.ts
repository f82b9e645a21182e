import type { VmManagerClient } from '../src/index.js';

/**
 * One working call per catalog endpoint against the seeded simulator (hosts 1-4, accounts 1-3, presets 1-2,
 * pools and networks 1-2, backup 1). `input` may be computed on a client first, for endpoints that need an
 * object the seed does not have (a running task, a login key).
 */
export interface VmSample {
  input: Record<string, unknown> | ((vm: VmManagerClient) => Promise<Record<string, unknown>>);
}

/** A task of the simulator: starting a host queues one. */
async function aTask(vm: VmManagerClient): Promise<number> {
  const { task } = await vm.host.start({ host_id: 3 });
  const listed = await vm.task.list({});
  const found = listed.list.find((entry) => String(entry.consul_id) === String(task));
  if (typeof found?.id !== 'number') throw new Error(`task ${task} is not listed`);
  return found.id;
}

export const VM_SAMPLES: Record<string, VmSample> = {
  'host.list': { input: {} },
  'host.get': { input: { host_id: 1 } },
  'host.create': {
    input: { name: 'app-1', cluster: 1, account: 2, os: 1, preset: 1, password: 'Secret-pass-1' },
  },
  'host.update': { input: { host_id: 1, comment: 'conformance' } },
  'host.delete': { input: { host_id: 4 } },
  'host.start': { input: { host_id: 3 } },
  'host.stop': { input: { host_id: 1 } },
  'host.restart': { input: { host_id: 1 } },
  'host.migrate': { input: { host_id: 1, node: 2 } },
  'host.history': { input: { host_id: 1 } },
  'host.reinstall': { input: { host_id: 1, os: 2 } },
  'host.resource': { input: { host_id: 1, cpu_number: 2 } },
  'host.password': { input: { host_id: 1, password: 'New-pass-123' } },
  'host.account': { input: { host_id: 1, account: 2 } },
  'host.ip': { input: { host_id: 1, ipv4_number: 1 } },
  'host.ipv4': { input: { host_id: 1 } },
  'host.ipv6': { input: { host_id: 1 } },
  'host.metrics': { input: { host_id: 2, target: 'cpu_load', from: '-1h' } },
  'host.backup.list': { input: { host_id: 1 } },
  'host.backup.create': { input: { host_id: 1, name: 'conformance' } },
  'host.restore': { input: { host_id: 1, backup: 1 } },
  'disk.list': { input: {} },
  'disk.update': { input: { disk_id: 1, size_mib: 30_720 } },
  'backup.list': { input: {} },
  'backup.delete': { input: { backup_id: 1 } },
  'ip.list': { input: {} },
  'ip.ptr': { input: { ip_id: 2, domain: 'web-2.example.net' } },
  'ippool.list': { input: {} },
  'ippool.get': { input: { pool_id: 1 } },
  'ipnet.list': { input: {} },
  'ipnet.get': { input: { ipnet_id: 1 } },
  'os.list': { input: {} },
  'preset.list': { input: {} },
  'preset.get': { input: { preset_id: 1 } },
  'preset.create': { input: { name: 'Large', cpu_number: 4, ram_mib: 8192, disks: [{ size_mib: 102_400 }] } },
  'preset.update': { input: { preset_id: 2, ram_mib: 8192 } },
  'preset.delete': { input: { preset_id: 2 } },
  'cluster.list': { input: {} },
  'cluster.get': { input: { cluster_id: 1 } },
  'node.list': { input: {} },
  'node.get': { input: { node_id: 1 } },
  'account.list': { input: {} },
  'account.create': { input: { email: 'new@example.com', password: 'New-pass-123' } },
  'account.delete': { input: { account_id: 3 } },
  'task.list': { input: {} },
  'task.get': { input: async (vm) => ({ task_id: await aTask(vm) }) },
  'task.abort': { input: async (vm) => ({ task_id: await aTask(vm) }) },
  'task.wait': {
    input: async (vm) => ({ task: String((await vm.host.start({ host_id: 3 })).task), timeout_ms: 10_000 }),
  },
  'auth.token.create': { input: { expires_at: '2099-01-01 00:00:00', description: 'conformance' } },
  'auth.token_ttl.update': { input: { value: 999 } },
  'auth.key.create': { input: { user: 'client@example.com' } },
  'auth.key.exchange': {
    input: async (vm) => ({ key: (await vm.auth.key.create({ user: 'client@example.com' })).key }),
  },
  'auth.user.list': { input: {} },
  'auth.whoami': { input: {} },
};
