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
import { InputError, type Redactor } from '@x/auth-core';
import { z } from 'zod';
import type { Account } from './accounts.js';
import { type Confirmations, type ConfirmMode, needsConfirmation } from './confirm.js';
import type { ListingCache } from './listing-cache.js';
import { errorResult, successResult } from './results.js';
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
  confirmations: Confirmations;
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

function inputError(tool: ToolSpec, path: string, message: string): InputError {
  return new InputError(`Invalid input for ${tool.name}: ${path}: ${message}. Nothing was sent.`, {
    vendor: tool.vendor.id,
    endpoint: tool.entry.id,
    issues: [{ path, message }],
  });
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
    const raw = request.params.arguments ?? {};
    const {
      account: accountName,
      dry_run: dryRun,
      confirmation_token: token,
      ...input
    } = raw as Record<string, unknown>;
    const accounts = context.accounts.get(tool.vendor.id) ?? [];
    const base: Record<string, unknown> = { tool: tool.name, ...(context.sandbox ? { sandbox: true } : {}) };

    // Control arguments first: a wrong account or flag is an input error before anything else happens.
    let account: Account | undefined;
    if (accounts.length > 1) {
      account = accounts.find((candidate) => candidate.name === accountName);
      if (!account) {
        const names = accounts.map((candidate) => candidate.name).join(', ');
        const problem =
          accountName === undefined ? `required (one of: ${names})` : `unknown account (one of: ${names})`;
        return errorResult(inputError(tool, 'account', problem), context.redactor, base);
      }
    } else {
      account = accounts[0];
      if (!account)
        return errorResult(inputError(tool, '(tool)', 'no account is configured'), context.redactor, base);
      if (accountName !== undefined && accountName !== account.name) {
        return errorResult(
          inputError(tool, 'account', `unknown account (only "${account.name}")`),
          context.redactor,
          base,
        );
      }
    }
    base.account = account.name;
    if (dryRun !== undefined && (typeof dryRun !== 'boolean' || !tool.mutating)) {
      const message = tool.mutating ? 'must be true or false' : 'read tools send nothing to preview; omit it';
      return errorResult(inputError(tool, 'dry_run', message), context.redactor, base);
    }
    const confirms = registry.confirms(tool);
    if (token !== undefined && (typeof token !== 'string' || !confirms)) {
      const message = confirms ? 'must be a string' : 'this tool needs no confirmation; omit it';
      return errorResult(inputError(tool, 'confirmation_token', message), context.redactor, base);
    }

    try {
      const client = account.client;
      if (dryRun === true) {
        const preview = await client.preview(tool.entry.id, input);
        return successResult(
          { ...base, dry_run: true, request: preview },
          context.maxResultChars,
          context.redactor,
        );
      }
      if (confirms) {
        if (token === undefined) {
          const preview = await client.preview(tool.entry.id, input); // validates the input too
          if (elicits()) {
            const answer = await server.elicitInput({
              message: `${tool.title}: ${tool.entry.endpoint.summary} (account "${account.name}")\n${preview.method} ${preview.url}`,
              requestedSchema: {
                type: 'object',
                properties: { confirm: { type: 'boolean', title: 'Execute this call?' } },
                required: ['confirm'],
              },
            });
            if (answer.action !== 'accept' || answer.content?.confirm !== true) {
              return successResult(
                { ...base, status: 'declined', message: 'The user declined; nothing was sent.' },
                context.maxResultChars,
                context.redactor,
              );
            }
          } else {
            const issued = context.confirmations.issue(tool.name, account.name, input);
            return successResult(
              {
                ...base,
                status: 'confirmation_required',
                message:
                  'Not executed. Show the user this request. If they approve, call the same tool again with the ' +
                  'same arguments plus confirmation_token.',
                request: preview,
                confirmation_token: issued.token,
                expires_at: new Date(issued.expiresAt).toISOString(),
              },
              context.maxResultChars,
              context.redactor,
            );
          }
        } else {
          const check = context.confirmations.redeem(token as string, tool.name, account.name, input);
          if (check !== 'ok') {
            const why = {
              expired: 'expired; ask for a new preview (call without confirmation_token)',
              mismatch: 'does not match these arguments; call without it to get a token for them',
              used: 'was already used; each confirmation executes once',
            }[check];
            return errorResult(inputError(tool, 'confirmation_token', why), context.redactor, base);
          }
        }
      }
      const result = await client.invoke(tool.entry.id, input, { signal: extra.signal });
      return successResult({ ...base, result }, context.maxResultChars, context.redactor);
    } catch (error) {
      return errorResult(error, context.redactor, base);
    }
  });

  return server;
}
