import { z } from 'zod';
import { CidrList } from '../schemas/cidr.js';
import { KeyLimit, listOf, Note, Num, oneOf, opaqueId } from '../schemas/common.js';
import { NagiosReportSchema } from '../schemas/nagios.js';
import { KernelCareKey, KernelCareServer, PatchsetEntry } from '../schemas/objects.js';
import { Done, withMessage } from '../schemas/results.js';
import { tuxcareEndpoint as ep } from './define.js';

const KcKey = opaqueId('key').describe('KernelCare key, e.g. WsTs821nSAtiastD, from tuxcare_kcare_key_list');

/** KernelCare keys, servers and the Nagios monitoring API (`/kcare`). */
export const kcare = {
  key: {
    create: ep({
      summary: 'Create a KernelCare key.',
      description: 'The API answers the bare key string; the result is normalised to { key }.',
      route: { path: '/kcare/key/create.json', format: 'envelope' },
      input: z.strictObject({
        limit: KeyLimit.describe('maximum servers on the key; 0 = unlimited'),
        note: Note.optional().describe('key description, up to 100 characters'),
      }),
      output: z.preprocess(
        (value) => (typeof value === 'string' ? { key: value } : value),
        z.looseObject({ key: z.string() }),
      ),
      effect: 'create',
    }),
    delete: ep({
      summary: 'Delete a KernelCare key.',
      description: 'true when deleted, false when the key was not found.',
      route: { path: '/kcare/key/delete.json', format: 'envelope' },
      input: z.strictObject({ key: KcKey }),
      output: Done,
      effect: 'delete',
    }),
    list: ep({
      summary: 'List every KernelCare key of the account.',
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
      summary: 'Set the IP ranges (CIDRs) allowed to register servers with a KernelCare key.',
      description:
        'A non-zero vendor code (1 bad address, 2 bad prefix, 3 internal error) is reported as an error.',
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
      summary: 'Remove one KernelCare server by its id.',
      description:
        'server_id from tuxcare_kcare_key_servers. found is false, with message "Server not found", when it does not exist.',
      route: { path: '/kcare/srv/remove.json', format: 'envelope-full' },
      input: z.strictObject({
        server_id: opaqueId('server_id').describe('KernelCare server id, from tuxcare_kcare_key_servers'),
      }),
      output: withMessage(
        oneOf(z.looseObject({ server_id: z.string().nullish(), key: z.string().nullish() })),
      ),
      effect: 'delete',
    }),
  },
  nagios: {
    register_key: ep({
      summary: 'Register a custom Nagios monitoring key for the KernelCare IP licenses of the calling IP.',
      description:
        'Sends no token: the key is bound to the IP the request comes from. Code 1 (bad key) and 2 (no KernelCare IP license) are errors.',
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
          .describe('monitoring key: 16 to 32 letters (small and capital) and digits'),
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
      summary:
        'Nagios check of every server registered with a key: OK, or counts and the servers that are out of date.',
      description:
        'Sends no token. Catalog name kcare.nagios.key for the URL kcare/nagios/{key_id} (see the README).',
      route: { path: '/kcare/nagios/{key}', format: 'nagios', auth: 'none' },
      input: z.strictObject({
        key: opaqueId('key').describe('KernelCare or monitoring key whose servers to check'),
      }),
      output: NagiosReportSchema,
      effect: 'read',
    }),
  },
  nagios_res: ep({
    summary:
      'Nagios check of every server of a reseller account: OK, or counts and the servers that are out of date.',
    description:
      'URL kcare/nagios-res/{login}/{token}. login defaults to the client login; token defaults to a fresh authorization token (pass the profile API token instead if your account needs it).',
    route: { path: '/kcare/nagios-res/{login}/{token}', format: 'nagios', auth: 'none' },
    input: z.strictObject({
      login: opaqueId('login').optional().describe('reseller login; default: the client login'),
      token: z
        .string()
        .min(1)
        .max(256)
        .regex(/^[^\s/?#]+$/, 'must not contain spaces, / ? or #')
        .optional()
        .describe(
          'reseller API token from the CLN profile; default: a fresh login|ts|sha1 authorization token',
        ),
    }),
    output: NagiosReportSchema,
    effect: 'read',
  }),
  patchset: ep({
    summary: 'List the patch level of every server registered with a KernelCare key.',
    description: 'Sends no token; the answer is bare JSON without the envelope.',
    route: { path: '/kcare/patchset.json', format: 'bare', auth: 'none' },
    input: z.strictObject({ key: KcKey }),
    output: listOf(PatchsetEntry),
    effect: 'read',
  }),
};
