/**
 * Reading a vendor's answer, once for every codec: header access, JSON parse-or-`ResponseFormatError`, and
 * the format error itself with the one excerpt length ({@link EXCERPT_CHARS}), redacted before it is cut.
 */
import { ResponseFormatError } from './errors.js';
import { EXCERPT_CHARS } from './refusals.js';
import type { WireResponse } from './transport/transport.js';

/** Which call an answer belongs to, for the errors built from it. */
export interface DecodeContext {
  vendor: string;
  /** Catalog id of the endpoint (or `auth.login` for a login). */
  endpoint: string;
}

/** What of an answer decoding reads. */
export type DecodedResponse = Pick<
  WireResponse,
  'status' | 'headers' | 'text' | 'redactor' | 'request' | 'attempts'
>;

/** One header of an answer, by lower-case name; repeated headers joined with `, ` (RFC 9110 §5.3). */
export function headerOf(response: Pick<WireResponse, 'headers'>, name: string): string | undefined {
  const value = response.headers[name.toLowerCase()];
  return Array.isArray(value) ? value.join(', ') : value;
}

/**
 * The error for an answer that does not parse or is not the vendor's format: `{vendor} {endpoint}: {reason}`,
 * with the status, the content type and at most {@link EXCERPT_CHARS} characters of the body, redacted
 * before the cut (a secret cut in half would no longer be recognised).
 */
export function responseFormatError(
  context: DecodeContext,
  response: DecodedResponse,
  reason: string,
  text: string = response.text(),
): ResponseFormatError {
  return new ResponseFormatError(`${context.vendor} ${context.endpoint}: ${reason}`, {
    vendor: context.vendor,
    endpoint: context.endpoint,
    status: response.status,
    contentType: headerOf(response, 'content-type'),
    excerpt: response.redactor.excerpt(text, EXCERPT_CHARS),
    request: response.request,
    attempts: response.attempts,
  });
}

/** The outcome of parsing a body as JSON: the value, or why it is not JSON. */
export type JsonParse = { ok: true; value: unknown } | { ok: false; reason: string };

/** Parses a body as JSON; an empty (or blank) body is `empty` when given, else not JSON. */
export function tryJson(text: string, options: { empty?: unknown } = {}): JsonParse {
  if ('empty' in options && text.trim() === '') return { ok: true, value: options.empty };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * Parses an answer as JSON, or throws the {@link responseFormatError} `the answer is not JSON`.
 *
 * @throws ResponseFormatError when the body is not JSON.
 */
export function parseJson(
  context: DecodeContext,
  response: DecodedResponse,
  options: { empty?: unknown } = {},
): unknown {
  const text = response.text();
  const parsed = tryJson(text, options);
  if (parsed.ok) return parsed.value;
  throw responseFormatError(context, response, `the answer (HTTP ${response.status}) is not JSON.`, text);
}
