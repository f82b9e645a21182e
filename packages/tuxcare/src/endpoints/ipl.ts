import { z } from 'zod';
import { Imunify360IpLicenseType, ImunifyIpLicenseType, IpLicenseType } from '../schemas/codes.js';
import { IpAddress, listOf, Num, oneOf } from '../schemas/common.js';
import { IpAvailability, IpLicense, IpServerLicense } from '../schemas/objects.js';
import { Done } from '../schemas/results.js';
import { tuxcareEndpoint as ep } from './define.js';

const ElsAllowed = z
  .boolean()
  .describe('allow CloudLinux 6 (ELS) registration on this license; sent as true/false');

/**
 * A license type, or the explicit word `all`: leaving `type` out of `ipl/remove` removes every license of the
 * IP, so the schema demands the choice instead of letting a missing field decide it.
 */
const TypeOrAll = z
  .union([IpLicenseType, z.literal('all')])
  .transform((value) => (value === 'all' ? undefined : value));

/** IP-based licenses (`/ipl`; the CLN text calls the root `/ip`, every URL uses `/ipl`). */
export const ipl = {
  availability: ep({
    summary: 'Show which license types can still be registered for an IP and which this account owns there.',
    route: { path: '/ipl/availability.json', format: 'envelope' },
    input: z.strictObject({ ip: IpAddress }),
    output: IpAvailability,
    effect: 'read',
  }),
  check: ep({
    summary: 'List the license types registered for an IP by any customer (empty when none).',
    route: { path: '/ipl/check.json', format: 'envelope' },
    input: z.strictObject({ ip: IpAddress }),
    output: listOf(Num),
    effect: 'read',
  }),
  register: ep({
    summary: 'Register an IP license of a type for an IP address.',
    description:
      'Check tuxcare_ipl_availability first. Registering an existing license returns it unchanged, so the call is safe to repeat.',
    route: { path: '/ipl/register.json', format: 'envelope' },
    input: z.strictObject({ ip: IpAddress, type: IpLicenseType, els_allowed: ElsAllowed.optional() }),
    output: oneOf(IpLicense),
    effect: 'create',
    idempotent: true,
  }),
  convert: ep({
    summary:
      'Change the type of an Imunify IP license (upgrade or downgrade; the target must be Imunify360).',
    description: 'true when converted, false when the license is not found or not owned.',
    route: { path: '/ipl/convert.json', format: 'envelope' },
    input: z.strictObject({
      ip: IpAddress,
      type: ImunifyIpLicenseType,
      type_to: Imunify360IpLicenseType,
    }),
    output: Done,
    effect: 'update',
  }),
  remove: ep({
    summary: 'Remove an IP license of one type, or (type "all") every license of the IP.',
    description:
      'true when removed, false when not found or not owned. type is required: "all" is the explicit choice to remove every type.',
    route: { path: '/ipl/remove.json', format: 'envelope' },
    input: z.strictObject({
      ip: IpAddress,
      type: TypeOrAll.describe(
        'license type number or name to remove, or "all" to remove every license of this IP',
      ),
    }),
    output: Done,
    effect: 'delete',
  }),
  list: ep({
    summary: 'List every IP license of the account.',
    route: { path: '/ipl/list.json', format: 'envelope' },
    input: z.strictObject({}),
    output: listOf(IpLicense),
    effect: 'read',
  }),
  server: ep({
    summary: 'Show the licenses of one IP with the server info and last check-in.',
    route: { path: '/ipl/server.json', format: 'envelope' },
    input: z.strictObject({ ip: IpAddress }),
    output: listOf(IpServerLicense),
    effect: 'read',
  }),
  update: ep({
    summary: 'Allow or forbid CloudLinux 6 (ELS) registration on the IP licenses of an IP.',
    description:
      'true when updated, false when not found or not owned. type "all" applies to every license of the IP.',
    route: { path: '/ipl/update.json', format: 'envelope' },
    input: z.strictObject({
      ip: IpAddress,
      type: TypeOrAll.describe(
        'license type number or name to update, or "all" for every license of this IP',
      ),
      els_allowed: ElsAllowed,
    }),
    output: Done,
    effect: 'update',
  }),
};
