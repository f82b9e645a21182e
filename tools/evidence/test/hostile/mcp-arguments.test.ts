import type { CallToolResult, Tool } from '@modelcontextprotocol/sdk/types.js';
import { McpError } from '@modelcontextprotocol/sdk/types.js';
import type { ToolSpec } from '@x/mcp-server';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { nastyString, startSandboxServer, textOf } from './support.js';

/**
 * Hostile arguments against every tool the sandbox server lists: each call must be an `isError` input error
 * naming the field at fault, no request may reach any simulator, nothing may pollute Object.prototype, and
 * the server must keep answering valid calls.
 */

type Server = Awaited<ReturnType<typeof startSandboxServer>>;
let server: Server;
let tools: Tool[];

beforeAll(async () => {
  server = await startSandboxServer();
  tools = (await server.client.listTools()).tools;
});

afterAll(async () => {
  await server?.close();
});

/** Structures deep enough to overflow a naive recursive validator, built once (they are only read). */
function nest(depth: number, wrap: (inner: unknown) => unknown, leaf: unknown): unknown {
  let value = leaf;
  for (let i = 0; i < depth; i++) value = wrap(value);
  return value;
}
const condition = { field: 'name', op: 'EQ', value: 'x' };
const DEEP = {
  object: nest(3_000, (inner) => ({ a: inner }), 'x'),
  array: nest(3_000, (inner) => [inner], 'x'),
  // 3,000 levels overflow zod's recursion through the VMmanager filter tree (about 2,000 already do).
  not: nest(3_000, (inner) => ({ not: inner }), condition),
  and: nest(3_000, (inner) => ({ and: [inner, condition] }), condition),
};
const DEEP_VALUES = new Set<unknown>(Object.values(DEEP));
const HUGE = {
  string: 'x'.repeat(200_000),
  wide: '\u{1f600}'.repeat(50_000),
  numbers: Array.from({ length: 20_000 }, (_, i) => i),
  strings: Array.from({ length: 5_000 }, (_, i) => `s${i}`),
  object: Object.fromEntries(Array.from({ length: 2_000 }, (_, i) => [`k${i}`, i])),
};

/** Keys meant to confuse: prototype members, control characters, empty, huge, look-alikes of real fields. */
const hostileKey = fc.oneof(
  fc.constantFrom(
    'constructor',
    'prototype',
    'toString',
    'valueOf',
    'hasOwnProperty',
    '__defineGetter__',
    '__lookupGetter__',
    'isPrototypeOf',
    '',
    ' ',
    'name ',
    'NAME',
    '\u0000',
    'a\u0000b',
    'line\nbreak',
    '$ref',
    '__proto__x',
    'k'.repeat(10_000),
  ),
  nastyString({ maxLength: 30 }),
  fc.string({ maxLength: 12 }),
);

/** Values no endpoint field should accept as they are: wrong types, NaN-ish numbers, huge and deep values. */
const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(
    Number.NaN,
    Number.POSITIVE_INFINITY,
    Number.NEGATIVE_INFINITY,
    -0,
    0.5,
    -1,
    1e308,
    -1e308,
    Number.MIN_VALUE,
    Number.MAX_SAFE_INTEGER + 2,
    2 ** 31,
    -(2 ** 63),
  ),
  fc.constantFrom(
    '',
    ' ',
    'NaN',
    'Infinity',
    '-0',
    '1e309',
    '0x1F',
    '__proto__',
    'null',
    '[]',
    '{}',
    '\u0000',
  ),
  fc.constantFrom(true, false, null, [], {}, [null], [[]], [{}]),
  fc.constantFrom(...Object.values(HUGE)),
  fc.constantFrom(...Object.values(DEEP)),
  nastyString({ maxLength: 80 }),
  fc.integer(),
  fc.double(),
  fc.array(fc.oneof(fc.string({ maxLength: 5 }), fc.integer(), fc.constant(null)), { maxLength: 5 }),
  fc
    .array(fc.tuple(fc.oneof(hostileKey, fc.constant('__proto__')), fc.jsonValue({ maxDepth: 2 })), {
      maxLength: 4,
    })
    .map((entries) => Object.fromEntries(entries)),
  fc.jsonValue({ maxDepth: 3 }),
);

