import type * as Undici from 'undici';

/**
 * undici is loaded on the first request, not at import: it is the largest part of this package's import
 * time (~85 ms), and an MCP server with many configured vendors should start without paying it.
 */
let loaded: typeof Undici | undefined;
let loading: Promise<typeof Undici> | undefined;

/** The undici module, loading it once. */
export function loadUndici(): Promise<typeof Undici> {
  if (loaded) return Promise.resolve(loaded);
  loading ??= import('undici').then((module) => {
    loaded = module;
    return module;
  });
  return loading;
}
