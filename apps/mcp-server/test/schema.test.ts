import { endpoint, listedAs, walkCatalog } from '@x/auth-core';
import { effectAnnotations } from '@x/auth-core/projection';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { compactSchema, toolInputSchema } from '../src/schema.js';
import type { ToolSpec } from '../src/tools.js';

type Tree = { leaf: string } | { all: Tree[] };
const Tree: z.ZodType<Tree> = z.union([
  z.strictObject({ leaf: z.string() }),
  z.strictObject({ all: z.lazy(() => z.array(Tree)) }),
]);

const catalog = {
  search: endpoint({
    summary: 'Search.',
    route: {},
    input: z.strictObject({
      filter: listedAs(Tree.optional().describe('full tree'), {
        type: 'object',
        description: 'a tree of leaf/all',
      }),
      ip: z.ipv4().describe('an address'),
      count: z.int().min(1).describe('how many'),
      either: z.union([z.string(), z.number()]).describe('a text or a number'),
    }),
    output: z.unknown(),
    effect: 'read',
  }),
};

function spec(): ToolSpec {
  const [entry] = walkCatalog(catalog);
  if (!entry) throw new Error('no entry');
  return {
    name: 'demo_search',
    toolset: 'demo.search',
    vendor: {
      id: 'demo',
      title: 'Demo',
      catalog,
      settings: { required: [], optional: [], secret: [] },
      connect: () => {
        throw new Error('unused');
      },
    },
    entry,
    effect: 'read',
    title: 'Demo: search',
    summary: 'Search.',
    description: 'Search.',
    annotations: effectAnnotations(entry.endpoint),
    mutating: false,
    credential: false,
  };
}

describe('listed input schemas', () => {
  it("use a field's compact listing and drop the definitions only the full schema needed", () => {
    const schema = toolInputSchema(spec(), [], false);
    const properties = schema.properties as Record<string, Record<string, unknown>>;
    expect(properties.filter).toEqual({ type: 'object', description: 'a tree of leaf/all' });
    expect(schema).not.toHaveProperty('$defs');
    expect(JSON.stringify(schema)).not.toContain('$ref');
  });

  it('keep formats but drop the patterns that only repeat them, and the ±2^53 integer bounds', () => {
    const properties = toolInputSchema(spec(), [], false).properties as Record<
      string,
      Record<string, unknown>
    >;
    expect(properties.ip).toMatchObject({ type: 'string', format: 'ipv4' });
    expect(properties.ip).not.toHaveProperty('pattern');
    expect(properties.count).toEqual({ type: 'integer', minimum: 1, description: 'how many' });
  });

  it('turn type unions into anyOf', () => {
    const properties = toolInputSchema(spec(), [], false).properties as Record<
      string,
      Record<string, unknown>
    >;
    expect(properties.either).toEqual({
      anyOf: [{ type: 'string' }, { type: 'number' }],
      description: 'a text or a number',
    });
    expect(compactSchema({ type: ['string', 'null'] })).toEqual({
      anyOf: [{ type: 'string' }, { type: 'null' }],
    });
  });

  it('leave out what zod enforces by itself: size caps, "not empty", positive ids, closed objects', () => {
    expect(
      compactSchema({
        type: 'object',
        properties: {
          name: { type: 'string', minLength: 1, maxLength: 100 },
          password: { type: 'string', minLength: 6, maxLength: 100 },
          ids: { type: 'array', items: { type: 'integer', exclusiveMinimum: 0 }, minItems: 1, maxItems: 500 },
          pair: { type: 'array', items: { type: 'string' }, minItems: 2 },
          ratio: { type: 'number', exclusiveMinimum: 0.5 },
          tags: { type: 'object', additionalProperties: { type: 'string' } },
        },
        additionalProperties: false,
      }),
    ).toEqual({
      type: 'object',
      properties: {
        name: { type: 'string' },
        password: { type: 'string', minLength: 6 },
        ids: { type: 'array', items: { type: 'integer' } },
        pair: { type: 'array', items: { type: 'string' }, minItems: 2 },
        ratio: { type: 'number', exclusiveMinimum: 0.5 },
        tags: { type: 'object', additionalProperties: { type: 'string' } },
      },
    });
  });

  it('never mistake a field named like a keyword for the keyword', () => {
    expect(
      compactSchema({
        type: 'object',
        properties: { maxLength: { type: 'integer' }, additionalProperties: { type: 'boolean' } },
        required: ['maxLength'],
      }),
    ).toEqual({
      type: 'object',
      properties: { maxLength: { type: 'integer' }, additionalProperties: { type: 'boolean' } },
      required: ['maxLength'],
    });
  });

  it('while zod still validates the full tree', () => {
    const input = catalog.search.input;
    expect(
      input.safeParse({ ip: '10.0.0.1', count: 1, either: 1, filter: { all: [{ leaf: 'x' }] } }).success,
    ).toBe(true);
    expect(
      input.safeParse({ ip: '10.0.0.1', count: 1, either: 1, filter: { all: [{ nope: 1 }] } }).success,
    ).toBe(false);
  });
});
