import { endpoint, listedAs } from '@x/auth-core';
import { z } from 'zod';
import { RESERVED_PARAMS } from '../codec.js';
import { coveredBy } from '../generic.js';
import type { PanelRoute } from '../route.js';
import { UserName } from '../schemas/common.js';
import { AnyResult } from '../schemas/output.js';

const PARAMS =
  'Name: text, number, boolean (sent on/off) or list (joined with ", ", e.g. group elid); func, sok, su, out, auth* are set for you';

const ParamScalar = z.union([z.string().max(65_536), z.number(), z.boolean()]);

/** The generic call: any function of any COREmanager panel. */
export const call = endpoint({
  summary: 'Call any panel function (func) with parameters; answers a list, form or ok.',
  description:
    'For what typed tools lack (BILLmanager, DNSmanager, VMmanager 5...); typed tool x_y_list is func x.y. ' +
    'An .edit func only returns its form unless sok is true.',
  route: { func: '(generic)', result: 'any', generic: true } satisfies PanelRoute,
  input: z.strictObject({
    func: z
      .string()
      .min(1)
      .max(128)
      .regex(/^[A-Za-z][A-Za-z0-9_.-]*$/, 'a function name such as "webdomain" or "user.edit"')
      // Without case: `AUTH` or `Auth.` must not slip past a rule the panel may not apply case-sensitively.
      .refine((func) => !/^auth(\.|$)/i.test(func), 'log in through the client options, not func=auth')
      .describe('e.g. "webdomain", "user.edit", "domain.record"'),
    // Listed as a plain object: the full value union renders as ~60 tokens of nested anyOf.
    params: listedAs(
      z
        .record(
          z
            .string()
            .min(1)
            .max(128)
            .regex(/^[A-Za-z0-9_.-]+$/, 'a parameter name')
            .refine(
              (name) => !RESERVED_PARAMS.includes(name.toLowerCase()),
              'set by the client (func, out, authinfo, auth; sok and su are their own fields)',
            ),
          z.union([ParamScalar, z.array(z.union([z.string(), z.number()])).max(500)]),
        )
        .optional()
        .describe(PARAMS),
      { type: 'object', description: PARAMS },
    ),
    sok: z.boolean().optional().describe('submit (sok=ok): save a form or run an action'),
    su: UserName.optional().describe('act as this panel user (admins: anyone; resellers: their users)'),
  }),
  output: AnyResult,
  effect: 'action',
  covers: coveredBy,
});
