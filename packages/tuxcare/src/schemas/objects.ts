import { z } from 'zod';
import { ApiDate, Bool, maybe, Num, Str } from './common.js';

// Tolerant output objects: non-strict (unknown fields pass through), numbers coerced from strings, optional
// fields nullish. Field names stay the vendor's (camelCase here, snake_case there) so they match the docs.

/** A CloudLinux Backup (`/ab`). */
export const Backup = z.looseObject({
  backupId: Num,
  serverId: Str,
  size: Num.describe('size in GB'),
  datacenter: Str.nullish(),
});

/** An ELS / ESU license key. `usageLimit` arrives as a string; `description` as a string, a number or null. */
export const ElsKey = z.looseObject({
  key: z.string(),
  productCode: Str.nullish(),
  usageLimit: maybe(Num),
  description: Str.nullish(),
});

/** An ELS server. */
export const ElsServer = z.looseObject({
  id: Str,
  key: z.string().nullish(),
  ip: z.string().nullish(),
  hostname: z.string().nullish(),
});

/** An Imunify key. */
export const ImunifyKey = z.looseObject({
  key: z.string(),
  code: Str.nullish(),
  limit: maybe(Num),
  servers: maybe(Num),
  type: maybe(Num),
  note: Str.nullish(),
});

/** An Imunify server; the WHMCS plugin documents `server_id`, normalised here to `id` as well. */
export const ImunifyServer = z.preprocess(
  (value) =>
    value && typeof value === 'object' && !('id' in value) && 'server_id' in value
      ? { ...value, id: (value as { server_id: unknown }).server_id }
      : value,
  z.looseObject({
    id: Str,
    key: z.string().nullish(),
    ip: z.string().nullish(),
    created: ApiDate,
  }),
);

/** An IP license. */
export const IpLicense = z.looseObject({
  ip: z.string(),
  type: Num,
  registered: maybe(Bool),
  created: ApiDate,
});

/** An IP license with the server that uses it (`ipl/server`). */
export const IpServerLicense = IpLicense.extend({
  server_info: z.string().nullish(),
  last_checkin: ApiDate,
});

/** IP license availability. */
export const IpAvailability = z.looseObject({
  available: z.array(Num),
  owned: z.array(Num),
});

/** A KernelCare key. */
export const KernelCareKey = z.looseObject({
  key: z.string(),
  enabled: maybe(Bool),
  created: ApiDate,
  limit: maybe(Num),
  note: Str.nullish(),
});

/** A server registered with a KernelCare key. */
export const KernelCareServer = z.looseObject({
  server_id: Str,
  ip: z.string().nullish(),
  created: ApiDate,
  last_checkin: ApiDate,
});

/** A server group. */
export const Group = z.looseObject({
  name: z.string(),
  description: Str.nullish(),
});

/** A server as the group endpoints show it (`hostName` is camelCase there). */
export const GroupServer = z.looseObject({
  id: Str,
  hostName: z.string().nullish(),
  ip: z.string().nullish(),
  type: z.string().nullish(),
});

/** Service status (`status.json` / `status.plain`): booleans, plus whatever else the service adds. */
export const ServiceStatus = z.looseObject({
  db_clweb_connected: maybe(Bool),
  db_clweb_online: maybe(Bool),
  db_rhn_connected: maybe(Bool),
  db_rhn_online: maybe(Bool),
  rhn_overloaded: maybe(Bool),
  rhn_queue_full: maybe(Bool),
  xmlrpc: maybe(Bool),
  ip_server_reg: maybe(Bool),
  rhn_queue_rejects: maybe(Num),
});

/** One line of `kcare/patchset.json` (bare JSON, no envelope). */
export const PatchsetEntry = z.looseObject({
  ip: z.string().nullish(),
  host: z.string().nullish(),
  kernel_id: Str.nullish(),
  patch_level: maybe(Num),
});
