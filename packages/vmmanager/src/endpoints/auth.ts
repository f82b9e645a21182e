import { ref } from '@x/auth-core';
import { z } from 'zod';
import { listFilterShape } from '../filter.js';
import { vmEndpoint } from '../route.js';
import { listOf, Num, Text } from '../schemas/common.js';
import { AuthUser, TokenObject } from '../schemas/objects.js';

/** Authentication service v4 (`/auth/v4`). */
export const auth = {
  token: {
    create: vmEndpoint({
      summary: 'Create a long-lived API token with an expiry time.',
      description: 'Unlike session tokens it survives idle time; keep it secret.',
      route: { method: 'POST', path: '/auth/v4/token' },
      credentials: ['token'],
      input: z.strictObject({
        expires_at: z
          .string()
          .regex(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/, 'YYYY-MM-DD HH:MM:SS')
          .describe('Expiry, e.g. 2030-01-31 00:00:00'),
        description: z.string().min(1).max(200).optional().describe('What the token is for'),
      }),
      output: TokenObject,
      effect: 'create',
    }),
  },
  token_ttl: {
    update: vmEndpoint({
      summary: 'Set how long an unused token lives (default 60 minutes).',
      route: { method: 'POST', path: '/auth/v4/setting/token_ttl' },
      input: z.strictObject({
        value: z.int().min(1).max(525_600).transform(String).describe('Lifetime in minutes'),
      }),
      output: z.looseObject({}),
      effect: 'update',
    }),
  },
  key: {
    create: vmEndpoint({
      summary: 'Create a one-hour login key for a user, and its one-time login link.',
      description: `The link logs a browser in without a password; ${ref('auth.key.exchange')} turns the key into a token. Keep both secret.`,
      route: { method: 'POST', path: '/auth/v4/user/{user}/key', boxInstance: true },
      // The codec adds `link`, the one-time login URL built from the key.
      credentials: ['key', 'link'],
      input: z.strictObject({
        user: z
          .union([z.email().max(254), z.string().regex(/^[1-9][0-9]{0,18}$/, 'a user id')])
          .describe('User e-mail or id'),
      }),
      output: z.looseObject({
        id: Num,
        key: z.string(),
        link: z.string().describe('One-time login link for a browser'),
      }),
      effect: 'create',
    }),
    exchange: vmEndpoint({
      summary: 'Exchange a login key for a session token of its user.',
      description: 'Keep the token secret.',
      route: {
        method: 'POST',
        path: '/auth/v4/public/key',
        public: true,
        boxInstance: true,
      },
      credentials: ['token'],
      input: z.strictObject({
        key: z
          .string()
          .regex(/^[0-9]+-[0-9a-f-]{8,64}$/i, 'a key such as 4-74e7c0e9-...')
          .describe(`Login key (from ${ref('auth.key.create')})`),
      }),
      output: TokenObject,
      effect: 'action',
      // Starts or restores something; destroys nothing, so no confirmation is asked.
      destructive: false,
    }),
  },
  user: {
    list: vmEndpoint({
      summary: 'List the users of the auth service (administrators only).',
      description: "Filter on email, state or roles, e.g. cp('roles', '%@admin%').",
      route: { method: 'GET', path: '/auth/v4/user', filter: true },
      input: z.strictObject(listFilterShape),
      output: listOf(AuthUser),
      effect: 'read',
    }),
  },
  whoami: vmEndpoint({
    summary: 'Show the account the client is logged in as.',
    route: { method: 'GET', path: '/auth/v4/whoami' },
    input: z.strictObject({}),
    output: z.looseObject({ id: Num, email: Text }),
    effect: 'read',
  }),
};
