import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { endpoint } from '../src/index.js';
import { catalogConventionProblems, endpointRows, expectCatalogConventions } from '../src/testing/index.js';

const good = {
  key: {
    list: endpoint({
      summary: 'Lists keys.',
      description: 'Ids come from demo_key_list.',
      route: {},
      input: z.strictObject({ page: z.number().int().describe('Page number.') }),
      output: z.unknown(),
      effect: 'read',
    }),
  },
};

const bad = {
  Key: {
    list: endpoint({
      summary: 'lists keys',
      description: 'See demo_key_find.',
      route: {},
      input: z.object({ page: z.number() }),
      output: z.unknown(),
      effect: 'read',
    }),
  },
  key_list: endpoint({
    summary: 'Lists keys again.',
    route: {},
    input: z.strictObject({}),
    output: z.unknown(),
    effect: 'fetch' as 'read',
  }),
};

describe('catalog conventions', () => {
  it('passes a catalog that follows them', () => {
    expect(catalogConventionProblems('demo', good)).toEqual([]);
    expect(() => expectCatalogConventions('demo', good)).not.toThrow();
  });

  it('names every violation, each with its endpoint', () => {
    expect(catalogConventionProblems('demo', bad)).toEqual([
      'Key.list: a key is not a lower-case identifier',
      "key_list: tool name demo_key_list is also Key.list's",
      'Key.list: the summary is not one sentence',
      'Key.list: the input accepts unknown fields',
      'Key.list.page: the field has no description',
      'Key.list: mentions demo_key_find, which is no tool of demo',
      'key_list: unknown effect fetch',
    ]);
    expect(() => expectCatalogConventions('demo', bad)).toThrow(/7 catalog convention problem/);
  });

  it('finds a tool name clash between two endpoints', () => {
    const clash = { a: { b_c: good.key.list }, a_b: { c: good.key.list } };
    expect(catalogConventionProblems('demo', clash)).toContain("a_b.c: tool name demo_a_b_c is also a.b_c's");
  });
});

describe('endpoint rows', () => {
  it('has one row per endpoint; a missing sample fails on reading it; unknown samples are stale', () => {
    const { rows, stale } = endpointRows(bad, { 'Key.list': { input: {} }, 'key.gone': { input: {} } });
    expect(rows.map((row) => row.id)).toEqual(['Key.list', 'key_list']);
    expect(rows[0]?.sample).toEqual({ input: {} });
    expect(() => rows[1]?.sample).toThrow('key_list has no sample: add one to the conformance table');
    expect(stale).toEqual(['key.gone']);
  });
});
