import type { Tool } from '@modelcontextprotocol/server';
import { renderRefsDeep } from '@x/auth-core';
import { LISTED_AS } from '@x/auth-core/projection';
import { z } from 'zod';
import { CALL_CONTROL_FIELDS, collisionsOf } from './collisions.js';
import { listPathOf, pagingProperties } from './paging.js';
import { refToolName, type ToolSpec } from './tools.js';

/** A JSON Schema object as sent in tools/list. */
export type JsonSchema = Record<string, unknown>;

/** Arguments the server adds to vendor inputs. */
export const CONTROL_FIELDS = CALL_CONTROL_FIELDS;

/** Keywords whose value maps names to schemas. */
const SCHEMA_MAPS = new Set(['properties', 'patternProperties', '$defs', 'definitions']);

/** Longest `pattern` kept in a listed schema; longer ones cost many tokens and tell a model little. */
const MAX_PATTERN_LENGTH = 64;

/**
 * Keywords a listing leaves out, because zod enforces them on every call and names the field and the rule when
 * one is broken, while a model gains little from reading them: size caps (`maxLength`, `maxItems`, a guard
 * against abuse, not guidance), "not empty" (`minLength`/`minItems` of 1: a model never sends an empty name),
 * "positive" on ids (`exclusiveMinimum` 0), and `additionalProperties: false` (Gemini-style clients reject the
 * keyword, and a model does not invent fields next to a listed set). Together about 10 tokens per tool.
 */
function isEnforcedOnly(key: string, value: unknown): boolean {
  switch (key) {
    case 'maxLength':
    case 'maxItems':
      return true;
    case 'minLength':
    case 'minItems':
      return value === 0 || value === 1;
    case 'exclusiveMinimum':
      return value === 0;
    case 'additionalProperties':
      return value === false;
    default:
      return false;
  }
}

/**
 * Shrinks a JSON Schema for listing, and makes it portable, without changing what is accepted (zod validates
 * every call anyway): type unions become `anyOf`; a `pattern` beside a `format` repeats it; a long pattern,
 * or one with lookarounds (not portable to every client-side regex engine), is dropped since the description
 * states the rule; keywords zod enforces by itself are left out (see {@link isEnforcedOnly}); `anyOf` branches
 * that end up as the same plain type collapse into one.
 */
export function compactSchema(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(compactSchema);
  if (!node || typeof node !== 'object') return node;
  // A field that declares its own compact listing (auth-core `listedAs`) is listed as that.
  const listing = (node as Record<string, unknown>)[LISTED_AS];
  if (listing && typeof listing === 'object') return compactSchema(listing);
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    if (SCHEMA_MAPS.has(key) && value && typeof value === 'object' && !Array.isArray(value)) {
      // Keys of these maps are field or definition names, not keywords: only their values are schemas.
      out[key] = Object.fromEntries(Object.entries(value).map(([name, sub]) => [name, compactSchema(sub)]));
    } else if (!isEnforcedOnly(key, value)) out[key] = compactSchema(value);
  }
  // z.int() bounds every integer by ±(2^53 - 1): true, and pure noise for a model.
  if (out.maximum === Number.MAX_SAFE_INTEGER) delete out.maximum;
  if (out.minimum === Number.MIN_SAFE_INTEGER) delete out.minimum;
  const pattern = out.pattern;
  if (
    typeof pattern === 'string' &&
    (out.format !== undefined || pattern.length > MAX_PATTERN_LENGTH || /\(\?<?[=!]/.test(pattern))
  ) {
    delete out.pattern;
  }
  // zod writes a union of primitives as `type: [a, b]`, which Gemini-style clients reject; anyOf is portable.
  if (Array.isArray(out.type)) {
    const types = out.type as string[];
    delete out.type;
    out.anyOf = types.map((type) => ({ type }));
    return out;
  }
  if (Array.isArray(out.anyOf)) {
    const branches = out.anyOf as Record<string, unknown>[];
    const plain = branches.every(
      (branch) =>
        Object.keys(branch).every((k) => k === 'type' || k === 'format') && branch.type === branches[0]?.type,
    );
    if (plain && branches.length > 0) {
      delete out.anyOf;
      out.type = branches[0]?.type;
    }
  }
  return out;
}