interface Case {
  /** The vendor fields (what the endpoint's own schema sees). */
  input: Record<string, unknown>;
  /** Control arguments added by the test. */
  control: Record<string, unknown>;
  /** The argument the error must name. */
  field: string;
  /** Whether to also send an own `__proto__` member, as JSON.parse makes it (refused too, never obeyed). */
  proto: boolean;
}

function schemaOf(spec: ToolSpec): z.ZodObject {
  return spec.entry.endpoint.input as z.ZodObject;
}

/** Whether a schema accepts a value; a schema that recurses itself to death on it does not. */
function accepts(schema: z.ZodType, value: unknown): boolean {
  try {
    return schema.safeParse(value).success;
  } catch (error) {
    if (error instanceof RangeError) return false;
    throw error;
  }
}

/** Builds the arguments with own properties only (a computed `__proto__` key stays a plain member). */
function argumentsOf(test: Case): Record<string, unknown> {
  const entries = [...Object.entries(test.input), ...Object.entries(test.control)];
  if (test.proto) entries.push(['__proto__', { polluted: 'yes', account: 'evil', dry_run: 'yes' }]);
  return Object.fromEntries(entries);
}

/**
 * The case as a client sends it: a vendor field that a control field would shadow (VMmanager's `account`)
 * is listed, and so sent and named, as `vendor_<name>`.
 */
function asListed(spec: ToolSpec, test: Case): Case {
  const shape = schemaOf(spec).shape as Record<string, unknown>;
  const shadowed = (name: string) =>
    ['account', 'dry_run', 'confirmation_token'].includes(name) && Object.hasOwn(shape, name);
  if (!Object.keys(test.input).some(shadowed)) return test;
  const input = Object.fromEntries(
    Object.entries(test.input).map(([name, value]) => [shadowed(name) ? `vendor_${name}` : name, value]),
  );
  const field =
    shadowed(test.field) && Object.hasOwn(test.input, test.field) ? `vendor_${test.field}` : test.field;
  return { ...test, input, field };
}

/** The argument is named: an issue path is the field itself or inside it, and the text says so. */
function expectNamed(result: CallToolResult, test: Case, tool: string): void {
  const context = `${tool} ${JSON.stringify(test.field).slice(0, 80)}`;
  expect(result.isError, context).toBe(true);
  const text = textOf(result);
  const payload = JSON.parse(text) as {
    tool: string;
    error: { kind: string; message: string; issues?: { path: string; message: string }[] };
  };
  expect(payload, context).toEqual(result.structuredContent);
  expect(payload.tool, context).toBe(tool);
  expect(payload.error.kind, `${context}: ${payload.error.message.slice(0, 300)}`).toBe('input');
  expect(payload.error.message, context).toMatch(/(Nothing|No request) was sent\.$/);
  const paths = (payload.error.issues ?? []).map((issue) => issue.path);
  // A huge name is echoed cut to its first 120 characters (hostile input must not make a huge error).
  const name = test.field.length > 120 ? test.field.slice(0, 120) : test.field;
  const named = paths.some(
    (path) =>
      path === name ||
      path.startsWith(`${name}.`) ||
      path.startsWith(`${name}[`) ||
      (name !== test.field && path.startsWith(`${name}…`)),
  );
  expect(named, `${context}: issues ${JSON.stringify(paths).slice(0, 300)}`).toBe(true);
  // The text carries the name the way JSON writes it (control characters escaped).
  expect(text.includes(JSON.stringify(name).slice(1, -1)), context).toBe(true);
  // Bounded whatever came in (20,000-element arrays, 2,000 unknown members): within the result cap.
  expect(text.length, context).toBeLessThan(20_000);
}

async function check(tool: Tool, test: Case): Promise<void> {
  const spec = server.app.registry.get(tool.name) as ToolSpec;
  // Invalid by construction; the endpoint's own schema agrees unless a control argument is at fault (or the
  // value is one of the deep ones, refused by depth before any schema: asking zod costs it a stack overflow).
  const deep = Object.values(test.input).some((value) => DEEP_VALUES.has(value));
  if (!deep && !['account', 'dry_run', 'confirmation_token'].includes(test.field)) {
    expect(accepts(schemaOf(spec), test.input), tool.name).toBe(false);
  }
  const before = server.requests();
  const listed = asListed(spec, test);
  const result = await server.call(tool.name, argumentsOf(listed));
  expectNamed(result, listed, tool.name);
  expect(server.requests(), `${tool.name} reached a simulator`).toBe(before);
  expect(Object.prototype).not.toHaveProperty('polluted');
}

