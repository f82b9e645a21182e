/**
 * The LunaNode simulator's account state: plain records keyed by id, written from the Dynamic API document
 * and the response shapes real clients decode (notes, part A5). Ids are strings, as the API sends them.
 */

/** A status change that lands at a given time (the simulator's clock, ms). */
export interface PendingStatus {
  status: string;
  at: number;
}

export interface SimVm {
  vm_id: string;
  name: string;
  hostname: string;
  plan_id: string;
  image_id: string;
  region: string;
  /** nova-style raw status: build, active, stopped, rebooting, ... */
  status: string;
  pending: PendingStatus | undefined;
  primaryip: string;
  privateip: string;
  /** The floating IP attached, if any. */
  floating: string | undefined;
  /** Extra private IPs added with vm/ip-add. */
  extraIps: string[];
  securitygroups: string[];
  diskswap: boolean;
  created: number;
  login_details: string;
  fairshare?: { charge_for_cpu: string; fairshare_nolend: string };
}

export interface SimImage {
  image_id: string;
  name: string;
  region: string;
  status: string;
  pending: PendingStatus | undefined;
  size: number;
  format: string;
  virtio: boolean;
  /** Template images belong to LunaNode and cannot be deleted. */
  template: boolean;
  created: string;
}

export interface SimVolume {
  id: string;
  name: string;
  size: number;
  region: string;
  status: string;
  pending: PendingStatus | undefined;
  attached_vm: string | undefined;
  target: string | undefined;
}

export interface SimVolumeSnapshot {
  snapshot_id: string;
  volume_id: string;
  name: string;
  size: number;
  region: string;
  status: string;
}

export interface SimFloatingIp {
  id: string;
  ip: string;
  region: string;
  /** vm_id when attached. */
  attached_id: string | undefined;
  private_ip: string | undefined;
}

export interface SimNetwork {
  net_id: string;
  name: string;
  region: string;
  /** e.g. `192.168.30.0/24` */
  subnet: string;
  dns: string;
}

export interface SimLbMember {
  member_id: string;
  ip: string;
  port: string;
}

export interface SimLb {
  id: string;
  name: string;
  region: string;
  net_id: string;
  method: string;
  protocol: string;
  connection_limit: string;
  port: string;
  ip: string | undefined;
  members: SimLbMember[];
}

export interface SimZone {
  zone_id: string;
  origin: string;
  ttl: string;
}

export interface SimRecord {
  record_id: string;
  zone_id: string;
  name: string;
  type: string;
  data: string;
  ttl: string;
}

export interface SimDyn {
  id: string;
  name: string;
  ip: string;
}

export interface SimCheck {
  check_id: string;
  name: string;
  type: string;
  fail_count: string;
  success_count: string;
  check_interval: string;
  params: Record<string, string>;
  status: string;
}

export interface SimContact {
  contact_id: string;
  type: string;
  rel: string;
}

export interface SimAlert {
  alert_id: string;
  check_id: string;
  contact_id: string;
}

export interface SimSecurityRule {
  rule_id: string;
  direction: string;
  type: string;
  protocol: string;
  remote_type: string;
  remote_value: string;
  port_min: string;
  port_max: string;
  label: string;
}

export interface SimSecurityGroup {
  securitygroup_id: string;
  name: string;
  region: string;
  rules: SimSecurityRule[];
}

export interface SimScript {
  id: string;
  name: string;
  content: string;
}

export interface SimSshKey {
  id: string;
  name: string;
  value: string;
}

export interface SimEmailDomain {
  domain_id: string;
  name: string;
  dkim_selector: string | undefined;
}

export interface SimEmailUser {
  user_id: string;
  domain_id: string;
  username: string;
  password: string;
}

export interface SimEmailAlias {
  alias_id: string;
  domain_id: string;
  name: string;
  target: string;
}

export interface SimPlan {
  plan_id: string;
  name: string;
  ram: string;
  vcpu: string;
  storage: string;
  bandwidth: string;
  price: string;
  category: string;
  /** `""` or an object, as the real API sends it. */
  metadata: string | Record<string, string>;
}

