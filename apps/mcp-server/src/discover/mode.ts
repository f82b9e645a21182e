import type { ToolModeOption } from '../options.js';

/** What tools/list shows: every enabled tool, or the three discovery tools. */
export type ToolMode = 'static' | 'discover';

/** The mode a server runs in, and the reason, as the startup line, `--list-tools` and the instructions say. */
export interface ToolModeChoice {
  mode: ToolMode;
  /** `--tool-mode static`, or `auto: 250 enabled tools > --max-static-tools 40`. */
  reason: string;
}

/**
 * Picks the mode from the enabled selection: `auto` lists tools one by one up to `maxStatic` of them (Cursor
 * sends a model only its first 40, VS Code refuses more than 128), and switches to discovery above that.
 */
export function resolveToolMode(
  requested: ToolModeOption,
  enabled: number,
  maxStatic: number,
): ToolModeChoice {
  if (requested !== 'auto') return { mode: requested, reason: `--tool-mode ${requested}` };
  return enabled > maxStatic
    ? { mode: 'discover', reason: `auto: ${enabled} enabled tools > --max-static-tools ${maxStatic}` }
    : { mode: 'static', reason: `auto: ${enabled} enabled tools ≤ --max-static-tools ${maxStatic}` };
}
