import { ApiError, type ApiErrorDetails, AuthError, NotFoundError, RateLimitError } from './errors.js';
import type { WireResponse } from './transport/transport.js';

/** What a vendor codec extracted from an error answer. */
export interface VendorRefusal {
  /** The vendor's message (redacted by this function). */
  message?: string | undefined;
  code?: string | number | undefined;
  data?: Record<string, unknown> | undefined;
  hint?: string | undefined;
}

/**
 * Builds the typed error for a refused call from its HTTP status: 401/403 AuthError, 404 NotFoundError,
 * 429 RateLimitError (with Retry-After), anything else ApiError. Vendors that answer errors with HTTP 200
 * pass the status they mean through `status`.
 */
export function refusalError(
  vendor: string,
  endpoint: string,
  response: Pick<WireResponse, 'status' | 'retryAfterMs' | 'attempts' | 'redactor' | 'request'>,
  refusal: VendorRefusal = {},
  status: number = response.status,
): ApiError {
  const redactor = response.redactor;
  const vendorMessage = refusal.message === undefined ? undefined : redactor.text(refusal.message);
  const details: ApiErrorDetails = {
    vendor,
    endpoint,
    status,
    code: refusal.code,
    vendorMessage,
    data: refusal.data ? (redactor.value(refusal.data) as Record<string, unknown>) : undefined,
    hint: refusal.hint,
    request: response.request,
    attempts: response.attempts,
  };
  const said = vendorMessage ? `: ${vendorMessage}` : '';
  const code = refusal.code !== undefined ? ` [${refusal.code}]` : '';
  const hint = refusal.hint ? ` ${refusal.hint}` : '';
  const head = `${vendor} ${endpoint} failed (HTTP ${status}${code})${said}.`;
  if (status === 401 || status === 403) {
    return new AuthError(`${head}${hint || ' Check the credentials and their permissions.'}`, details);
  }
  if (status === 404) return new NotFoundError(`${head}${hint}`, details);
  if (status === 429) {
    const wait =
      response.retryAfterMs !== undefined
        ? ` The server asked to wait ${Math.ceil(response.retryAfterMs / 1000)} s.`
        : '';
    return new RateLimitError(`${head}${wait}${hint}`, { ...details, retryAfterMs: response.retryAfterMs });
  }
  return new ApiError(`${head}${hint}`, details, 'api', status >= 500);
}
