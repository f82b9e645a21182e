/** The simulator's in-memory VMmanager: seeded demo objects, tokens, keys, tasks and the test switches. */

/** Demo credentials of the seeded administrator (public constants, for tests and the sandbox). */
export const VMMANAGER_DEMO_EMAIL = 'admin@example.com';
export const VMMANAGER_DEMO_PASSWORD = 'demo-vmmanager-password';

export interface SimAccount {
  id: number;
  email: string;
  password: string;
  state: 'active' | 'suspended';
  roles: string[];
  auth_source: 'local';
}

export interface SimToken {
  id: number;
  token: string;
  accountId: number;
  lastUsed: number;
  /** Absolute expiry of a long-lived token (ms), or undefined for an idle-expiring session token. */
  expiresAt: number | undefined;
  description: string | undefined;
}

export interface SimHost {
  id: number;
  name: string;
  domain: string;
  comment: string;
  state: 'creating' | 'active' | 'stopped' | 'deleting';
  cpu_number: number;
  ram_mib: number;
  net_bandwidth_mbitps: number;
  cluster: number;
  node: number;
  account: number;
  os: number;
  ipv6_enabled: boolean;
  ipv6_prefix: number;
  password: string;
  ha_restore_on_fail: boolean;
  create_date: string;
  /**
   * Whether the cluster balancer may move the VM: `off`, or `cluster` (follow the cluster's setting). vm-balancer
   * skips VMs whose `balancer_mode` is `off`.
   */
  balancer_mode: 'off' | 'cluster';
  /** Network interfaces given at creation (`custom_interfaces`), as sent. */
  interfaces: SimInterface[];
}

/** A VM network interface (`custom_interfaces` of `POST /vm/v3/host`). */
export interface SimInterface {
  model: string;
  is_main_network: boolean;
  bridge_id: number | undefined;
  ip_count: number;
  ippool: number | undefined;
}

/** A hypervisor node with the capacity figures balancers read. */
export interface SimNode {
  id: number;
  name: string;
  ip_addr: string;
  state: string;
  cluster: number;
  /** Physical CPU cores. */
  cpu_number: number;
  /** Physical memory, MiB. */
  ram_total_mib: number;
  maintenance_mode: boolean;
  host_creation_blocked: boolean;
  /** Most VMs the node takes; 0 = no limit. */
  host_limit: number;
  qemu_version: string;
}

export interface SimDisk {
  id: number;
  name: string;
  host: number;
  size_mib: number;
  boot_order: number;
  storage: number;
}

export interface SimIp {
  id: number;
  ip_addr: string;
  host: number | undefined;
  ipnet: number;
  domain: string;
}

export interface SimTask {
  id: number;
  consul_id: number;
  name: string;
  status: 'created' | 'running' | 'complete' | 'fail';
  doneAt: number;
  output: string;
  registration_time: string;
  /** Whether this task will fail instead of completing. */
  willFail: boolean;
  /** Applied once when the task completes. */
  effect: (() => void) | undefined;
  /** Applied once when the task fails. */
  undo: (() => void) | undefined;
  /** The VM the task acts on, for `GET /vm/v3/host/{id}/history`. */
  host: number | undefined;
}

export interface SimBackup {
  id: number;
  name: string;
  comment: string;
  host: number;
  size_mib: number;
  state: 'active' | 'creating';
}

export interface SimPreset {
  id: number;
  name: string;
  cpu_number: number;
  ram_mib: number;
  disks: { size_mib: number }[];
}

/** A function marked internal: external requests get error 3001. */
export interface InternalFunction {
  method: string;
  path: RegExp;
}

export interface VmManagerState {
  accounts: SimAccount[];
  tokens: SimToken[];
  keys: { id: number; key: string; accountId: number; expiresAt: number }[];
  hosts: SimHost[];
  disks: SimDisk[];
  ips: SimIp[];
  tasks: SimTask[];
  backups: SimBackup[];
  presets: SimPreset[];
  os: {
    id: number;
    name: string;
    os_group: string;
    state: string;
    adminonly: boolean;
    min_ram_mib: number;
    hdd_mib_required: number;
    repository: string;
  }[];
  clusters: { id: number; name: string; type: string; virtualization_type: string }[];
  nodes: SimNode[];
  ippools: { id: number; name: string; note: string }[];
  ipnets: { id: number; name: string; gateway: string; ippool: number; mask: number }[];
  /** Minutes an unused token lives (`/auth/v4/setting/token_ttl`). */
  tokenTtlMinutes: number;
  /** How long a task runs before it completes or fails (ms). */
  taskDelayMs: number;
  /** Task names whose next runs fail (consumed one per task). */
  failTasks: string[];
  /** Requests left to answer 503 ("suspended"). */
  suspended: number;
  internal: InternalFunction[];
  /** Successful password logins (`/auth/v4/public/token`). */
  logins: number;
  nextId: number;
}

const created = '2026-01-15 10:00:00';

