import { endpoint, listedAs, ref } from '@x/auth-core';
import { z } from 'zod';
import type { PanelRoute } from '../route.js';
import { DomainName, EmailAddress, ids, pagingFields } from '../schemas/common.js';
import { flag, listResult, OkResult, optText, text } from '../schemas/output.js';

/** An SSL certificate as `func=sslcert` lists it; `key` is its id. */
export const Certificate = z.looseObject({
  key: optText,
  name: text,
  owner: optText,
  type: optText,
  cert_type: optText,
  valid_after: optText,
  info: optText,
  webdomains: optText,
  active: flag,
});

// Listed as an integer enum: the union of literals renders as three const objects.
const KeyLength = listedAs(
  z.union([z.literal(2048), z.literal(3072), z.literal(4096)]).describe('RSA key bits'),
  { type: 'integer', enum: [2048, 3072, 4096], description: 'RSA key bits' },
);

/** SSL certificates: `sslcert`, `sslcert.selfsigned`, `sslcert.delete`. */
export const sslcert = {
  list: endpoint({
    summary: 'List SSL certificates.',
    route: { func: 'sslcert', result: 'list' } satisfies PanelRoute,
    input: z.strictObject({ ...pagingFields }),
    output: listResult(Certificate),
    effect: 'read',
  }),
  selfsigned: endpoint({
    summary: 'Create a self-signed certificate.',
    route: { func: 'sslcert.selfsigned', result: 'ok', sok: true } satisfies PanelRoute,
    input: z.strictObject({
      domain: DomainName.describe('domain it is for'),
      username: z
        .string()
        .min(1)
        .max(64)
        .describe(`owner, from ${ref('user.list')}`),
      email: EmailAddress.optional().describe('contact e-mail'),
      keylen: KeyLength.optional(),
      org: z.string().max(128).optional().describe('organisation'),
      department: z.string().max(128).optional().describe('department'),
      city: z.string().max(128).optional().describe('city'),
      state: z.string().max(128).optional().describe('state or region'),
      code: z.string().length(2).optional().describe('two-letter country code'),
    }),
    output: OkResult,
    effect: 'create',
  }),
  delete: endpoint({
    summary: 'Delete SSL certificates.',
    route: { func: 'sslcert.delete', result: 'ok', sok: true } satisfies PanelRoute,
    input: z.strictObject({ elid: ids(`keys from ${ref('sslcert.list')}`) }),
    output: OkResult,
    effect: 'delete',
  }),
};

/** Let's Encrypt: `letsencrypt.generate`. */
export const letsencrypt = {
  generate: endpoint({
    summary: "Order a Let's Encrypt certificate for a site.",
    description: `Issued in the background; check ${ref('sslcert.list')}.`,
    route: { func: 'letsencrypt.generate', result: 'ok', sok: true } satisfies PanelRoute,
    input: z.strictObject({
      domain_name: DomainName.describe(`site from ${ref('webdomain.list')}`),
      domain: z
        .array(DomainName)
        .min(1)
        .max(100)
        .transform((names) => names.join(' '))
        .describe('names covered, e.g. ["example.com", "www.example.com"]'),
      crtname: z.string().min(1).max(128).optional().describe('certificate name (default: domain)'),
      email: EmailAddress.optional().describe('contact e-mail'),
      username: z
        .string()
        .min(1)
        .max(64)
        .optional()
        .describe(`owner, from ${ref('user.list')}`),
      keylen: KeyLength.optional(),
      wildcard: z.boolean().optional().describe('wildcard (DNS validation)'),
      enable_cert: z.boolean().optional().describe('switch the site to it when issued (default true)'),
    }),
    output: OkResult,
    effect: 'create',
  }),
};
