import { ApiError, type ApiErrorDetails } from '@x/auth-core';

/** The VMmanager error code for "this function is not available to external API requests". */
export const EXTERNAL_ACCESS_DENIED = 3001;

/**
 * VMmanager answered error 3001: the function exists but is not available to external API requests (it is
 * internal to the platform). Logging in again does not help, so the client never does, and it is not an
 * `AuthError` (kind `api`): a handler that refreshes credentials on `AuthError` would only repeat the refusal.
 */
export class ExternalAccessError extends ApiError {
  static override readonly brand: string = 'VmManagerExternalAccessError';
}

/** A task finished with status `fail`; `task` is the task object as VMmanager reported it. */
export class TaskFailedError extends ApiError {
  static override readonly brand: string = 'VmManagerTaskFailedError';
  readonly task: Record<string, unknown>;
  /** Built through `refusalError`, which redacts `data` first: `data.task` is the task object. */
  constructor(message: string, details: ApiErrorDetails, retryable = false) {
    super(message, details, retryable);
    this.task = (details.data?.task ?? {}) as Record<string, unknown>;
  }
}

/** The `error` object of a VMmanager answer. */
export interface VmErrorBody {
  code?: number | string | undefined;
  msg?: string | undefined;
  value?: unknown;
}

/** Extracts `{"error":{"code","msg","value"}}` from a parsed body, if present. */
export function vmErrorOf(body: unknown): VmErrorBody | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const error = (body as { error?: unknown }).error;
  if (typeof error !== 'object' || error === null) return undefined;
  const { code, msg, value } = error as Record<string, unknown>;
  return {
    code: typeof code === 'number' || typeof code === 'string' ? code : undefined,
    msg: typeof msg === 'string' ? msg : undefined,
    value,
  };
}