/** The whole account. */
export interface LunaNodeState {
  /** Monotonic counter for numeric ids. */
  nextId: number;
  /** Next host octet for public and private addresses. */
  nextIp: number;
  credit: number;
  regions: Record<string, string>;
  plans: SimPlan[];
  vms: SimVm[];
  images: SimImage[];
  volumes: SimVolume[];
  volumeSnapshots: SimVolumeSnapshot[];
  floatingIps: SimFloatingIp[];
  networks: SimNetwork[];
  lbs: SimLb[];
  zones: SimZone[];
  records: SimRecord[];
  dyns: SimDyn[];
  /** Reverse DNS by IP (dns/set). */
  rdns: Record<string, string>;
  checks: SimCheck[];
  contacts: SimContact[];
  alerts: SimAlert[];
  securityGroups: SimSecurityGroup[];
  scripts: SimScript[];
  sshKeys: SimSshKey[];
  emailDomains: SimEmailDomain[];
  emailUsers: SimEmailUser[];
  emailAliases: SimEmailAlias[];
}

/** Allocates the next numeric id as a string. */
export function nextId(state: LunaNodeState): string {
  state.nextId += 1;
  return String(state.nextId);
}

/** Allocates a documentation-range public address (203.0.113.0/24, RFC 5737). */
export function nextPublicIp(state: LunaNodeState): string {
  state.nextIp += 1;
  return `203.0.113.${state.nextIp % 250}`;
}

