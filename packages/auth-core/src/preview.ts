import type { WireRequest } from './transport/transport.js';

/**
 * The parameters a request carries, decoded as the vendor reads them: the URL's query, then a form or JSON
 * body. A dry-run preview and a confirmation prompt show these (redacted), so the person who approves a call
 * sees what it changes rather than an encoded blob. Repeated names become arrays.
 */
export function wireParams(wire: WireRequest): Record<string, unknown> {
  const params: Record<string, unknown> = {};
  const add = (name: string, value: unknown) => {
    const had = params[name];
    if (had === undefined) params[name] = value;
    else params[name] = Array.isArray(had) ? [...had, value] : [had, value];
  };
  const url = typeof wire.url === 'string' ? safeUrl(wire.url) : wire.url;
  for (const [name, value] of url?.searchParams ?? []) add(name, value);
  if (wire.body === undefined) return params;
  const text = typeof wire.body === 'string' ? wire.body : Buffer.from(wire.body).toString('utf8');
  const type = headerValue(wire.headers, 'content-type');
  if (type.includes('x-www-form-urlencoded')) {
    for (const [name, value] of new URLSearchParams(text)) add(name, value);
  } else if (type.includes('json')) {
    const body = parseJson(text);
    if (body !== null && typeof body === 'object' && !Array.isArray(body)) {
      for (const [name, value] of Object.entries(body)) add(name, value);
    } else if (body !== undefined) add('(body)', body);
  }
  return params;
}

/** The path of a request URL, decoded segment by segment (what the vendor routes on). */
export function wirePath(wire: WireRequest): string {
  const url = typeof wire.url === 'string' ? safeUrl(wire.url) : wire.url;
  return url?.pathname ?? '';
}

/** The host (and port, when not the default) a request goes to. */
export function wireHost(wire: WireRequest): string {
  const url = typeof wire.url === 'string' ? safeUrl(wire.url) : wire.url;
  return url?.host ?? '';
}

function safeUrl(text: string): URL | undefined {
  try {
    return new URL(text);
  } catch {
    return undefined;
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function headerValue(headers: Record<string, string> | undefined, name: string): string {
  for (const [key, value] of Object.entries(headers ?? {})) if (key.toLowerCase() === name) return value;
  return '';
}
