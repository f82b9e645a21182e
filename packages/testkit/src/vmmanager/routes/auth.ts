/** Auth v4: password and key login (public), long-lived tokens, the token TTL, one-time keys, users, whoami. */
import { randomUUID } from 'node:crypto';
import { issueToken, tokenAnswer } from '../auth.js';
import { badRequest, fail, notFound, VM_ERROR } from '../errors.js';
import { list, type Route } from '../route.js';
import { jsonBody, text } from '../validate.js';
import { userView } from '../views.js';

export const authRoutes: Route[] = [
  {
    method: 'POST',
    path: /^\/auth\/v4\/public\/token$/,
    public: true,
    handle: ({ req, state, now }) => {
      const body = jsonBody(req, ['email', 'password']);
      const email = text(body, 'email', true);
      const password = text(body, 'password', true);
      const account = state.accounts.find((candidate) => candidate.email === email);
      if (!account || account.password !== password)
        return fail(401, VM_ERROR.invalidPassword, 'Invalid password');
      state.logins++;
      return tokenAnswer(issueToken(state, account.id, now));
    },
  },
  {
    method: 'POST',
    path: /^\/auth\/v4\/public\/key$/,
    public: true,
    handle: ({ req, state, now }) => {
      const body = jsonBody(req, ['key']);
      const key = text(body, 'key', true);
      const index = state.keys.findIndex((candidate) => candidate.key === key && candidate.expiresAt > now);
      const found = state.keys[index];
      if (!found) return fail(401, VM_ERROR.externalAccess, 'Unauthorized');
      state.keys.splice(index, 1); // one-time
      return tokenAnswer(issueToken(state, found.accountId, now), 200);
    },
  },
  {
    method: 'POST',
    path: /^\/auth\/v4\/token$/,
    handle: ({ req, state, now, account }) => {
      const body = jsonBody(req, ['expires_at', 'description']);
      const expires = text(body, 'expires_at', true);
      if (!/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/.test(expires))
        badRequest('expires_at must be YYYY-MM-DD HH:MM:SS', 'expires_at');
      const at = Date.parse(`${expires.replace(' ', 'T')}Z`);
      if (Number.isNaN(at) || at <= now) badRequest('expires_at must be in the future', 'expires_at');
      return tokenAnswer(issueToken(state, account.id, now, at, text(body, 'description')));
    },
  },
  {
    method: 'POST',
    path: /^\/auth\/v4\/setting\/token_ttl$/,
    handle: ({ req, state }) => {
      const value = jsonBody(req, ['value']).value;
      if (typeof value !== 'string' || !/^[1-9]\d*$/.test(value))
        return badRequest('value must be minutes as a string', 'value');
      state.tokenTtlMinutes = Number(value);
      return { body: {} };
    },
  },
  {
    method: 'POST',
    path: /^\/auth\/v4\/user\/([^/]+)\/key$/,
    handle: ({ req, state, now, params, account }) => {
      jsonBody(req, []);
      if (!account.roles.includes('@admin')) fail(403, VM_ERROR.externalAccess, 'Unauthorized');
      const who = decodeURIComponent(params[0] ?? '');
      const target = state.accounts.find(
        (candidate) => candidate.email === who || String(candidate.id) === who,
      );
      if (!target) return notFound('user', who);
      const id = state.nextId++;
      const key = `${id}-${randomUUID()}`;
      state.keys.push({ id, key, accountId: target.id, expiresAt: now + 60 * 60 * 1000 });
      return { status: 201, body: { id: String(id), key } };
    },
  },
  {
    method: 'GET',
    path: /^\/auth\/v4\/user$/,
    handle: ({ req, state, account }) => {
      if (!account.roles.includes('@admin')) fail(403, VM_ERROR.externalAccess, 'Unauthorized');
      return list(
        req,
        state.accounts.map((a) => userView(a)),
      );
    },
  },
  {
    method: 'GET',
    path: /^\/auth\/v4\/whoami$/,
    handle: ({ account }) => ({
      body: { id: account.id, email: account.email, roles: account.roles, state: account.state },
    }),
  },
];
