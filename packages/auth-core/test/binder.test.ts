import { describe, expect, expectTypeOf, it } from 'vitest';
import { z } from 'zod';
import {
  bindCatalog,
  endpoint,
  InputError,
  type Invocation,
  isIdempotent,
  ResponseFormatError,
  walkCatalog,
} from '../src/index.js';
import { effectAnnotations } from '../src/projection.js';

interface Route {
  path: string;
}

const catalog = {
  key: {
    create: endpoint({
      summary: 'Create a key',
      route: { path: '/key/create' },
      input: z.strictObject({
        code: z.enum(['CELS', 'OELS']),
        limit: z.number().int().min(0),
        note: z.string().max(10).optional(),
      }),
      output: z.object({ key: z.string(), limit: z.coerce.number() }),
      effect: 'create',
    }),
    list: endpoint({
      summary: 'List keys',
      route: { path: '/key/list' },
      input: z.strictObject({ page: z.number().int().positive().optional() }),
      output: z.array(z.object({ key: z.string() })),
      effect: 'read',
    }),
  },
  status: endpoint({
    summary: 'Status',
    route: { path: '/status' },
    input: z.strictObject({}),
    output: z.object({ ok: z.boolean() }),
    effect: 'read',
  }),
};

function fakeVendor(answers: Record<string, unknown>) {
  const calls: Invocation<Route>[] = [];
  const client = bindCatalog(catalog, {
    vendor: 'demo',
    invoke: async (call: Invocation<Route>) => {
      calls.push(call);
      return answers[call.endpoint.route.path];
    },
  });
  return { client, calls };
}

