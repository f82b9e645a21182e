import { endpoint, ref } from '@x/auth-core';
import { z } from 'zod';
import type { PanelRoute } from '../route.js';
import { DomainName, editInput, IpAddress, ids, Password, pagingFields } from '../schemas/common.js';
import { flag, listResult, OkResult, optText, text } from '../schemas/output.js';

/** A mail domain as `func=emaildomain` lists it. */
export const MailDomain = z.looseObject({ name: text, owner: optText, ip: optText, active: flag });
/** A mailbox as `func=email` lists it (the id is `name`, `box@domain`). */
export const Mailbox = z.looseObject({ name: text, forward: optText, size: optText, active: flag });

/** Mail domains: `emaildomain` and its family. */
export const emaildomain = {
  list: endpoint({
    summary: 'List mail domains.',
    route: { func: 'emaildomain', result: 'list' } satisfies PanelRoute,
    input: z.strictObject({ ...pagingFields }),
    output: listResult(MailDomain),
    effect: 'read',
  }),
  edit: endpoint({
    summary: 'Create or change a mail domain.',
    route: { func: 'emaildomain.edit', result: 'ok', sok: true } satisfies PanelRoute,
    input: editInput({
      elid: `domain from ${ref('emaildomain.list')}`,
      fields: {
        name: DomainName.optional().describe('domain, create only; the id afterwards'),
        owner: z
          .string()
          .max(64)
          .optional()
          .describe(`owner, from ${ref('user.list')}`),
        ip: IpAddress.optional().describe('IP mail is served on'),
        defaction: z
          .enum(['ignore', 'error', 'forward'])
          .optional()
          .describe('action for mail to unknown boxes'),
        dkim: z.boolean().optional().describe('DKIM-sign outgoing mail'),
        secure: z.boolean().optional().describe('enable SSL'),
      },
      required: ['name'],
    }),
    output: OkResult,
    effect: 'update',
    idempotent: false,
  }),
  delete: endpoint({
    summary: 'Delete mail domains with their mailboxes.',
    route: { func: 'emaildomain.delete', result: 'ok', sok: true } satisfies PanelRoute,
    input: z.strictObject({ elid: ids(`domains from ${ref('emaildomain.list')}`) }),
    output: OkResult,
    effect: 'delete',
  }),
};

/** Mailboxes: `email` and its family. */
export const email = {
  list: endpoint({
    summary: 'List mailboxes.',
    route: { func: 'email', result: 'list' } satisfies PanelRoute,
    input: z.strictObject({ ...pagingFields }),
    output: listResult(Mailbox),
    effect: 'read',
  }),
  edit: endpoint({
    summary: 'Create or change a mailbox.',
    description: 'Create needs name, domainname and passwd.',
    route: { func: 'email.edit', result: 'ok', sok: true, confirm: 'passwd' } satisfies PanelRoute,
    input: editInput({
      elid: `box@domain from ${ref('email.list')}`,
      fields: {
        name: z
          .string()
          .min(1)
          .max(64)
          .regex(/^[A-Za-z0-9._+-]+$/, 'the local part of an address')
          .optional()
          .describe('part before @, create only'),
        domainname: DomainName.optional().describe(`create only, from ${ref('emaildomain.list')}`),
        passwd: Password.optional().describe('password'),
        maxsize: z.number().int().min(0).optional().describe('quota, MiB (0 = unlimited)'),
        forward: z
          .string()
          .max(1024)
          .optional()
          .describe('forward copies to these space-separated addresses'),
        note: z.string().max(1024).optional().describe('comment'),
      },
      required: ['name', 'domainname', 'passwd'],
    }),
    output: OkResult,
    effect: 'update',
    idempotent: false,
  }),
  delete: endpoint({
    summary: 'Delete mailboxes.',
    route: { func: 'email.delete', result: 'ok', sok: true } satisfies PanelRoute,
    input: z.strictObject({ elid: ids(`addresses from ${ref('email.list')}`) }),
    output: OkResult,
    effect: 'delete',
  }),
};
