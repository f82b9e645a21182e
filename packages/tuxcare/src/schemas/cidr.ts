import { listedAs } from '@x/auth-core';
import { z } from 'zod';

const CIDR_V4 = z.cidrv4();
const CIDR_V6 = z.cidrv6();

/** Splits a CIDR list on spaces, commas and semicolons (the separators the API accepts). */
export function splitCidrs(value: string | readonly string[]): string[] {
  const parts = typeof value === 'string' ? [value] : value;
  return parts.flatMap((part) => part.split(/[\s,;]+/)).filter((part) => part !== '');
}

const CIDR_HELP = 'CIDRs (up to 1000); one string split on spaces, commas or semicolons also works';

/**
 * A CIDR list: an array of CIDRs or one string separated by spaces, commas or semicolons. Each entry must be
 * a valid IPv4 or IPv6 CIDR with a prefix; the list is sent comma-separated. Listed as the array form (the
 * string form is named in the description), which is cheaper than the anyOf of both.
 */
export const CidrList = listedAs(
  z
    .union([z.string(), z.array(z.string()).min(1)])
    .transform((value) => splitCidrs(value))
    .pipe(
      z
        .array(
          z.string().refine((entry) => CIDR_V4.safeParse(entry).success || CIDR_V6.safeParse(entry).success, {
            error: (issue) =>
              `"${String(issue.input)}" is not a valid CIDR (address/prefix, e.g. 203.0.113.0/24)`,
          }),
        )
        .min(1, 'must list at least one CIDR')
        .max(1000, 'at most 1000 CIDRs'),
    )
    .describe(CIDR_HELP),
  { type: 'array', items: { type: 'string' }, description: CIDR_HELP },
);
