import { endpoint } from '@x/auth-core';
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

const KeyLength = z
  .union([z.literal(2048), z.literal(3072), z.literal(4096)])
  .describe('RSA key length in bits');

/** SSL certificates: `sslcert`, `sslcert.selfsigned`, `sslcert.delete`. */
export const sslcert = {
  list: endpoint({
    summary: 'List SSL certificates (func sslcert).',
    route: { func: 'sslcert', result: 'list' } satisfies PanelRoute,
    input: z.strictObject({ ...pagingFields }),
    output: listResult(Certificate),
    effect: 'read',
  }),
  selfsigned: endpoint({
    summary: 'Create a self-signed certificate for a domain (func sslcert.selfsigned).',
    route: { func: 'sslcert.selfsigned', result: 'ok', sok: true } satisfies PanelRoute,
    input: z.strictObject({
      domain: DomainName.describe('the domain the certificate is for'),
      username: z.string().min(1).max(64).describe('owning panel user (from ispmanager_user_list)'),
      email: EmailAddress.optional().describe('contact e-mail in the certificate'),
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
    summary: 'Delete SSL certificates (func sslcert.delete).',
    route: { func: 'sslcert.delete', result: 'ok', sok: true } satisfies PanelRoute,
    input: z.strictObject({ elid: ids('certificate key(s) from ispmanager_sslcert_list') }),
    output: OkResult,
    effect: 'delete',
  }),
};

/** Let's Encrypt: `letsencrypt.generate`. */
export const letsencrypt = {
  generate: endpoint({
    summary: "Order a Let's Encrypt certificate for a site's domains (func letsencrypt.generate).",
    description: 'The panel issues it in the background; check ispmanager_sslcert_list afterwards.',
    route: { func: 'letsencrypt.generate', result: 'ok', sok: true } satisfies PanelRoute,
    input: z.strictObject({
      domain_name: DomainName.describe('the site the certificate is for (from ispmanager_webdomain_list)'),
      domain: z
        .array(DomainName)
        .min(1)
        .max(100)
        .transform((names) => names.join(' '))
        .describe(
          'the names the certificate covers, e.g. ["example.com", "www.example.com"] (sent space-separated)',
        ),
      crtname: z.string().min(1).max(128).optional().describe('certificate name (default: the domain)'),
      email: EmailAddress.optional().describe("contact e-mail for Let's Encrypt"),
      username: z.string().min(1).max(64).optional().describe('owning panel user'),
      keylen: KeyLength.optional(),
      wildcard: z.boolean().optional().describe('issue a wildcard certificate (DNS validation)'),
      enable_cert: z
        .boolean()
        .optional()
        .describe('switch the site to the certificate when issued (default on)'),
    }),
    output: OkResult,
    effect: 'create',
  }),
};
