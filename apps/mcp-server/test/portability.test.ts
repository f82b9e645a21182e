import { describe, expect, it } from 'vitest';
import { buildToolSnapshot } from '../src/snapshot.js';
import { TOOL_NAME_PATTERN } from '../src/tools.js';

/** Problems in a listed JSON Schema that some clients reject or mis-handle (Inspector --strict rules and more). */
function lint(node: unknown, path: string, problems: string[]): void {
  if (typeof node === 'boolean') {
    problems.push(`${path}: boolean schema`);
    return;
  }
  if (!node || typeof node !== 'object' || Array.isArray(node)) return;
  const schema = node as Record<string, unknown>;
  if (Array.isArray(schema.type)) problems.push(`${path}: type union ${JSON.stringify(schema.type)}`);
  if (schema.type === 'array' && schema.items === undefined) problems.push(`${path}: array without items`);
  if (typeof schema.$ref === 'string' && !schema.$ref.startsWith('#')) problems.push(`${path}: remote $ref`);
  const typed =
    'type' in schema || 'anyOf' in schema || 'oneOf' in schema || 'allOf' in schema || '$ref' in schema;
  const isProperty = /\.properties\.[^.]+$/.test(path);
  if (isProperty && !typed && !('enum' in schema) && !('const' in schema)) problems.push(`${path}: untyped`);
  for (const [key, value] of Object.entries(schema)) {
    if (key === 'properties' && value && typeof value === 'object') {
      for (const [name, child] of Object.entries(value)) lint(child, `${path}.properties.${name}`, problems);
    } else if (Array.isArray(value)) {
      for (const [i, child] of value.entries()) lint(child, `${path}.${key}[${i}]`, problems);
    } else if (value && typeof value === 'object') lint(value, `${path}.${key}`, problems);
  }
}

describe('listed tools are portable across clients', () => {
  const tools = buildToolSnapshot();

  it('has tools to check', () => {
    expect(tools.length).toBeGreaterThan(200);
  });

  it('names fit every client (no dots, at most 64 characters) and are unique', () => {
    for (const tool of tools) expect(tool.name).toMatch(TOOL_NAME_PATTERN);
    expect(new Set(tools.map((tool) => tool.name)).size).toBe(tools.length);
  });

  it('schemas have no type unions, untyped properties, item-less arrays, remote refs or boolean schemas', () => {
    const problems: string[] = [];
    for (const tool of tools) lint(tool.inputSchema, tool.name, problems);
    expect(problems).toEqual([]);
  });

  // Field descriptions, strict inputs and valid, unique names of the vendor catalogs are the catalog
  // conventions each vendor package checks (auth-core/testing expectCatalogConventions); this file checks
  // what the listing adds.
  it('every tool is an object schema, listed open', () => {
    for (const tool of tools) {
      expect(tool.inputSchema.type).toBe('object');
      // Listed open (Gemini-style clients reject the keyword); the server still refuses unknown fields by name.
      expect(tool.inputSchema).not.toHaveProperty('additionalProperties');
    }
  });

  it('every description is one to three sentences, without shouting', () => {
    for (const tool of tools) {
      expect(tool.description.length, tool.name).toBeGreaterThan(10);
      expect(tool.description.length, tool.name).toBeLessThan(600);
      expect(tool.description, tool.name).not.toMatch(/\b(IMPORTANT|MUST|ALWAYS|NEVER)\b/);
    }
  });
});
