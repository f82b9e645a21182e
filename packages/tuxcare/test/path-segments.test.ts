import { type Endpoint, pathParams, walkCatalog } from '@x/auth-core';
import { describe, expect, it } from 'vitest';
import {
  createTuxCareCodec,
  InputError,
  NotFoundError,
  type TuxCareRoute,
  tuxcareCatalog,
} from '../src/index.js';
import { DEMO, useSimulator } from './support.js';

/**
 * Values that would change a URL path if they were pasted into it: dot segments (plain and percent-encoded,
 * which the WHATWG URL parser also treats as dots), separators, query and fragment marks, encoded separators,
 * backslashes (a path separator to the URL parser), empty, whitespace and control characters.
 */
const HOSTILE = [
  '..',
  '.',
  '',
  'a/b',
  '../status',
  '%2e%2e',
  '%2E%2E',
  '.%2e',
  '%2e',
  '..%2F',
  '%2F',
  '?x',
  'a?b=c',
  '#',
  'x#y',
  '..\\',
  'a\\b',
  ' ',
  'a b',
  '\u0000',
  '..;',
  '%00',
];

/** The templated endpoints, with the path parameters of each route. */
const TEMPLATED = walkCatalog<TuxCareRoute>(tuxcareCatalog)
  .map((entry) => ({ ...entry, params: pathParams(entry.endpoint.route.path) }))
  .filter((entry) => entry.params.length > 0);

/** A valid value per path field (documented formats), so one hostile value is tried at a time. */
const VALID: Record<string, string> = {
  key: 'WsTs821nSAtiastD',
  login: DEMO.login,
  token: DEMO.resellerApiToken,
};

describe('path segments: the catalog', () => {
  it('finds the two templated TuxCare endpoints and a valid sample for every path field', () => {
    expect(TEMPLATED.map((entry) => entry.id).sort()).toEqual(['kcare.nagios.key', 'kcare.nagios_res']);
    for (const entry of TEMPLATED) {
      for (const param of entry.params) {
        expect(VALID[param], `${entry.id} {${param}}`).toBeDefined();
        // Every placeholder is an input field, so the caller (and the tool listing) can fill it.
        expect(Object.keys((entry.endpoint.input as unknown as { shape: object }).shape)).toContain(param);
      }
    }
  });

  // The codec is called directly, past the input schema: whatever a schema lets through (or a hand-written
  // caller skips), the path is still filled through auth-core's fillPath.
  const codec = createTuxCareCodec({
    baseUrl: 'https://portal.example/api',
    login: DEMO.login,
    secretKey: DEMO.secretKey,
    now: () => Date.UTC(2024, 4, 1),
  });
  const build = (entry: (typeof TEMPLATED)[number], input: Record<string, unknown>) =>
    codec.build(
      { id: entry.id, endpoint: entry.endpoint as Endpoint<TuxCareRoute>, input, options: {} },
      { attempt: 1, dryRun: true },
    );

  for (const entry of TEMPLATED) {
    for (const param of entry.params) {
      const others = Object.fromEntries(entry.params.filter((p) => p !== param).map((p) => [p, VALID[p]]));
      it.each(['..', '.', ''])(`${entry.id} {${param}}: the codec refuses %j by name`, (value) => {
        let error: unknown;
        try {
          build(entry, { ...others, [param]: value });
        } catch (caught) {
          error = caught;
        }
        expect(error).toBeInstanceOf(InputError);
        expect((error as InputError).issues).toEqual([{ path: param, message: expect.any(String) }]);
      });
      it.each(['a/b', '%2e%2e', '?x', '#', 'a\\b'])(
        `${entry.id} {${param}}: the codec sends %j as one encoded segment`,
        async (value) => {
          const wire = await build(entry, { ...others, [param]: value });
          const url = new URL(String(wire.url));
          const template = `/api${entry.endpoint.route.path}`.split('/');
          const sent = url.pathname.split('/');
          expect(sent).toHaveLength(template.length);
          expect(decodeURIComponent(sent[template.indexOf(`{${param}}`)] ?? '')).toBe(value);
          expect(url.hash).toBe('');
        },
      );
    }
  }
});

describe('path segments over the wire (simulator)', () => {
  const ctx = useSimulator();

  /** The outcome of one call: refused by name with nothing sent, or the path the simulator saw. */
  async function outcome(id: string, input: Record<string, unknown>, field: string) {
    const before = ctx.sim.log.length;
    const error = await ctx.client.invoke(id, input).then(
      () => undefined,
      (e: unknown) => e,
    );
    if (error instanceof InputError) {
      expect(error.issues.map((issue) => issue.path)).toContain(field);
      expect(ctx.sim.log.length).toBe(before);
      return { refused: true as const };
    }
    const record = ctx.sim.log.at(-1);
    expect(ctx.sim.log.length).toBe(before + 1);
    return { refused: false as const, path: record?.path ?? '', error };
  }

  it('kcare.nagios.key with key ".." is refused by name and sends nothing (it used to send GET /api/kcare/)', async () => {
    const error = await ctx.client.kcare.nagios.key({ key: '..' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).issues).toEqual([{ path: 'key', message: expect.stringMatching(/key/) }]);
    expect(ctx.sim.log).toHaveLength(0);
  });

  it('kcare.nagios_res with login ".." or token "." is refused by name before anything is sent', async () => {
    for (const [field, input] of [
      ['login', { login: '..' }],
      ['token', { token: '.' }],
      ['token', { login: DEMO.login, token: '..' }],
    ] as const) {
      const error = await ctx.client.invoke('kcare.nagios_res', input).catch((e: unknown) => e);
      expect(error, field).toBeInstanceOf(InputError);
      expect((error as InputError).issues).toEqual([
        { path: field, message: 'must not be "." or ".." (a dot segment would change the URL path)' },
      ]);
      expect((error as InputError).message).toMatch(/^Invalid input for tuxcare kcare\.nagios_res: /);
    }
    expect(ctx.sim.log).toHaveLength(0);
  });

  for (const entry of TEMPLATED) {
    for (const param of entry.params) {
      it.each(HOSTILE)(
        `${entry.id} {${param}} = %j: refused by name, or one encoded segment`,
        async (value) => {
          const others = Object.fromEntries(
            entry.params.filter((p) => p !== param).map((p) => [p, VALID[p]]),
          );
          const result = await outcome(entry.id, { ...others, [param]: value }, param);
          if (result.refused) return;
          const template = `/api${entry.endpoint.route.path}`.split('/');
          const sent = result.path.split('/');
          // Same route, same number of segments, and the segment decodes to exactly the value sent.
          expect(sent).toHaveLength(template.length);
          template.forEach((part, i) => {
            if (!part.startsWith('{')) expect(sent[i]).toBe(part);
          });
          expect(decodeURIComponent(sent[template.indexOf(`{${param}}`)] ?? '')).toBe(value);
        },
      );
    }
  }

  it('a valid key still reaches its own URL', async () => {
    const missing = await ctx.client.kcare.nagios.key({ key: 'KeyNotFound00000' }).catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(NotFoundError);
    expect(ctx.sim.log.at(-1)?.path).toBe('/api/kcare/nagios/KeyNotFound00000');
  });
});
