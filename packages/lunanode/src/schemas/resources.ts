import { z } from 'zod';
import { flag, htmlToText, idString, listOf, metadata, num, plainText, stringList, text } from './output.js';

/** A VM as vm/list (and vm/info's `extra`) describe it. */
export const VmSummary = z.looseObject({
  vm_id: idString,
  name: text,
  hostname: text,
  plan_id: text,
  primaryip: text,
  privateip: text,
  ram: num,
  vcpu: num,
  storage: num,
  bandwidth: num,
  region: text,
});
export type VmSummary = z.output<typeof VmSummary>;

/** One address of a VM: `version` 4 or 6, `external` true for public addresses. */
export const VmAddress = z.looseObject({
  addr: z.string(),
  version: num,
  external: flag,
  reverse: text,
});

/**
 * vm/info's `info`. `status` is HTML in the API; here it is plain text (`Online`), with `status_raw`
 * (`active`, `stopped`, `build`, ...) the value to compare against.
 */
export const VmInfo = z
  .looseObject({
    hostname: text,
    addresses: listOf(VmAddress),
    status: plainText,
    status_raw: text,
    status_color: text,
    status_nohtml: plainText,
    image: text,
    os: text,
    security_groups: stringList,
    securitygroups: stringList,
    additionalip: stringList,
    additionalprivateip: stringList,
    ipv6: stringList,
    privateip: text,
    ip: text,
    login_details: text,
    bandwidthUsedGB: num,
    diskswap: flag,
  })
  .transform((info) => ({ ...info, status: info.status_nohtml ?? info.status }));
export type VmInfo = z.output<typeof VmInfo>;

/** An image as image/list describes it. */
export const Image = z.looseObject({ image_id: idString, name: text, region: text, status: text });
export type Image = z.output<typeof Image>;

/** image/details: `status` is `active`, `queued`, `saving`, `killed` or `error`. */
export const ImageDetails = z.looseObject({
  name: text,
  region: text,
  status: text,
  size: num,
  checksum: text,
  time_created: text,
  hw_vif_model: text,
  hw_disk_bus: text,
  metadata,
});
export type ImageDetails = z.output<typeof ImageDetails>;

/** A volume: the API calls its id `id` in lists and `volume_id` elsewhere; both are present here. */
export const Volume = z
  .looseObject({
    id: idString.optional(),
    volume_id: idString.optional(),
    name: text,
    size: num,
    region: text,
    status: text,
  })
  .transform((volume) => ({
    ...volume,
    id: volume.id ?? volume.volume_id,
    volume_id: volume.volume_id ?? volume.id,
  }));
export type Volume = z.output<typeof Volume>;

export const VolumeSnapshot = z.looseObject({
  snapshot_id: idString.optional(),
  volume_id: text,
  name: text,
  size: num,
  region: text,
  status: text,
});

/** A floating IP; `attached_type` is `unattached` when free. */
export const FloatingIp = z.looseObject({
  id: text,
  ip: z.string(),
  attached_id: text,
  attached_type: text,
  attached_name: text,
  hostname: text,
  region: text,
});
export type FloatingIp = z.output<typeof FloatingIp>;

export const Network = z.looseObject({ net_id: idString, name: text, subnet: text, region: text });

export const LoadBalancer = z.looseObject({ id: idString, name: text, region: text, net_id: text, ip: text });

export const LoadBalancerMember = z.looseObject({ member_id: idString, ip: text, port: num, status: text });

/** A plan; `metadata` is always an object (the API sends `""` when there is none). */
export const Plan = z.looseObject({
  plan_id: idString,
  name: text,
  ram: num,
  vcpu: num,
  storage: num,
  bandwidth: num,
  price: num,
  price_nice: text,
  category: text,
  metadata,
});
export type Plan = z.output<typeof Plan>;

/** A region: `region` is the name calls take (`toronto`), `name` the display name. */
export const Region = z.object({ region: z.string(), name: z.string() });
export type Region = z.output<typeof Region>;

export const SecurityGroup = z.looseObject({ securitygroup_id: idString, name: text, region: text });
export const SecurityRule = z.looseObject({
  rule_id: idString,
  direction: text,
  type: text,
  protocol: text,
  remote_type: text,
  remote_value: text,
  port_min: num,
  port_max: num,
  label: text,
});

export const Script = z.looseObject({ id: idString, name: text, content: text });

export const SshKey = z.looseObject({ id: idString, name: text, value: text });
export type SshKey = z.output<typeof SshKey>;

export const RdnsEntry = z.looseObject({
  vm_id: text,
  vm_name: text,
  ip: text,
  // `[not set]` is a placeholder, not a name.
  hostname: text.transform((value) => (value === '[not set]' ? undefined : value)),
});

export const Zone = z.looseObject({
  zone_id: idString.optional(),
  id: text,
  origin: text,
  name: text,
  ttl: num,
});
export const DnsRecord = z.looseObject({
  record_id: idString.optional(),
  id: text,
  name: text,
  type: text,
  data: text,
  ttl: num,
});
export const DynRecord = z.looseObject({ id: idString, name: text, ip: text });

export const MonitorCheck = z.looseObject({
  check_id: idString.optional(),
  id: text,
  name: text,
  type: text,
  status: plainText,
  fail_count: num,
  success_count: num,
  check_interval: num,
});
export const MonitorContact = z.looseObject({
  contact_id: idString.optional(),
  id: text,
  type: text,
  rel: text,
});
export const MonitorAlert = z.looseObject({
  alert_id: idString.optional(),
  id: text,
  check_id: text,
  contact_id: text,
});

export const EmailDomain = z.looseObject({ id: idString.optional(), domain_id: text, name: text });
export const EmailUser = z.looseObject({
  id: idString.optional(),
  user_id: text,
  username: text,
  email: text,
});
export const EmailAlias = z.looseObject({
  id: idString.optional(),
  alias_id: text,
  name: text,
  target: text,
});

/** A vm/usage sample; which fields are present depends on the `key` asked for. */
export const UsageSample = z.looseObject({
  unix_time: num,
  incoming_rate: num,
  outgoing_rate: num,
  total_rate: num,
  percent: num,
  read: num,
  write: num,
});

/** A region map `{ toronto: 'Toronto, Canada' }` as a list that keeps both names. */
export const regionList = z.preprocess((value) => {
  if (Array.isArray(value)) return value;
  if (value !== null && typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>).map(([region, name]) => ({
      region,
      name: typeof name === 'string' ? htmlToText(name) : region,
    }));
  }
  return [];
}, z.array(Region));
