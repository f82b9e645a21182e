/** In-memory state of the TuxCare / CLN simulator: one customer account plus licenses held by others. */

/** The demo account the simulator knows (public constants, documented in the README). */
export const TUXCARE_DEMO_ACCOUNT = {
  login: 'demo-reseller',
  secretKey: 'demo-secret-key-0123456789',
  /** The reseller API token of the CLN profile, accepted by `kcare/nagios-res/{login}/{token}`. */
  resellerApiToken: 'DemoResellerApiToken2024',
} as const;

/** The address the simulator pretends calls come from (for `kcare/nagios/register_key.plain`). */
export const TUXCARE_DEMO_CALLER_IP = '203.0.113.10';

export interface SimAccount {
  login: string;
  secretKey: string;
  resellerApiToken: string;
}

export interface SimElsKey {
  key: string;
  productCode: string;
  usageLimit: number;
  /** The doc shows strings, a number and null. */
  description: string | number | null;
}

export interface SimElsServer {
  id: string;
  key: string;
  ip: string;
  hostname: string;
}

export interface SimImKey {
  key: string;
  code: string;
  limit: number;
  note: string | null;
}

export interface SimImServer {
  id: string;
  key: string;
  ip: string;
  hostname: string;
}

export interface SimIpLicense {
  ip: string;
  type: number;
  /** Login of the owner; licenses of other customers make `check`/`availability` interesting. */
  owner: string;
  registered: boolean;
  created: string;
  lastCheckin: string | null;
  serverInfo: string | null;
  elsAllowed: boolean;
}

export type KcState = 'UPTODATE' | 'OUTOFDATE' | 'UNSUPPORTED' | 'INACTIVE';

export interface SimKcKey {
  key: string;
  enabled: boolean;
  created: string;
  limit: number;
  note: string | null;
  cidrs: string[];
}

export interface SimKcServer {
  server_id: string;
  /** Null for servers registered through a KernelCare IP license (monitored with a monitoring key). */
  key: string | null;
  ip: string;
  hostname: string;
  created: string;
  lastCheckin: string;
  state: KcState;
  kernelId: string;
  patchLevel: number;
}

export interface SimBackup {
  backupId: number;
  serverId: string;
  size: number;
  datacenter: string;
}

export interface SimGroup {
  name: string;
  description: string | null;
  serverIds: string[];
}

export interface TuxCareSimState {
  accounts: SimAccount[];
  callerIp: string;
  elsKeys: SimElsKey[];
  elsServers: SimElsServer[];
  imKeys: SimImKey[];
  imServers: SimImServer[];
  ipLicenses: SimIpLicense[];
  kcKeys: SimKcKey[];
  kcServers: SimKcServer[];
  /** Monitoring keys registered with `register_key.plain`, by the IP they were registered from. */
  monitoringKeys: { key: string; ip: string }[];
  backups: SimBackup[];
  groups: SimGroup[];
  /** Counter for generated ids and keys (deterministic, so tests can reason about them). */
  serial: number;
}

