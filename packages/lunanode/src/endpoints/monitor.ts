import { listedAs, ref } from '@x/auth-core';
import { z } from 'zod';
import { label, numericId } from '../schemas/input.js';
import { Ack, idString, listOf } from '../schemas/output.js';
import { MonitorAlert, MonitorCheck, MonitorContact } from '../schemas/resources.js';
import { lunanodeAction } from './define.js';

const route = (action: string) => ({ category: 'monitor', action });
const checkId = numericId(`From ${ref('monitor.check_list')}`);
const contactId = numericId(`From ${ref('monitor.contact_list')}`);

/** Names check-add's open-ended parameters may not take (they are declared fields or the credentials). */
const RESERVED = new Set([
  'name',
  'type',
  'fail_count',
  'success_count',
  'check_interval',
  'api_id',
  'api_partialkey',
]);

const count = (what: string) => z.number().int().min(1).max(100).describe(what);

/** The `monitor` category: uptime checks, contacts and the alerts that link them. */
export const monitor = {
  check_list: lunanodeAction(route('check-list'), {
    summary: 'List the monitoring checks.',
    input: z.strictObject({}),
    output: z.looseObject({ checks: listOf(MonitorCheck, 'check_id') }),
    effect: 'read',
  }),
  check_types: lunanodeAction(route('check-types'), {
    summary: `List the check types and the extra parameters each needs (for ${ref('monitor.check_add')}).`,
    input: z.strictObject({}),
    output: z.looseObject({ types: z.unknown() }),
    effect: 'read',
  }),
  check_add: lunanodeAction(
    { category: 'monitor', action: 'check-add', extraParams: 'params' },
    {
      summary: 'Add a monitoring check.',
      description: `Types and their params (http: url; ping: ip; tcp: ip, port; ...): ${ref('monitor.check_types')}.`,
      input: z
        .strictObject({
          name: label('Check name'),
          type: z
            .string()
            .regex(/^[a-z][a-z0-9_]{0,31}$/, 'must be a check type from check-types')
            .describe('Check type, e.g. http, ping, tcp'),
          fail_count: count('Consecutive failures before down'),
          success_count: count('Consecutive successes before up again'),
          check_interval: z.number().int().min(1).max(86_400).describe('Seconds between checks'),
          params: listedAs(
            z
              .record(
                z.string().regex(/^[a-z][a-z0-9_]{0,31}$/, 'must be a parameter name from check-types'),
                z.string().min(1).max(1024),
              )
              .optional()
              .describe('Type parameters as strings, e.g. {"url":"https://example.com/"}'),
            {
              type: 'object',
              additionalProperties: { type: 'string' },
              description:
                'Type parameters as strings (up to 1024 chars), e.g. {"url":"https://example.com/"}',
            },
          ),
        })
        .superRefine((input, ctx) => {
          for (const name of Object.keys(input.params ?? {})) {
            if (RESERVED.has(name)) {
              ctx.addIssue({
                code: 'custom',
                path: ['params', name],
                message: 'is a declared field, not a type parameter',
              });
            }
          }
        }),
      output: z.looseObject({ check_id: idString.optional() }),
      effect: 'create',
    },
  ),
  check_remove: lunanodeAction(route('check-remove'), {
    summary: 'Delete a monitoring check (and its alerts).',
    input: z.strictObject({ check_id: checkId }),
    output: Ack,
    effect: 'delete',
  }),
  contact_list: lunanodeAction(route('contact-list'), {
    summary: 'List the alert contacts.',
    input: z.strictObject({}),
    output: z.looseObject({ contacts: listOf(MonitorContact, 'contact_id') }),
    effect: 'read',
  }),
  contact_add: lunanodeAction(route('contact-add'), {
    summary: 'Add an alert contact: an e-mail address, a phone number (SMS) or a URL (HTTP).',
    input: z
      .strictObject({
        type: z.enum(['email', 'sms_twilio', 'http']).describe('Contact type'),
        rel: z.string().min(3).max(512).describe('E-mail address, phone number (+15551234567) or URL'),
      })
      .superRefine((contact, ctx) => {
        const valid =
          contact.type === 'email'
            ? z.email().safeParse(contact.rel).success
            : contact.type === 'http'
              ? z.url({ protocol: /^https?$/ }).safeParse(contact.rel).success
              : /^\+?\d{6,15}$/.test(contact.rel);
        if (!valid)
          ctx.addIssue({ code: 'custom', path: ['rel'], message: `is not a valid ${contact.type} contact` });
      }),
    output: z.looseObject({ contact_id: idString.optional() }),
    effect: 'create',
  }),
  contact_remove: lunanodeAction(route('contact-remove'), {
    summary: 'Delete an alert contact.',
    input: z.strictObject({ contact_id: contactId }),
    output: Ack,
    effect: 'delete',
  }),
  alert_list: lunanodeAction(route('alert-list'), {
    summary: 'List the alerts (contacts notified) of a check.',
    input: z.strictObject({ check_id: checkId }),
    output: z.looseObject({ alerts: listOf(MonitorAlert, 'alert_id') }),
    effect: 'read',
  }),
  alert_add: lunanodeAction(route('alert-add'), {
    summary: 'Notify a contact when a check changes state.',
    input: z.strictObject({ check_id: checkId, contact_id: contactId }),
    output: z.looseObject({ alert_id: idString.optional() }),
    effect: 'create',
  }),
  alert_remove: lunanodeAction(route('alert-remove'), {
    summary: 'Delete an alert.',
    input: z.strictObject({ alert_id: numericId(`From ${ref('monitor.alert_list')}`) }),
    output: Ack,
    effect: 'delete',
  }),
};
