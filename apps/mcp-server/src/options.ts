import { parseArgs } from 'node:util';
import type { ConfirmMode } from './confirm.js';
import { authTokenProblem, HTTP_LIMITS, parseHost, parseOrigin } from './http.js';
import { DEFAULT_MAX_RESULT_CHARS } from './results.js';
import { redisUrlProblem } from './team/ledger-redis.js';
import { oauthUrlProblem } from './team/oauth-url.js';

/** Everything the command line and its environment variables set. */
export interface ServerOptions {
  transport: 'stdio' | 'http';
  host: string;
  port: number;
  sandbox: boolean;
  toolsets: string[];
  tools: string[];
  excludeTools: string[];
  readOnly: boolean;
  config: string | undefined;
  confirm: ConfirmMode;
  listTools: boolean;
  help: boolean;
  authToken: string | undefined;
  /** `--oauth-issuer`: the authorization server whose JWTs are accepted (exclusive with `authToken`). */
  oauthIssuer: string | undefined;
  /** `--oauth-audience`: this server's resource URL, the audience tokens must be issued for (RFC 8707). */
  oauthAudience: string | undefined;
  /** `--audit-log`: `stderr` or a file the audit trail is appended to (JSON lines); unset: no audit log. */
  auditLog: string | undefined;
  /** `--state`: the Redis URL of the shared confirmation ledger; unset: in process memory. */
  state: string | undefined;
  allowedHosts: string[];
  allowedOrigins: string[];
  maxResultChars: number;
  headersTimeoutMs: number;
  requestTimeoutMs: number;
  keepAliveTimeoutMs: number;
  maxConnections: number;
  /** `--tool-mode`: what tools/list shows (see discover/mode.ts). */
  toolMode: ToolModeOption;
  /** `--max-static-tools`: the most tools `auto` lists one by one. */
  maxStaticTools: number;
}

/** `static` lists every enabled tool; `discover` lists search/describe/execute; `auto` picks by the count. */
export type ToolModeOption = 'static' | 'discover' | 'auto';

/** Cursor sends a model only its first 40 tools: `auto` lists more than that through discovery. */
export const DEFAULT_MAX_STATIC_TOOLS = 40;

/** A command-line or environment mistake; the CLI prints it with the usage hint and exits 2. */
export class UsageError extends Error {}

/** Flag → environment variable, shown in --help and used as fallback. */
export const ENV_OF = {
  transport: 'X_MCP_TRANSPORT',
  host: 'X_MCP_HOST',
  port: 'X_MCP_PORT',
  sandbox: 'X_MCP_SANDBOX',
  toolsets: 'X_MCP_TOOLSETS',
  tools: 'X_MCP_TOOLS',
  'exclude-tools': 'X_MCP_EXCLUDE_TOOLS',
  'read-only': 'X_MCP_READ_ONLY',
  config: 'X_MCP_CONFIG',
  confirm: 'X_MCP_CONFIRM',
  'auth-token': 'X_MCP_AUTH_TOKEN',
  'oauth-issuer': 'X_MCP_OAUTH_ISSUER',
  'oauth-audience': 'X_MCP_OAUTH_AUDIENCE',
  'audit-log': 'X_MCP_AUDIT_LOG',
  state: 'X_MCP_STATE',
  'allowed-hosts': 'X_MCP_ALLOWED_HOSTS',
  'allowed-origins': 'X_MCP_ALLOWED_ORIGINS',
  'max-result-chars': 'X_MCP_MAX_RESULT_CHARS',
  'headers-timeout': 'X_MCP_HEADERS_TIMEOUT',
  'request-timeout': 'X_MCP_REQUEST_TIMEOUT',
  'keep-alive-timeout': 'X_MCP_KEEP_ALIVE_TIMEOUT',
  'max-connections': 'X_MCP_MAX_CONNECTIONS',
  'tool-mode': 'X_MCP_TOOL_MODE',
  'max-static-tools': 'X_MCP_MAX_STATIC_TOOLS',
} as const;

