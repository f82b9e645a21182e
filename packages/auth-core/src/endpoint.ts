import { z } from 'zod';
import { LISTED_AS } from './listing.js';

/**
 * What a call does to the vendor's state. It drives retry safety (only idempotent calls are repeated after
 * the request may have reached the server) and the MCP tool annotations.
 */
export type Effect = 'read' | 'create' | 'update' | 'delete' | 'action';

const ENDPOINT = Symbol.for('@x/auth-core.endpoint');

/**
 * One endpoint, declared once as data. The typed client method, the MCP tool and the docs derive from it.
 *
 * @typeParam R - the vendor-specific route (TuxCare: path and method; LunaNode: category and action; ...)
 * @typeParam I - strict zod input schema (unknown keys rejected); it doubles as the MCP inputSchema
 * @typeParam O - tolerant zod output schema (coerces vendor quirks, keeps unknown fields)
 */
export interface Endpoint<R = unknown, I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  readonly [ENDPOINT]: true;
  /** One sentence: what the call does. Becomes the method TSDoc and the MCP tool description. */
  readonly summary: string;
  /** Optional second sentence or two: where required ids come from, caveats. */
  readonly description?: string | undefined;
  /** The vendor route. */
  readonly route: R;
  /** Strict input schema. */
  readonly input: I;
  /** Tolerant output schema. */
  readonly output: O;
  /** What the call does to vendor state. */
  readonly effect: Effect;
  /**
   * Overrides the idempotency implied by `effect` (read, update and delete are idempotent; create and action
   * are not). Set it for actions such as "start a VM" that are safe to repeat.
   */
  readonly idempotent?: boolean | undefined;
  /**
   * Overrides the destructiveness implied by `effect` (update, delete and action are destructive). Set
   * `false` for actions that change state without destroying anything, such as starting a VM; the MCP server
   * asks for confirmation of destructive tools only.
   */
  readonly destructive?: boolean | undefined;
  /**
   * Top-level output fields that carry an account credential this call mints or reveals (an API token, a
   * login key, a one-time login URL). The user asked for it, so it is returned, but only after the user
   * confirmed the call: the MCP server asks for confirmation of such tools even under `--confirm destructive`
   * and labels the fields in the result.
   */
  readonly credentials?: readonly string[] | undefined;
  /**
   * Output fields whose values are secrets the caller did not ask for (another user's session id, a
   * password hash): masked in MCP results. Dotted paths from the output's root; `[]` steps into every item
   * of an array, e.g. `list[].session_id`.
   */
  readonly sensitive?: readonly string[] | undefined;
  /**
   * For a generic endpoint (one that calls any vendor function by name, such as ISPmanager's `call`): the
   * typed catalog entries a call with this input is equivalent to, and whether it only reads. Policy then
   * sees through the generic call: a function whose typed tool is disabled stays disabled. Gets the raw,
   * not yet validated input, so it must not trust its shape.
   */
  readonly covers?: ((input: unknown) => GenericTarget) | undefined;
}

/** What a generic call is equivalent to (see {@link Endpoint.covers}). */
export interface GenericTarget {
  /** Dotted ids of the typed catalog entries that call the same vendor function. */
  readonly entries: readonly string[];
  /** Known to change nothing (a function only typed reads use, not submitted). */
  readonly read: boolean;
}

/** The fields one writes to declare an endpoint. */
export type EndpointDefinition<R, I extends z.ZodType, O extends z.ZodType> = Omit<
  Endpoint<R, I, O>,
  typeof ENDPOINT
>;

/** Declares an endpoint. */
export function endpoint<R, I extends z.ZodType, O extends z.ZodType>(
  definition: EndpointDefinition<R, I, O>,
): Endpoint<R, I, O> {
  return Object.freeze({ ...definition, [ENDPOINT]: true as const });
}

/** Whether a value is an endpoint descriptor (from any installed copy of this package). */
export function isEndpoint(value: unknown): value is Endpoint {
  return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[ENDPOINT] === true;
}

/**
 * A nested object whose leaves are endpoints; `R` is the vendor's route type, so a catalog holding another
 * vendor's routes does not type-check where a `Catalog<TuxCareRoute>` is wanted.
 */
export interface Catalog<R = unknown> {
  readonly [key: string]: Endpoint<R, z.ZodType, z.ZodType> | Catalog<R>;
}

/** One endpoint of a catalog with its position. */
export interface CatalogEntry<R = unknown> {
  /** Dotted id, e.g. `els.key.create`. */
  id: string;
  /** Path segments, e.g. `['els', 'key', 'create']`. */
  path: readonly string[];
  endpoint: Endpoint<R>;
}

/** Lists every endpoint of a catalog, depth first in declaration order. */
export function walkCatalog<R = unknown>(
  catalog: Catalog,
  prefix: readonly string[] = [],
): CatalogEntry<R>[] {
  const entries: CatalogEntry<R>[] = [];
  for (const [key, value] of Object.entries(catalog)) {
    const path = [...prefix, key];
    if (isEndpoint(value)) entries.push({ id: path.join('.'), path, endpoint: value as Endpoint<R> });
    else entries.push(...walkCatalog<R>(value as Catalog, path));
  }
  return entries;
}

/** Whether repeating the call has the same effect as making it once. */
export function isIdempotent(endpoint: Pick<Endpoint, 'effect' | 'idempotent'>): boolean {
  if (endpoint.idempotent !== undefined) return endpoint.idempotent;
  return endpoint.effect === 'read' || endpoint.effect === 'update' || endpoint.effect === 'delete';
}

/** The metadata key that declares an input field as the vendor's own paging (see {@link pages}). */
export const PAGES = 'x-pages';

/**
 * Declares an input field as the vendor's own paging (a page number, a page size, a range), so projections
 * know that the endpoint pages by itself: the MCP server then adds no paging of its own.
 */
export function pages<T extends z.ZodType>(schema: T): T {
  return schema.meta({ [PAGES]: true }) as T;
}

/** Whether an endpoint's input declares vendor paging on one of its top-level fields ({@link pages}). */
export function pagesItself(input: z.ZodType): boolean {
  const shape = (input as unknown as { _zod?: { def?: { shape?: Record<string, z.ZodType> } } })._zod?.def
    ?.shape;
  return Object.values(shape ?? {}).some((field) => z.globalRegistry.get(field)?.[PAGES] === true);
}

/**
 * Gives a field a compact JSON Schema for tool listings, while zod keeps validating the full schema. For
 * recursive or very large shapes (a filter tree) whose full JSON Schema would cost hundreds of tokens in
 * every tool that has the field; the listing's description must state the rules the model needs.
 */
export function listedAs<T extends z.ZodType>(schema: T, listing: Record<string, unknown>): T {
  return schema.meta({ [LISTED_AS]: listing }) as T;
}
