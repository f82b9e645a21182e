import { parseArgs } from 'node:util';
import type { ConfirmMode } from './confirm.js';
import { DEFAULT_MAX_RESULT_CHARS } from './results.js';

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
  allowedHosts: string[];
  maxResultChars: number;
}

/** A command-line mistake; the CLI prints it with the usage hint and exits 2. */
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
  'allowed-hosts': 'X_MCP_ALLOWED_HOSTS',
  'max-result-chars': 'X_MCP_MAX_RESULT_CHARS',
} as const;

export const HELP = `x-mcp-server: hosting-provider APIs (TuxCare/CloudLinux, LunaNode, ISPmanager/COREmanager, VMmanager 6) as MCP tools.

Usage: x-mcp-server [options]

  --transport stdio|http   how clients connect (default stdio)                     X_MCP_TRANSPORT
  --host ADDRESS           HTTP bind address (default 127.0.0.1)                    X_MCP_HOST
  --port N                 HTTP port (default 3333)                                 X_MCP_PORT
  --auth-token TOKEN       bearer token for HTTP; required off loopback             X_MCP_AUTH_TOKEN
  --allowed-hosts a,b      extra Host header values for HTTP (reverse proxies)      X_MCP_ALLOWED_HOSTS
  --sandbox                embedded simulators of every vendor, demo data, no accounts  X_MCP_SANDBOX
  --toolsets a,b           toolsets (lunanode.vm) or vendors (lunanode); default all  X_MCP_TOOLSETS
  --tools a,b              single tools to add                                      X_MCP_TOOLS
  --exclude-tools a,b      tools to remove                                          X_MCP_EXCLUDE_TOOLS
  --read-only              only read tools (wins over everything)                   X_MCP_READ_ONLY
  --confirm MODE           destructive (default) | writes | off                     X_MCP_CONFIRM
  --config FILE            JSON file with named accounts and defaults               X_MCP_CONFIG
  --max-result-chars N     cap on a tool result's text (default ${DEFAULT_MAX_RESULT_CHARS})       X_MCP_MAX_RESULT_CHARS
  --list-tools             print every tool with toolset, effect and token cost, then exit
  --help                   this text

Credentials come from each vendor's variables (TUXCARE_*, LUNANODE_*, ISPMANAGER_*, VMMANAGER_*); a vendor
without credentials is not exposed. Logs go to stderr.`;

const list = (value: string | undefined): string[] =>
  (value ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);

const truthy = (value: string | undefined): boolean => /^(1|true|yes|on)$/i.test(value?.trim() ?? '');

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
        'allowed-hosts': { type: 'string' },
        'max-result-chars': { type: 'string' },
      },
    }));
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const text = (flag: keyof typeof ENV_OF): string | undefined => {
    const value = values[flag];
    return typeof value === 'string' ? value : env[ENV_OF[flag]];
  };
  const flag = (name: keyof typeof ENV_OF): boolean => values[name] === true || truthy(env[ENV_OF[name]]);

  const transport = text('transport') ?? 'stdio';
  if (transport !== 'stdio' && transport !== 'http')
    throw new UsageError(`--transport must be stdio or http, not "${transport}"`);
  const confirm = text('confirm') ?? 'destructive';
  if (confirm !== 'destructive' && confirm !== 'writes' && confirm !== 'off') {
    throw new UsageError(`--confirm must be destructive, writes or off, not "${confirm}"`);
  }
  const port = Number(text('port') ?? 3333);
  if (!Number.isInteger(port) || port < 0 || port > 65_535)
    throw new UsageError('--port must be a port number');
  const maxResultChars = Number(text('max-result-chars') ?? DEFAULT_MAX_RESULT_CHARS);
  if (!Number.isInteger(maxResultChars) || maxResultChars < 1000) {
    throw new UsageError('--max-result-chars must be an integer of at least 1000');
  }
  return {
    transport,
    host: text('host') ?? '127.0.0.1',
    port,
    sandbox: flag('sandbox'),
    toolsets: list(text('toolsets')),
    tools: list(text('tools')),
    excludeTools: list(text('exclude-tools')),
    readOnly: flag('read-only'),
    config: text('config'),
    confirm,
    listTools: values['list-tools'] === true,
    help: values.help === true,
    authToken: text('auth-token'),
    allowedHosts: list(text('allowed-hosts')),
    maxResultChars,
  };
}
