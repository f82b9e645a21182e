/** Turning a validated input into the URL and body of a VMmanager request (pure, no I/O). */
import { fillPath, type PathContext } from '@x/auth-core';
import { encodeFilterParam, filterQuery, type ListFilter, whereText } from './filter.js';
import type { VmRoute } from './route.js';

/** The parts of a request that depend only on the route and the input. */
export interface WireParts {
  /** Path and query, to append to the base URL's path. */
  pathAndQuery: string;
  /** JSON body for POST requests. */
  body: string | undefined;
}

/**
 * Where path values go: auth-core's fillPath checks and encodes each (one segment; empty, `.` and `..` refused by
 * name); `@` stays literal as in the document's `/auth/v4/user/client@example.com/key`.
 */
function pathContext(endpoint: string): PathContext {
  return { vendor: 'vmmanager', endpoint, literal: '@' };
}

/**
 * The route's path with its `{name}` placeholders filled from the input (the fields are taken out of `rest`).
 *
 * @throws InputError naming a field whose value cannot be one path segment; nothing has been sent.
 */
export function wirePathOf(route: VmRoute, rest: Record<string, unknown>, endpoint: string): string {
  return fillPath(
    route.path,
    (name) => {
      const value = rest[name];
      delete rest[name];
      return value;
    },
    pathContext(endpoint),
  );
}

function scalar(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** Builds the path, query and body of one call (`endpoint`, the catalog id, names the call in an InputError). */
export function wireParts(route: VmRoute, input: unknown, endpoint: string): WireParts {
  const rest: Record<string, unknown> = { ...(input as Record<string, unknown>) };
  const path = wirePathOf(route, rest, endpoint);
  for (const [field, wire] of Object.entries(route.wireNames ?? {})) {
    if (field in rest) {
      rest[wire] = rest[field];
      delete rest[field];
    }
  }
  const query: string[] = [];
  if (route.filter) {
    const { where, orderby, limit } = rest as ListFilter;
    delete rest.where;
    delete rest.orderby;
    delete rest.limit;
    const text = filterQuery({ where, orderby, limit });
    if (text) query.push(text);
  }
  if (route.lookup) {
    const value = rest[route.lookup];
    delete rest[route.lookup];
    query.push(`where=${encodeFilterParam(whereText({ field: 'id', op: 'EQ', value: value as number }))}`);
  }
  const inQuery = new Set(route.method === 'POST' ? (route.query ?? []) : Object.keys(rest));
  const params = new URLSearchParams();
  for (const name of inQuery) {
    const value = rest[name];
    delete rest[name];
    if (value !== undefined) params.append(name, scalar(value));
  }
  const encoded = params.toString();
  if (encoded) query.push(encoded);
  const pathAndQuery = query.length ? `${path}?${query.join('&')}` : path;
  // POST bodies are JSON; VMmanager expects `{}` for actions without parameters.
  const body = route.method === 'POST' ? JSON.stringify(rest) : undefined;
  return { pathAndQuery, body };
}

/** The path of a key's one-time browser login link, `/auth/key/{key}` (the document's form). */
export function loginLinkPath(key: string): string {
  return fillPath('/auth/key/{key}', () => key, pathContext('auth.key.create'));
}

/** Joins the base URL (which may carry a path prefix such as `/api`) and a path. */
export function joinUrl(base: URL, pathAndQuery: string): string {
  return `${base.origin}${base.pathname.replace(/\/+$/, '')}${pathAndQuery}`;
}
