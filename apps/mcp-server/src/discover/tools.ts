import type { CallToolResult, Tool } from '@modelcontextprotocol/server';
import { InputError, toFieldIssues } from '@x/auth-core';
import { z } from 'zod';
import { errorResult, successResult } from '../results.js';
import type { ToolRegistry } from '../server.js';
import type { ToolSpec } from '../tools.js';
import { type SearchDocument, SearchIndex } from './search.js';

/*
 * Discover mode: tools/list answers three tools, whatever the catalog's size. A model searches
 * (search_tools), reads the few definitions it needs (describe_tools, exactly as static mode lists them) and
 * runs one (execute_tool, through the very callTool() a static call goes through, so validation, dry runs,
 * confirmation, accounts, redaction and caps cannot differ). Descriptions here are terse on purpose: they are
 * the whole listing's cost.
 */

/** The three tool names, fixed. */
export const SEARCH_TOOL = 'search_tools';
export const DESCRIBE_TOOL = 'describe_tools';
export const EXECUTE_TOOL = 'execute_tool';
export const DISCOVERY_TOOLS: readonly string[] = [SEARCH_TOOL, DESCRIBE_TOOL, EXECUTE_TOOL];

/** search_tools' default and largest `limit`. */
export const DEFAULT_SEARCH_LIMIT = 8;
export const MAX_SEARCH_LIMIT = 20;
/** describe_tools' largest `names`. */
export const MAX_DESCRIBE = 10;

interface IndexedTool extends SearchDocument {
  spec: ToolSpec;
  required: readonly string[];
}

/** The index and listing of one registry: built on first use, once per process. */
export class Discovery {
  readonly #registry: ToolRegistry;
  readonly #vendors: string[];
  #index: SearchIndex<IndexedTool> | undefined;
  #listing: Tool[] | undefined;
  readonly #search;
  readonly #describe;
  readonly #execute;

