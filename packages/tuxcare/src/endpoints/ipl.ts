import { ref } from '@x/auth-core';
import { z } from 'zod';
import {
  Imunify360IpLicenseType,
  ImunifyIpLicenseType,
  IpLicenseType,
  IpLicenseTypeOrAll,
} from '../schemas/codes.js';
import { IpAddress, listOf, Num, oneOf } from '../schemas/common.js';
import { IpAvailability, IpLicense, IpServerLicense } from '../schemas/objects.js';
import { Done } from '../schemas/results.js';
import { tuxcareEndpoint as ep } from './define.js';

// Sent as true/false.
const ElsAllowed = z.boolean().describe('allow CloudLinux 6 (ELS) registration');

/** IP-based licenses (`/ipl`; the CLN text calls the root `/ip`, every URL uses `/ipl`). */
export const ipl = {
  availability: ep({
    summary: 'Show the license types still available for an IP and those this account owns there.',
    route: { path: '/ipl/availability.json', format: 'envelope' },
    input: z.strictObject({ ip: IpAddress }),
    output: IpAvailability,
    effect: 'read',
  }),
  check: ep({
    summary: 'List the license types registered for an IP by any customer.',
    route: { path: '/ipl/check.json', format: 'envelope' },
    input: z.strictObject({ ip: IpAddress }),
    output: listOf(Num),
    effect: 'read',
  }),
  register: ep({
    summary: 'Register an IP license of a type for an IP.',
    description: `Check ${ref('ipl.availability')} first; an existing license is returned unchanged.`,
    route: { path: '/ipl/register.json', format: 'envelope' },
    input: z.strictObject({ ip: IpAddress, type: IpLicenseType, els_allowed: ElsAllowed.optional() }),
    output: oneOf(IpLicense),
    effect: 'create',
    idempotent: true,
  }),
  convert: ep({
    summary: 'Change the type of an Imunify IP license; the target must be Imunify360.',
    description: 'Returns true, or false when not found or not owned.',
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
    summary: 'Remove an IP license of one type, or every license of the IP (type "all").',
    description: 'Returns true, or false when not found or not owned.',
    route: { path: '/ipl/remove.json', format: 'envelope' },
    input: z.strictObject({
      ip: IpAddress,
      type: IpLicenseTypeOrAll,
    }),
    output: Done,
    effect: 'delete',
  }),
  list: ep({
    summary: "List the account's IP licenses.",
    route: { path: '/ipl/list.json', format: 'envelope' },
    input: z.strictObject({}),
    output: listOf(IpLicense),
    effect: 'read',
  }),
  server: ep({
    summary: 'Show the licenses of one IP with server info and last check-in.',
    route: { path: '/ipl/server.json', format: 'envelope' },
    input: z.strictObject({ ip: IpAddress }),
    output: listOf(IpServerLicense),
    effect: 'read',
  }),
  update: ep({
    summary: "Allow or forbid CloudLinux 6 (ELS) registration on an IP's licenses.",
    description: 'Returns true, or false when not found or not owned.',
    route: { path: '/ipl/update.json', format: 'envelope' },
    input: z.strictObject({
      ip: IpAddress,
      type: IpLicenseTypeOrAll,
      els_allowed: ElsAllowed,
    }),
    output: Done,
    effect: 'update',
  }),
};