/** A field of the tool and a value its schema refuses. */
function wrongValue(spec: ToolSpec): fc.Arbitrary<Case> | undefined {
  const shape = schemaOf(spec).shape as Record<string, z.ZodType>;
  const fields = Object.keys(shape);
  if (fields.length === 0) return undefined;
  return fc
    .record({
      field: fc.constantFrom(...fields),
      value: hostileValue,
      dryRun: spec.mutating ? fc.boolean() : fc.constant(false),
      proto: fc.boolean(),
    })
    .filter(
      ({ field, value }) =>
        value !== undefined &&
        // null in an optional field is absent (strict-mode clients send it): not a wrong value.
        !(value === null && accepts(shape[field] as z.ZodType, undefined)) &&
        (DEEP_VALUES.has(value) || !accepts(shape[field] as z.ZodType, value)),
    )
    .map(({ field, value, dryRun, proto }) => ({
      input: { [field]: value },
      control: dryRun ? { dry_run: true } : {},
      field,
      proto,
    }));
}

/** A member the tool does not have (strict schemas refuse it by name). */
function unknownMember(spec: ToolSpec, listed: Tool): fc.Arbitrary<Case> {
  const known = new Set(Object.keys(listed.inputSchema.properties ?? {}));
  return (
    fc
      // Not `__proto__` itself: the SDK's params parse drops an own `__proto__` before any handler runs (the
      // test below shows it is never obeyed), so there is no member left to refuse.
      .record({ key: hostileKey, value: hostileValue, proto: fc.boolean() })
      // fast-check's string arbitraries like to produce `__proto__` itself; the same holds for them.
      .filter(({ key, value }) => !known.has(key) && key !== '__proto__' && value !== undefined)
      .map(({ key, value, proto }) => ({
        input: { [key]: value },
        control: spec.mutating ? { dry_run: true } : {},
        field: key,
        proto,
      }))
  );
}

/** A control argument (account, dry_run, confirmation_token) with a value the server refuses. */
function badControl(spec: ToolSpec, listed: Tool): fc.Arbitrary<Case> {
  const confirms = 'confirmation_token' in (listed.inputSchema.properties ?? {});
  const options: fc.Arbitrary<{ field: string; value: unknown }>[] = [
    fc.record({
      field: fc.constant('account'),
      // null is absent for every control field, as for optional vendor fields.
      value: hostileValue.filter((value) => value != null && value !== 'sandbox'),
    }),
    fc.record({
      field: fc.constant('dry_run'),
      // Read tools refuse any dry_run; mutating tools anything but a boolean.
      value: hostileValue.filter((value) => value != null && (!spec.mutating || typeof value !== 'boolean')),
    }),
  ];
  if (!confirms) {
    options.push(fc.record({ field: fc.constant('confirmation_token'), value: nastyString() }));
  }
  options.push(
    fc.record({
      field: fc.constant('confirmation_token'),
      value: hostileValue.filter((value) => value != null && typeof value !== 'string'),
    }),
  );
  return fc.record({ control: fc.oneof(...options), proto: fc.boolean() }).map(({ control, proto }) => ({
    input: {},
    control: { [control.field]: control.value },
    field: control.field,
    proto,
  }));
}

const RUNS = { wrong: 4, unknown: 3, control: 2 };

