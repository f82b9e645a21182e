import { endpoint, ref } from '@x/auth-core';
import { z } from 'zod';
import type { PanelRoute } from '../route.js';
import { UserName } from '../schemas/common.js';
import { OkResult } from '../schemas/output.js';

/** The answer of `session.newkey`: the one-time login URL (it carries the secret key). */
export const LoginLink = OkResult.extend({
  username: z.string(),
  /** Opening it logs the user in once; treat it as a password. */
  url: z.string(),
});

/** One-time logins: `session.newkey`. */
export const session = {
  newkey: endpoint({
    summary: 'Create a one-time login URL for a panel user (needs admin rights).',
    description: 'The url logs the user in once without a password: hand it only to that user.',
    route: { func: 'session.newkey', result: 'ok', sok: true, keyFlow: true } satisfies PanelRoute,
    input: z.strictObject({
      username: UserName.describe(`user from ${ref('user.list')}`),
      key: z
        .string()
        .min(16)
        .max(128)
        .regex(/^[A-Za-z0-9_-]+$/, 'letters, digits, "_" and "-"')
        .optional()
        .describe('one-time key (default: random, 192 bits)'),
    }),
    output: LoginLink,
    credentials: ['url'],
    effect: 'create',
  }),
};
