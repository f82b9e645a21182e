/** What a route is, what its handler gets, and the answer shapes several routes share. */
import type { SimRequest } from '../request.js';
import type { SimResponse } from '../response.js';
import { notFound } from './errors.js';
import { applyListQuery } from './query.js';
import type { SimAccount, SimHost, SimToken, VmManagerState } from './state.js';
import { onlyQuery } from './validate.js';
import { byId } from './views.js';

/** Everything a route handler needs. */
export interface Ctx {
  req: SimRequest;
  state: VmManagerState;
  now: number;
  /** Path captures. */
  params: string[];
  /** The caller, on non-public routes. */
  account: SimAccount;
  token: SimToken | undefined;
}

export type Handler = (ctx: Ctx) => SimResponse;

/** One method on one path; `public` routes take no token. */
export interface Route {
  method: 'GET' | 'POST' | 'DELETE';
  path: RegExp;
  public?: boolean;
  handle: Handler;
}

/** The path of one host, capturing its id. */
export const HOST = String.raw`^/vm/v3/host/(\d+)`;
export const re = (source: string) => new RegExp(source);

/** A list answer after `where`, `orderby` and `limit` (the only query parameters a list takes). */
export const list = <T>(req: SimRequest, items: readonly T[]): SimResponse => {
  onlyQuery(req, ['where', 'orderby', 'limit']);
  const { list: page, size } = applyListQuery(items, req.query);
  return { body: { list: page, size, last_notify: 0 } };
};

/** An action's answer: the object's id and the task that carries it out. */
export const action = (id: number, task: number, extra: Record<string, unknown> = {}): SimResponse => ({
  body: { id, task, ...extra },
});

/** The host named by the first path capture. */
export function host(ctx: Ctx): SimHost {
  const id = Number(ctx.params[0]);
  return byId(ctx.state.hosts, id) ?? notFound('host', id);
}
