import { endpoint } from '@x/auth-core';
import { z } from 'zod';
import { RESERVED_PARAMS } from '../codec.js';
import type { PanelRoute } from '../route.js';
import { AnyResult } from '../schemas/output.js';

const ParamScalar = z.union([z.string().max(65_536), z.number(), z.boolean()]);

/** The generic call: any function of any COREmanager panel. */
export const call = endpoint({
  summary: 'Call any panel function by name (func=...) with its parameters; answers a list, form or ok.',
  description:
    'For functions the typed tools do not cover (BILLmanager, DNSmanager, VMmanager 5 ...). Set sok to true to submit ' +
    '(save) an .edit form; without it an .edit function only returns the form. Errors come back typed.',
  route: { func: '(generic)', result: 'any', generic: true } satisfies PanelRoute,
  input: z.strictObject({
    func: z
      .string()
      .min(1)
      .max(128)
      .regex(/^[A-Za-z][A-Za-z0-9_.-]*$/, 'a function name such as "webdomain" or "user.edit"')
      .refine((func) => func !== 'auth', 'log in through the client options, not func=auth')
      .describe('the panel function, e.g. "webdomain", "user.edit", "domain.record"'),
    params: z
      .record(
        z
          .string()
          .min(1)
          .max(128)
          .regex(/^[A-Za-z0-9_.-]+$/, 'a parameter name')
          .refine(
            (name) => !RESERVED_PARAMS.includes(name),
            'set by the client (func, out, authinfo, auth; sok is its own field)',
          ),
        z.union([ParamScalar, z.array(z.union([z.string(), z.number()])).max(500)]),
      )
      .optional()
      .describe('parameters by name: booleans become on/off, lists are joined with ", " (group elid)'),
    sok: z
      .boolean()
      .optional()
      .describe('submit: sends sok=ok (needed to save an .edit form or run an action)'),
  }),
  output: AnyResult,
  effect: 'action',
});