/** The seeded demo account: one VM named `myvm` with a floating IP (the document's recreate example). */
export function seedLunaNodeState(now: number): LunaNodeState {
  return {
    nextId: 5000,
    nextIp: 20,
    credit: 42.5,
    regions: { toronto: 'Toronto, Canada', montreal: 'Montreal, Canada', roubaix: 'Roubaix, France' },
    plans: [
      plan('1', 'm.1s', '1024', '1', '20', '1000', '0.0049', 'General Purpose', ''),
      plan('2', 'm.2', '2048', '1', '40', '2000', '0.0097', 'General Purpose', { burst: 'yes' }),
      plan('3', 'm.4', '4096', '2', '70', '3000', '0.0194', 'General Purpose', ''),
      plan('4', 's.4', '4096', '2', '30', '4000', '0.0243', 'SSD Storage', ''),
    ],
    vms: [
      {
        vm_id: '12102',
        name: 'myvm',
        hostname: 'myvm.example.com',
        plan_id: '2',
        image_id: '2685',
        region: 'toronto',
        status: 'active',
        pending: undefined,
        primaryip: '198.51.100.10',
        privateip: '10.20.0.10',
        floating: '198.51.100.10',
        extraIps: [],
        securitygroups: ['4'],
        diskswap: false,
        created: now - 86_400_000,
        login_details: 'username: ubuntu; password: demo-not-secret',
      },
      {
        vm_id: '1c018f61-e116-46d2-8a64-18f6963e3be7',
        name: 'db-1',
        hostname: 'db-1.example.com',
        plan_id: '3',
        image_id: '2700',
        region: 'montreal',
        status: 'stopped',
        pending: undefined,
        primaryip: '',
        privateip: '10.30.0.11',
        floating: undefined,
        extraIps: [],
        securitygroups: ['5'],
        diskswap: false,
        created: now - 3_600_000,
        login_details: 'password: demo-not-secret',
      },
    ],
    images: [
      image('2685', 'Ubuntu 14.04 64-bit (template)', 'toronto', true),
      image('2686', 'Ubuntu 22.04 64-bit (template)', 'toronto', true),
      image('2700', 'Debian 12 64-bit (template)', 'montreal', true),
      image('2701', 'Debian 12 64-bit (template)', 'toronto', true),
      image('2702', 'Arch Linux 2015.10 64-bit (ISO)', 'toronto', true),
      { ...image('3236', 'web-backup', 'toronto', false), size: 1376583680 },
    ],
    volumes: [
      {
        id: '1308',
        name: 'data',
        size: 10,
        region: 'toronto',
        status: 'in-use',
        pending: undefined,
        attached_vm: '12102',
        target: '/dev/vdb',
      },
      {
        id: '1309',
        name: 'spare',
        size: 5,
        region: 'toronto',
        status: 'available',
        pending: undefined,
        attached_vm: undefined,
        target: undefined,
      },
    ],
    volumeSnapshots: [
      {
        snapshot_id: '700',
        volume_id: '1308',
        name: 'data-nightly',
        size: 10,
        region: 'toronto',
        status: 'available',
      },
    ],
    floatingIps: [
      { id: '1467', ip: '198.51.100.10', region: 'toronto', attached_id: '12102', private_ip: '10.20.0.10' },
      { id: '1468', ip: '198.51.100.11', region: 'toronto', attached_id: undefined, private_ip: undefined },
    ],
    networks: [
      { net_id: '4', name: 'Luna Node', region: 'toronto', subnet: '10.20.0.0/16', dns: '8.8.8.8,8.8.4.4' },
      { net_id: '5', name: 'Luna Node', region: 'montreal', subnet: '10.30.0.0/16', dns: '8.8.8.8' },
    ],
    lbs: [
      {
        id: '138',
        name: 'web-lb',
        region: 'toronto',
        net_id: '4',
        method: 'ROUND_ROBIN',
        protocol: 'HTTP',
        connection_limit: '-1',
        port: '80',
        ip: undefined,
        members: [{ member_id: '901', ip: '10.20.0.10', port: '80' }],
      },
    ],
    zones: [{ zone_id: '300', origin: 'example.com.', ttl: '3600' }],
    records: [
      { record_id: '3001', zone_id: '300', name: 'www', type: 'A', data: '198.51.100.10', ttl: '3600' },
      { record_id: '3002', zone_id: '300', name: '@', type: 'MX', data: '10 mail.example.com.', ttl: '3600' },
    ],
    dyns: [{ id: '51', name: 'home.example.com', ip: '192.0.2.7' }],
    rdns: { '198.51.100.10': 'myvm.example.com' },
    checks: [
      {
        check_id: '81',
        name: 'web http',
        type: 'http',
        fail_count: '3',
        success_count: '2',
        check_interval: '60',
        params: { url: 'http://198.51.100.10/' },
        status: 'online',
      },
    ],
    contacts: [{ contact_id: '61', type: 'email', rel: 'ops@example.com' }],
    alerts: [{ alert_id: '71', check_id: '81', contact_id: '61' }],
    securityGroups: [
      {
        securitygroup_id: '4',
        name: 'default',
        region: 'toronto',
        rules: [
          {
            rule_id: '41',
            direction: 'ingress',
            type: 'IPv4',
            protocol: 'tcp',
            remote_type: 'cidr',
            remote_value: '0.0.0.0/0',
            port_min: '22',
            port_max: '22',
            label: 'ssh',
          },
        ],
      },
      { securitygroup_id: '5', name: 'default', region: 'montreal', rules: [] },
    ],
    scripts: [{ id: '202', name: 'hello', content: '#!/bin/sh\r\necho hello\r\n' }],
    sshKeys: [
      { id: '11', name: 'laptop', value: 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIDemoKeyOnly demo@laptop' },
    ],
    emailDomains: [{ domain_id: '91', name: 'example.com', dkim_selector: undefined }],
    emailUsers: [{ user_id: '92', domain_id: '91', username: 'info', password: 'demo-mailbox-password' }],
    emailAliases: [{ alias_id: '93', domain_id: '91', name: 'sales', target: 'info@example.com' }],
  };
}

function plan(
  plan_id: string,
  name: string,
  ram: string,
  vcpu: string,
  storage: string,
  bandwidth: string,
  price: string,
  category: string,
  metadata: SimPlan['metadata'],
): SimPlan {
  return { plan_id, name, ram, vcpu, storage, bandwidth, price, category, metadata };
}

function image(image_id: string, name: string, region: string, template: boolean): SimImage {
  return {
    image_id,
    name,
    region,
    status: 'active',
    pending: undefined,
    size: 2_361_393_152,
    format: name.includes('(ISO)') ? 'iso' : 'qcow2',
    virtio: true,
    template,
    created: '2015-12-30T01:24:28.000000',
  };
}
