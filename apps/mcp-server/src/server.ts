import {
  type CallToolResult,
  type InputRequiredResult,
  ProtocolError,
  ProtocolErrorCode,
  type ServerContext as SdkContext,
  SdkError,
  SdkErrorCode,
  Server,
  type Tool,
} from '@modelcontextprotocol/server';
import type { Redactor, WaitProgress } from '@x/auth-core';
import { InputError } from '@x/auth-core';
import type { Account } from './accounts.js';
import { callTool } from './call.js';
import { confirmationCarrier, declaredCapabilities } from './carriers.js';
import { CONFIRMATION_TTL_MS, type Confirmations, type ConfirmMode, needsConfirmation } from './confirm.js';
import type { ToolModeChoice } from './discover/mode.js';
import { DESCRIBE_TOOL, discoveryOf, EXECUTE_TOOL, SEARCH_TOOL } from './discover/tools.js';
import type { ListingCache } from './listing-cache.js';
import { errorResult } from './results.js';
import { listedTool } from './schema.js';
import type { AuditLog } from './team/audit.js';
import type { ToolSpec } from './tools.js';

/** Everything a server instance needs; shared by the fresh per-request servers of the HTTP transport. */
export interface ServerContext {
  name: string;
  version: string;
  instructions: string;
  sandbox: boolean;
  /** The enabled tools. */
  tools: readonly ToolSpec[];
  /** Accounts per vendor id (a vendor without accounts has no tools). */
  accounts: ReadonlyMap<string, readonly Account[]>;
  confirm: ConfirmMode;
  /** `--read-only`: only read tools are enabled, and a generic call runs only when it is a known read. */
  readOnly?: boolean | undefined;
  confirmations: Confirmations;
  /** How long a confirmation prompt waits for the user (default: a token's lifetime). */
  confirmTimeoutMs?: number | undefined;
  maxResultChars: number;
  /**
   * Every configured secret: redacts the results of calls refused before an account is chosen. A call that ran
   * is redacted by its account's client, which knows these and the call's own secrets.
   */
  redactor: Redactor;
  /** Whether this transport can carry a server→client elicitation request (stdio yes, stateless HTTP no). */
  elicitation: boolean;
  /** tools/list entries the build precomputed (the CLI's vendors); whatever it lacks is computed. */
  listingCache?: ListingCache | undefined;
  /**
   * The accounts a tool may run as, when a person's policy narrows them per tool (team/views.ts); default:
   * every account of the tool's vendor.
   */
  accountsFor?: ((tool: ToolSpec) => readonly Account[]) | undefined;
  /** `--audit-log`: one JSON line per tools/call. */
  audit?: AuditLog | undefined;
  /** What tools/list shows, and why (default: static). */
  toolMode?: ToolModeChoice | undefined;
  /** Every tool of every vendor, enabled or not: says why a known tool is not enabled, and how to enable it. */
  catalog?: readonly ToolSpec[] | undefined;
}

/** The tools/list answer and lookups, computed once per process (JSON Schemas are built lazily). */
export class ToolRegistry {
  readonly #byName: ReadonlyMap<string, ToolSpec>;
  readonly #listed = new Map<boolean, Tool[]>();

  constructor(readonly context: ServerContext) {
    this.#byName = new Map(context.tools.map((tool) => [tool.name, tool]));
  }

  get(name: string): ToolSpec | undefined {
    return this.#byName.get(name);
  }

  /** `static` (every enabled tool in tools/list) or `discover` (search_tools, describe_tools, execute_tool). */
  get mode(): 'static' | 'discover' {
    return this.context.toolMode?.mode ?? 'static';
  }

