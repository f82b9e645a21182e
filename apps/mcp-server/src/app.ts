import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Redactor, resolveLogger } from '@x/auth-core';
import type { VendorModule } from '@x/auth-core/projection';
import type { Sandbox } from '@x/testkit';
import { type Account, type AccountSettings, type AccountsConfig, resolveAccounts } from './accounts.js';
import { Confirmations, confirmSecretFromEnv } from './confirm.js';
import { resolveToolMode } from './discover/mode.js';
import { buildInstructions } from './instructions.js';
import type { ListingCache } from './listing-cache.js';
import type { ServerOptions } from './options.js';
import { selectTools } from './select.js';
import { type ServerContext, ToolRegistry } from './server.js';
import { AuditLog } from './team/audit.js';
import { buildToolSpecs, type ToolSpec } from './tools.js';

const pkg = createRequire(import.meta.url)('../package.json') as { name: string; version: string };

/** This package's version. */
export const SERVER_VERSION: string = pkg.version;

/** The parts of a config file (`--config`). Settings are keyed like the vendor environment variables. */
export interface ConfigFile {
  accounts?: AccountsConfig;
  /** Who may use which accounts under `--oauth-issuer` (see team/access.ts). */
  oauth?: { access?: unknown };
}

/** An assembled server: registry, accounts, and what to tell the operator. */
export interface App {
  registry: ToolRegistry;
  context: ServerContext;
  /** Every tool of every vendor, configured or not. */
  allTools: readonly ToolSpec[];
  /** Vendors with at least one account. */
  live: ReadonlyMap<string, readonly Account[]>;
  /** Operator-facing notes (vendors without credentials). */
  notes: string[];
  sandbox: Sandbox | undefined;
  /** The config file's contents (`{}` without one). */
  config: ConfigFile;
  close(): Promise<void>;
}

function readConfig(path: string): ConfigFile {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new Error(`cannot read --config ${path}: ${(error as NodeJS.ErrnoException).code ?? 'error'}`);
  }
  try {
    return JSON.parse(text) as ConfigFile;
  } catch {
    throw new Error(`--config ${path} is not valid JSON`);
  }
}

/**
 * Builds everything a server needs from the options: the sandbox (when asked), the accounts, the tool
 * selection, the instructions. Throws a plain Error with an operator-facing message on bad configuration.
 */
export async function createApp(
  options: ServerOptions,
  deps: {
    vendors: readonly VendorModule[];
    env?: NodeJS.ProcessEnv;
    /** A config object, instead of reading `options.config` from disk. */
    config?: ConfigFile;
    /** Override whether server→client elicitation may be used (default: stdio yes, HTTP no). */
    elicitation?: boolean;
    /** tools/list entries precomputed by the build for these vendors (see listing-cache.ts). */
    listingCache?: ListingCache;
  },
): Promise<App> {
  const env = deps.env ?? process.env;
  const config = deps.config ?? (options.config ? readConfig(options.config) : {});
  const redactor = new Redactor();
  const allTools = buildToolSpecs(deps.vendors);
  // Validate the selection against every tool first, so a typo fails even before credentials are looked at.
  const selected = selectTools(allTools, options);

  let sandbox: Sandbox | undefined;
  let sandboxSettings: Record<string, AccountSettings> | undefined;
  if (options.sandbox) {
    // The simulators load only in sandbox mode; a production start never pays for them.
    const { startSandbox } = await import('@x/testkit');
    sandbox = await startSandbox();
    sandboxSettings = Object.fromEntries(sandbox.simulators.map((sim) => [sim.name, sim.settings]));
  }
  // The key is checked before anything connects: a weak X_MCP_CONFIRM_SECRET stops startup by name.
  let confirmations: Confirmations | undefined;
  let audit: AuditLog | undefined;
  try {
    const key = confirmSecretFromEnv(env);
    // Redis is loaded and connected only with --state; without it the ledger is this process's memory.
    const ledger = options.state
      ? await (await import('./team/ledger-redis.js')).RedisLedger.connect(options.state)
      : undefined;
    confirmations = new Confirmations({ key, ledger });
    audit = options.auditLog ? AuditLog.open(options.auditLog) : undefined;
    const live = resolveAccounts({
      vendors: deps.vendors,
      env,
      config: config.accounts,
      sandbox: sandboxSettings,
      // The logger is resolved here, from the server's environment: vendor modules read only their settings
      // (never the environment), so X_LOG would not reach their transports otherwise.
      options: {
        userAgentSuffix: `x-mcp-server/${SERVER_VERSION}`,
        env,
        logger: resolveLogger(undefined, env),
      },
      redactor,
    });
    const tools = selected.tools.filter((tool) => live.has(tool.vendor.id));
    const notes: string[] = [];
    for (const vendor of deps.vendors) {
      if (!live.has(vendor.id))
        notes.push(`${vendor.id}: not configured (set ${vendor.settings.required.join(', ')})`);
    }
    // From the enabled selection (live vendors only), so tools/list, --list-tools and the instructions agree.
    const toolMode = resolveToolMode(options.toolMode, tools.length, options.maxStaticTools);
    const context: ServerContext = {
      name: options.sandbox ? 'x-mcp-server (sandbox)' : 'x-mcp-server',
      version: SERVER_VERSION,
      instructions: buildInstructions({
        tools,
        accounts: live,
        sandbox: options.sandbox,
        confirm: options.confirm,
        readOnly: options.readOnly,
        toolMode,
      }),
      sandbox: options.sandbox,
      tools,
      accounts: live,
      confirm: options.confirm,
      readOnly: options.readOnly,
      confirmations,
      audit,
      maxResultChars: options.maxResultChars,
      redactor,
      elicitation: deps.elicitation ?? options.transport === 'stdio',
      listingCache: deps.listingCache,
      toolMode,
      catalog: allTools,
    };
    return {
      registry: new ToolRegistry(context),
      context,
      allTools,
      live,
      notes,
      sandbox,
      config,
      close: async () => {
        await Promise.allSettled([...live.values()].flat().map((account) => account.close()));
        await confirmations?.ledger.close();
        audit?.close();
        await sandbox?.stop();
      },
    };
  } catch (error) {
    await confirmations?.ledger.close();
    audit?.close();
    await sandbox?.stop();
    throw error;
  }
}
