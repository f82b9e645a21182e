import { z } from 'zod';
import { type Catalog, walkCatalog } from '../endpoint.js';
import { toolName } from '../projection.js';

/** What an MCP client accepts as a tool name: lower case, digits and `_`, at most 64 characters. */
const TOOL_NAME = /^[a-z][a-z0-9_]{0,63}$/;
/** A catalog key: the segments of endpoint ids and method paths. */
const KEY = /^[a-z][a-z0-9_]*$/;
/** One sentence: a capital first, a full stop last. */
const SENTENCE = /^[A-Z].*\.$/;
const EFFECTS = new Set(['read', 'create', 'update', 'delete', 'action']);

interface JsonObjectSchema {
  type?: unknown;
  additionalProperties?: unknown;
  properties?: Record<string, { description?: string }>;
}

/**
 * The rules every vendor catalog follows, as a list of violations (empty when it follows them all), so a
 * test's failure shows every offending endpoint at once:
 * - keys are lower-case identifiers, and tool names derived from them are valid for every MCP client and
 *   unique;
 * - each summary is one sentence, each effect one of read, create, update, delete, action;
 * - each input converts to a strict JSON Schema object (unknown fields refused) with every field described;
 * - every `vendor_tool_name` mentioned in a description or an input schema names a tool of this catalog.
 */
export function catalogConventionProblems(vendor: string, catalog: Catalog): string[] {
  const entries = walkCatalog(catalog);
  const problems: string[] = [];
  if (entries.length === 0) problems.push(`${vendor}: the catalog has no endpoint`);
  const tools = new Map<string, string>();
  for (const { id, path } of entries) {
    const name = toolName(vendor, { path });
    if (!path.every((key) => KEY.test(key))) problems.push(`${id}: a key is not a lower-case identifier`);
    if (!TOOL_NAME.test(name)) problems.push(`${id}: tool name ${name} is not valid for MCP clients`);
    const clash = tools.get(name);
    if (clash !== undefined) problems.push(`${id}: tool name ${name} is also ${clash}'s`);
    tools.set(name, id);
  }
  const mention = new RegExp(`\\b${vendor}_[a-z0-9_]+`, 'g');
  for (const { id, endpoint } of entries) {
    if (!SENTENCE.test(endpoint.summary)) problems.push(`${id}: the summary is not one sentence`);
    if (!EFFECTS.has(endpoint.effect)) problems.push(`${id}: unknown effect ${String(endpoint.effect)}`);
    let input: JsonObjectSchema | undefined;
    try {
      input = z.toJSONSchema(endpoint.input, { io: 'input' }) as JsonObjectSchema;
    } catch (error) {
      problems.push(`${id}: the input does not convert to JSON Schema (${(error as Error).message})`);
    }
    if (input) {
      if (input.type !== 'object') problems.push(`${id}: the input is not an object`);
      if (input.additionalProperties !== false) problems.push(`${id}: the input accepts unknown fields`);
      for (const [field, property] of Object.entries(input.properties ?? {})) {
        if (!property.description) problems.push(`${id}.${field}: the field has no description`);
      }
    }
    const text = `${endpoint.summary} ${endpoint.description ?? ''} ${input ? JSON.stringify(input) : ''}`;
    for (const reference of new Set(text.match(mention) ?? [])) {
      if (!tools.has(reference)) problems.push(`${id}: mentions ${reference}, which is no tool of ${vendor}`);
    }
  }
  return problems;
}

/**
 * Throws one error listing every violation of {@link catalogConventionProblems}; for tests.
 * @example
 * ```ts
 * it('follows the catalog conventions', () => expectCatalogConventions('tuxcare', tuxcareCatalog));
 * ```
 */
export function expectCatalogConventions(vendor: string, catalog: Catalog): void {
  const problems = catalogConventionProblems(vendor, catalog);
  if (problems.length > 0) {
    throw new Error(
      `${vendor}: ${problems.length} catalog convention problem(s):\n- ${problems.join('\n- ')}`,
    );
  }
}
