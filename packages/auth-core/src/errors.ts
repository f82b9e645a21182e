/**
 * One error hierarchy for every @x client.
 *
 * Each class is branded with a `Symbol.for` key and overrides `Symbol.hasInstance`, so
 * `err instanceof ApiError` holds even when two copies of @x/auth-core are installed side by side
 * (pnpm and npm both allow that). Messages are written for a person: what failed, why, what to do.
 * No error ever carries a secret: every message and field is passed through a redactor before it is built
 * (vendor refusals are built by `refusalError` in refusals.ts, which redacts at construction).
 *
 * Each class has one literal `kind`, so `switch (error.kind)` on an {@link AnyXError} narrows to the class.
 */

const BRAND = Symbol.for('@x/auth-core.error');

/** The kind of an error, one per class; `XError.kind` lets code switch without `instanceof`. */
export type ErrorKind =
  | 'api'
  | 'auth'
  | 'not-found'
  | 'rate-limit'
  | 'transport'
  | 'timeout'
  | 'abort'
  | 'response-format'
  | 'input'
  | 'config';

/** The kinds a vendor refusal ({@link ApiError} and its subclasses) can have. */
export type RefusalKind = 'api' | 'auth' | 'not-found' | 'rate-limit';

/**
 * What the caller can do next, as data: which endpoint (by catalog id) to call. The SDK message says it in
 * words; a projection (the MCP server) renders the endpoint in its own vocabulary, e.g. as a tool name.
 */
export interface Remedy {
  /** Catalog id of the endpoint to call, e.g. `user.list` or `task.wait`. */
  endpoint: string;
  /**
   * Why: `look-up` (take the right id from it), `call-again` (repeat it to keep waiting), `create` (make a
   * fresh one, e.g. a new login key).
   */
  action: 'look-up' | 'call-again' | 'create';
}

/** Fields every error shares. */
export interface ErrorContext {
  /** Vendor key, e.g. `tuxcare`. */
  vendor?: string | undefined;
  /** Catalog id of the endpoint, e.g. `els.key.create`. */
  endpoint?: string | undefined;
  /** The HTTP method and the redacted URL of the last attempt. */
  request?: { method: string; url: string } | undefined;
  /** How many attempts were made. */
  attempts?: number | undefined;
  /** A sanitised cause (message redacted, no stack of foreign objects). */
  cause?: unknown;
  /** What to call next, when the vendor's answer says so (see {@link Remedy}). */
  remedy?: Remedy | undefined;
}

/**
 * The brand a refinement of a refusal also carries, by its kind: a vendor class such as ISPmanager's
 * `PanelError` whose kind is `not-found` is then `instanceof NotFoundError`, so one `catch` works for
 * every vendor.
 */
const KIND_BRANDS: Partial<Record<ErrorKind, string>> = {
  auth: 'AuthError',
  'not-found': 'NotFoundError',
  'rate-limit': 'RateLimitError',
};

function brandsOf(value: unknown): readonly string[] | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const brands = (value as { [BRAND]?: unknown })[BRAND];
  return Array.isArray(brands) ? (brands as string[]) : undefined;
}

/** Base class of every error thrown by an @x client. */
export class XError extends Error {
  /** Which class in the hierarchy this is. */
  readonly kind: ErrorKind;
  readonly vendor: string | undefined;
  readonly endpoint: string | undefined;
  readonly request: { method: string; url: string } | undefined;
  readonly attempts: number | undefined;
  /** Whether repeating the same call later may succeed. */
  readonly retryable: boolean;
  /** What to call next, when known (see {@link Remedy}). */
  readonly remedy: Remedy | undefined;

  /** Brand name of this class; subclasses set their own. */
  static readonly brand: string = 'XError';
  /** The `kind` of this class's instances; every concrete class sets its own literal. */
  static readonly kind: ErrorKind = 'api';

  /**
   * The kind of one instance: the class's own `kind`. A vendor refinement of {@link ApiError} that spans
   * kinds (a panel error that may mean "not found") overrides this, from the details it is built with.
   */
  protected static kindOf(_context: ErrorContext): ErrorKind {
    // biome-ignore lint/complexity/noThisInStatic: `this` is the subclass being constructed, by design.
    return this.kind;
  }

  static override [Symbol.hasInstance](value: unknown): boolean {
    // biome-ignore lint/complexity/noThisInStatic: `this` is the subclass being tested against, by design.
    return brandsOf(value)?.includes(this.brand) ?? false;
  }

