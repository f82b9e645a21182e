/**
 * Vendor refusals: the one table from which typed errors are built, and the factory that builds them.
 *
 * A codec says what the vendor answered (its message, code, data, the kind of refusal when the vendor says
 * it in its own words); this module picks the class, composes the message, and redacts every string with
 * the call's redactor at construction, so no codec redacts by hand and no refusal can skip it.
 */
import {
  ApiError,
  type ApiErrorDetails,
  AuthError,
  NotFoundError,
  RateLimitError,
  type RefusalKind,
  type Remedy,
} from './errors.js';
import type { WireResponse } from './transport/transport.js';

/**
 * The longest excerpt of a vendor's answer an error carries (after redaction: a secret cut in half would
 * no longer be recognised, so the text is redacted first and cut afterwards).
 */
export const EXCERPT_CHARS = 300;

/** The class each kind of refusal is built as. */
export const REFUSAL_CLASSES: Readonly<Record<RefusalKind, RefusalClass>> = {
  api: ApiError,
  auth: AuthError,
  'not-found': NotFoundError,
  'rate-limit': RateLimitError,
};

/** What an HTTP status means when the vendor says nothing more specific; other statuses are `api`. */
export const STATUS_KINDS: Readonly<Record<number, RefusalKind>> = {
  401: 'auth',
  403: 'auth',
  404: 'not-found',
  429: 'rate-limit',
};

/** The kind of refusal an HTTP status means. */
export function refusalKindOf(status: number): RefusalKind {
  return STATUS_KINDS[status] ?? 'api';
}

/** A class a refusal can be built as: the core's, or a vendor refinement of {@link ApiError}. */
export type RefusalClass = new (message: string, details: ApiErrorDetails, retryable?: boolean) => ApiError;

/** What a vendor codec extracted from an error answer (raw: everything is redacted by {@link refusalError}). */
export interface VendorRefusal {
  /** The vendor's message. */
  message?: string | undefined;
  /**
   * The answer's text, when the vendor sent no message of its own: its first {@link EXCERPT_CHARS}
   * characters, redacted, become the message.
   */
  body?: string | undefined;
  code?: string | number | undefined;
  data?: Record<string, unknown> | undefined;
  /** What the caller can do about it, in words (added to the default message). */
  hint?: string | undefined;
  /** What the caller can do about it, as data: the endpoint to call next. */
  remedy?: Remedy | undefined;
  /** The kind of refusal, when the vendor says it in its own words; default: from the HTTP status. */
  kind?: RefusalKind | undefined;
  /** The whole message, when the vendor's phrasing needs more than the default `… failed (HTTP …): …`. */
  summary?: string | undefined;
  /** Build as this class (a vendor refinement); default: the class of {@link VendorRefusal.kind}. */
  as?: RefusalClass | undefined;
  /** Whether repeating the call may succeed; default: for server errors (5xx) and rate limits. */
  retryable?: boolean | undefined;
}

/**
 * What of the answer a refusal is built from: a response, or only the call's redactor for a refusal that
 * no single answer carries (a task that failed while it was being waited for).
 */
export type RefusalResponse = Pick<WireResponse, 'redactor'> &
  Partial<Pick<WireResponse, 'status' | 'retryAfterMs' | 'attempts' | 'request'>>;

/**
 * Builds the typed error for a refused call: the class from {@link VendorRefusal.kind}, else from the HTTP
 * status ({@link STATUS_KINDS}); every string redacted with the call's redactor. Vendors that answer errors
 * with HTTP 200 pass the status they mean through `status`, or say the kind.
 */
export function refusalError(
  vendor: string,
  endpoint: string,
  response: RefusalResponse,
  refusal: VendorRefusal = {},
  status: number | undefined = response.status,
): ApiError {
  const redactor = response.redactor;
  const text = (value: string | undefined) => (value === undefined ? undefined : redactor.text(value));
  const kind = refusal.kind ?? (status === undefined ? 'api' : refusalKindOf(status));
  const vendorMessage =
    refusal.message === undefined && refusal.body !== undefined && refusal.body !== ''
      ? redactor.excerpt(refusal.body, EXCERPT_CHARS)
      : text(refusal.message);
  const hint = text(refusal.hint);
  const details: ApiErrorDetails & { retryAfterMs?: number | undefined } = {
    vendor,
    endpoint,
    status,
    code: typeof refusal.code === 'string' ? redactor.text(refusal.code) : refusal.code,
    vendorMessage,
    data: refusal.data ? (redactor.value(refusal.data) as Record<string, unknown>) : undefined,
    hint,
    remedy: refusal.remedy,
    request: response.request,
    attempts: response.attempts,
    ...(kind === 'rate-limit' ? { retryAfterMs: response.retryAfterMs } : {}),
  };
  const message =
    refusal.summary !== undefined
      ? redactor.text(refusal.summary)
      : defaultMessage(vendor, endpoint, kind, details);
  const errorClass = refusal.as ?? REFUSAL_CLASSES[kind];
  return new errorClass(message, details, refusal.retryable ?? (status !== undefined && status >= 500));
}

function defaultMessage(
  vendor: string,
  endpoint: string,
  kind: RefusalKind,
  details: ApiErrorDetails & { retryAfterMs?: number | undefined },
): string {
  const said = details.vendorMessage ? `: ${details.vendorMessage}` : '';
  const code = details.code !== undefined ? `[${details.code}]` : '';
  const hint = details.hint ? ` ${details.hint}` : '';
  const http = details.status === undefined ? '' : `HTTP ${details.status}`;
  const where = [http, code].filter(Boolean).join(' ');
  const head = `${vendor} ${endpoint} failed${where ? ` (${where})` : ''}${said}.`;
  if (kind === 'auth') return `${head}${hint || ' Check the credentials and their permissions.'}`;
  if (kind === 'rate-limit' && details.retryAfterMs !== undefined) {
    return `${head} The server asked to wait ${Math.ceil(details.retryAfterMs / 1000)} s.${hint}`;
  }
  return `${head}${hint}`;
}
