import { endpoint, listedAs, ref } from '@x/auth-core';
import { z } from 'zod';
import type { PanelRoute } from '../route.js';
import { EmailAddress, editInput, ids, pagingFields } from '../schemas/common.js';
import { flag, listResult, OkResult, optText, text } from '../schemas/output.js';

/** A cron job as `func=scheduler` lists it (the id is `key`). */
export const CronJob = z.looseObject({
  key: text,
  command: optText,
  description: optText,
  schedule: optText,
  active: flag,
});

// Five of these in one tool: listed with the character rule only (at most 64 characters).
const CronField = (what: string) =>
  listedAs(
    z
      .string()
      .min(1)
      .max(64)
      .regex(/^[0-9*,/-]+$/, 'a cron field: digits, "*", ",", "/", "-"')
      .optional()
      .describe(what),
    { type: 'string', pattern: '^[0-9*,/-]+$', description: what },
  );

/** Cron jobs: `scheduler` and its family. */
export const scheduler = {
  list: endpoint({
    summary: 'List cron jobs.',
    route: { func: 'scheduler', result: 'list' } satisfies PanelRoute,
    input: z.strictObject({ ...pagingFields }),
    output: listResult(CronJob),
    effect: 'read',
  }),
  edit: endpoint({
    summary: 'Create or change a cron job.',
    description: 'schedule_type type_basic uses run_every; type_expert uses the input_* cron fields.',
    route: { func: 'scheduler.edit', result: 'ok', sok: true } satisfies PanelRoute,
    input: editInput({
      elid: `job key from ${ref('scheduler.list')}`,
      fields: {
        command: z.string().min(1).max(4096).optional().describe('shell command'),
        description: z.string().max(1024).optional().describe('comment'),
        mailto: EmailAddress.optional().describe('mail output to'),
        schedule_type: z.enum(['type_basic', 'type_expert']).optional().describe('schedule kind'),
        run_every: z
          .enum(['every_hour', 'every_day', 'every_week', 'every_month'])
          .optional()
          .describe('period'),
        input_min: CronField('minute'),
        input_hour: CronField('hour'),
        input_dmonth: CronField('day of month'),
        input_month: CronField('month'),
        input_dweek: CronField('day of week'),
      },
      required: ['command', 'schedule_type'],
    }).superRefine((input, ctx) => {
      if (input.schedule_type === 'type_basic' && input.mode === 'create' && input.run_every === undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['run_every'],
          message: 'required with schedule_type "type_basic"',
        });
      }
    }),
    output: OkResult,
    effect: 'update',
    idempotent: false,
  }),
  delete: endpoint({
    summary: 'Delete cron jobs.',
    route: { func: 'scheduler.delete', result: 'ok', sok: true } satisfies PanelRoute,
    input: z.strictObject({ elid: ids(`job keys from ${ref('scheduler.list')}`) }),
    output: OkResult,
    effect: 'delete',
  }),
};