  /**
   * Why a tool of this name cannot be called here, and what would change that: a catalog tool that the
   * selection, `--read-only` or missing credentials left out, or a name no vendor has.
   */
  unavailable(name: string): string {
    const known = this.context.catalog?.find((tool) => tool.name === name);
    if (!known) {
      const look = this.mode === 'discover' ? 'search_tools' : 'tools/list';
      return `${name} is not a tool of this server; find the right name with ${look}.`;
    }
    if (!this.context.accounts.has(known.vendor.id)) {
      return `${name} is not enabled: ${known.vendor.id} has no credentials on this server (set ${known.vendor.settings.required.join(', ')}).`;
    }
    if (this.context.readOnly && known.mutating) {
      return `${name} is not enabled: the server runs with --read-only, which serves read tools only; it needs a server started without --read-only.`;
    }
    return `${name} is not enabled on this server; enable it with --tools ${name} or --toolsets ${known.toolset} (and keep it out of --exclude-tools).`;
  }

  /** {@link unavailable} as the isError result a call gets, the same through execute_tool and directly. */
  unavailableResult(name: string): CallToolResult {
    const error = new InputError(this.unavailable(name), {
      issues: [{ path: 'name', message: 'not enabled' }],
    });
    const known = this.context.catalog?.some((tool) => tool.name === name);
    // The operator enables tools; the model can only pick another one. The same words in both modes, so a
    // refusal through execute_tool is the static one byte for byte.
    const hint = known
      ? 'Tell the user how to enable it (see the message), or use an enabled tool.'
      : 'Use a tool name this server lists.';
    return errorResult(error, this.context.redactor, { tool: name }, this.context.maxResultChars, hint);
  }

  /** Whether a call of this tool needs the user's confirmation under the configured mode. */
  confirms(tool: ToolSpec): boolean {
    return needsConfirmation(tool, this.context.confirm);
  }

  accountNames(tool: ToolSpec): string[] {
    return accountsOf(this.context, tool).map((account) => account.name);
  }

  /**
   * The tools/list answer. `elicits`: the client confirms through elicitation, so no tool needs the
   * `confirmation_token` field (about 14 tokens on each destructive tool).
   */
  list(elicits = false): Tool[] {
    const cached = this.#listed.get(elicits);
    if (cached) return cached;
    const listed = this.context.tools.map((tool) => {
      const accountNames = this.accountNames(tool);
      const tokenField = this.confirms(tool) && !elicits;
      return (
        this.context.listingCache?.lookup(tool, accountNames, tokenField) ??
        listedTool(tool, accountNames, tokenField)
      );
    });
    this.#listed.set(elicits, listed);
    return listed;
  }
}

/** The accounts a tool may run as in this context (see {@link ServerContext.accountsFor}). */
export function accountsOf(context: ServerContext, tool: ToolSpec): readonly Account[] {
  return context.accountsFor?.(tool) ?? context.accounts.get(tool.vendor.id) ?? [];
}

/** How long a client may reuse tools/list (2026-07-28 cache hint): the tools change only on a restart. */
export const LISTING_TTL_MS = 5 * 60_000;

const clientCapabilities = (server: Server, ctx: SdkContext) =>
  declaredCapabilities(ctx, server.getClientCapabilities());

/** Who and what one server instance serves, when the transport knows (HTTP with OAuth). */
export interface RequestScope {
  /** The verified person (OAuth `sub`): confirmation tokens are bound to it. */
  person?: string | undefined;
  /** The OAuth client the person's token was issued to, for the audit trail. */
  client?: string | undefined;
  /** The request's W3C `traceparent`, passed through to the audit trail. */
  traceparent?: string | undefined;
}

