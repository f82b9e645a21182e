import { pagesItself } from '@x/auth-core';
import { z } from 'zod';
import { collisionsOf } from './collisions.js';
import type { ToolSpec } from './tools.js';
import { objectShape } from './zod-shape.js';

/*
 * Server-side paging of lists the vendor does not page. Which tools get it is read from the endpoint's output
 * schema (the answer is an array, or an object holding exactly one array), never from tool names; an input
 * that declares its own paging (auth-core `pages`) or has `offset`/`limit` pages by itself and gets nothing added.
 */

/** The paging fields the server adds, as listed. */
export const PAGING_FIELDS = ['offset', 'limit'] as const;

/** Largest page a caller may ask for. */
export const MAX_PAGE = 1000;

/** Where the list is in a tool's answer: `[]` for the answer itself, `['records']` for one member. */
export type ListPath = readonly [] | readonly [string];

const cache = new WeakMap<ToolSpec, ListPath | null>();

function findList(tool: ToolSpec): ListPath | null {
  if (tool.mutating) return null;
  const inputShape = objectShape(tool.entry.endpoint.input);
  // Declared vendor paging (auth-core `pages`), or fields of the same names, mean the vendor pages by itself.
  if (pagesItself(tool.entry.endpoint.input)) return null;
  if (inputShape && PAGING_FIELDS.some((field) => Object.hasOwn(inputShape, field))) return null;
  let schema: Record<string, unknown>;
  try {
    schema = z.toJSONSchema(tool.entry.endpoint.output, { io: 'output', unrepresentable: 'any' }) as Record<
      string,
      unknown
    >;
  } catch {
    return null;
  }
  if (schema.type === 'array') return [];
  const properties = schema.properties as Record<string, { type?: unknown }> | undefined;
  if (schema.type !== 'object' || !properties) return null;
  const arrays = Object.entries(properties).filter(([, field]) => field?.type === 'array');
  return arrays.length === 1 ? [arrays[0]?.[0] as string] : null;
}

/** Where the server pages this tool's answer, or undefined when it does not (not a list, or vendor-paged). */
export function listPathOf(tool: ToolSpec): ListPath | undefined {
  let found = cache.get(tool);
  if (found === undefined) {
    found = findList(tool);
    cache.set(tool, found);
  }
  return found ?? undefined;
}

/** The listed paging fields of a paged tool. */
export function pagingProperties(): Record<string, unknown> {
  return {
    // Bounds in words, checked by readPage: the keywords would cost ~10 tokens on each of ~40 list tools.
    offset: { type: 'integer', description: 'Items to skip' },
    limit: { type: 'integer', description: `Page size, ≤ ${MAX_PAGE}` },
  };
}

/** A page request, or the field and rule it broke. */
export type PageRequest = { offset: number; limit: number | undefined } | { field: string; message: string };

/** Reads `offset` and `limit` (absent, or null, means not asked). */
export function readPage(offset: unknown, limit: unknown): PageRequest | undefined {
  if ((offset === undefined || offset === null) && (limit === undefined || limit === null)) return undefined;
  const start = offset ?? 0;
  if (typeof start !== 'number' || !Number.isInteger(start) || start < 0) {
    return { field: 'offset', message: 'must be an integer ≥ 0' };
  }
  if (limit !== undefined && limit !== null) {
    if (typeof limit !== 'number' || !Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE) {
      return { field: 'limit', message: `must be an integer from 1 to ${MAX_PAGE}` };
    }
    return { offset: start, limit };
  }
  return { offset: start, limit: undefined };
}

/** The answer with its list cut to the page, and what the page is. */
export function pageOf(
  value: unknown,
  path: ListPath,
  page: { offset: number; limit: number | undefined },
): { value: unknown; page: Record<string, number> } | undefined {
  const list = path.length === 0 ? value : (value as Record<string, unknown> | null)?.[path[0] as string];
  if (!Array.isArray(list)) return undefined;
  const end = page.limit === undefined ? list.length : Math.min(list.length, page.offset + page.limit);
  const items = list.slice(page.offset, end);
  const shown =
    path.length === 0 ? items : { ...(value as Record<string, unknown>), [path[0] as string]: items };
  const info: Record<string, number> = { offset: page.offset, count: items.length, total: list.length };
  if (end < list.length) info.next_offset = end;
  return { value: shown, page: info };
}

const narrowing = new WeakMap<ToolSpec, string>();

/**
 * What a caller can narrow this tool's answer with, for the truncation hint: the server's paging fields, or
 * the tool's own optional inputs (its filters), by their listed names.
 */
export function narrowingOf(tool: ToolSpec): string {
  const known = narrowing.get(tool);
  if (known) return known;
  let hint: string;
  if (listPathOf(tool)) hint = 'Page with offset and limit (the result says the total) to see the rest.';
  else {
    const shape = objectShape(tool.entry.endpoint.input) ?? {};
    const renamed = collisionsOf(tool);
    const optional = Object.entries(shape)
      .filter(([, field]) => field.safeParse(undefined).success)
      .map(([name]) => renamed.get(name) ?? name);
    hint =
      optional.length > 0
        ? `Narrow the call with ${optional.slice(0, 6).join(', ')} to see the rest.`
        : 'This tool has nothing to narrow with: read single items with the matching get tool, if there is one.';
  }
  narrowing.set(tool, hint);
  return hint;
}