/** Drops `$defs` entries nothing references any more (after `listedAs` replaced their users). */
function pruneDefinitions(schema: JsonSchema): JsonSchema {
  const defs = schema.$defs as Record<string, unknown> | undefined;
  if (!defs) return schema;
  const { $defs: _all, ...rest } = schema;
  const used = new Set<string>();
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(visit);
    else if (node && typeof node === 'object') {
      for (const [key, value] of Object.entries(node)) {
        if (key === '$ref' && typeof value === 'string' && value.startsWith('#/$defs/')) {
          const name = value.slice('#/$defs/'.length);
          if (!used.has(name)) {
            used.add(name);
            visit(defs[name]);
          }
        } else visit(value);
      }
    }
  };
  visit(rest);
  const kept = Object.fromEntries(Object.entries(defs).filter(([name]) => used.has(name)));
  return Object.keys(kept).length > 0 ? { ...rest, $defs: kept } : rest;
}

/**
 * The tool's inputSchema: the endpoint's zod input converted to JSON Schema (input side of transforms),
 * without the `$schema` line (about 20 tokens per tool that no client needs), plus the control fields. The
 * listing is open (no `additionalProperties: false`), the validation is not: an unknown field is refused by
 * name before anything is sent.
 */
export function toolInputSchema(
  tool: ToolSpec,
  accountNames: readonly string[],
  confirms: boolean,
): JsonSchema {
  const converted = z.toJSONSchema(tool.entry.endpoint.input, {
    io: 'input',
    unrepresentable: 'any',
  }) as JsonSchema;
  const compact = pruneDefinitions(compactSchema(converted) as JsonSchema);
  // Field descriptions name the endpoints their values come from (auth-core `ref`): as tool names here.
  const { $schema: _drop, ...schema } = renderRefsDeep(compact, refToolName(tool.vendor.id));
  // A vendor field a control field would shadow is listed as vendor_<name>, in its place (see collisions.ts).
  const renamed = collisionsOf(tool);
  const properties = Object.fromEntries(
    Object.entries((schema.properties as Record<string, unknown> | undefined) ?? {}).map(([name, field]) => [
      renamed.get(name) ?? name,
      field,
    ]),
  );
  const required = ((schema.required as string[] | undefined) ?? []).map((name) => renamed.get(name) ?? name);
  // A list the vendor does not page is paged by the server (paging.ts).
  if (listPathOf(tool)) Object.assign(properties, pagingProperties());
  if (accountNames.length > 1) {
    properties.account = {
      type: 'string',
      enum: [...accountNames],
      description: 'Account (no default).',
    };
    required.push('account');
  }
  // The control fields are explained once, in the server instructions; on ~150 tools each word costs ~150 tokens.
  if (tool.mutating) properties.dry_run = { type: 'boolean', description: 'Preview only' };
  if (confirms) properties.confirmation_token = { type: 'string', description: 'From the preview' };
  return {
    ...schema,
    type: 'object',
    properties,
    ...(required.length > 0 ? { required } : {}),
  };
}

/**
 * A tool as tools/list shows it. The one place that shapes a listed tool, so `--list-tools`, the README table
 * and the benchmark count exactly what clients receive.
 */
export function listedTool(tool: ToolSpec, accountNames: readonly string[], confirms: boolean): Tool {
  return {
    name: tool.name,
    title: tool.title,
    description: tool.description,
    inputSchema: toolInputSchema(tool, accountNames, confirms) as Tool['inputSchema'],
    // Tool.title (protocol 2025-06-18 and later) is the title; annotations.title, its predecessor, would
    // repeat it in every listing at ~10 tokens a tool. Older clients show the name instead.
    annotations: { ...tool.annotations },
  };
}