/** Seeded, realistic demo state. */
export function seedTuxCareState(): TuxCareSimState {
  const owner = TUXCARE_DEMO_ACCOUNT.login;
  return {
    accounts: [{ ...TUXCARE_DEMO_ACCOUNT }],
    callerIp: TUXCARE_DEMO_CALLER_IP,
    elsKeys: [
      { key: 'CELS-yUDxBd5ethmG05d3hnAZEau0', productCode: 'CELS', usageLimit: 2, description: '123' },
      { key: 'CELS-kdiRMfJ4yhmF7je4ldptndYk', productCode: 'CELS', usageLimit: 5, description: null },
      { key: 'ESU-yUDxBd5ethmGO5d3hnAZEau0', productCode: 'ESU', usageLimit: 2, description: 123 },
    ],
    elsServers: [
      { id: '12345', key: 'CELS-yUDxBd5ethmG05d3hnAZEau0', ip: '198.51.100.21', hostname: 'centos6-a' },
      { id: '12346', key: 'CELS-yUDxBd5ethmG05d3hnAZEau0', ip: '198.51.100.22', hostname: 'centos6-b' },
      { id: '22001', key: 'ESU-yUDxBd5ethmGO5d3hnAZEau0', ip: '198.51.100.31', hostname: 'alma8-a' },
    ],
    imKeys: [
      { key: 'IM1SOMENONSENCETEXT', code: '360_250', limit: 2, note: 'shared hosting' },
      { key: 'IMUNOTHERKEY', code: '360_UN', limit: 42, note: null },
      { key: 'IMSINGLEUSERKEY01', code: '360_1', limit: 1, note: null },
    ],
    imServers: [
      { id: 'SSTGZbtLrT99N0Ca', key: 'IMUNOTHERKEY', ip: '198.51.100.41', hostname: 'web-41' },
      { id: 'SSERVERID0000002', key: 'IMSINGLEUSERKEY01', ip: '198.51.100.42', hostname: 'web-42' },
    ],
    ipLicenses: [
      {
        ip: '198.51.100.10',
        type: 1,
        owner,
        registered: true,
        created: '2014-04-30T11:26-0400',
        lastCheckin: '2024-05-01T08:15-0400',
        serverInfo: 'cloudlinux-release-5 (2.6.18-294.26.1.el5.lve0.8.18)',
        elsAllowed: false,
      },
      {
        ip: '198.51.100.10',
        type: 16,
        owner,
        registered: false,
        created: '2019-11-02T09:00-0400',
        lastCheckin: null,
        serverInfo: null,
        elsAllowed: false,
      },
      {
        ip: TUXCARE_DEMO_CALLER_IP,
        type: 16,
        owner,
        registered: true,
        created: '2021-06-15T14:30-0400',
        lastCheckin: '2024-05-01T08:20-0400',
        serverInfo: 'AlmaLinux 8.9 (4.18.0-513.el8.x86_64)',
        elsAllowed: false,
      },
      {
        ip: '192.0.2.77',
        type: 41,
        owner: 'another-customer',
        registered: false,
        created: '2020-01-01T00:00-0400',
        lastCheckin: null,
        serverInfo: null,
        elsAllowed: false,
      },
    ],
    kcKeys: [
      {
        key: 'WsTs821nSAtiastD',
        enabled: true,
        created: '2014-04-30T11:26-0400',
        limit: 2,
        note: 'Some custom key note',
        cidrs: [],
      },
      {
        key: 'CEGaUovC9Bi8ppH9',
        enabled: false,
        created: '2016-02-10T10:00-0500',
        limit: 0,
        note: null,
        cidrs: [],
      },
    ],
    kcServers: [
      kc('s096slukaAtoiAsd', 'WsTs821nSAtiastD', '198.51.100.51', 'kc-web-1', 'UPTODATE'),
      kc('s096slukaAtoiAse', 'WsTs821nSAtiastD', '198.51.100.52', 'kc-web-2', 'OUTOFDATE'),
      kc('s096slukaAtoiAsf', 'CEGaUovC9Bi8ppH9', '198.51.100.53', 'kc-db-1', 'UPTODATE'),
      kc('sIPLICENSED00001', null, TUXCARE_DEMO_CALLER_IP, 'kc-ipl-1', 'UPTODATE'),
    ],
    monitoringKeys: [],
    backups: [{ backupId: 23, serverId: 'SSTGZbtLrT99N0Ca', size: 10, datacenter: 'EU2' }],
    groups: [{ name: 'production', description: 'Production servers', serverIds: ['s096slukaAtoiAsd'] }],
    serial: 100,
  };
}

function kc(
  server_id: string,
  key: string | null,
  ip: string,
  hostname: string,
  state: KcState,
): SimKcServer {
  return {
    server_id,
    key,
    ip,
    hostname,
    created: '2014-04-30T11:26-0400',
    lastCheckin: '2024-05-01T08:00-0400',
    state,
    kernelId: 'a1b2c3d4e5f6',
    patchLevel: state === 'UPTODATE' ? 42 : 37,
  };
}
