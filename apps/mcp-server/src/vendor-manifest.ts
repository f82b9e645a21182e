import type { Catalog, Endpoint } from '@x/auth-core';
import { isEndpoint, walkCatalog } from '@x/auth-core';
import type { VendorModule } from '@x/auth-core/projection';

/*
 * A vendor module without its schemas. Importing a vendor package builds the zod schemas of every endpoint
 * (~40 ms per vendor, ~150 ms for the four, more than half of a cold start), yet nothing before the first
 * tools/call needs them: tool names, effects and descriptions are plain data, and tools/list comes from the
 * build's listing cache. The build records that plain data (a manifest); the server starts on stand-ins made
 * from it, and the real package is loaded the first time anything reads a schema, a route or `connect`.
 */

/** The endpoint fields that are plain data, recorded by the build and read without loading the vendor. */
const PLAIN_FIELDS = [
  'summary',
  'description',
  'effect',
  'idempotent',
  'destructive',
  'credentials',
  'sensitive',
] as const;

type PlainField = (typeof PLAIN_FIELDS)[number];

/** One endpoint as the manifest records it. */
export interface ManifestEndpoint {
  /** Path segments in the catalog, e.g. `['els', 'key', 'create']`. */
  path: string[];
  /** The plain fields the endpoint sets. */
  plain: Partial<Pick<Endpoint, PlainField>>;
  /** Every other field it has (route, input, output, covers...): read from the loaded vendor. */
  loaded: string[];
}

/** One vendor module as the manifest records it, endpoints in catalog order. */
export interface VendorManifest {
  id: string;
  title: string;
  settings: VendorModule['settings'];
  endpoints: ManifestEndpoint[];
}

/** The manifest of a loaded vendor module (the build step). */
export function describeVendor(vendor: VendorModule): VendorManifest {
  return {
    id: vendor.id,
    title: vendor.title,
    settings: {
      required: [...vendor.settings.required],
      optional: [...vendor.settings.optional],
      secret: [...vendor.settings.secret],
    },
    endpoints: walkCatalog(vendor.catalog).map((entry) => {
      const plain: Record<string, unknown> = {};
      const loaded: string[] = [];
      for (const key of Object.keys(entry.endpoint)) {
        const value = (entry.endpoint as unknown as Record<string, unknown>)[key];
        if ((PLAIN_FIELDS as readonly string[]).includes(key)) {
          if (value !== undefined) plain[key] = structuredClone(value);
        } else loaded.push(key);
      }
      return { path: [...entry.path], plain, loaded };
    }),
  };
}

// The marker auth-core's `isEndpoint` looks for; `Symbol.for` is how it recognises endpoints of any copy.
const ENDPOINT_MARK = Symbol.for('@x/auth-core.endpoint');

/**
 * A stand-in for the vendor module the manifest describes: id, title, settings and the catalog's plain fields
 * without loading it; anything else (a schema, a route, `connect`) loads it through `load` on first use.
 * `load` must return the module the manifest was made from (the caller checks that it is the same code).
 */
export function lazyVendor(manifest: VendorManifest, load: () => VendorModule): VendorModule {
  let real: VendorModule | undefined;
  const loadOnce = (): VendorModule => {
    real ??= load();
    return real;
  };
  const catalog: Record<string, unknown> = {};
  for (const item of manifest.endpoints) {
    let node = catalog;
    for (const key of item.path.slice(0, -1)) {
      node[key] ??= {};
      node = node[key] as Record<string, unknown>;
    }
    const stand: Record<string | symbol, unknown> = { ...structuredClone(item.plain), [ENDPOINT_MARK]: true };
    for (const key of item.loaded) {
      Object.defineProperty(stand, key, {
        enumerable: true,
        get: () => (realEndpoint(loadOnce().catalog, item.path) as unknown as Record<string, unknown>)[key],
      });
    }
    node[item.path.at(-1) as string] = Object.freeze(stand);
  }
  return {
    id: manifest.id,
    title: manifest.title,
    settings: manifest.settings,
    catalog: catalog as Catalog,
    connect: (settings, options) => loadOnce().connect(settings, options),
  };
}

function realEndpoint(catalog: Catalog, path: readonly string[]): Endpoint {
  let node: unknown = catalog;
  for (const key of path) node = (node as Record<string, unknown> | undefined)?.[key];
  if (!isEndpoint(node)) throw new Error(`the loaded vendor has no endpoint ${path.join('.')}`);
  return node;
}
