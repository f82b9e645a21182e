/**
 * Values placed in a URL path. Every codec fills its path templates here, so one set of rules holds for every
 * vendor: a value becomes exactly one percent-encoded segment, and a value that would change which resource
 * the path names (empty, `.`, `..`) is refused before any request is built.
 *
 * Formats (a positive integer id, a key of 16-32 letters and digits) belong in the endpoint's input schema;
 * these rules are the floor under every schema, including hand-written callers that skip one.
 */
import { type FieldIssue, InputError } from './errors.js';

/** Where a path value goes: names the vendor and endpoint in the InputError. */
export interface PathContext {
  /** Vendor key, e.g. `tuxcare`. */
  readonly vendor: string;
  /** Catalog id of the endpoint, e.g. `kcare.nagios.key`. */
  readonly endpoint: string;
  /**
   * Characters left literal in the encoded segment. Only `: @ $ & + , ; =` may be named: RFC 3986 allows them in
   * a segment, where they do not split it (VMmanager's document writes `/auth/v4/user/client@example.com/key`).
   */
  readonly literal?: string | undefined;
}

/** The longest value accepted in one segment; servers answer 414 long before a URL gets much bigger. */
export const MAX_PATH_SEGMENT_CHARS = 1024;

/** Sub-delimiters and `:`/`@`: legal inside a segment, escaped by encodeURIComponent, safe to keep literal. */
const LITERAL_ALLOWED = new Set([':', '@', '$', '&', '+', ',', ';', '=']);

const PLACEHOLDER = /\{(\w+)\}/g;

/** The names of a template's `{name}` placeholders, in order (`/vm/v3/host/{host_id}/start` → `['host_id']`). */
export function pathParams(template: string): string[] {
  return [...template.matchAll(PLACEHOLDER)].map((match) => match[1] as string);
}

/**
 * Why a value cannot be one path segment, or `undefined` when it can. The reason never quotes the value (it may
 * be a key or a token).
 */
export function pathSegmentIssue(value: unknown): string | undefined {
  if (value === undefined || value === null) return 'required (it is part of the URL path)';
  if (typeof value === 'number') {
    return Number.isFinite(value) ? undefined : 'must be a finite number (it is part of the URL path)';
  }
  if (typeof value === 'bigint') return undefined;
  if (typeof value !== 'string') return 'must be a string or a number (it is part of the URL path)';
  if (value === '') return 'must not be empty (it is one URL path segment)';
  if (value === '.' || value === '..') {
    return 'must not be "." or ".." (a dot segment would change the URL path)';
  }
  if (value.length > MAX_PATH_SEGMENT_CHARS) {
    return `must be at most ${MAX_PATH_SEGMENT_CHARS} characters (it is one URL path segment)`;
  }
  // A lone surrogate cannot be percent-encoded (encodeURIComponent throws a URIError).
  if (/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(value)) {
    return 'must be well-formed Unicode text (it is part of the URL path)';
  }
  return undefined;
}

function refuse(field: string, message: string, context: PathContext): InputError {
  const issues: FieldIssue[] = [{ path: field, message }];
  return new InputError(
    `Invalid input for ${context.vendor} ${context.endpoint}: ${field}: ${message}. No request was sent.`,
    { vendor: context.vendor, endpoint: context.endpoint, issues },
  );
}

/**
 * Checks one value bound for the URL path and percent-encodes it as exactly one segment: `/`, `?`, `#`, `%` and
 * every other reserved character are escaped, so `a/b` stays one segment and `%2e%2e` arrives as the literal
 * text `%2e%2e`, never as `..`.
 *
 * @param field - the input field the value came from, named in the error
 * @throws InputError naming `field` and the rule when the value is missing, empty, `.` or `..`, not a string or
 *   finite number, longer than {@link MAX_PATH_SEGMENT_CHARS} or not well-formed Unicode; nothing has been sent.
 * @example
 * ```ts
 * pathSegment('key', 'a/b', { vendor: 'tuxcare', endpoint: 'kcare.nagios.key' }); // 'a%2Fb'
 * pathSegment('key', '..', { vendor: 'tuxcare', endpoint: 'kcare.nagios.key' }); // throws InputError
 * ```
 */
export function pathSegment(field: string, value: unknown, context: PathContext): string {
  const issue = pathSegmentIssue(value);
  if (issue !== undefined) throw refuse(field, issue, context);
  let encoded = encodeURIComponent(String(value));
  for (const char of context.literal ?? '') {
    if (!LITERAL_ALLOWED.has(char)) {
      throw new TypeError(`pathSegment: "${char}" cannot be kept literal in a path segment`);
    }
    encoded = encoded.replaceAll(encodeURIComponent(char), char);
  }
  return encoded;
}

/**
 * Fills a path template: each `{name}` becomes {@link pathSegment}(name, lookup(name)). `lookup` is asked once
 * per placeholder, in order, so a codec can take the field out of the input (and supply defaults) as it goes.
 *
 * @throws InputError naming the first field whose value cannot be a path segment; nothing has been sent.
 * @example
 * ```ts
 * fillPath('/vm/v3/host/{host_id}/start', (name) => input[name], { vendor: 'vmmanager', endpoint: 'host.start' });
 * // '/vm/v3/host/12/start'
 * ```
 */
export function fillPath(template: string, lookup: (name: string) => unknown, context: PathContext): string {
  return template.replace(PLACEHOLDER, (_, name: string) => pathSegment(name, lookup(name), context));
}
