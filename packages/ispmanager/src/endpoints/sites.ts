import { endpoint, ref } from '@x/auth-core';
import { z } from 'zod';
import type { PanelRoute } from '../route.js';
import {
  DomainName,
  EmailAddress,
  editInput,
  IpAddress,
  ids,
  pagingFields,
  spaceList,
} from '../schemas/common.js';
import { flag, listResult, OkResult, optText, text } from '../schemas/output.js';

/** A site as `func=webdomain` lists it (the id is `name`). */
export const WebDomain = z.looseObject({
  name: text,
  id: optText,
  owner: optText,
  docroot: optText,
  ipaddr: optText,
  php: optText,
  php_mode: optText,
  php_version: optText,
  active: flag,
  secure: flag,
  database: optText,
});

const PhpMode = z
  .enum(['php_mode_mod', 'php_mode_cgi', 'php_mode_fcgi_apache', 'php_mode_fcgi_nginxfpm'])
  .describe('PHP handler');

const siteFields = {
  site_name: DomainName.optional().describe('site domain, create only; the id afterwards'),
  site_owner: z
    .string()
    .max(64)
    .optional()
    .describe(`owner, from ${ref('user.list')}`),
  site_aliases: spaceList(DomainName, 'aliases; an edit replaces the list').optional(),
  site_email: EmailAddress.optional().describe('admin e-mail'),
  site_home: z.string().max(1024).optional().describe('document root, relative to owner home'),
  site_ipaddrs: z.array(IpAddress).max(32).optional().describe('IP addresses; on edit resend all of them'),
  site_ipsrc: z.enum(['auto', 'manual']).optional().describe('"manual" uses site_ipaddrs'),
  site_php_enable: z.boolean().optional().describe('enable PHP'),
  site_php_mode: PhpMode.optional(),
  site_php_fpm_version: z
    .string()
    .max(64)
    .optional()
    .describe(`PHP-FPM version key from ${ref('phpversions.list')}`),
  site_php_cgi_version: z
    .string()
    .max(64)
    .optional()
    .describe(`PHP CGI version key from ${ref('phpversions.list')}`),
  site_php_apache_version: z.string().max(64).optional().describe('Apache module PHP version key'),
  site_ssl_cert: z
    .string()
    .max(256)
    .optional()
    .describe(`"selfsigned", "letsencrypt", "ssl_not_used" or a name from ${ref('sslcert.list')}`),
  site_secure: z.boolean().optional().describe('serve over HTTPS'),
  site_redirect_http: z.boolean().optional().describe('redirect HTTP to HTTPS'),
  site_hsts: z.boolean().optional().describe('send HSTS'),
};

const webdomainFields = {
  name: DomainName.optional().describe('site domain, create only; the id afterwards'),
  owner: z
    .string()
    .max(64)
    .optional()
    .describe(`owner, from ${ref('user.list')}`),
  aliases: spaceList(DomainName, 'aliases; an edit replaces the list').optional(),
  email: EmailAddress.optional().describe('admin e-mail'),
  home: z.string().max(1024).optional().describe('document root, relative to owner home'),
  ipaddrs: z.array(IpAddress).max(32).optional().describe('IP addresses'),
  charset: z.string().max(32).optional().describe('default charset, e.g. UTF-8'),
  dirindex: z.string().max(256).optional().describe('index files, e.g. "index.php index.html"'),
  php: z.boolean().optional().describe('enable PHP'),
  php_mode: PhpMode.optional(),
  php_fpm_version: z
    .string()
    .max(64)
    .optional()
    .describe(`PHP-FPM version key from ${ref('phpversions.list')}`),
  php_cgi_version: z.string().max(64).optional().describe('PHP CGI version key'),
  cgi: z.boolean().optional().describe('enable CGI'),
  ssl: z.boolean().optional().describe('enable HTTPS'),
  ssl_cert: z
    .string()
    .max(256)
    .optional()
    .describe(`certificate name from ${ref('sslcert.list')}`),
};

const siteIds = ids(`site names from ${ref('webdomain.list')}`);

/** ISPmanager 6 sites: `site.edit`. */
export const site = {
  edit: endpoint({
    summary: 'Create or change a site on ISPmanager 6.',
    description: 'Create needs site_name and site_owner.',
    route: { func: 'site.edit', result: 'ok', sok: true } satisfies PanelRoute,
    input: editInput({
      elid: `site name from ${ref('webdomain.list')}`,
      fields: siteFields,
      required: ['site_name'],
    }),
    output: OkResult,
    effect: 'update',
    idempotent: false,
  }),
};

/** Sites (WWW domains): `webdomain` and its family. */
export const webdomain = {
  list: endpoint({
    summary: 'List sites (WWW domains) with owner, document root, IP and PHP settings.',
    route: { func: 'webdomain', result: 'list' } satisfies PanelRoute,
    input: z.strictObject({ ...pagingFields }),
    output: listResult(WebDomain),
    effect: 'read',
  }),
  edit: endpoint({
    summary: 'Create or change a site.',
    description: 'Create needs name and owner.',
    route: { func: 'webdomain.edit', result: 'ok', sok: true } satisfies PanelRoute,
    input: editInput({
      elid: `site name from ${ref('webdomain.list')}`,
      fields: webdomainFields,
      required: ['name'],
    }),
    output: OkResult,
    effect: 'update',
    idempotent: false,
  }),
  delete: endpoint({
    summary: 'Delete sites.',
    route: { func: 'webdomain.delete', result: 'ok', sok: true } satisfies PanelRoute,
    input: z.strictObject({
      elid: siteIds,
      remove_directory: z.boolean().optional().describe('also delete document root (default false)'),
    }),
    output: OkResult,
    effect: 'delete',
  }),
  suspend: endpoint({
    summary: 'Suspend sites.',
    route: { func: 'webdomain.suspend', result: 'ok', sok: true } satisfies PanelRoute,
    input: z.strictObject({ elid: siteIds }),
    output: OkResult,
    effect: 'action',
    idempotent: true,
  }),
  resume: endpoint({
    summary: 'Resume suspended sites.',
    route: { func: 'webdomain.resume', result: 'ok', sok: true } satisfies PanelRoute,
    input: z.strictObject({ elid: siteIds }),
    output: OkResult,
    effect: 'action',
    // Starts or restores something; destroys nothing, so no confirmation is asked.
    destructive: false,
    idempotent: true,
  }),
};
