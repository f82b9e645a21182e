import { listedAs, ref } from '@x/auth-core';
import { z } from 'zod';
import { CidrList } from '../schemas/cidr.js';
import { idField, KeyLimit, listOf, Note, Num, oneOf } from '../schemas/common.js';
import { NagiosReportSchema } from '../schemas/nagios.js';
import { KernelCareKey, KernelCareServer, PatchsetEntry } from '../schemas/objects.js';
import { Done, withMessage } from '../schemas/results.js';
import { tuxcareEndpoint as ep } from './define.js';

const KcKey = idField('key', `KernelCare key, from ${ref('kcare.key.list')}`);

/**
 * The key of `kcare/nagios/{key_id}`, a URL path segment, in the documented key format: a KernelCare key or a
 * monitoring key, 16-32 letters or digits (register_key's rule; KernelCare keys are 16 of them). Listed as a
 * plain described string like the other ids.
 */
const NAGIOS_KEY = 'KernelCare or monitoring key';
const NagiosKey = listedAs(
  z
    .string()
    .regex(/^[A-Za-z0-9]{16,32}$/, 'must be a KernelCare or monitoring key: 16-32 letters or digits')
    .describe(NAGIOS_KEY),
  { type: 'string', description: NAGIOS_KEY },
);

const NAGIOS_RES_TOKEN =
  'API token from the CLN profile, if your account needs it; default: a fresh auth token';

/** KernelCare keys, servers and the Nagios monitoring API (`/kcare`). */
export const kcare = {
  key: {
    create: ep({
      summary: 'Create a KernelCare key.',
      // The API answers the bare key string; the result is normalised to { key }.
      description: 'Returns { key }.',
      route: { path: '/kcare/key/create.json', format: 'envelope' },
      input: z.strictObject({
        limit: KeyLimit.describe('max servers; 0 = unlimited'),
        note: Note.optional().describe('key description'),
      }),
      output: z.preprocess(
        (value) => (typeof value === 'string' ? { key: value } : value),
        z.looseObject({ key: z.string() }),
      ),
      effect: 'create',
    }),
    delete: ep({
      summary: 'Delete a KernelCare key.',
      description: 'Returns true, or false when not found.',
      route: { path: '/kcare/key/delete.json', format: 'envelope' },
      input: z.strictObject({ key: KcKey }),
      output: Done,
      effect: 'delete',
    }),
    list: ep({
      summary: "List the account's KernelCare keys.",
      route: { path: '/kcare/key/list.json', format: 'envelope' },
      input: z.strictObject({}),
      output: listOf(KernelCareKey),
      effect: 'read',
    }),
    servers: ep({
      summary: 'List the servers registered with a KernelCare key.',
      route: { path: '/kcare/key/servers.json', format: 'envelope' },
      input: z.strictObject({ key: KcKey }),
      output: listOf(KernelCareServer),
      effect: 'read',
    }),
    set_cidr: ep({
      // A non-zero vendor code (1 bad address, 2 bad prefix, 3 internal error) is reported as an error.
      summary: 'Set the CIDRs allowed to register servers with a KernelCare key.',
      route: {
        path: '/kcare/key/set_cidr.json',
        format: 'envelope',
        codes: {
          1: 'irregular IP address in one of the CIDRs',
          2: 'irregular prefix in one of the CIDRs',
          3: 'internal error',
        },
      },
      input: z.strictObject({ key: KcKey, cidr: CidrList }),
      output: z.looseObject({ code: Num }),
      effect: 'update',
    }),
  },
  srv: {
    remove: ep({
      summary: 'Remove one KernelCare server.',
      description: 'found is false, with message "Server not found", when it does not exist.',
      route: { path: '/kcare/srv/remove.json', format: 'envelope-full' },
      input: z.strictObject({
        server_id: idField('server_id', `server id, from ${ref('kcare.key.servers')}`),
      }),
      output: withMessage(
        oneOf(z.looseObject({ server_id: z.string().nullish(), key: z.string().nullish() })),
      ),
      effect: 'delete',
    }),
  },
  nagios: {
    register_key: ep({
      // Code 1 (bad key) and 2 (no KernelCare IP license) are errors.
      // Sends no token: the key is bound to the IP the request comes from.
      summary: 'Register a custom Nagios monitoring key for the KernelCare IP licenses of the calling IP.',
      route: {
        path: '/kcare/nagios/register_key.plain',
        format: 'plain',
        auth: 'none',
        codes: { 1: 'wrong key size or format', 2: 'no KernelCare IP license available' },
      },
      input: z.strictObject({
        key: z
          .string()
          .regex(/^[A-Za-z0-9]{16,32}$/, 'must be 16-32 letters or digits')
          .describe('new monitoring key'),
      }),
      output: z.looseObject({
        success: z.boolean(),
        code: Num.optional(),
        message: z.string().optional(),
        raw: z.string(),
      }),
      effect: 'update',
    }),
    key: ep({
      // Catalog name kcare.nagios.key for the URL kcare/nagios/{key_id} (see the README).
      // Sends no token.
      summary: 'Nagios check of the servers on a key: OK, or counts and the out-of-date servers.',
      route: { path: '/kcare/nagios/{key}', format: 'nagios', auth: 'none' },
      input: z.strictObject({
        key: NagiosKey,
      }),
      output: NagiosReportSchema,
      effect: 'read',
    }),
  },
  nagios_res: ep({
    // URL kcare/nagios-res/{login}/{token}.
    summary: 'Nagios check of the servers of a reseller account: OK, or counts and the out-of-date servers.',
    route: { path: '/kcare/nagios-res/{login}/{token}', format: 'nagios', auth: 'none' },
    input: z.strictObject({
      login: idField('login', 'reseller login; default: client login').optional(),
      token: listedAs(
        z
          .string()
          .min(1)
          .max(256)
          .regex(/^[^\s/?#]+$/, 'must not contain spaces, / ? or #')
          .describe(NAGIOS_RES_TOKEN),
        { type: 'string', description: NAGIOS_RES_TOKEN },
      ).optional(),
    }),
    output: NagiosReportSchema,
    effect: 'read',
  }),
  patchset: ep({
    // Sends no token; the answer is bare JSON without the envelope.
    summary: 'List the patch level of every server on a KernelCare key.',
    route: { path: '/kcare/patchset.json', format: 'bare', auth: 'none' },
    input: z.strictObject({ key: KcKey }),
    output: listOf(PatchsetEntry),
    effect: 'read',
  }),
};
