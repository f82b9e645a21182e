import { listedAs, ref } from '@x/auth-core';
import { z } from 'zod';

/**
 * Input building blocks. Field names are the API's own parameter names (`vm_id`, `plan_id`), so what an
 * agent reads in a tool schema is what the LunaNode documentation says. Numbers are accepted as numbers or
 * digit strings and sent as strings.
 */

/**
 * Lists a field as one plain JSON type with its description, while zod keeps validating the full schema.
 * Ids are in every other tool: as number-or-digit-string unions with patterns they cost ~40 tokens each,
 * listed plainly ~15. The listed type is one the schema accepts. Describe the field here, not after.
 */
function listed<T extends z.ZodType>(schema: T, type: 'integer' | 'string', description: string): T {
  return listedAs(schema.describe(description), { type, description });
}

/** A numeric id, as a number or a digit string (listed as an integer). */
export function numericId(description: string) {
  return listed(
    z.union([z.number().int().nonnegative(), z.string().regex(/^\d{1,20}$/, 'must be a numeric id')]),
    'integer',
    description,
  );
}

/** A VM id: numeric on old accounts, a UUID on newer ones (listed as a string). */
export const vmId = listed(
  z.union([
    z.number().int().nonnegative(),
    z.string().regex(/^[A-Za-z0-9-]{1,64}$/, 'must be a numeric id or a UUID'),
  ]),
  'string',
  `From ${ref('vm.list')}`,
);

/** A region name. Not an enum: LunaNode adds regions; `region.list` has the current ones. */
export function regionField(description = `From ${ref('region.list')}`) {
  return listed(
    z.string().regex(/^[a-z][a-z0-9-]{1,31}$/, 'must be a region name such as toronto, montreal or roubaix'),
    'string',
    description,
  );
}

/** A region name with the default description. */
export const region = regionField();

/** A plan: a numeric id or a name such as `m.2` / `s.4` (listed as a string). */
export const planId = listed(
  z.union([
    z.number().int().positive(),
    z.string().regex(/^[A-Za-z0-9._-]{1,32}$/, 'must be a plan id or name'),
  ]),
  'string',
  `Id or name (e.g. m.2), from ${ref('plan.list')}`,
);

/** A host name (RFC 1123 labels). */
export const hostname = z
  .string()
  .max(253)
  .regex(
    /^(?=.{1,253}$)([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)(\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*\.?$/,
    'must be a host name (letters, digits, hyphens, dot-separated labels)',
  );

/** An IPv4 or IPv6 address. */
export const ipAddress = z.union([z.ipv4(), z.ipv6()]);

/** A DNS zone origin, fully qualified with the trailing dot. */
export const zoneOrigin = z
  .string()
  .max(253)
  .regex(
    /^([A-Za-z0-9-]{1,63}\.)+$/,
    "must be a fully qualified zone name ending with a dot, e.g. 'example.tld.'",
  )
  .describe("Zone origin with the trailing dot, e.g. 'example.tld.'");

/** A TTL in seconds. */
export const ttl = z.number().int().min(60).max(604_800).describe('TTL in seconds');

/** A TCP/UDP port (1 to 65535, too obvious to list). */
export function port(description: string) {
  return listed(z.number().int().min(1).max(65_535), 'integer', description);
}

/** A free-form non-empty label, listed with its length limit only. */
export function label(description: string, max = 64) {
  return listedAs(z.string().trim().min(1).max(max).describe(description), {
    type: 'string',
    maxLength: max,
    description,
  });
}

/** An e-mail domain name. */
export const domainName = z
  .string()
  .max(253)
  .regex(/^([A-Za-z0-9-]{1,63}\.)+[A-Za-z]{2,63}$/, 'must be a domain name such as example.com');

/** A mailbox password. */
export const mailPassword = z.string().min(8).max(128).describe('Mailbox password');

/**
 * A flag the API reads by presence, not value (`volume_virtio`, `set_password`: "the value is ignored"), so
 * `false` must not be sent at all: sending `no` would switch it on.
 */
export function presenceFlag(description: string) {
  return z
    .boolean()
    .optional()
    .transform((value) => (value ? true : undefined))
    .describe(description);
}
