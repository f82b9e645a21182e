/**
 * Tokens: issuing them (password login, one-time keys, long-lived tokens) and checking `x-xsrf-token` on every
 * non-public call, with the 60-minute idle expiry (or a token's own `expires_at`) and error 3001 for functions
 * marked internal.
 */
import { randomUUID } from 'node:crypto';
import type { SimRequest } from '../request.js';
import type { SimResponse } from '../response.js';
import { fail, VM_ERROR } from './errors.js';
import type { SimAccount, SimToken, VmManagerState } from './state.js';
import { byId, stamp } from './views.js';

export function issueToken(
  state: VmManagerState,
  accountId: number,
  now: number,
  expiresAt?: number,
  description?: string,
) {
  const token: SimToken = {
    id: state.nextId++,
    token: `${accountId}-${randomUUID()}`,
    accountId,
    lastUsed: now,
    expiresAt,
    description,
  };
  state.tokens.push(token);
  return token;
}

export function tokenAnswer(token: SimToken, status = 201): SimResponse {
  return {
    status,
    body: {
      id: token.id,
      token: token.token,
      expires_at: token.expiresAt === undefined ? null : stamp(token.expiresAt),
      confirmed: true,
      ...(token.description !== undefined && { description: token.description }),
    },
  };
}

/**
 * The caller of a non-public call: its live token (now marked used) and account. Throws error 1000 for a
 * missing, unknown or expired token (an expired one is deleted), and 3001 for a function marked internal.
 */
export function authenticate(
  req: SimRequest,
  state: VmManagerState,
  now: number,
  path: string,
): { account: SimAccount; token: SimToken } {
  const header = req.headers['x-xsrf-token'];
  let token = state.tokens.find((candidate) => candidate.token === header);
  if (token) {
    const expired =
      token.expiresAt !== undefined
        ? now >= token.expiresAt
        : now - token.lastUsed >= state.tokenTtlMinutes * 60_000;
    if (expired) {
      state.tokens = state.tokens.filter((candidate) => candidate !== token);
      token = undefined;
    }
  }
  const account = token ? byId(state.accounts, token.accountId) : undefined;
  if (!token || !account) return fail(401, VM_ERROR.invalidToken, 'Invalid or expired token');
  token.lastUsed = now;
  if (state.internal.some((fn) => fn.method === req.method && fn.path.test(path))) {
    return fail(401, VM_ERROR.externalAccess, 'Unauthorized');
  }
  return { account, token };
}
