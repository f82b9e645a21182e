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

/** The outcome of a selection. */
export interface Selected {
  tools: ToolSpec[];
}

/**
 * Applies a selection. Precedence: read-only > exclude > (toolsets ∪ tools). An unknown tool or toolset
 * name is an error: a typo must not silently expose or hide something, nor start a server with no tools.
 */
export function selectTools(all: readonly ToolSpec[], selection: Selection): Selected {
  const names = all.map((tool) => tool.name);
  unknownNames(selection.tools, names, 'tool(s)', '--tools / X_MCP_TOOLS');
  unknownNames(selection.excludeTools, names, 'tool(s)', '--exclude-tools / X_MCP_EXCLUDE_TOOLS');
  const requested = (selection.toolsets ?? []).filter((name) => name !== '');
  const valid = ['all', ...new Set(all.flatMap((tool) => [tool.vendor.id, tool.toolset]))];
  unknownNames(requested, valid, 'toolset(s)', '--toolsets / X_MCP_TOOLSETS', `valid: ${valid.join(', ')}`);
  // No toolsets and no single tools means everything; `--tools a,b` alone means just those.
  const everything =
    (requested.length === 0 && (selection.tools ?? []).length === 0) || requested.includes('all');
  const sets = new Set(requested);
  const extra = new Set(selection.tools ?? []);
  const excluded = new Set(selection.excludeTools ?? []);
  const tools = all.filter((tool) => {
    if (selection.readOnly && tool.mutating) return false;
    if (excluded.has(tool.name)) return false;
    return everything || sets.has(tool.toolset) || sets.has(tool.vendor.id) || extra.has(tool.name);
  });
  return { tools };
}

/** Throws when a requested name is not a known one, suggesting close matches. */
function unknownNames(
  requested: readonly string[] | undefined,
  known: readonly string[],
  what: string,
  where: string,
  hint = 'run with --list-tools --sandbox to see every tool name',
): void {
  const unknown = (requested ?? []).filter((name) => !known.includes(name));
  if (unknown.length === 0) return;
  const described = unknown.map((name) => {
    const close = closeMatches(name, known);
    return close.length > 0 ? `${name} (did you mean ${close.join(' or ')}?)` : name;
  });
  throw new Error(`unknown ${what}: ${described.join(', ')} in ${where}; ${hint}`);
}

/** The known names fewest edits away from `name` (a few edits at most), at most three. */
function closeMatches(name: string, known: readonly string[]): string[] {
  const bound = Math.max(2, Math.floor(name.length / 4));
  const distances = known.map((candidate) => ({ candidate, distance: editDistance(name, candidate) }));
  const best = Math.min(...distances.map((match) => match.distance));
  if (best > bound) return [];
  return distances
    .filter((match) => match.distance === best)
    .slice(0, 3)
    .map((match) => match.candidate);
}

/** Levenshtein distance: insertions, deletions and substitutions. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(
        (previous[j] as number) + 1,
        (current[j - 1] as number) + 1,
        (previous[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    }
    previous = current;
  }
  return previous[b.length] as number;
}
