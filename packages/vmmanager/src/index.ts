/**
 * @x/vmmanager: a typed client for the VMmanager 6 REST API (auth v4 tokens, `where` filters, tasks, the 503
 * "suspended" retry), declared as a catalog that the MCP server projects as `vmmanager_*` tools.
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
export { type VmManagerCatalog, vmmanagerCatalog } from './catalog.js';
export {
  createVmManagerClient,
  type VmManagerClient,
  type VmManagerClientOptions,
  type VmManagerCredentials,
  type VmManagerPasswordAuth,
  type VmManagerTokenAuth,
  type WaitForTaskOptions,
} from './client.js';
export { PLACEHOLDER_TOKEN, TOKEN_IDLE_MS } from './codec.js';
export {
  TASK_POLL_DEFAULT_MS,
  TASK_POLL_MAX_MS,
  TASK_POLL_MIN_MS,
  TASK_WAIT_DEFAULT_MS,
  TASK_WAIT_MAX_MS,
} from './endpoints/task.js';
export { EXTERNAL_ACCESS_DENIED, ExternalAccessError, TaskFailedError } from './errors.js';
export {
  encodeFilterParam,
  filterQuery,
  type Limit,
  type ListFilter,
  type OrderBy,
  orderByText,
  quoteText,
  WHERE_OPERATORS,
  type Where,
  type WhereCondition,
  type WhereOperator,
  WhereSchema,
  type WhereValue,
  where,
  whereText,
} from './filter.js';
export { vmmanagerModule } from './module.js';
export { type SuspendedRetry, suspendedRetryRule } from './retry.js';
export type { VmRoute } from './route.js';
export {
  Account,
  Backup,
  Cluster,
  Disk,
  Host,
  IpAddress,
  IpNet,
  IpPool,
  Node,
  OsImage,
  Preset,
  Task,
  TokenObject,
} from './schemas/objects.js';
export { ENV as VMMANAGER_ENV } from './settings.js';
export type { TaskWaitCallOptions, WaitPacing, WaitProgress } from './tasks.js';
export { VERSION } from './version.js';