/** Creates one MCP server over the registry. Cheap: the HTTP transport makes one per request. */
export function createMcpServer(registry: ToolRegistry, scope: RequestScope = {}): Server {
  const context = registry.context;
  const server = new Server(
    { name: context.name, version: context.version },
    {
      capabilities: { tools: {}, logging: {} },
      instructions: context.instructions,
      // The listing is fixed for the life of the process (in catalog order) but depends on the client's
      // capabilities (a client that can be asked gets no token field): cacheable, by that client only.
      cacheHints: {
        'tools/list': { ttlMs: LISTING_TTL_MS, cacheScope: 'private' },
        'server/discover': { ttlMs: LISTING_TTL_MS, cacheScope: 'private' },
      },
    },
  );

  // A client that can be asked (elicitation declared, on a transport that carries the question) never needs
  // the two-step token, so its listing leaves the field out.
  const elicits = (ctx: SdkContext) =>
    confirmationCarrier(context.elicitation, ctx, clientCapabilities(server, ctx)) !== 'token';
  server.setRequestHandler('tools/list', async (_request, ctx) => ({
    tools: registry.mode === 'discover' ? discoveryOf(registry).listing() : registry.list(elicits(ctx)),
  }));

  server.setRequestHandler(
    'tools/call',
    async (request, ctx): Promise<CallToolResult | InputRequiredResult> => {
      let name = request.params.name;
      let raw: unknown = request.params.arguments ?? {};
      if (registry.mode === 'discover') {
        // The three discovery tools; a catalog tool called by name (a client that cached it) still runs.
        const discovery = discoveryOf(registry);
        if (name === SEARCH_TOOL) return discovery.search(raw);
        if (name === DESCRIBE_TOOL) return discovery.describe(raw, elicits(ctx));
        if (name === EXECUTE_TOOL) {
          const target = discovery.target(raw);
          if ('refused' in target) return target.refused;
          name = target.tool.name;
          raw = target.arguments;
        }
      }
      const tool = registry.get(name);
      if (!tool) {
        // A catalog tool left out by the selection gets a result saying how to enable it; any other name is
        // the client's mistake.
        if (registry.context.catalog?.some((known) => known.name === name)) {
          return registry.unavailableResult(name);
        }
        throw new ProtocolError(
          ProtocolErrorCode.InvalidParams,
          `Unknown tool: ${name}. Use ${registry.mode === 'discover' ? 'search_tools' : 'tools/list'}.`,
        );
      }
      if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
        throw new ProtocolError(
          ProtocolErrorCode.InvalidParams,
          'Invalid params: arguments must be an object',
        );
      }
      // A client that passes a progress token hears from long waits (task.wait, LunaNode waiters) while they
      // poll, so its request timeout can be reset instead of firing mid-wait.
      const progressToken = request.params._meta?.progressToken;
      const progress =
        progressToken === undefined
          ? undefined
          : (report: WaitProgress) => {
              void ctx.mcpReq
                .notify({
                  method: 'notifications/progress',
                  params: {
                    progressToken,
                    progress: report.elapsedMs,
                    message: `${report.attempts} polls${report.status ? `, status ${report.status}` : ''}`,
                  },
                })
                .catch(() => {});
            };
      const started = performance.now();
      const result = await callTool(tool, raw as Record<string, unknown>, {
        context,
        carrier: confirmationCarrier(context.elicitation, ctx, clientCapabilities(server, ctx)),
        confirms: registry.confirms(tool),
        enabled: (name) => registry.get(name),
        readOnly: context.readOnly === true,
        person: scope.person,
        signal: ctx.mcpReq.signal,
        progress,
        round: {
          inputResponses: ctx.mcpReq.inputResponses,
          requestState: () => {
            const state = ctx.mcpReq.requestState();
            return typeof state === 'string' ? state : undefined;
          },
        },
        ask: async (message, signal) => {
          try {
            const answer = await ctx.mcpReq.elicitInput(
              {
                message,
                requestedSchema: {
                  type: 'object',
                  properties: { confirm: { type: 'boolean', title: 'Execute this call?' } },
                  required: ['confirm'],
                },
              },
              { signal, timeout: context.confirmTimeoutMs ?? CONFIRMATION_TTL_MS },
            );
            return answer.action === 'accept' && answer.content?.confirm === true ? 'accepted' : 'declined';
          } catch (error) {
            // The SDK's own request timeout; anything else (client error, cancelled call) asked nobody.
            const timedOut =
              (error instanceof SdkError && error.code === SdkErrorCode.RequestTimeout) ||
              (error instanceof ProtocolError && (error.code as number) === -32001);
            return timedOut ? 'timeout' : 'unavailable';
          }
        },
      });
      context.audit?.record(
        {
          tool,
          raw: raw as Record<string, unknown>,
          result,
          durationMs: performance.now() - started,
          person: scope.person,
          client: scope.client ?? server.getClientVersion()?.name,
          traceparent: scope.traceparent,
        },
        context.redactor,
      );
      return result;
    },
  );

  return server;
}