  constructor(message: string, context: ErrorContext = {}, retryable = false) {
    super(message, context.cause === undefined ? undefined : { cause: context.cause });
    this.kind = (new.target as unknown as { kindOf(context: ErrorContext): ErrorKind }).kindOf(context);
    this.vendor = context.vendor;
    this.endpoint = context.endpoint;
    this.request = context.request;
    this.attempts = context.attempts;
    this.retryable = retryable;
    this.remedy = context.remedy;
    const brands: string[] = [];
    for (let ctor: unknown = new.target; ctor && ctor !== Error; ctor = Object.getPrototypeOf(ctor)) {
      if (Object.hasOwn(ctor as object, 'brand')) brands.push((ctor as { brand: string }).brand);
    }
    const byKind = KIND_BRANDS[this.kind];
    if (byKind && !brands.includes(byKind)) brands.push(byKind);
    Object.defineProperty(this, BRAND, { value: brands, enumerable: false });
    Object.defineProperty(this, 'name', { value: new.target.name, enumerable: false, configurable: true });
  }

  /** A plain, secret-free object for logs and MCP results. */
  toJSON(): Record<string, unknown> {
    const out: Record<string, unknown> = { name: this.name, kind: this.kind, message: this.message };
    for (const [key, value] of Object.entries(this)) if (value !== undefined) out[key] = value;
    return out;
  }
}

/** Fields of a vendor refusal. */
export interface ApiErrorDetails extends ErrorContext {
  /** HTTP status of the answer (vendors such as ISPmanager and LunaNode answer errors with 200). */
  status?: number | undefined;
  /** The vendor's own error code or type, e.g. `exists`, `3001`. */
  code?: string | number | undefined;
  /** The vendor's message, verbatim but redacted. */
  vendorMessage?: string | undefined;
  /** Extra structured detail from the vendor (redacted), e.g. the COREmanager error object/value. */
  data?: Record<string, unknown> | undefined;
  /** What the caller can do about it. */
  hint?: string | undefined;
}

/** The vendor received the request and said no. */
export class ApiError extends XError {
  static override readonly brand: string = 'ApiError';
  static override readonly kind: RefusalKind = 'api';
  declare readonly kind: RefusalKind;
  readonly status: number | undefined;
  readonly code: string | number | undefined;
  readonly vendorMessage: string | undefined;
  readonly data: Record<string, unknown> | undefined;
  readonly hint: string | undefined;

  constructor(message: string, details: ApiErrorDetails = {}, retryable = false) {
    super(message, details, retryable);
    this.status = details.status;
    this.code = details.code;
    this.vendorMessage = details.vendorMessage;
    this.data = details.data;
    this.hint = details.hint;
  }
}

/** The credentials were refused (wrong key, expired session that could not be renewed, no permission). */
export class AuthError extends ApiError {
  static override readonly brand: string = 'AuthError';
  static override readonly kind = 'auth';
  declare readonly kind: 'auth';
}

/** The object the call names does not exist. */
export class NotFoundError extends ApiError {
  static override readonly brand: string = 'NotFoundError';
  static override readonly kind = 'not-found';
  declare readonly kind: 'not-found';
}

/** The vendor asked us to slow down; `retryAfterMs` says for how long when it told us. */
export class RateLimitError extends ApiError {
  static override readonly brand: string = 'RateLimitError';
  static override readonly kind = 'rate-limit';
  declare readonly kind: 'rate-limit';
  readonly retryAfterMs: number | undefined;
  constructor(message: string, details: ApiErrorDetails & { retryAfterMs?: number | undefined } = {}) {
    super(message, details, true);
    this.retryAfterMs = details.retryAfterMs;
  }
}

/** Which stage of the exchange a transport failure happened in. */
export type TransportPhase =
  | 'dns'
  | 'connect'
  | 'tls'
  | 'proxy'
  | 'send'
  | 'receive'
  | 'redirect'
  | 'size-limit';

