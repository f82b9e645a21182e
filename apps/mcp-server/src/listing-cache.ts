import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Tool } from '@modelcontextprotocol/server';
import type { VendorModule } from '@x/auth-core/projection';
import { DEFAULT_ACCOUNT, SANDBOX_ACCOUNT } from './accounts.js';
import { CONFIRM_MODES, needsConfirmation } from './confirm.js';
import { codeFiles, fingerprint, packageClosure } from './fingerprint.js';
import { listedTool } from './schema.js';
import type { ToolSpec } from './tools.js';
import { describeVendor, type VendorManifest } from './vendor-manifest.js';

/*
 * tools/list entries computed at build time. Converting ~250 zod input schemas to JSON Schema is the largest
 * part of a first tools/list (~60 ms of a ~350 ms cold start, most of it zod's converter running cold), and
 * its result depends only on the code: the build computes every entry the server can be asked for before any
 * configuration is read (write-listing-cache.ts), and the server uses them only after checking that the code
 * it runs is the code they were derived from (fingerprint.ts). Anything else (other account names, other
 * vendor modules, a stale or missing file) is computed at run time as before.
 */

/** Where the build writes the file: next to this module (dist/listing-cache.json). */
export const LISTING_CACHE_FILE: string = fileURLToPath(new URL('./listing-cache.json', import.meta.url));

/** This package's folder, the root of the fingerprint. */
const PACKAGE_DIR = fileURLToPath(new URL('..', import.meta.url));

/** The file's content. */
export interface ListingCacheFile {
  /** The fingerprints of the code it is valid for: this build's workspace, and an install from the registry. */
  fingerprints: string[];
  /** The code files of each local package, as hashed into the fingerprint. */
  files: Record<string, string[]>;
  /** Per tool name, each distinct listed tool with the argument variants that produce it. */
  tools: Record<string, { variants: string[]; tool: Tool }[]>;
  /** The vendor modules the tools came from, without their schemas (vendor-manifest.ts), in order. */
  vendors: VendorManifest[];
}

const variantKey = (accountNames: readonly string[], confirms: boolean): string =>
  JSON.stringify([accountNames, confirms]);

/**
 * The `listedTool` arguments known before any configuration is read: the single account of the environment or
 * of the sandbox, with each confirmation setting some `--confirm` mode gives this tool.
 */
function knownVariants(tool: ToolSpec): [string[], boolean][] {
  const confirms = [...new Set(CONFIRM_MODES.map((mode) => needsConfirmation(tool, mode)))];
  return [[DEFAULT_ACCOUNT], [SANDBOX_ACCOUNT]].flatMap((names) =>
    confirms.map((confirm): [string[], boolean] => [names, confirm]),
  );
}

/** The file's content for these tools and the code installed now (the build step). */
export function buildListingCache(tools: readonly ToolSpec[], packageDir = PACKAGE_DIR): ListingCacheFile {
  const entries: ListingCacheFile['tools'] = {};
  for (const tool of tools) {
    const distinct = new Map<string, { variants: string[]; tool: Tool }>();
    for (const [names, confirms] of knownVariants(tool)) {
      const listed = listedTool(tool, names, confirms);
      const text = JSON.stringify(listed);
      const entry = distinct.get(text) ?? { variants: [], tool: JSON.parse(text) as Tool };
      entry.variants.push(variantKey(names, confirms));
      distinct.set(text, entry);
    }
    entries[tool.name] = [...distinct.values()];
  }
  const closure = packageClosure(packageDir);
  const files = Object.fromEntries(
    closure.filter((pkg) => pkg.local).map((pkg) => [pkg.name, codeFiles(pkg)]),
  );
  const vendors = [...new Set(tools.map((tool) => tool.vendor))];
  return {
    fingerprints: [fingerprint(closure, files), fingerprint(packageClosure(packageDir, true), {})],
    files,
    tools: entries,
    vendors: vendors.map(describeVendor),
  };
}

type Table = Map<string, Map<string, Tool>>;

/** A listing cache file as read: its entries by tool and variant, and its vendor manifests. */
export interface LoadedListing {
  readonly table: Table;
  readonly vendors: readonly VendorManifest[];
}

/**
 * The file's content, if it exists and was derived from the code installed now (a few milliseconds: one
 * JSON parse, one hash over the local packages' code, nothing for registry packages).
 */
export function loadListingCache(
  file: string = LISTING_CACHE_FILE,
  packageDir: string = PACKAGE_DIR,
): LoadedListing | undefined {
  let data: ListingCacheFile;
  try {
    data = JSON.parse(readFileSync(file, 'utf8')) as ListingCacheFile;
    if (!data.fingerprints.includes(fingerprint(packageClosure(packageDir), data.files))) return undefined;
  } catch {
    return undefined; // no file, or a file it names is gone: computed at run time
  }
  const table: Table = new Map();
  for (const [name, entries] of Object.entries(data.tools)) {
    const variants = new Map<string, Tool>();
    for (const entry of entries) for (const key of entry.variants) variants.set(key, entry.tool);
    table.set(name, variants);
  }
  return { table, vendors: data.vendors ?? [] };
}

/** The build's precomputed tools/list entries for the tools of some vendor modules, read on first use. */
export class ListingCache {
  #table: Table | undefined | null = null;

  /**
   * @param vendors the modules the build listed (the CLI's): a tool of any other module is never looked up,
   *   even under the same name.
   * @param loaded the file as {@link loadListingCache} already read it (the CLI reads it at startup for the
   *   vendor manifests); without it the file is read on the first lookup.
   */
  constructor(
    private readonly vendors: readonly VendorModule[],
    private readonly file: string = LISTING_CACHE_FILE,
    private readonly packageDir: string = PACKAGE_DIR,
    loaded?: LoadedListing,
  ) {
    if (loaded) this.#table = loaded.table;
  }

  /**
   * What `listedTool(tool, accountNames, confirms)` returns, or `undefined` when the build did not compute it
   * (or the code changed since). The entry is shared: read it, do not change it.
   */
  lookup(tool: ToolSpec, accountNames: readonly string[], confirms: boolean): Tool | undefined {
    if (!this.vendors.includes(tool.vendor)) return undefined;
    if (this.#table === null) this.#table = loadListingCache(this.file, this.packageDir)?.table;
    return this.#table?.get(tool.name)?.get(variantKey(accountNames, confirms));
  }
}
