/**
 * @x/auth-core: the shared core of the @x hosting API clients. Vendor packages hold catalogs and codecs;
 * every transport concern (HTTP, timeouts, retries, TLS, proxies, errors, redaction, sessions, signing)
 * lives here.
 *
 * @packageDocumentation
 */

export {
  asXError,
  type BindOptions,
  type BoundCatalog,
  bindCatalog,
  type CallOptions,
  type Invocation,
  type Invoker,
  type Method,
  parseInput,
  parseOutput,
  toFieldIssues,
  type WaitProgress,
} from './binder.js';
export {
  parseBoolean,
  readBaseUrl,
  readBoolean,
  readSetting,
  readTlsSettings,
  type SettingSource,
  type TlsSettingNames,
} from './config.js';
export { declaredCredentials, maskSensitive } from './declared-secrets.js';
export {
  type DecodeContext,
  type DecodedResponse,
  headerOf,
  type JsonParse,
  parseJson,
  responseFormatError,
  tryJson,
} from './decode.js';
export {
  type Catalog,
  type CatalogEntry,
  type Effect,
  type Endpoint,
  type EndpointDefinition,
  endpoint,
  type GenericTarget,
  isEndpoint,
  isIdempotent,
  listedAs,
  PAGES,
  pages,
  pagesItself,
  walkCatalog,
} from './endpoint.js';
export {
  AbortError,
  type AnyXError,
  ApiError,
  type ApiErrorDetails,
  AuthError,
  ConfigError,
  type ErrorContext,
  type ErrorKind,
  type FieldIssue,
  InputError,
  isXError,
  NotFoundError,
  RateLimitError,
  type RefusalKind,
  type Remedy,
  ResponseFormatError,
  TimeoutError,
  type TimeoutPhase,
  TransportError,
  type TransportPhase,
  XError,
} from './errors.js';
export { type EncodeOptions, formBody, type ParamValue, toParams } from './form.js';
export {
  createStderrLogger,
  LOG_ENV,
  type Logger,
  type LogLevel,
  resolveLogger,
  silentLogger,
} from './logger.js';
export {
  fillPath,
  MAX_PATH_SEGMENT_CHARS,
  type PathContext,
  pathParams,
  pathSegment,
  pathSegmentIssue,
} from './path.js';
export { wireHost, wireParams, wirePath } from './preview.js';
export {
  CIRCULAR,
  REDACTED,
  REDACTION_FAILED,
  RedactionError,
  Redactor,
  type RedactorOptions,
  SENSITIVE_HEADERS,
  SENSITIVE_NAMES,
} from './redact.js';
export {
  type CatalogRef,
  catalogRefs,
  fieldRefs,
  ref,
  refsIn,
  renderRefs,
  renderRefsDeep,
  unresolvedRefs,
} from './refs.js';
export {
  EXCERPT_CHARS,
  REFUSAL_CLASSES,
  type RefusalClass,
  type RefusalResponse,
  refusalError,
  refusalKindOf,
  STATUS_KINDS,
  type VendorRefusal,
} from './refusals.js';
export { type Session, SessionCache, type SessionCacheOptions } from './session.js';
export {
  asciiJson,
  createNonceSource,
  LUNANODE_API_ID_LENGTH,
  LUNANODE_API_KEY_LENGTH,
  type LunaNodeSignatureInput,
  type LunaNodeSignedForm,
  lunanodeRequestString,
  lunanodeSign,
  lunanodeSignature,
  type NonceSource,
} from './signers/lunanode.js';
export { type TuxCareTokenInput, tuxcareToken } from './signers/tuxcare.js';
export { createDispatcher, type DispatcherSettings } from './transport/dispatcher.js';
export {
  type AttemptOutcome,
  backoffDelay,
  DEFAULT_RETRY,
  decideRetry,
  parseRetryAfter,
  type RetryDecision,
  type RetryPolicy,
  type RetryRule,
} from './transport/retry.js';
export { normalizeFingerprint, type TlsOptions } from './transport/tls.js';
export {
  type CallContext,
  DEFAULT_MAX_RESPONSE_BYTES,
  DEFAULT_TIMEOUTS,
  type HttpMethod,
  type Timeouts,
  Transport,
  type TransportOptions,
  type WireRequest,
  type WireResponse,
} from './transport/transport.js';
export {
  type BuildContext,
  type ClientEntryPoints,
  type ClientFacade,
  type Codec,
  type CommonClientOptions,
  clientFacade,
  createVendorClient,
  type ExecutedCall,
  type RequestPreview,
  type VendorClient,
  type VendorClientConfig,
} from './vendor.js';
export { userAgent, VERSION } from './version.js';
