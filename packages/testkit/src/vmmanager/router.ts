/**
 * The simulator's request handling: the 503 "suspended" switch, finishing due tasks, matching a route (404 for
 * an unknown path, 405 for a known path with another method), the token check on non-public routes, and
 * turning refusals into error answers.
 */
import type { SimRequest } from '../request.js';
import type { SimResponse } from '../response.js';
import { authenticate } from './auth.js';
import { errorResponse, VM_ERROR, VmFailure } from './errors.js';
import { FilterSyntaxError } from './query.js';
import type { Route } from './route.js';
import { authRoutes } from './routes/auth.js';
import { hostRoutes } from './routes/host.js';
import { networkRoutes } from './routes/network.js';
import { platformRoutes } from './routes/platform.js';
import { storageRoutes } from './routes/storage.js';
import { taskRoutes } from './routes/task.js';
import type { SimAccount, SimToken, VmManagerState } from './state.js';
import { tick } from './tasks.js';

const routes: readonly Route[] = [
  ...authRoutes,
  ...hostRoutes,
  ...storageRoutes,
  ...networkRoutes,
  ...platformRoutes,
  ...taskRoutes,
];

/** Handles one request against the state. */
export function handleVmManager(req: SimRequest, state: VmManagerState, now: number): SimResponse {
  if (state.suspended > 0) {
    state.suspended--;
    return {
      status: 503,
      headers: { 'content-type': 'text/html' },
      body: '<html><body>503 Service Temporarily Unavailable</body></html>',
    };
  }
  tick(state, now);
  // The document's curl examples put the services under `/api` too (`/api/auth/v4/public/token`).
  const path = req.path.startsWith('/api/') ? req.path.slice(4) : req.path;
  const candidates = routes.filter((route) => route.path.test(path));
  if (candidates.length === 0)
    return errorResponse(new VmFailure(404, VM_ERROR.notFound, 'Unknown API function'));
  const route = candidates.find((candidate) => candidate.method === req.method);
  if (!route)
    return errorResponse(new VmFailure(405, VM_ERROR.badRequest, `Method ${req.method} not allowed`));
  try {
    let account: SimAccount | undefined;
    let token: SimToken | undefined;
    if (!route.public) ({ account, token } = authenticate(req, state, now, path));
    const params = (route.path.exec(path) ?? []).slice(1);
    // Public routes have no caller; they never read `account`.
    return route.handle({ req, state, now, params, account: account as SimAccount, token });
  } catch (error) {
    if (error instanceof VmFailure) return errorResponse(error);
    if (error instanceof FilterSyntaxError) {
      return errorResponse(new VmFailure(400, VM_ERROR.badRequest, `Invalid filter: ${error.message}`));
    }
    throw error;
  }
}
