import { type ConfirmMode, needsConfirmation } from './confirm.js';
import { listedTool } from './schema.js';
import type { ToolRegistry } from './server.js';
import { toolTokens } from './tokens.js';
import type { ToolSpec } from './tools.js';

/** One row of `--list-tools`. */
export interface ToolRow {
  name: string;
  toolset: string;
  effect: string;
  tokens: number;
}

/** The tool definitions as a single-account server would list them, with their token cost. */
export function toolRows(tools: readonly ToolSpec[], confirm: ConfirmMode): ToolRow[] {
  return tools.map((tool) => {
    const definition = listedTool(tool, [], needsConfirmation(tool, confirm));
    return { name: tool.name, toolset: tool.toolset, effect: tool.effect, tokens: toolTokens(definition) };
  });
}

/**
 * The tools a configured server serves, as its tools/list shows them (selection, read-only mode, live
 * vendors and their account names applied), with their token cost: what `--list-tools` prints.
 */
export function servedRows(registry: ToolRegistry): ToolRow[] {
  const listed = registry.list();
  return registry.context.tools.map((tool, i) => ({
    name: tool.name,
    toolset: tool.toolset,
    effect: tool.effect,
    tokens: toolTokens(listed[i] as (typeof listed)[number]),
  }));
}

/** Per toolset, in first-seen order: how many tools, how many of them read-only, and their tokens. */
export function toolsetTotals(
  rows: readonly ToolRow[],
): Map<string, { tools: number; reads: number; tokens: number }> {
  const sets = new Map<string, { tools: number; reads: number; tokens: number }>();
  for (const row of rows) {
    const item = sets.get(row.toolset) ?? { tools: 0, reads: 0, tokens: 0 };
    item.tools++;
    if (row.effect === 'read') item.reads++;
    item.tokens += row.tokens;
    sets.set(row.toolset, item);
  }
  return sets;
}

/** The `--list-tools` text: one line per tool, then totals per toolset. */
export function formatToolList(rows: readonly ToolRow[]): string {
  const width = Math.max(4, ...rows.map((row) => row.name.length));
  const setWidth = Math.max(7, ...rows.map((row) => row.toolset.length));
  const lines = [`${'tool'.padEnd(width)}  ${'toolset'.padEnd(setWidth)}  effect  tokens`];
  for (const row of rows) {
    lines.push(
      `${row.name.padEnd(width)}  ${row.toolset.padEnd(setWidth)}  ${row.effect.padEnd(6)}  ${row.tokens}`,
    );
  }
  const total = rows.reduce((sum, row) => sum + row.tokens, 0);
  lines.push('', `${'toolset'.padEnd(setWidth)}  tools  tokens`);
  for (const [name, item] of toolsetTotals(rows))
    lines.push(`${name.padEnd(setWidth)}  ${String(item.tools).padStart(5)}  ${item.tokens}`);
  lines.push(
    '',
    `${rows.length} tools, ${total} tokens (o200k), ${rows.length ? Math.round(total / rows.length) : 0} per tool on average`,
  );
  return lines.join('\n');
}
