/**
 * @x/tuxcare: typed client of the CloudLinux CLN and TuxCare portal licensing API (ELS and AlmaLinux ESU,
 * Imunify, IP licenses, KernelCare and its Nagios API, backups, server groups, status).
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
export { type TuxCareCatalog, tuxcareCatalog } from './catalog.js';
export {
  createTuxCareClient,
  createTuxCareCore,
  TUXCARE_BASE_URLS,
  TUXCARE_ENV,
  type TuxCareBaseUrlPreset,
  type TuxCareClient,
  type TuxCareClientOptions,
} from './client.js';
export { createTuxCareCodec, type TuxCareCodecSettings } from './codec.js';
export {
  NAGIOS_ERROR_PREFIXES,
  type NagiosReport,
  type NagiosServer,
  nagiosError,
  type PlainAnswer,
  parseNagios,
  parsePlain,
} from './formats.js';
export { tuxcareModule } from './module.js';
export type { ResponseFormat, TuxCareMethod, TuxCareRoute } from './route.js';
export { CidrList, splitCidrs } from './schemas/cidr.js';
export {
  ELS_PRODUCT_CODES,
  ElsProductCode,
  IMUNIFY_PRODUCT_CODES,
  Imunify360IpLicenseType,
  ImunifyIpLicenseType,
  ImunifyProductCode,
  IP_LICENSE_TYPES,
  IpLicenseType,
  type IpLicenseTypeName,
  type IpLicenseTypeNumber,
  ipLicenseTypeName,
  type KnownElsProductCode,
  type KnownImunifyProductCode,
} from './schemas/codes.js';
export { IpAddress, parseTuxCareDate, type TuxCareDate, TuxCareDateSchema } from './schemas/common.js';
export { NagiosReportSchema } from './schemas/nagios.js';
export {
  Backup,
  ElsKey,
  ElsServer,
  Group,
  GroupServer,
  ImunifyKey,
  ImunifyServer,
  IpAvailability,
  IpLicense,
  IpServerLicense,
  KernelCareKey,
  KernelCareServer,
  PatchsetEntry,
  ServiceStatus,
} from './schemas/objects.js';
export { VERSION } from './version.js';