describe('bindCatalog', () => {
  it('builds nested typed methods that validate input and output', async () => {
    const { client, calls } = fakeVendor({ '/key/create': { key: 'K-1', limit: '2', extra: true } });
    const key = await client.key.create({ code: 'CELS', limit: 2 });
    expect(key).toEqual({ key: 'K-1', limit: 2 });
    expect(calls).toHaveLength(1);
    expect(calls[0]?.id).toBe('key.create');
    expect(calls[0]?.input).toEqual({ code: 'CELS', limit: 2 });
    expectTypeOf(key).toEqualTypeOf<{ key: string; limit: number }>();
    expectTypeOf(client.key.create)
      .parameter(0)
      .toEqualTypeOf<{ code: 'CELS' | 'OELS'; limit: number; note?: string | undefined }>();
  });

  it('makes the input optional when every field is optional', async () => {
    const { client } = fakeVendor({ '/key/list': [], '/status': { ok: true } });
    await expect(client.key.list()).resolves.toEqual([]);
    await expect(client.status()).resolves.toEqual({ ok: true });
  });

  it('rejects bad input with an InputError naming every field and sends nothing', async () => {
    const { client, calls } = fakeVendor({});
    const error = await client.key
      // @ts-expect-error deliberately wrong input
      .create({ code: 'NOPE', limit: -1, note: 'x'.repeat(11), bogus: 1 })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    const issues = (error as InputError).issues.map((issue) => issue.path).sort();
    expect(issues).toEqual(['bogus', 'code', 'limit', 'note']);
    expect((error as InputError).message).toMatch(
      /Invalid input for demo key\.create: .*limit: .*No request was sent/,
    );
    expect((error as InputError).endpoint).toBe('key.create');
    expect(calls).toHaveLength(0);
  });

  it('rejects a non-object input', async () => {
    const { client, calls } = fakeVendor({});
    // @ts-expect-error deliberately wrong input
    await expect(client.key.create('CELS')).rejects.toBeInstanceOf(InputError);
    expect(calls).toHaveLength(0);
  });

  it('refuses input nested too deeply by field, before a recursive schema can overflow the stack', async () => {
    // Found by the evidence suite: a 20,000-level filter tree crashed the VMmanager schema (RangeError).
    type Tree = { leaf: string } | { not: Tree };
    const Tree: z.ZodType<Tree> = z.union([
      z.strictObject({ leaf: z.string() }),
      z.strictObject({
        get not() {
          return Tree;
        },
      }),
    ]);
    const calls: unknown[] = [];
    const client = bindCatalog(
      {
        find: endpoint({
          summary: 'Find',
          route: { path: '/find' },
          input: z.strictObject({ where: Tree.optional() }),
          output: z.unknown(),
          effect: 'read',
        }),
      },
      { vendor: 'demo', invoke: async (call) => calls.push(call) },
    );
    let where: Tree = { leaf: 'x' };
    for (let i = 0; i < 20_000; i++) where = { not: where };
    const error = await client.find({ where }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).issues).toEqual([{ path: 'where', message: 'nests deeper than 64 levels' }]);
    // A cycle (possible from TypeScript callers) is refused the same way instead of looping.
    const cyclic: { not?: unknown } = {};
    cyclic.not = cyclic;
    await expect(client.find({ where: cyclic as Tree })).rejects.toBeInstanceOf(InputError);
    // Ordinary nesting passes.
    let shallow: Tree = { leaf: 'x' };
    for (let i = 0; i < 30; i++) shallow = { not: shallow };
    await client.find({ where: shallow });
    expect(calls).toHaveLength(1);
  });

  it('keeps an InputError small whatever the input: 20 issues, paths and messages cut', async () => {
    // Found by the evidence suite: 5,000 unknown members made a 730 KB MCP error result.
    const { client, calls } = fakeVendor({});
    const junk = Object.fromEntries(Array.from({ length: 5_000 }, (_, i) => [`k${i}`, i]));
    const error = (await client.status(junk as Record<string, never>).catch((e: unknown) => e)) as InputError;
    expect(error).toBeInstanceOf(InputError);
    expect(error.issues).toHaveLength(21);
    expect(error.issues.at(-1)).toEqual({ path: '(input)', message: '4980 more issues not listed' });
    expect(error.message.length).toBeLessThan(2_000);
    const long = (await client
      .status({ ['k'.repeat(100_000)]: 1 } as Record<string, never>)
      .catch((e: unknown) => e)) as InputError;
    expect(long.issues[0]?.path).toBe(`${'k'.repeat(120)}… (100000 characters)`);
    expect(long.message.length).toBeLessThan(400);
    expect(calls).toHaveLength(0);
    // A custom message that quotes the input (TuxCare's CIDR rule did, 400 KB for a 200 KB value) is cut too.
    const quoting = bindCatalog(
      {
        set: endpoint({
          summary: 'Set',
          route: { path: '/set' },
          input: z.strictObject({
            cidr: z.string().refine(() => false, { error: (issue) => `"${String(issue.input)}" is no CIDR` }),
          }),
          output: z.unknown(),
          effect: 'update',
        }),
      },
      { vendor: 'demo', invoke: async () => ({}) },
    );
    const quoted = (await quoting.set({ cidr: 'x'.repeat(200_000) }).catch((e: unknown) => e)) as InputError;
    expect(quoted.issues[0]?.message).toBe(`"${'x'.repeat(299)}… (200013 characters)`);
    expect(quoted.message.length).toBeLessThan(500);
  });

  it('turns an answer of the wrong shape into a ResponseFormatError with the issue path', async () => {
    const { client } = fakeVendor({ '/key/create': { key: 42 } });
    const error = await client.key.create({ code: 'OELS', limit: 0 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ResponseFormatError);
    expect((error as ResponseFormatError).issues?.map((i) => i.path)).toContain('key');
  });

  it('does not leak a foreign error thrown by a codec: it becomes a redacted ResponseFormatError', async () => {
    const client = bindCatalog(catalog, {
      vendor: 'demo',
      invoke: async () => {
        throw new TypeError('boom with password=hunter2');
      },
    });
    const error = await client.status().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ResponseFormatError);
    expect(String((error as Error).message)).not.toContain('hunter2');
  });
});

describe('walkCatalog', () => {
  it('lists every endpoint with its dotted id in declaration order', () => {
    expect(walkCatalog(catalog).map((entry) => entry.id)).toEqual(['key.create', 'key.list', 'status']);
  });
});

describe('effectAnnotations', () => {
  it.each([
    ['read', { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: true }],
    ['create', { readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: true }],
    ['update', { readOnlyHint: false, destructiveHint: true, idempotentHint: true, openWorldHint: true }],
    ['delete', { readOnlyHint: false, destructiveHint: true, idempotentHint: true, openWorldHint: true }],
    ['action', { readOnlyHint: false, destructiveHint: true, idempotentHint: false, openWorldHint: true }],
  ] as const)('%s', (effect, expected) => {
    expect(effectAnnotations({ effect })).toEqual(expected);
  });

  it('an explicit destructive flag refines mutating effects, never reads', () => {
    expect(effectAnnotations({ effect: 'action', destructive: false }).destructiveHint).toBe(false);
    expect(effectAnnotations({ effect: 'create', destructive: true }).destructiveHint).toBe(true);
    expect(effectAnnotations({ effect: 'read', destructive: true }).destructiveHint).toBe(false);
  });

  it('an explicit idempotent flag overrides the effect', () => {
    expect(isIdempotent({ effect: 'action', idempotent: true })).toBe(true);
    expect(effectAnnotations({ effect: 'action', idempotent: true }).idempotentHint).toBe(true);
    expect(isIdempotent({ effect: 'update', idempotent: false })).toBe(false);
  });
});