type Flag = keyof typeof ENV_OF;

/** One --help line: the flag, what it does, and the variable it falls back on. */
const row = (flag: string, text: string, name?: Flag): string =>
  `  ${flag.padEnd(25)} ${text.padEnd(58)} ${name ? ENV_OF[name] : ''}`.trimEnd();

/** The --help text. */
export const HELP = [
  'x-mcp-server: hosting-provider APIs (TuxCare/CloudLinux, LunaNode, ISPmanager/COREmanager, VMmanager 6) as MCP tools.',
  '',
  'Usage: x-mcp-server [options]',
  '',
  row('--transport stdio|http', 'how clients connect (default stdio)', 'transport'),
  row('--sandbox', 'embedded simulators of every vendor, demo data', 'sandbox'),
  row('--toolsets a,b', 'toolsets (lunanode.vm) or vendors (lunanode); default all', 'toolsets'),
  row('--tools a,b', 'single tools to add', 'tools'),
  row('--exclude-tools a,b', 'tools to remove', 'exclude-tools'),
  row('--read-only', 'only read tools (wins over everything)', 'read-only'),
  row('--tool-mode MODE', 'static | discover (3 search tools) | auto (default)', 'tool-mode'),
  row(
    '--max-static-tools N',
    `auto: static up to N enabled tools (default ${DEFAULT_MAX_STATIC_TOOLS})`,
    'max-static-tools',
  ),
  row('--confirm MODE', 'destructive (default) | writes | off', 'confirm'),
  row('--config FILE', 'JSON file with named accounts and defaults', 'config'),
  row(
    '--max-result-chars N',
    `cap on a tool result's text (default ${DEFAULT_MAX_RESULT_CHARS})`,
    'max-result-chars',
  ),
  row('--list-tools', 'print the tools this configuration serves, then exit'),
  row('--help', 'this text'),
  '',
  'HTTP (--transport http):',
  row('--host ADDRESS', 'bind address (default 127.0.0.1)', 'host'),
  row('--port N', 'port (default 3333)', 'port'),
  row('--auth-token TOKEN', 'bearer token, 32+ characters; required off loopback', 'auth-token'),
  row('', '(generate one with: openssl rand -hex 32)'),
  row('--oauth-issuer URL', 'OAuth 2.1: accept JWTs of this issuer (not with a token)', 'oauth-issuer'),
  row('--oauth-audience URL', "OAuth 2.1: this server's resource URL (token audience)", 'oauth-audience'),
  row('', '(who may use which accounts: "oauth" in --config)'),
  row('--state redis://HOST', 'shared single-use confirmation ledger for replicas', 'state'),
  row('', '(replicas also share X_MCP_CONFIRM_SECRET, 32+ bytes)'),
  row('--audit-log stderr|FILE', 'JSON lines: who called what, as whom, with what outcome', 'audit-log'),
  row('--allowed-hosts a,b', 'extra host[:port] names for Host/Origin (reverse proxies)', 'allowed-hosts'),
  row('--allowed-origins a,b', 'extra exact origins (http://localhost:6274)', 'allowed-origins'),
  row(
    '--headers-timeout MS',
    `to receive a request's headers (default ${HTTP_LIMITS.headersTimeoutMs})`,
    'headers-timeout',
  ),
  row(
    '--request-timeout MS',
    `to receive a whole request (default ${HTTP_LIMITS.requestTimeoutMs})`,
    'request-timeout',
  ),
  row(
    '--keep-alive-timeout MS',
    `idle keep-alive connection lifetime (default ${HTTP_LIMITS.keepAliveTimeoutMs})`,
    'keep-alive-timeout',
  ),
  row(
    '--max-connections N',
    `connections open at once (default ${HTTP_LIMITS.maxConnections})`,
    'max-connections',
  ),
  '',
  'Boolean variables take true/false, 1/0, yes/no or on/off (any case); an empty variable counts as unset.',
  "Credentials come from each vendor's variables (TUXCARE_*, LUNANODE_*, ISPMANAGER_*, VMMANAGER_*); a vendor",
  'without credentials is not exposed. Logs go to stderr.',
].join('\n');