/** A fresh demo state. */
export function seedVmManager(options: { taskDelayMs?: number | undefined } = {}): VmManagerState {
  const host = (id: number, name: string, extra: Partial<SimHost>): SimHost => ({
    id,
    name,
    domain: `${name}.example.com`,
    comment: '',
    state: 'active',
    cpu_number: 1,
    ram_mib: 1024,
    net_bandwidth_mbitps: 100,
    cluster: 1,
    node: 1,
    account: 2,
    os: 1,
    ipv6_enabled: false,
    ipv6_prefix: 0,
    password: 'seeded-root-password',
    ha_restore_on_fail: false,
    create_date: created,
    balancer_mode: 'cluster',
    interfaces: [],
    ...extra,
  });
  const node = (id: number, name: string, cluster: number, extra: Partial<SimNode>): SimNode => ({
    id,
    name,
    ip_addr: `192.0.2.${id}`,
    state: 'active',
    cluster,
    cpu_number: 8,
    ram_total_mib: 32_768,
    maintenance_mode: false,
    host_creation_blocked: false,
    host_limit: 0,
    qemu_version: '7.2.0',
    ...extra,
  });
  return {
    accounts: [
      {
        id: 1,
        email: VMMANAGER_DEMO_EMAIL,
        password: VMMANAGER_DEMO_PASSWORD,
        state: 'active',
        roles: ['@admin'],
        auth_source: 'local',
      },
      {
        id: 2,
        email: 'client@example.com',
        password: 'client-password-1',
        state: 'active',
        roles: ['@user'],
        auth_source: 'local',
      },
      {
        id: 3,
        email: "o'brien+test@example.com",
        password: 'obrien-password-1',
        state: 'active',
        roles: ['@user'],
        auth_source: 'local',
      },
    ],
    tokens: [],
    keys: [],
    hosts: [
      host(1, 'web-1', { comment: 'front end', cpu_number: 2, ram_mib: 2048 }),
      host(2, 'web-2', { comment: "it's (very) important & fast+good", node: 2 }),
      host(3, 'db-1', {
        comment: '50% full',
        state: 'stopped',
        cpu_number: 4,
        ram_mib: 8192,
        os: 2,
        account: 3,
      }),
      host(4, 'lab-1', { comment: 'lab', cluster: 2, node: 3, os: 3, account: 1, balancer_mode: 'off' }),
    ],
    disks: [
      { id: 1, name: 'web-1-disk', host: 1, size_mib: 20_480, boot_order: 1, storage: 1 },
      { id: 2, name: 'web-2-disk', host: 2, size_mib: 20_480, boot_order: 1, storage: 1 },
      { id: 3, name: 'db-1-disk', host: 3, size_mib: 102_400, boot_order: 1, storage: 1 },
      { id: 4, name: 'lab-1-disk', host: 4, size_mib: 10_240, boot_order: 1, storage: 2 },
    ],
    ips: [
      { id: 1, ip_addr: '203.0.113.10', host: 1, ipnet: 1, domain: '' },
      { id: 2, ip_addr: '203.0.113.11', host: 2, ipnet: 1, domain: '' },
      { id: 3, ip_addr: '203.0.113.12', host: 3, ipnet: 1, domain: 'db-1.example.com' },
      { id: 4, ip_addr: '10.0.0.10', host: 4, ipnet: 2, domain: '' },
    ],
    tasks: [],
    backups: [{ id: 1, name: 'web-1 nightly', comment: '', host: 1, size_mib: 4096, state: 'active' }],
    presets: [
      { id: 1, name: 'Small', cpu_number: 1, ram_mib: 1024, disks: [{ size_mib: 20_480 }] },
      { id: 2, name: 'Medium', cpu_number: 2, ram_mib: 4096, disks: [{ size_mib: 51_200 }] },
    ],
    os: [
      {
        id: 1,
        name: 'Ubuntu 22.04',
        os_group: 'ubuntu',
        state: 'active',
        adminonly: false,
        min_ram_mib: 512,
        hdd_mib_required: 5120,
        repository: 'ISPsystem',
      },
      {
        id: 2,
        name: 'Debian 12',
        os_group: 'debian',
        state: 'active',
        adminonly: false,
        min_ram_mib: 512,
        hdd_mib_required: 5120,
        repository: 'ISPsystem',
      },
      {
        id: 3,
        name: 'AlmaLinux 9',
        os_group: 'almalinux',
        state: 'active',
        adminonly: false,
        min_ram_mib: 1024,
        hdd_mib_required: 10_240,
        repository: 'ISPsystem',
      },
      {
        id: 4,
        name: 'Windows Server 2022',
        os_group: 'windows',
        state: 'active',
        adminonly: true,
        min_ram_mib: 2048,
        hdd_mib_required: 32_768,
        repository: 'local',
      },
    ],
    clusters: [
      { id: 1, name: 'Main cluster', type: 'kvm', virtualization_type: 'kvm' },
      { id: 2, name: "O'Brien lab (test)", type: 'kvm', virtualization_type: 'kvm' },
    ],
    nodes: [
      node(1, 'node-1', 1, {}),
      node(2, 'node-2', 1, { cpu_number: 16, ram_total_mib: 65_536 }),
      node(3, 'lab-node', 2, { cpu_number: 4, ram_total_mib: 16_384, qemu_version: '6.2.0' }),
    ],
    ippools: [
      { id: 1, name: 'Public pool', note: 'customer addresses' },
      { id: 2, name: 'Private pool', note: '' },
    ],
    ipnets: [
      { id: 1, name: '203.0.113.0/24', gateway: '203.0.113.1', ippool: 1, mask: 24 },
      { id: 2, name: '10.0.0.0/24', gateway: '10.0.0.1', ippool: 2, mask: 24 },
    ],
    tokenTtlMinutes: 60,
    taskDelayMs: options.taskDelayMs ?? 30,
    failTasks: [],
    suspended: 0,
    // A function VMmanager keeps for itself (it exists in the API reference but is not for external calls).
    internal: [{ method: 'POST', path: /^\/vm\/v3\/task\/\d+\/internal_edit$/ }],
    logins: 0,
    nextId: 100,
  };
}