/** The exchange broke below the vendor protocol: DNS, refused or reset connection, TLS, redirect, size cap. */
export class TransportError extends XError {
  static override readonly brand: string = 'TransportError';
  static override readonly kind = 'transport';
  declare readonly kind: 'transport';
  readonly phase: TransportPhase;
  /** System or undici error code, e.g. `ECONNREFUSED`. */
  readonly code: string | undefined;
  /** False only when the request provably never reached the server (so even a create is safe to repeat). */
  readonly mayHaveReachedServer: boolean;
  constructor(
    message: string,
    details: ErrorContext & {
      phase: TransportPhase;
      code?: string | undefined;
      mayHaveReachedServer: boolean;
    },
    retryable = true,
  ) {
    super(message, details, retryable);
    this.phase = details.phase;
    this.code = details.code;
    this.mayHaveReachedServer = details.mayHaveReachedServer;
  }
}

/** Which clock ran out. */
export type TimeoutPhase = 'connect' | 'headers' | 'body' | 'deadline';

/** A connect, headers or body timeout, or the call's overall deadline. */
export class TimeoutError extends XError {
  static override readonly brand: string = 'TimeoutError';
  static override readonly kind = 'timeout';
  declare readonly kind: 'timeout';
  readonly phase: TimeoutPhase;
  readonly timeoutMs: number | undefined;
  readonly mayHaveReachedServer: boolean;
  constructor(
    message: string,
    details: ErrorContext & {
      phase: TimeoutPhase;
      timeoutMs?: number | undefined;
      mayHaveReachedServer: boolean;
    },
  ) {
    super(message, details, true);
    this.phase = details.phase;
    this.timeoutMs = details.timeoutMs;
    this.mayHaveReachedServer = details.mayHaveReachedServer;
  }
}

/** The caller aborted the call through its AbortSignal. */
export class AbortError extends XError {
  static override readonly brand: string = 'AbortError';
  static override readonly kind = 'abort';
  declare readonly kind: 'abort';
  constructor(message: string, details: ErrorContext = {}) {
    super(message, details, false);
  }
}

/** The vendor's answer did not parse or did not have the expected shape. */
export class ResponseFormatError extends XError {
  static override readonly brand: string = 'ResponseFormatError';
  static override readonly kind = 'response-format';
  declare readonly kind: 'response-format';
  readonly status: number | undefined;
  readonly contentType: string | undefined;
  /** At most a few hundred characters of the body, redacted. */
  readonly excerpt: string | undefined;
  readonly issues: readonly FieldIssue[] | undefined;
  constructor(
    message: string,
    details: ErrorContext & {
      status?: number | undefined;
      contentType?: string | undefined;
      excerpt?: string | undefined;
      issues?: readonly FieldIssue[] | undefined;
    } = {},
  ) {
    super(message, details, false);
    this.status = details.status;
    this.contentType = details.contentType;
    this.excerpt = details.excerpt;
    this.issues = details.issues;
  }
}

/** One rejected input field: its dotted path and the rule it broke. */
export interface FieldIssue {
  path: string;
  message: string;
}

/** The caller's input broke a rule; no request was sent. */
export class InputError extends XError {
  static override readonly brand: string = 'InputError';
  static override readonly kind = 'input';
  declare readonly kind: 'input';
  readonly issues: readonly FieldIssue[];
  constructor(message: string, details: ErrorContext & { issues: readonly FieldIssue[] }) {
    super(message, details, false);
    this.issues = details.issues;
  }
}

/** The client was configured wrongly (missing credential, garbled fingerprint, bad URL). */
export class ConfigError extends XError {
  static override readonly brand: string = 'ConfigError';
  static override readonly kind = 'config';
  declare readonly kind: 'config';
  /** The option or environment variable at fault. */
  readonly setting: string | undefined;
  constructor(message: string, details: ErrorContext & { setting?: string | undefined } = {}) {
    super(message, details, false);
    this.setting = details.setting;
  }
}

/**
 * Every concrete error an @x client throws, as a union discriminated by `kind`: `switch (error.kind)`
 * narrows to the class (`'timeout'` gives a {@link TimeoutError} with its `phase`). Vendor refinements
 * (ISPmanager's `PanelError`, VMmanager's `TaskFailedError`) are instances of the member their kind names.
 */
export type AnyXError =
  | (ApiError & { readonly kind: 'api' })
  | AuthError
  | NotFoundError
  | RateLimitError
  | TransportError
  | TimeoutError
  | AbortError
  | ResponseFormatError
  | InputError
  | ConfigError;

/** True for any error thrown by an @x client, from any installed copy. */
export function isXError(value: unknown): value is AnyXError {
  return brandsOf(value)?.includes('XError') ?? false;
}
