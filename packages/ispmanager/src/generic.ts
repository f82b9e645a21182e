import { type GenericTarget, walkCatalog } from '@x/auth-core';
import { ispmanagerCatalog } from './catalog.js';
import type { PanelRoute } from './route.js';

let byFunc: ReadonlyMap<string, { ids: string[]; read: boolean }> | undefined;

/** The typed entries of each panel function, keyed by the function in lower case. */
function typedFuncs(): ReadonlyMap<string, { ids: string[]; read: boolean }> {
  if (byFunc) return byFunc;
  const map = new Map<string, { ids: string[]; read: boolean }>();
  for (const entry of walkCatalog<PanelRoute>(ispmanagerCatalog)) {
    if (entry.endpoint.route.generic) continue;
    const key = entry.endpoint.route.func.toLowerCase();
    const known = map.get(key) ?? { ids: [], read: true };
    known.ids.push(entry.id);
    known.read &&= entry.endpoint.effect === 'read';
    map.set(key, known);
  }
  byFunc = map;
  return map;
}

/**
 * What a generic `call` is equivalent to: the typed entries of the same panel function (compared without
 * case: the panel's own spelling is not a policy boundary) and whether it is a known read (only typed reads
 * use the function, and it is not submitted with `sok`). Catalog is read at call time, never at import, so
 * the import cycle with the catalog is harmless.
 */
export function coveredBy(input: unknown): GenericTarget {
  const { func, sok } = (input ?? {}) as { func?: unknown; sok?: unknown };
  if (typeof func !== 'string') return { entries: [], read: false };
  const known = typedFuncs().get(func.toLowerCase());
  if (!known) return { entries: [], read: false };
  return { entries: known.ids, read: known.read && sok !== true };
}
