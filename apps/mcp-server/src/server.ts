import { Server } from '@modelcontextprotocol/sdk/server/index.js';
import {
  CallToolRequestParamsSchema,
  CallToolRequestSchema,
  type CallToolResult,
  ErrorCode,
  ListToolsRequestSchema,
  McpError,
  type Tool,
} from '@modelcontextprotocol/sdk/types.js';
import type { Redactor, WaitProgress } from '@x/auth-core';
import { z } from 'zod';
import type { Account } from './accounts.js';
import { callTool } from './call.js';
import { CONFIRMATION_TTL_MS, type Confirmations, type ConfirmMode, needsConfirmation } from './confirm.js';
import type { ListingCache } from './listing-cache.js';
import { listedTool } from './schema.js';
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
  /** Every configured secret, as a last line of defence on everything returned. */
  redactor: Redactor;
  /** Whether this transport can carry a server→client elicitation request (stdio yes, stateless HTTP no). */
  elicitation: boolean;
  /** tools/list entries the build precomputed (the CLI's vendors); whatever it lacks is computed. */
  listingCache?: ListingCache | undefined;
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

  /** Whether a call of this tool needs the user's confirmation under the configured mode. */
  confirms(tool: ToolSpec): boolean {
    return needsConfirmation(tool, this.context.confirm);
  }

  accountNames(tool: ToolSpec): string[] {
    return (this.context.accounts.get(tool.vendor.id) ?? []).map((account) => account.name);
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

/**
 * tools/call as the protocol layer parses it before any handler runs. With the SDK's own schema a non-object
 * `arguments` fails there as -32603 Internal error, and its record parse silently drops an own `__proto__`
 * member. Taking `arguments` as it came lets the SDK's tools/call check answer -32602 Invalid params (the
 * caller's mistake), and lets the endpoint's strict schema refuse `__proto__` by name like any unknown field.
 */
const LooseCallToolRequestSchema = CallToolRequestSchema.extend({
  params: CallToolRequestParamsSchema.extend({ arguments: z.unknown().optional() }),
});

/** Creates one MCP server over the registry. Cheap: the HTTP transport makes one per request. */
export function createMcpServer(registry: ToolRegistry): Server {
  const context = registry.context;
  const server = new Server(
    { name: context.name, version: context.version },
    { capabilities: { tools: {}, logging: {} }, instructions: context.instructions },
  );

  // Confirmation by elicitation needs a transport that carries server→client requests (stdio) and a client
  // that declared the capability; then the two-step token is never issued, nor listed.
  const elicits = () => context.elicitation && Boolean(server.getClientCapabilities()?.elicitation);
  server.setRequestHandler(ListToolsRequestSchema, async () => ({ tools: registry.list(elicits()) }));

  server.setRequestHandler(LooseCallToolRequestSchema, async (request, extra): Promise<CallToolResult> => {
    const tool = registry.get(request.params.name);
    if (!tool) {
      throw new McpError(ErrorCode.InvalidParams, `Unknown tool: ${request.params.name}. Use tools/list.`);
    }
    // A client that passes a progress token hears from long waits (task.wait, LunaNode waiters) while they
    // poll, so its request timeout can be reset instead of firing mid-wait.
    const progressToken = request.params._meta?.progressToken;
    const progress =
      progressToken === undefined
        ? undefined
        : (report: WaitProgress) => {
            void extra
              .sendNotification({
                method: 'notifications/progress',
                params: {
                  progressToken,
                  progress: report.elapsedMs,
                  message: `${report.attempts} polls${report.status ? `, status ${report.status}` : ''}`,
                },
              })
              .catch(() => {});
          };
    return callTool(tool, (request.params.arguments ?? {}) as Record<string, unknown>, {
      progress,
      context,
      elicits: elicits(),
      confirms: registry.confirms(tool),
      enabled: (name) => registry.get(name),
      readOnly: context.readOnly === true,
      signal: extra.signal,
      ask: async (message, signal) => {
        try {
          const answer = await server.elicitInput(
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
          return error instanceof McpError && error.code === ErrorCode.RequestTimeout
            ? 'timeout'
            : 'unavailable';
        }
      },
    });
  });

  return server;
}
