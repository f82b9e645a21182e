/**
 * @x/ispmanager: a typed client for ISPmanager and every COREmanager panel (BILLmanager, DNSmanager,
 * VMmanager 5, DCImanager 5, IPmanager): the `func=` API over POST, authinfo / session / one-time-key
 * authentication, XML and JSON answers normalised to one shape, typed panel errors.
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
export { type IspManagerCatalog, ispmanagerCatalog, isReadCall, isReadFunc } from './catalog.js';
export {
  createIspManagerClient,
  ISPMANAGER_ENV,
  type IspManagerClient,
  type IspManagerClientOptions,
} from './client.js';
export {
  type AuthMode,
  type IspManagerCallOptions,
  type OutputFormat,
  PREVIEW_SESSION,
  RESERVED_PARAMS,
  VENDOR,
} from './codec.js';
export { Database, DatabaseServer } from './endpoints/databases.js';
export { DnsDomain, DnsRecord } from './endpoints/dns.js';
export { FtpUser } from './endpoints/ftp.js';
export { Mailbox, MailDomain } from './endpoints/mail.js';
export { CronJob } from './endpoints/scheduler.js';
export { LoginLink } from './endpoints/session.js';
export { WebDomain } from './endpoints/sites.js';
export { Certificate } from './endpoints/ssl.js';
export { IpAddr, PhpVersion, WhoAmI } from './endpoints/system.js';
export { User } from './endpoints/users.js';
export { isPanelError, PanelError, type PanelErrorInfo } from './errors.js';
export { ispmanagerModule } from './module.js';
export { type ListMethod, listItems, listPages } from './pages.js';
export type { PanelRoute } from './route.js';
export { AnyResult, FormResult, OkResult, Paging } from './schemas/output.js';
export { VERSION } from './version.js';
export type { FieldValue } from './wire/node.js';
export type {
  AuthResult,
  ConfirmResult,
  FormResult as PanelFormResult,
  ListResult,
  OkResult as PanelOkResult,
  Paging as PanelPaging,
  PanelResult,
} from './wire/result.js';
