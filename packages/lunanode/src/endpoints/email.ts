import { ref } from '@x/auth-core';
import { z } from 'zod';
import { domainName, mailPassword, numericId } from '../schemas/input.js';
import { Ack, idString, listOf, num } from '../schemas/output.js';
import { EmailAlias, EmailDomain, EmailUser } from '../schemas/resources.js';
import { lunanodeAction } from './define.js';

// The document's e-mail rows lost their category column; the category is `email`.
const route = (action: string) => ({ category: 'email', action });
const domainId = numericId(`From ${ref('email.domain_list')}`);
const userId = numericId(`From ${ref('email.user_list')}`);

/** The `email` category: hosted e-mail domains, mailboxes and aliases. */
export const email = {
  usage: lunanodeAction(route('usage'), {
    summary: 'Show e-mail hosting usage (domains, mailboxes, storage).',
    input: z.strictObject({}),
    output: z.looseObject({ domains: num, users: num, aliases: num, storage: num }),
    effect: 'read',
  }),
  domain_list: lunanodeAction(route('domain-list'), {
    summary: 'List the e-mail domains.',
    input: z.strictObject({}),
    output: z.looseObject({ domains: listOf(EmailDomain, 'id') }),
    effect: 'read',
  }),
  domain_add: lunanodeAction(route('domain-add'), {
    summary: 'Add an e-mail domain.',
    input: z.strictObject({ name: domainName.describe('Domain name, e.g. example.com') }),
    output: z.looseObject({ domain_id: idString.optional() }),
    effect: 'create',
  }),
  domain_remove: lunanodeAction(route('domain-remove'), {
    summary: 'Delete an e-mail domain with its mailboxes and aliases.',
    input: z.strictObject({ domain_id: domainId }),
    output: Ack,
    effect: 'delete',
  }),
  domain_dkim_set: lunanodeAction(route('domain-dkim-set'), {
    summary: 'Set the DKIM selector and private key of an e-mail domain.',
    input: z.strictObject({
      domain_id: domainId,
      selector: z
        .string()
        .regex(/^[A-Za-z0-9._-]{1,63}$/, 'must be a DNS label')
        .describe('DKIM selector'),
      private_key: z
        .string()
        .max(16_384)
        .regex(
          /-----BEGIN (RSA )?PRIVATE KEY-----[\s\S]+-----END (RSA )?PRIVATE KEY-----/,
          'must be a PEM private key',
        )
        .describe('PEM private key'),
    }),
    output: Ack,
    effect: 'update',
  }),
  domain_dkim_unset: lunanodeAction(route('domain-dkim-unset'), {
    summary: 'Remove DKIM signing from an e-mail domain.',
    input: z.strictObject({ domain_id: domainId }),
    output: Ack,
    effect: 'delete',
  }),
  user_list: lunanodeAction(route('user-list'), {
    summary: 'List the mailboxes of an e-mail domain.',
    input: z.strictObject({ domain_id: domainId }),
    output: z.looseObject({ users: listOf(EmailUser, 'id') }),
    effect: 'read',
  }),
  user_add: lunanodeAction(route('user-add'), {
    summary: 'Create a mailbox.',
    input: z.strictObject({
      domain_id: domainId,
      username: z
        .string()
        .regex(/^[A-Za-z0-9._+-]{1,64}$/, 'must be the local part of an address')
        .describe('Local part, e.g. info'),
      password: mailPassword,
    }),
    output: z.looseObject({ user_id: idString.optional() }),
    effect: 'create',
  }),
  user_set_password: lunanodeAction(route('user-set-password'), {
    summary: "Change a mailbox's password.",
    input: z.strictObject({ domain_id: domainId, user_id: userId, password: mailPassword }),
    output: Ack,
    effect: 'update',
  }),
  user_remove: lunanodeAction(route('user-remove'), {
    summary: 'Delete a mailbox.',
    input: z.strictObject({ domain_id: domainId, user_id: userId }),
    output: Ack,
    effect: 'delete',
  }),
  alias_list: lunanodeAction(route('alias-list'), {
    summary: 'List the aliases of an e-mail domain.',
    input: z.strictObject({ domain_id: domainId }),
    output: z.looseObject({ aliases: listOf(EmailAlias, 'id') }),
    effect: 'read',
  }),
  alias_add: lunanodeAction(route('alias-add'), {
    summary: 'Create an alias forwarding to another address.',
    input: z.strictObject({
      domain_id: domainId,
      name: z
        .string()
        .regex(/^[A-Za-z0-9._+-]{1,64}$/, 'must be the local part of an address')
        .describe('Alias local part'),
      target: z.email().describe('Address to forward to'),
    }),
    output: z.looseObject({ alias_id: idString.optional() }),
    effect: 'create',
  }),
  alias_remove: lunanodeAction(route('alias-remove'), {
    summary: 'Delete an alias.',
    input: z.strictObject({
      domain_id: domainId,
      alias_id: numericId(`From ${ref('email.alias_list')}`),
    }),
    output: Ack,
    effect: 'delete',
  }),
};
