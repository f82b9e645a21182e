import { z } from 'zod';
import { type Catalog, walkCatalog } from './endpoint.js';

/*
 * Cross-references between endpoints of one catalog, kept as data inside the text that mentions them ("key,
 * from <els.key.list>"). Each projection renders them in its own vocabulary: the MCP server as tool names
 * (`tuxcare_els_key_list`), the generated TSDoc and API.md as method calls (`tc.els.key.list()`). The catalog
 * itself never names a tool or a method, so renaming either cannot leave a stale mention behind.
 *
 * A reference is a token `{@ref <dotted id>}` in a summary, a description or a zod field description. The
 * token grammar is closed (dotted segments of letters, digits, `_` and `-`), so reading the references back is
 * parsing, and a token that any projection forgot to render is easy to find.
 */

/** One catalog id segment, as the catalog's keys spell them. */
const SEGMENT = '[A-Za-z0-9_-]+';

/** A whole dotted catalog id. */
const ID = new RegExp(`^${SEGMENT}(?:\\.${SEGMENT})*$`);

/** Every reference token in a text. */
const TOKEN = new RegExp(`\\{@ref (${SEGMENT}(?:\\.${SEGMENT})*)\\}`, 'g');

/**
 * A reference to another endpoint of the same catalog, by its dotted id, for use inside a summary,
 * description or field description: `` idField('key', `ELS/ESU key, from ${ref('els.key.list')}`) ``.
 * Every projection renders it (the MCP server as the tool name, the docs as the method); the catalog test
 * checks that it resolves.
 *
 * @param id - dotted catalog id, e.g. `els.key.list`
 * @returns the reference token
 * @throws Error when `id` is not a dotted id (a typo in the catalog, caught when the module loads)
 */
export function ref(id: string): string {
  if (!ID.test(id)) throw new Error(`ref("${id}"): not a dotted catalog id such as "els.key.list"`);
  return `{@ref ${id}}`;
}

/** The ids referenced in a text, each once, in order of first mention. */
export function refsIn(text: string | undefined): string[] {
  if (!text) return [];
  return [...new Set(Array.from(text.matchAll(TOKEN), (match) => match[1] as string))];
}

/**
 * Replaces each reference token in a text by its rendering.
 *
 * @param render - maps a dotted id to its text in the target vocabulary, e.g. `id => toolName(vendor, id)`
 */
export function renderRefs(text: string, render: (id: string) => string): string {
  return text.replace(TOKEN, (_token, id: string) => render(id));
}

/**
 * Renders the reference tokens in every string of a JSON value (a JSON Schema, a listed tool), returning a
 * copy; values without a token are returned as they are.
 */
export function renderRefsDeep<T>(value: T, render: (id: string) => string): T {
  if (typeof value === 'string') return (value.includes('{@ref ') ? renderRefs(value, render) : value) as T;
  if (Array.isArray(value)) return value.map((item) => renderRefsDeep(item, render)) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, renderRefsDeep(item, render)]),
    ) as T;
  }
  return value;
}

/** Zod schema internals this module reads: the public `_zod.def` of zod 4. */
interface ZodNode {
  _zod: { def: Record<string, unknown> & { type: string } };
}

/** The wrappers a field's schema may sit in, whose descriptions all describe the same field. */
function unwrap(node: ZodNode): ZodNode[] {
  const def = node._zod.def;
  switch (def.type) {
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'nonoptional':
    case 'readonly':
    case 'catch':
      return [node, ...unwrap(def.innerType as ZodNode)];
    case 'pipe':
      return [node, ...unwrap(def.in as ZodNode), ...unwrap(def.out as ZodNode)];
    case 'lazy':
      return [node, ...unwrap((def.getter as () => ZodNode)())];
    default:
      return [node];
  }
}

/** The schemas one path step leads to from a node (several through a union or an intersection). */
function step(node: ZodNode, key: PropertyKey): ZodNode[] {
  const out: ZodNode[] = [];
  for (const layer of unwrap(node)) {
    const def = layer._zod.def;
    switch (def.type) {
      case 'object': {
        // Own keys only: a path from a caller's input may say `constructor` or `__proto__`.
        const shape = def.shape as Record<string, ZodNode>;
        if (Object.hasOwn(shape, String(key))) out.push(shape[String(key)] as ZodNode);
        break;
      }
      case 'array':
        if (typeof key === 'number') out.push(def.element as ZodNode);
        break;
      case 'tuple': {
        const item = typeof key === 'number' ? (def.items as ZodNode[])[key] : undefined;
        if (item) out.push(item);
        break;
      }
      case 'record':
        out.push(def.valueType as ZodNode);
        break;
      case 'union':
        for (const option of def.options as ZodNode[]) out.push(...step(option, key));
        break;
      case 'intersection':
        out.push(...step(def.left as ZodNode, key), ...step(def.right as ZodNode, key));
        break;
    }
  }
  return out;
}

/** The ids referenced in the metadata (description, compact listing) of one schema node. */
function nodeRefs(node: ZodNode): string[] {
  const meta = z.globalRegistry.get(node as unknown as z.ZodType);
  return meta ? refsIn(JSON.stringify(meta)) : [];
}

/**
 * The endpoints a field's description says its value comes from: for `key` of `els.key.update`,
 * `['els.key.list']`. A projection uses it to point a caller at the call that yields a missing or bad value.
 *
 * @param schema - an endpoint's input (or output) schema
 * @param path - the field's path in it, as in a {@link FieldIssue} (`['key']`, `['ips', 0, 'pool']`)
 * @returns the referenced dotted ids, `[]` when the field has none or the path leads nowhere
 */
export function fieldRefs(schema: z.ZodType, path: readonly PropertyKey[]): string[] {
  let nodes: ZodNode[] = [schema as unknown as ZodNode];
  for (const key of path) nodes = nodes.flatMap((node) => step(node, key));
  return [...new Set(nodes.flatMap((node) => unwrap(node).flatMap(nodeRefs)))];
}

/** One cross-reference found in a catalog. */
export interface CatalogRef {
  /** The dotted id of the endpoint whose text holds the reference. */
  readonly from: string;
  /** Where: `summary`, `description`, `input` or `output` (a field description or compact listing). */
  readonly where: 'summary' | 'description' | 'input' | 'output';
  /** The referenced dotted id. */
  readonly id: string;
}

/** Every cross-reference in a catalog: in summaries, descriptions and the field descriptions of each schema. */
export function catalogRefs(catalog: Catalog): CatalogRef[] {
  const found: CatalogRef[] = [];
  for (const { id: from, endpoint } of walkCatalog(catalog)) {
    const texts = {
      summary: endpoint.summary,
      description: endpoint.description,
      input: JSON.stringify(z.toJSONSchema(endpoint.input, { io: 'input', unrepresentable: 'any' })),
      output: JSON.stringify(z.toJSONSchema(endpoint.output, { io: 'output', unrepresentable: 'any' })),
    };
    for (const [where, text] of Object.entries(texts) as [CatalogRef['where'], string | undefined][]) {
      for (const id of refsIn(text)) found.push({ from, where, id });
    }
  }
  return found;
}

/**
 * The cross-references of a catalog that name no endpoint of it, as messages (`els.key.update input:
 * els.key.lst is not an endpoint of this catalog`); `[]` when every reference resolves.
 */
export function unresolvedRefs(catalog: Catalog): string[] {
  const ids = new Set(walkCatalog(catalog).map((entry) => entry.id));
  return catalogRefs(catalog)
    .filter((found) => !ids.has(found.id))
    .map((found) => `${found.from} ${found.where}: ${found.id} is not an endpoint of this catalog`);
}
