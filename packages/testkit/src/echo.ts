import type { IncomingHttpHeaders } from 'node:http';
import type { SimRequest } from './request.js';
import type { SimResponse } from './response.js';
import { createSimulator, type Simulator } from './simulator.js';

/** Credentials never come back in an echo, so a test or a sandbox screen cannot leak them. */
const SECRET_HEADERS = new Set(['authorization', 'cookie', 'proxy-authorization']);
const MAX_JSON_ITEMS = 100_000;
const DEFAULT_JSON_ITEMS = 10;

/**
 * A generic simulator for transport tests and the sandbox:
 * - `/status/:code` answers that status (200–599) with `{ "status": code }`;
 * - `/json?size=N` answers a JSON array of N (default 10, at most 100 000) `{ id, name }` objects;
 * - any other path answers 200 with `{ method, path, query, headers, body }` of the request, without
 *   `authorization`, `cookie` and `proxy-authorization` headers.
 */
export function createEchoSimulator(options: { tls?: boolean } = {}): Simulator<undefined> {
  return createSimulator({ name: 'echo', handler: echo, ...(options.tls && { tls: true }) });
}

function echo(req: SimRequest): SimResponse {
  const status = /^\/status\/(\d+)$/.exec(req.path);
  if (status) return statusAnswer(Number(status[1]));
  if (req.path === '/json') return jsonArray(req.query.get('size'));
  return {
    body: {
      method: req.method,
      path: req.path,
      query: Object.fromEntries(req.query),
      headers: withoutSecrets(req.headers),
      body: req.text,
    },
  };
}

function statusAnswer(code: number): SimResponse {
  if (code < 200 || code > 599)
    return { status: 400, body: { error: `status must be 200-599, got ${code}` } };
  return { status: code, body: { status: code } };
}

function jsonArray(size: string | null): SimResponse {
  const count = size === null ? DEFAULT_JSON_ITEMS : Number(size);
  if (!Number.isInteger(count) || count < 0 || count > MAX_JSON_ITEMS) {
    return { status: 400, body: { error: `size must be an integer 0-${MAX_JSON_ITEMS}, got ${size}` } };
  }
  return { body: Array.from({ length: count }, (_, i) => ({ id: i + 1, name: `item ${i + 1}` })) };
}

function withoutSecrets(headers: IncomingHttpHeaders): IncomingHttpHeaders {
  return Object.fromEntries(Object.entries(headers).filter(([name]) => !SECRET_HEADERS.has(name)));
}
