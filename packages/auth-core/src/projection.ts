/**
 * @x/auth-core/projection: how a catalog is projected onto MCP. Tool names, toolsets, tool annotations, the
 * compact-listing keyword and the vendor module an MCP server loads. Vendor packages declare what a call does
 * (`effect`, `idempotent`, `destructive`); only a projection speaks MCP, so these live apart from the core's
 * root export.
 *
 * @packageDocumentation
 */
import { type Catalog, type CatalogEntry, type Endpoint, isIdempotent } from './endpoint.js';
import type { CommonClientOptions, VendorClient } from './vendor.js';

export { LISTED_AS } from './listing.js';

/** The four MCP tool annotation hints. */
export interface ToolAnnotations {
  readOnlyHint: boolean;
  destructiveHint: boolean;
  idempotentHint: boolean;
  openWorldHint: boolean;
}

/**
 * Derives the MCP annotations from an endpoint, so no server ever hand-writes them.
 *
 * - read: read-only, idempotent.
 * - create: adds something new; destroys nothing; repeating it creates a second one.
 * - update: overwrites existing values (destructive), same result when repeated.
 * - delete: destructive, idempotent.
 * - action: a state change such as stop, reinstall or convert: destructive, not idempotent unless declared so.
 *
 * `idempotent` and `destructive` on the endpoint refine the last two hints (a read is never destructive).
 *
 * Every tool talks to an outside system, so openWorldHint is always true.
 */
export function effectAnnotations(
  endpoint: Pick<Endpoint, 'effect' | 'idempotent' | 'destructive'>,
): ToolAnnotations {
  const readOnly = endpoint.effect === 'read';
  return {
    readOnlyHint: readOnly,
    destructiveHint: !readOnly && (endpoint.destructive ?? endpoint.effect !== 'create'),
    idempotentHint: isIdempotent(endpoint),
    openWorldHint: true,
  };
}

/**
 * What a vendor package exports for generic consumers (the MCP server, docs generators): the catalog, how
 * its entries become tool names and toolsets, and how to connect an account from settings.
 */
export interface VendorModule<C extends Catalog = Catalog> {
  /** Vendor key and MCP tool prefix, e.g. `tuxcare`. */
  readonly id: string;
  /** Human name, e.g. `TuxCare / CloudLinux`. */
  readonly title: string;
  readonly catalog: C;
  /** Settings that configure one account, named as the environment variables that carry them. */
  readonly settings: {
    /** All must be present for the vendor to be usable, e.g. `['TUXCARE_LOGIN', 'TUXCARE_SECRET_KEY']`. */
    readonly required: readonly string[];
    readonly optional: readonly string[];
    /**
     * The settings whose values are secrets (passwords, API keys and ids, logins that are half of a
     * credential, bearer tokens): registered for redaction by whoever holds them. Declared, never guessed
     * from the name.
     */
    readonly secret: readonly string[];
  };
  /** Connects one account from settings keyed like the environment variables. */
  connect(
    settings: Readonly<Record<string, string | undefined>>,
    options?: CommonClientOptions,
  ): VendorClient<C>;
}

/** The MCP tool name of a catalog entry: `{vendor}_{path joined by _}`, e.g. `tuxcare_els_key_create`. */
export function toolName(vendor: string, entry: Pick<CatalogEntry, 'path'>): string {
  return `${vendor}_${entry.path.join('_')}`.replace(/-/g, '_').toLowerCase();
}

/** The toolset of a catalog entry: `{vendor}.{first path segment}`, e.g. `tuxcare.els`. */
export function toolsetName(vendor: string, entry: Pick<CatalogEntry, 'path'>): string {
  return `${vendor}.${entry.path[0] ?? ''}`.replace(/-/g, '_').toLowerCase();
}