  constructor(registry: ToolRegistry) {
    this.#registry = registry;
    this.#vendors = [...new Set(registry.context.tools.map((tool) => tool.vendor.id))];
    const vendor = this.#vendors.length > 0 ? z.enum(this.#vendors as [string, ...string[]]) : z.never();
    this.#search = z.strictObject({
      query: z.string().trim().min(1, 'must not be empty').max(500),
      vendor: vendor.optional(),
      effect: z.enum(['read', 'write']).optional(),
      limit: z.number().int().min(1).max(MAX_SEARCH_LIMIT).optional(),
    });
    this.#describe = z.strictObject({
      names: z.array(z.string().max(200)).min(1).max(MAX_DESCRIBE),
    });
    this.#execute = z.strictObject({
      name: z.string().min(1).max(200),
      arguments: z.record(z.string(), z.unknown()).optional(),
    });
  }

  /** The tools/list answer of discover mode. */
  listing(): Tool[] {
    if (this.#listing) return this.#listing;
    const readOnly = this.#registry.context.readOnly === true;
    const lookup = { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false };
    this.#listing = [
      {
        name: SEARCH_TOOL,
        title: 'Search tools',
        description: 'Find tools for a task, best first. Then describe_tools, or execute_tool.',
        inputSchema: {
          type: 'object',
          properties: {
            query: { type: 'string', description: 'The task in plain words' },
            ...(this.#vendors.length > 0 ? { vendor: { type: 'string', enum: this.#vendors } } : {}),
            effect: { type: 'string', enum: ['read', 'write'] },
            limit: { type: 'integer', minimum: 1, maximum: MAX_SEARCH_LIMIT, description: 'Default 8' },
          },
          required: ['query'],
        },
        annotations: lookup,
      },
      {
        name: DESCRIBE_TOOL,
        title: 'Describe tools',
        description: 'Full definitions (input schemas) of tools by name.',
        inputSchema: {
          type: 'object',
          properties: { names: { type: 'array', items: { type: 'string' }, maxItems: MAX_DESCRIBE } },
          required: ['names'],
        },
        annotations: lookup,
      },
      {
        name: EXECUTE_TOOL,
        title: 'Execute tool',
        description:
          "Run a tool by name; the result is that tool's own. For confirmation_token or dry_run, put them in arguments.",
        inputSchema: {
          type: 'object',
          properties: { name: { type: 'string' }, arguments: { type: 'object' } },
          required: ['name', 'arguments'],
        },
        // Under --read-only only read tools can run through it.
        annotations: readOnly
          ? { ...lookup, openWorldHint: true }
          : { readOnlyHint: false, destructiveHint: true, idempotentHint: false, openWorldHint: true },
      },
    ];
    return this.#listing;
  }

  /** The search index (built on first use). */
  indexFor(): SearchIndex<IndexedTool> {
    return this.#indexed();
  }

  #indexed(): SearchIndex<IndexedTool> {
    if (this.#index) return this.#index;
    // The listed definitions (from the build's cache when it has them) give field names and descriptions.
    const listed = this.#registry.list();
    const docs = this.#registry.context.tools.map((spec, i): IndexedTool => {
      const schema = (listed[i]?.inputSchema ?? {}) as {
        properties?: Record<string, { description?: string }>;
        required?: string[];
      };
      return {
        spec,
        name: spec.name,
        toolset: spec.toolset,
        title: spec.title,
        summary: spec.summary,
        description: spec.description,
        vendor: spec.vendor.id,
        vendorTitle: spec.vendor.title,
        effect: spec.effect,
        fields: Object.entries(schema.properties ?? {})
          .filter(([name]) => !['dry_run', 'confirmation_token', 'account', 'offset', 'limit'].includes(name))
          .map(([name, field]) => ({ name, description: field.description ?? '' })),
        required: schema.required ?? [],
      };
    });
    this.#index = new SearchIndex(docs);
    return this.#index;
  }

  /** search_tools: ranked matches among the enabled tools. */
  search(raw: unknown): CallToolResult {
    const parsed = this.#search.safeParse(raw ?? {});
    if (!parsed.success) return this.#invalid(SEARCH_TOOL, parsed.error, raw);
    const { query, vendor, effect, limit = DEFAULT_SEARCH_LIMIT } = parsed.data;
    const hits = this.#indexed().search(
      query,
      limit,
      (doc) =>
        (vendor === undefined || doc.vendor === vendor) &&
        (effect === undefined || (effect === 'read') === !doc.spec.mutating),
    );
    const matches = hits.map(({ doc }) => ({
      name: doc.name,
      title: doc.title,
      effect: doc.effect,
      summary: doc.summary,
      required: doc.required,
    }));
    return this.#result({
      tool: SEARCH_TOOL,
      query,
      matches,
      ...(matches.length === 0
        ? { hint: 'No match: try other words, or drop vendor/effect.' }
        : { next: 'describe_tools for input schemas, or execute_tool' }),
    });
  }

  /** describe_tools: each definition exactly as static mode lists it for this client. */
  describe(raw: unknown, elicits: boolean): CallToolResult {
    const parsed = this.#describe.safeParse(raw ?? {});
    if (!parsed.success) return this.#invalid(DESCRIBE_TOOL, parsed.error, raw);
    const listed = this.#registry.list(elicits);
    const tools: Tool[] = [];
    const unknown: string[] = [];
    for (const name of new Set(parsed.data.names)) {
      const at = this.#registry.context.tools.findIndex((tool) => tool.name === name);
      const definition = at >= 0 ? listed[at] : undefined;
      if (definition) tools.push(definition);
      else unknown.push(name);
    }
    return this.#result({
      tool: DESCRIBE_TOOL,
      tools,
      ...(unknown.length > 0
        ? {
            unknown: unknown.map((name) => ({ name, message: this.#registry.unavailable(name) })),
          }
        : {}),
    });
  }

  /**
   * execute_tool's arguments: the inner tool and its arguments, or the isError result to return instead (bad
   * arguments, a tool that is not enabled or does not exist).
   */
  target(raw: unknown): { tool: ToolSpec; arguments: Record<string, unknown> } | { refused: CallToolResult } {
    const parsed = this.#execute.safeParse(raw ?? {});
    if (!parsed.success) return { refused: this.#invalid(EXECUTE_TOOL, parsed.error, raw) };
    const tool = this.#registry.get(parsed.data.name);
    if (!tool) return { refused: this.#registry.unavailableResult(parsed.data.name) };
    return { tool, arguments: parsed.data.arguments ?? {} };
  }

  #result(payload: Record<string, unknown>): CallToolResult {
    const context = this.#registry.context;
    return successResult(payload, context.maxResultChars, context.redactor);
  }

  #invalid(tool: string, error: z.ZodError, raw: unknown): CallToolResult {
    const issues = toFieldIssues(error.issues, raw ?? {});
    const described = issues.map((issue) => `${issue.path}: ${issue.message}`).join('; ');
    const context = this.#registry.context;
    return errorResult(
      new InputError(`Invalid input for ${tool}: ${described}.`, { issues }),
      context.redactor,
      { tool },
      context.maxResultChars,
      `Fix ${issues.map((issue) => issue.path).join(', ')} as the message says (the fields are in tools/list), then call ${tool} again.`,
    );
  }
}

const cache = new WeakMap<ToolRegistry, Discovery>();

/** The discovery tools of a registry, built once (the HTTP transport makes a server per request). */
export function discoveryOf(registry: ToolRegistry): Discovery {
  let discovery = cache.get(registry);
  if (!discovery) {
    discovery = new Discovery(registry);
    cache.set(registry, discovery);
  }
  return discovery;
}
