/** Turning a validated input into the URL and body of a VMmanager request (pure, no I/O). */
import { encodeFilterParam, filterQuery, type ListFilter, whereText } from './filter.js';
import type { VmRoute } from './route.js';

/** The parts of a request that depend only on the route and the input. */
export interface WireParts {
  /** Path and query, to append to the base URL's path. */
  pathAndQuery: string;
  /** JSON body for POST requests. */
  body: string | undefined;
}

/** Encodes a path parameter; `@` stays literal as in the document's `/auth/v4/user/client@example.com/key`. */
function pathSegment(value: unknown): string {
  return encodeURIComponent(String(value)).replace(/%40/g, '@');
}

function scalar(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** Builds the path, query and body of one call. */
export function wireParts(route: VmRoute, input: unknown): WireParts {
  const rest: Record<string, unknown> = { ...(input as Record<string, unknown>) };
  const path = route.path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = rest[name];
    delete rest[name];
    return pathSegment(value);
  });
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

/** Joins the base URL (which may carry a path prefix such as `/api`) and a path. */
export function joinUrl(base: URL, pathAndQuery: string): string {
  return `${base.origin}${base.pathname.replace(/\/+$/, '')}${pathAndQuery}`;
}
