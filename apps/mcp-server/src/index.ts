/**
 * @x/mcp-server: every endpoint of the @x vendor catalogs as a typed MCP tool. The `x-mcp-server` bin is the
 * usual entry point; these exports let you embed the server or test it.
 *
 * @packageDocumentation
 */
export { type Account, type AccountSettings, type AccountsConfig, resolveAccounts } from './accounts.js';
export { type App, type ConfigFile, createApp, SERVER_VERSION } from './app.js';
export { CONFIRMATION_TTL_MS, Confirmations, type ConfirmMode, canonicalJson } from './confirm.js';
export {
  authTokenProblem,
  type HostPort,
  HTTP_LIMITS,
  type HttpLimits,
  type HttpOptions,
  isLoopback,
  parseHost,
  parseOrigin,
  type RunningHttp,
  startHttp,
} from './http.js';
export { buildInstructions } from './instructions.js';
export { formatToolList, servedRows, type ToolRow, toolRows } from './list-tools.js';
export { HELP, parseOptions, type ServerOptions, UsageError } from './options.js';
export { DEFAULT_MAX_RESULT_CHARS, errorResult, fitPayload, successResult } from './results.js';
export { CONTROL_FIELDS, type JsonSchema, toolInputSchema } from './schema.js';
export { type Selection, selectTools } from './select.js';
export { createMcpServer, type ServerContext, ToolRegistry } from './server.js';
export { buildToolSnapshot, type ToolSnapshot } from './snapshot.js';
export { toolTokens } from './tokens.js';
export { buildToolSpecs, TOOL_NAME_PATTERN, type ToolSpec } from './tools.js';
export { vendorModules } from './vendors.js';
