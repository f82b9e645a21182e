/**
 * @x/lunanode: a typed client for the LunaNode Dynamic API. Every action is declared once in
 * {@link lunanodeCatalog}; the typed methods, the MCP tools (via {@link lunanodeModule}) and the docs derive
 * from it.
 *
 * @packageDocumentation
 */

// Every error class a user catches, the same set from each vendor package.
export {
  AbortError,
  type AnyXError,
  ApiError,
  type ApiErrorDetails,
  AuthError,
  ConfigError,
  type ErrorKind,
  InputError,
  isXError,
  NotFoundError,
  RateLimitError,
  type Remedy,
  ResponseFormatError,
  TimeoutError,
  TransportError,
  XError,
} from '@x/auth-core';
export { type LunaNodeCatalog, lunanodeCatalog } from './catalog.js';
export {
  createLunaNodeClient,
  createLunaNodeCore,
  LUNANODE_DEFAULT_BASE_URL,
  type LunaNodeClient,
  type LunaNodeClientOptions,
} from './client.js';
export { createLunaNodeCodec, encodeParams, type LunaNodeCodecSettings } from './codec.js';
export { DnsRecordType } from './endpoints/dns.js';
export { lunanodeRefusal, VENDOR as LUNANODE_VENDOR } from './errors.js';
export { lunanodeModule } from './module.js';
export type { LunaNodeRoute } from './route.js';
export { decodeEntities, htmlToText } from './schemas/output.js';
export {
  FloatingIp,
  Image,
  ImageDetails,
  Plan,
  Region,
  SshKey,
  VmInfo,
  VmSummary,
  Volume,
} from './schemas/resources.js';
export { VERSION } from './version.js';
export {
  WAIT_DEFAULT_INTERVAL_MS,
  WAIT_DEFAULT_TIMEOUT_MS,
  WAIT_MAX_TIMEOUT_MS,
  WAIT_MIN_INTERVAL_MS,
  type WaiterClient,
  type WaitOptions,
  type WaitPacing,
  type WaitProgress,
  waitForImageActive,
  waitForVmStatus,
  waitForVolumeAvailable,
} from './waiters.js';
