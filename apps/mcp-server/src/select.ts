import type { ToolSpec } from './tools.js';

/** Which tools to expose. */
export interface Selection {
  /** Toolsets (`lunanode.vm`) or whole vendors (`lunanode`); `all` or empty means every toolset. */
  toolsets?: readonly string[] | undefined;
  /** Single tools added on top of the toolsets. */
  tools?: readonly string[] | undefined;
  /** Tools removed. */
  excludeTools?: readonly string[] | undefined;
  /** Only read tools; wins over everything. */
  readOnly?: boolean | undefined;
}

/** The outcome of a selection, with warnings for the operator. */
export interface Selected {
  tools: ToolSpec[];
  warnings: string[];
}

/**
 * Applies a selection. Precedence: read-only > exclude > (toolsets ∪ tools). An unknown tool name is an
 * error (a typo must not silently expose or hide something); an unknown toolset is a warning.
 */
export function selectTools(all: readonly ToolSpec[], selection: Selection): Selected {
  const warnings: string[] = [];
  const names = new Set(all.map((tool) => tool.name));
  const unknownTools = [...(selection.tools ?? []), ...(selection.excludeTools ?? [])].filter(
    (name) => !names.has(name),
  );
  if (unknownTools.length > 0) {
    throw new Error(`unknown tool(s): ${unknownTools.join(', ')}. Run with --list-tools to see the names.`);
  }
  const requested = (selection.toolsets ?? []).filter((name) => name !== '');
  // No toolsets and no single tools means everything; `--tools a,b` alone means just those.
  const everything =
    (requested.length === 0 && (selection.tools ?? []).length === 0) || requested.includes('all');
  const sets = new Set(requested);
  if (!everything) {
    for (const set of sets) {
      if (!all.some((tool) => tool.toolset === set || tool.vendor.id === set)) {
        warnings.push(`unknown toolset "${set}" ignored`);
      }
    }
  }
  const extra = new Set(selection.tools ?? []);
  const excluded = new Set(selection.excludeTools ?? []);
  const tools = all.filter((tool) => {
    if (selection.readOnly && tool.mutating) return false;
    if (excluded.has(tool.name)) return false;
    return everything || sets.has(tool.toolset) || sets.has(tool.vendor.id) || extra.has(tool.name);
  });
  return { tools, warnings };
}
