import * as auth from '@x/auth-core';
import * as projection from '@x/auth-core/projection';
import { ispmanagerModule } from '@x/ispmanager';
import { lunanodeModule } from '@x/lunanode';
import { tuxcareModule } from '@x/tuxcare';
import { vmmanagerModule } from '@x/vmmanager';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';

/** The core's root and projection exports, as the generator takes them. */
const core = { ...auth, ...projection };
type VendorModule = projection.VendorModule;

// A compact listing (auth-core `listedAs`) replaces a field's JSON Schema in the MCP tool listing while zod
// keeps validating the full schema. It may say less than zod enforces (its description states the rest), but
// it must never promise what zod refuses: a type zod does not accept, an enum value zod rejects, or a bound
// zod does not have. Checked against the zod schema itself, for every listing of the four catalogs.

const modules = [tuxcareModule, lunanodeModule, ispmanagerModule, vmmanagerModule] as VendorModule[];

type Json = Record<string, unknown>;
interface ZodNode {
  _zod: { def: Record<string, unknown> & { type: string } };
}

/** Every schema node under a root, each once (recursive shapes are walked once). */
function nodes(root: ZodNode, seen = new Set<ZodNode>()): ZodNode[] {
  if (seen.has(root)) return [];
  seen.add(root);
  const def = root._zod.def;
  const children: unknown[] = [];
  switch (def.type) {
    case 'object':
      children.push(...Object.values(def.shape as Record<string, unknown>));
      break;
    case 'array':
      children.push(def.element);
      break;
    case 'union':
      children.push(...(def.options as unknown[]));
      break;
    case 'intersection':
      children.push(def.left, def.right);
      break;
    case 'pipe':
      children.push(def.in, def.out);
      break;
    case 'lazy':
      children.push((def.getter as () => unknown)());
      break;
    case 'record':
      children.push(def.valueType);
      break;
    case 'tuple':
      children.push(...(def.items as unknown[]));
      break;
    default:
      if (def.innerType) children.push(def.innerType);
  }
  return [root, ...children.flatMap((child) => nodes(child as ZodNode, seen))];
}

/** The JSON types a schema admits, looking through unions; `undefined` when it admits any. */
function types(schema: Json): Set<string> | undefined {
  const branches = (schema.anyOf ?? schema.oneOf) as Json[] | undefined;
  if (branches) {
    const all = new Set<string>();
    for (const branch of branches) {
      const inner = types(branch);
      if (!inner) return undefined;
      for (const type of inner) all.add(type);
    }
    return all;
  }
  if (schema.const !== undefined) return new Set([jsonType(schema.const)]);
  if (Array.isArray(schema.enum)) return new Set(schema.enum.map(jsonType));
  if (schema.type === undefined) return undefined;
  const listed = Array.isArray(schema.type) ? (schema.type as string[]) : [schema.type as string];
  // An integer is a number; a number type admits integers.
  return new Set(listed.flatMap((type) => (type === 'number' ? ['number', 'integer'] : [type])));
}

function jsonType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

/** The values a keyword takes anywhere in a schema's union branches (and the schema itself). */
function keywordValues(schema: Json, key: string): unknown[] {
  const branches = ((schema.anyOf ?? schema.oneOf) as Json[] | undefined) ?? [];
  return [
    ...(key in schema ? [schema[key]] : []),
    ...branches.flatMap((branch) => keywordValues(branch, key)),
  ];
}

const BOUNDS = [
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'minLength',
  'maxLength',
  'minItems',
  'maxItems',
] as const;

interface Listing {
  where: string;
  schema: z.ZodType;
  full: Json;
  listing: Json;
}

function listings(module: VendorModule): Listing[] {
  const found: Listing[] = [];
  for (const { id, endpoint } of core.walkCatalog(module.catalog)) {
    for (const node of nodes(endpoint.input as unknown as ZodNode)) {
      const listing = z.globalRegistry.get(node as unknown as z.ZodType)?.[core.LISTED_AS] as
        | Json
        | undefined;
      if (!listing) continue;
      const schema = node as unknown as z.ZodType;
      const { [core.LISTED_AS]: _listing, ...full } = z.toJSONSchema(schema, {
        io: 'input',
        unrepresentable: 'any',
      }) as Json;
      found.push({ where: `${module.id} ${id}`, schema, full, listing });
    }
  }
  return found;
}

