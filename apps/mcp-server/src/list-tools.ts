import { type ConfirmMode, needsConfirmation } from './confirm.js';
import { discoveryOf } from './discover/tools.js';
import { listedTool } from './schema.js';
import type { ToolRegistry } from './server.js';
import { requireTokenCounter, TOKENIZER_MODULE, type TokenCounter, toolTokens } from './tokens.js';
import type { ToolSpec } from './tools.js';

/** One row of `--list-tools`. */
export interface ToolRow {
  name: string;
  toolset: string;
  effect: string;
  /** o200k tokens of the definition; `undefined` when neither the build nor a tokenizer could count it. */
  tokens: number | undefined;
}

/**
 * The tool definitions as a single-account server would list them, with their token cost: from the build's
 * counts, else from `counter` (default: gpt-tokenizer when installed, see tokens.ts).
 */
export function toolRows(
  tools: readonly ToolSpec[],
  confirm: ConfirmMode,
  counter?: TokenCounter,
): ToolRow[] {
  return tools.map((tool) => {
    const definition = listedTool(tool, [], needsConfirmation(tool, confirm));
    return {
      name: tool.name,
      toolset: tool.toolset,
      effect: tool.effect,
      tokens: toolTokens(definition, counter),
    };
  });
}

/**
 * The tools a configured server serves, as its tools/list shows them (selection, read-only mode, live
 * vendors and their account names applied), with their token cost as {@link toolRows} finds it.
 */
export function servedRows(registry: ToolRegistry, counter?: TokenCounter): ToolRow[] {
  const listed = registry.list();
  return registry.context.tools.map((tool, i) => ({
    name: tool.name,
    toolset: tool.toolset,
    effect: tool.effect,
    tokens: toolTokens(listed[i] as object, counter),
  }));
}

/**
 * The `--list-tools` line that says which tool mode this configuration runs in and why; in discover mode,
 * also what tools/list then costs (the three tools plus the instructions, o200k, when a count is known).
 */
export function toolModeLine(registry: ToolRegistry, counter?: TokenCounter): string {
  const mode = registry.context.toolMode ?? { mode: 'static', reason: 'default' };
  if (mode.mode === 'static') {
    return `tool mode: static (${mode.reason}): tools/list shows the ${registry.context.tools.length} tools above`;
  }
  const listing = discoveryOf(registry).listing();
  const count = counter ?? requireTokenCounter();
  const cost = count
    ? `, ${discoverTokens(listing, registry.context.instructions, count)} tokens (o200k) with the instructions`
    : '';
  return (
    `tool mode: discover (${mode.reason}): tools/list shows search_tools, describe_tools, execute_tool${cost}; ` +
    'the tools above are found, described and run through them'
  );
}

/** o200k tokens of a discover-mode start: each listed tool as tools/list sends it, plus the instructions. */
export function discoverTokens(
  listing: readonly object[],
  instructions: string,
  count: TokenCounter,
): number {
  return listing.reduce((sum, tool) => sum + count(JSON.stringify(tool)), count(instructions));
}

/** Per toolset, in first-seen order: how many tools, how many of them read-only, and their known tokens. */
export function toolsetTotals(
  rows: readonly ToolRow[],
): Map<string, { tools: number; reads: number; tokens: number }> {
  const sets = new Map<string, { tools: number; reads: number; tokens: number }>();
  for (const row of rows) {
    const item = sets.get(row.toolset) ?? { tools: 0, reads: 0, tokens: 0 };
    item.tools++;
    if (row.effect === 'read') item.reads++;
    item.tokens += row.tokens ?? 0;
    sets.set(row.toolset, item);
  }
  return sets;
}

/** How to get the counts that are missing, printed under a table that lacks some. */
export const MISSING_TOKENS_NOTE =
  `token counts unavailable for tools marked "-": they come from the build (npm run build writes ` +
  `dist/listing-tokens.json) or from the optional ${TOKENIZER_MODULE} package (npm install ${TOKENIZER_MODULE} ` +
  'next to @x/mcp-server)';

/** The `--list-tools` text: one line per tool, then totals per toolset. */
export function formatToolList(rows: readonly ToolRow[]): string {
  const width = Math.max(4, ...rows.map((row) => row.name.length));
  const setWidth = Math.max(7, ...rows.map((row) => row.toolset.length));
  const shown = (tokens: number | undefined) => (tokens === undefined ? '-' : String(tokens));
  const lines = [`${'tool'.padEnd(width)}  ${'toolset'.padEnd(setWidth)}  effect  tokens`];
  for (const row of rows) {
    lines.push(
      `${row.name.padEnd(width)}  ${row.toolset.padEnd(setWidth)}  ${row.effect.padEnd(6)}  ${shown(row.tokens)}`,
    );
  }
  const missing = rows.filter((row) => row.tokens === undefined).length;
  const sets = toolsetTotals(rows);
  const unknownIn = new Set(rows.filter((row) => row.tokens === undefined).map((row) => row.toolset));
  lines.push('', `${'toolset'.padEnd(setWidth)}  tools  tokens`);
  for (const [name, item] of sets)
    lines.push(
      `${name.padEnd(setWidth)}  ${String(item.tools).padStart(5)}  ${unknownIn.has(name) ? '-' : item.tokens}`,
    );
  const total = rows.reduce((sum, row) => sum + (row.tokens ?? 0), 0);
  lines.push('');
  if (missing === 0) {
    lines.push(
      `${rows.length} tools, ${total} tokens (o200k), ${rows.length ? Math.round(total / rows.length) : 0} per tool on average`,
    );
  } else {
    lines.push(`${rows.length} tools; ${MISSING_TOKENS_NOTE}`);
  }
  return lines.join('\n');
}
