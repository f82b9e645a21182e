import { endpoint } from '@x/auth-core';
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
    summary:
      'Create a one-time login URL for a panel user (func session.newkey then func=auth with the key).',
    description:
      'Needs administrator rights. The returned url logs the user in once without a password: hand it only to that user. ' +
      'The key is generated (192 random bits) unless given.',
    route: { func: 'session.newkey', result: 'ok', sok: true, keyFlow: true } satisfies PanelRoute,
    input: z.strictObject({
      username: UserName.describe('the panel user to log in (from ispmanager_user_list)'),
      key: z
        .string()
        .min(16)
        .max(128)
        .regex(/^[A-Za-z0-9_-]+$/, 'letters, digits, "_" and "-"')
        .optional()
        .describe('the one-time key, at least 16 characters (default: a random one)'),
    }),
    output: LoginLink,
    effect: 'create',
  }),
};