/** Compares a listing (or its array items) with the full schema at the same level. */
function disagreements(where: string, schema: z.ZodType | undefined, full: Json, listing: Json): string[] {
  const out: string[] = [];
  const listed = types(listing);
  const accepted = types(full);
  if (listed && accepted) {
    for (const type of listed) {
      if (!accepted.has(type))
        out.push(`${where}: listed as ${type}, zod accepts ${[...accepted].join('|')}`);
    }
  }
  for (const key of BOUNDS) {
    if (listing[key] === undefined) continue;
    if (!keywordValues(full, key).includes(listing[key])) {
      out.push(
        `${where}: listed ${key} ${String(listing[key])}, zod has ${JSON.stringify(keywordValues(full, key))}`,
      );
    }
  }
  const values = [
    ...((listing.enum as unknown[] | undefined) ?? []),
    ...(listing.const !== undefined ? [listing.const] : []),
  ];
  if (schema) {
    for (const value of values) {
      if (!schema.safeParse(value).success)
        out.push(`${where}: listed value ${JSON.stringify(value)} is refused by zod`);
    }
  }
  // The fields a listed object names must be fields zod has, each agreeing with zod's.
  const properties = (listing.properties as Record<string, Json> | undefined) ?? {};
  const fullProperties = Object.assign({}, ...keywordValues(full, 'properties')) as Record<string, Json>;
  for (const [name, property] of Object.entries(properties)) {
    const counterpart = fullProperties[name];
    if (!counterpart) out.push(`${where}: lists a field ${name} zod does not have`);
    else out.push(...disagreements(`${where}.${name}`, undefined, counterpart, property));
  }
  const items = listing.items as Json | undefined;
  const fullItems = keywordValues(full, 'items')[0] as Json | undefined;
  if (items && fullItems) out.push(...disagreements(`${where} items`, undefined, fullItems, items));
  if (items && schema) {
    // Each listed item value, alone in a list, is accepted.
    for (const value of (items.enum as unknown[] | undefined) ?? []) {
      if (!schema.safeParse([value]).success)
        out.push(`${where}: listed item ${JSON.stringify(value)} is refused`);
    }
  }
  return out;
}

/**
 * Values a listing documents, as a model reading it would send them: its enum and const values and the edges
 * of its numeric bounds (through union branches).
 */
function listedValues(listing: Json): unknown[] {
  const edges = [...keywordValues(listing, 'minimum'), ...keywordValues(listing, 'maximum')];
  return [...keywordValues(listing, 'enum').flat(), ...keywordValues(listing, 'const'), ...edges];
}

describe('compact listings agree with their zod schema', () => {
  it.each(modules)('$id: every value a listing documents is accepted by zod', (module) => {
    const refused = listings(module).flatMap(({ where, schema, listing }) =>
      listedValues(listing)
        .filter((value) => !schema.safeParse(value).success)
        .map((value) => `${where}: ${JSON.stringify(value)}`),
    );
    expect(refused).toEqual([]);
  });

  it.each(modules)('$id: every listing promises only what zod accepts', (module) => {
    const found = listings(module);
    expect(found.length, 'the catalog has compact listings').toBeGreaterThan(0);
    const problems = found.flatMap(({ where, schema, full, listing }) =>
      disagreements(where, schema, full, listing),
    );
    expect(problems).toEqual([]);
  });

  it('the check catches a listing that promises a type, a bound or a value zod refuses', () => {
    const field = z.int().min(1).max(10);
    const full = z.toJSONSchema(field) as Json;
    expect(disagreements('f', field, full, { type: 'string' })).toEqual([
      'f: listed as string, zod accepts integer',
    ]);
    expect(disagreements('f', field, full, { type: 'integer', maximum: 20 })).toEqual([
      'f: listed maximum 20, zod has [10]',
    ]);
    expect(disagreements('f', field, full, { type: 'integer', enum: [5, 11] })).toEqual([
      'f: listed value 11 is refused by zod',
    ]);
    expect(disagreements('f', field, full, { type: 'integer', minimum: 1, maximum: 10 })).toEqual([]);
  });
});