describe('hostile arguments at every MCP tool (sandbox, in-process SDK client)', () => {
  it('lists all 250 tools, each backed by a strict endpoint schema', () => {
    expect(tools).toHaveLength(250);
    for (const tool of tools) {
      const spec = server.app.registry.get(tool.name);
      expect(spec, tool.name).toBeDefined();
      // The listing is open; the endpoint's zod input is what refuses unknown members (tested below).
      expect(spec?.entry.endpoint.input.safeParse({ __unknown_member__: 1 }).success, tool.name).toBe(false);
    }
    expect(server.requests()).toBe(0);
  });

  for (const vendor of ['tuxcare', 'lunanode', 'ispmanager', 'vmmanager']) {
    it(`${vendor}: wrong types, unknown members and bad control arguments are refused by name, offline`, async () => {
      const mine = tools.filter((tool) => tool.name.startsWith(`${vendor}_`));
      expect(mine.length).toBeGreaterThan(20);
      for (const tool of mine) {
        const spec = server.app.registry.get(tool.name) as ToolSpec;
        const wrong = wrongValue(spec);
        if (wrong) {
          await fc.assert(
            fc.asyncProperty(wrong, (test) => check(tool, test)),
            { numRuns: RUNS.wrong },
          );
        }
        await fc.assert(
          fc.asyncProperty(unknownMember(spec, tool), (test) => check(tool, test)),
          { numRuns: RUNS.unknown },
        );
        await fc.assert(
          fc.asyncProperty(badControl(spec, tool), (test) => check(tool, test)),
          { numRuns: RUNS.control },
        );
      }
      expect(server.requests()).toBe(0);
    });
  }

  it('every field of every tool refuses deep and huge values by name, offline', async () => {
    const deep = Object.values(DEEP);
    const huge = Object.values(HUGE);
    let checked = 0;
    let index = 0;
    for (const tool of tools) {
      const spec = server.app.registry.get(tool.name) as ToolSpec;
      const shape = schemaOf(spec).shape as Record<string, z.ZodType>;
      for (const [field, schema] of Object.entries(shape)) {
        // Every deep value at the filter trees (the recursive schemas); elsewhere the huge string (a rule
        // that quotes its input must not echo it whole) and one deep and one huge value in rotation, so every
        // kind meets every type of field.
        index++;
        const values =
          field === 'where'
            ? [...deep, ...huge]
            : [HUGE.string, deep[index % deep.length], huge[index % huge.length]];
        for (const value of values) {
          if (!DEEP_VALUES.has(value) && accepts(schema, value)) continue;
          await check(tool, { input: { [field]: value }, control: {}, field, proto: false });
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(1200);
    expect(server.requests()).toBe(0);
  });

  it('a call without its required arguments names every one of them, offline', async () => {
    let checked = 0;
    for (const tool of tools) {
      const required = (tool.inputSchema.required ?? []) as string[];
      if (required.length === 0) continue;
      const result = await server.call(tool.name, {});
      for (const field of required)
        expectNamed(result, { input: {}, control: {}, field, proto: false }, tool.name);
      checked++;
    }
    expect(checked).toBe(197);
    expect(server.requests()).toBe(0);
  });

  it('non-object arguments are a protocol error naming `arguments`, and the server keeps serving', async () => {
    const sample = tools.filter((_, index) => index % 10 === 0);
    for (const tool of sample) {
      for (const value of [[], ['x'], 'text', 42, Number.NaN, null, true]) {
        const error = await server.call(tool.name, value).then(
          (result) => result,
          (caught: unknown) => caught,
        );
        expect(error, `${tool.name} ${JSON.stringify(value)}`).toBeInstanceOf(McpError);
        expect((error as McpError).code).toBe(-32602);
        expect((error as McpError).message).toContain('arguments');
      }
    }
    expect(server.requests()).toBe(0);
  });

  it('an own `__proto__` member (as JSON.parse makes it) is never obeyed', async () => {
    const args = JSON.parse('{"__proto__": {"account": "evil", "dry_run": true, "polluted": "yes"}}');
    const before = server.requests();
    for (const name of [
      'tuxcare_ab_list',
      'lunanode_vm_list',
      'ispmanager_user_list',
      'vmmanager_host_list',
    ]) {
      // The SDK's params parse drops the member (SDK v2; v1 kept it and the endpoint schema refused it):
      // the account and dry_run it carries are not read, so the read runs as the one account, for real.
      const result = await server.call(name, args);
      expect(result.isError, textOf(result).slice(0, 300)).toBeFalsy();
      expect(textOf(result)).toContain('"account":"sandbox"');
      expect(textOf(result)).not.toContain('dry_run');
    }
    expect(Object.prototype).not.toHaveProperty('polluted');
    expect(server.requests()).toBeGreaterThanOrEqual(before + 4);
  });

  it('the server survives: Object.prototype is clean and a valid call still reaches the simulator', async () => {
    expect(Object.prototype).not.toHaveProperty('polluted');
    expect(({} as Record<string, unknown>).account).toBeUndefined();
    const before = server.requests();
    const result = await server.call('lunanode_vm_list', {});
    expect(result.isError).toBeFalsy();
    expect(JSON.parse(textOf(result))).toMatchObject({ tool: 'lunanode_vm_list', account: 'sandbox' });
    // The request log is a working witness: the valid call shows up in it.
    expect(server.requests()).toBe(before + 1);
  });
});