const list = (value: string | undefined): string[] =>
  (value ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);

const BOOLEANS = new Map([
  ...['true', '1', 'yes', 'on'].map((word) => [word, true] as const),
  ...['false', '0', 'no', 'off'].map((word) => [word, false] as const),
]);

/** Parses the command line, falling back to the environment for every flag. */
export function parseOptions(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): ServerOptions {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        transport: { type: 'string' },
        host: { type: 'string' },
        port: { type: 'string' },
        sandbox: { type: 'boolean' },
        toolsets: { type: 'string' },
        tools: { type: 'string' },
        'exclude-tools': { type: 'string' },
        'read-only': { type: 'boolean' },
        config: { type: 'string' },
        confirm: { type: 'string' },
        'list-tools': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
        'auth-token': { type: 'string' },
        'oauth-issuer': { type: 'string' },
        'oauth-audience': { type: 'string' },
        'audit-log': { type: 'string' },
        state: { type: 'string' },
        'allowed-hosts': { type: 'string' },
        'allowed-origins': { type: 'string' },
        'max-result-chars': { type: 'string' },
        'headers-timeout': { type: 'string' },
        'request-timeout': { type: 'string' },
        'keep-alive-timeout': { type: 'string' },
        'max-connections': { type: 'string' },
        'tool-mode': { type: 'string' },
        'max-static-tools': { type: 'string' },
      },
    }));
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  // Every error names where the bad value came from: the flag, or else its variable.
  const source = (name: Flag): string => (typeof values[name] === 'string' ? `--${name}` : ENV_OF[name]);
  const text = (name: Flag): string | undefined => {
    const value = values[name];
    if (typeof value === 'string') return value;
    const fromEnv = env[ENV_OF[name]];
    return fromEnv === '' ? undefined : fromEnv; // `X=` in an env file means "not set"
  };
  const flag = (name: Flag): boolean => {
    const raw = env[ENV_OF[name]]?.trim();
    const fromEnv = raw ? BOOLEANS.get(raw.toLowerCase()) : false;
    if (fromEnv === undefined) {
      throw new UsageError(`${ENV_OF[name]} must be true/false, 1/0, yes/no or on/off, not "${raw}"`);
    }
    return values[name] === true || fromEnv;
  };
  const integer = (name: Flag, fallback: number, min: number, max: number, rule: string): number => {
    const raw = text(name);
    const value = raw === undefined ? fallback : Number(raw);
    if (!Number.isInteger(value) || value < min || value > max) {
      throw new UsageError(`${source(name)} must be ${rule}, not "${raw}"`);
    }
    return value;
  };

  const transport = text('transport') ?? 'stdio';
  if (transport !== 'stdio' && transport !== 'http')
    throw new UsageError(`${source('transport')} must be stdio or http, not "${transport}"`);
  const confirm = text('confirm') ?? 'destructive';
  if (confirm !== 'destructive' && confirm !== 'writes' && confirm !== 'off') {
    throw new UsageError(`${source('confirm')} must be destructive, writes or off, not "${confirm}"`);
  }
  const toolMode = text('tool-mode') ?? 'auto';
  if (toolMode !== 'static' && toolMode !== 'discover' && toolMode !== 'auto') {
    throw new UsageError(`${source('tool-mode')} must be static, discover or auto, not "${toolMode}"`);
  }
  const host = text('host') ?? '127.0.0.1';
  const bind = parseHost(host);
  if (!bind || bind.port !== undefined) {
    throw new UsageError(
      `${source('host')} must be an IP address or host name without a port (set that with --port), not "${host}"`,
    );
  }
  const authToken = text('auth-token');
  const tokenProblem = authToken === undefined ? undefined : authTokenProblem(authToken);
  // The token itself is never echoed: it is a secret, even when a weak one.
  if (tokenProblem) throw new UsageError(`${source('auth-token')} ${tokenProblem}`);
  const oauthIssuer = text('oauth-issuer');
  const oauthAudience = text('oauth-audience');
  for (const [name, value] of [
    ['oauth-issuer', oauthIssuer],
    ['oauth-audience', oauthAudience],
  ] as const) {
    const problem = value === undefined ? undefined : oauthUrlProblem(value);
    if (problem) throw new UsageError(`${source(name)} ${problem}, not "${value}"`);
  }
  if ((oauthIssuer === undefined) !== (oauthAudience === undefined)) {
    const [given, missing] =
      oauthIssuer === undefined ? ['oauth-audience', 'oauth-issuer'] : ['oauth-issuer', 'oauth-audience'];
    throw new UsageError(
      `${source(given as Flag)} needs --oauth-issuer and --oauth-audience together (${ENV_OF[missing as Flag]} is unset)`,
    );
  }
  if (oauthIssuer !== undefined && authToken !== undefined) {
    throw new UsageError(
      `${source('auth-token')} and ${source('oauth-issuer')} are exclusive: a static token for one person, OAuth for a team`,
    );
  }
  const state = text('state');
  const stateProblem = state === undefined ? undefined : redisUrlProblem(state);
  // A Redis URL may carry a password: the value itself is never echoed.
  if (stateProblem) throw new UsageError(`${source('state')} ${stateProblem}`);
  const allowedHosts = list(text('allowed-hosts'));
  const badHost = allowedHosts.find((entry) => !parseHost(entry));
  if (badHost !== undefined) {
    throw new UsageError(
      `${source('allowed-hosts')}: "${badHost}" is not a host name or IP address with an optional :port`,
    );
  }
  const allowedOrigins = list(text('allowed-origins'));
  const badOrigin = allowedOrigins.find((origin) => !parseOrigin(origin));
  if (badOrigin !== undefined) {
    throw new UsageError(
      `${source('allowed-origins')}: "${badOrigin}" is not an origin (scheme://host[:port], e.g. http://localhost:6274)`,
    );
  }
  const ms = 'a whole number of milliseconds, at least 1';
  const headersTimeoutMs = integer('headers-timeout', HTTP_LIMITS.headersTimeoutMs, 1, 2 ** 31 - 1, ms);
  const requestTimeoutMs = integer('request-timeout', HTTP_LIMITS.requestTimeoutMs, 1, 2 ** 31 - 1, ms);
  if (headersTimeoutMs > requestTimeoutMs) {
    throw new UsageError(
      `${source('headers-timeout')} (${headersTimeoutMs}) must not exceed ${source('request-timeout')} (${requestTimeoutMs}): the headers are part of the request`,
    );
  }
  return {
    transport,
    host,
    port: integer('port', 3333, 0, 65_535, 'a port number (0-65535)'),
    sandbox: flag('sandbox'),
    toolsets: list(text('toolsets')),
    tools: list(text('tools')),
    excludeTools: list(text('exclude-tools')),
    readOnly: flag('read-only'),
    config: text('config'),
    confirm,
    listTools: values['list-tools'] === true,
    help: values.help === true,
    authToken,
    oauthIssuer,
    oauthAudience,
    auditLog: text('audit-log'),
    state,
    allowedHosts,
    allowedOrigins,
    maxResultChars: integer(
      'max-result-chars',
      DEFAULT_MAX_RESULT_CHARS,
      1000,
      Number.MAX_SAFE_INTEGER,
      'an integer of at least 1000',
    ),
    headersTimeoutMs,
    requestTimeoutMs,
    keepAliveTimeoutMs: integer('keep-alive-timeout', HTTP_LIMITS.keepAliveTimeoutMs, 1, 2 ** 31 - 1, ms),
    maxConnections: integer(
      'max-connections',
      HTTP_LIMITS.maxConnections,
      1,
      1_000_000,
      'an integer of at least 1',
    ),
    toolMode,
    maxStaticTools: integer(
      'max-static-tools',
      DEFAULT_MAX_STATIC_TOOLS,
      0,
      1_000_000,
      'a whole number (0 or more)',
    ),
  };
}
