import { type Endpoint, pathParams, Redactor, walkCatalog } from '@x/auth-core';
import { VMMANAGER_DEMO_EMAIL, VMMANAGER_DEMO_PASSWORD } from '@x/testkit';
import { describe, expect, it } from 'vitest';
import { createVmCodec } from '../src/codec.js';
import { InputError, type VmRoute, vmmanagerCatalog } from '../src/index.js';
import { setup } from './support.js';

/** Values that would change a URL path if pasted into it (see the TuxCare test for the reasoning). */
const HOSTILE: unknown[] = [
  '..',
  '.',
  '',
  'a/b',
  '1/..',
  '../1',
  '%2e%2e',
  '%2E%2E',
  '.%2e',
  '..%2F',
  '?x',
  '1?where=x',
  '#',
  '1#x',
  '..\\',
  ' 1',
  '\u0000',
  '1;x',
  -1,
  0,
  1.5,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  true,
  [1, 2],
  { id: 1 },
  null,
];

/** Every endpoint whose route has path parameters. */
const TEMPLATED = walkCatalog<VmRoute>(vmmanagerCatalog)
  .map((entry) => ({ ...entry, params: pathParams(entry.endpoint.route.path) }))
  .filter((entry) => entry.params.length > 0);

/** A valid value per path field: every id is a positive integer; `user` is an e-mail or a user id. */
const VALID: Record<string, unknown> = { user: 'admin@example.com' };
const validFor = (param: string) => VALID[param] ?? 7;

const shapeOf = (endpoint: Endpoint<VmRoute>) =>
  (endpoint.input as unknown as { shape: Record<string, { safeParse(v: unknown): { success: boolean } }> })
    .shape;

describe('path segments: the catalog', () => {
  it('finds the templated endpoints, each path field an input field with a documented format', () => {
    expect(TEMPLATED.length).toBeGreaterThanOrEqual(30);
    const fields = new Set(TEMPLATED.flatMap((entry) => entry.params));
    expect([...fields].sort()).toEqual([
      'account_id',
      'backup_id',
      'cluster_id',
      'disk_id',
      'host_id',
      'ip_id',
      'ipnet_id',
      'node_id',
      'pool_id',
      'preset_id',
      'task_id',
      'user',
    ]);
    for (const entry of TEMPLATED) {
      const shape = shapeOf(entry.endpoint);
      for (const param of entry.params) {
        expect(shape[param], `${entry.id} {${param}}`).toBeDefined();
        // The input schema itself refuses every value that would change the path.
        for (const value of HOSTILE) {
          expect(shape[param]?.safeParse(value).success, `${entry.id} {${param}} = ${String(value)}`).toBe(
            false,
          );
        }
        expect(shape[param]?.safeParse(validFor(param)).success).toBe(true);
      }
    }
  });

  // The codec is called directly, past the input schema: the path is still filled through auth-core's fillPath.
  const { codec } = createVmCodec({
    baseUrl: new URL('https://vm.example/'),
    credentials: { kind: 'token', token: 'T' },
    redactor: new Redactor(),
  });
  const build = (entry: (typeof TEMPLATED)[number], input: Record<string, unknown>) =>
    codec.build(
      { id: entry.id, endpoint: entry.endpoint as Endpoint<VmRoute>, input, options: {} },
      { attempt: 1, dryRun: true },
    );

  for (const entry of TEMPLATED) {
    for (const param of entry.params) {
      it.each(['..', '.', '', undefined])(
        `${entry.id} {${param}}: the codec refuses %j by name`,
        async (value) => {
          const error = await Promise.resolve()
            .then(() => build(entry, { [param]: value }))
            .catch((e: unknown) => e);
          expect(error).toBeInstanceOf(InputError);
          expect((error as InputError).issues).toEqual([{ path: param, message: expect.any(String) }]);
          expect((error as InputError).endpoint).toBe(entry.id);
        },
      );
      it.each(['a/b', '%2e%2e', '?x', '#', 'a\\b'])(
        `${entry.id} {${param}}: the codec sends %j as one encoded segment`,
        async (value) => {
          const wire = await build(entry, { [param]: value });
          const url = new URL(String(wire.url));
          const template = entry.endpoint.route.path.split('/');
          const sent = url.pathname.split('/');
          expect(sent).toHaveLength(template.length);
          expect(decodeURIComponent(sent[template.indexOf(`{${param}}`)] ?? '')).toBe(value);
          expect(url.hash).toBe('');
        },
      );
    }
  }

  it('keeps `@` literal in a user e-mail, as the document writes it', async () => {
    const entry = TEMPLATED.find((candidate) => candidate.id === 'auth.key.create');
    if (!entry) throw new Error('auth.key.create is not templated');
    const wire = await build(entry, { user: 'client@example.com' });
    expect(new URL(String(wire.url)).pathname).toBe('/auth/v4/user/client@example.com/key');
  });
});

describe('path segments over the wire (simulator)', () => {
  const t = setup();

  for (const entry of TEMPLATED) {
    for (const param of entry.params) {
      it(`${entry.id} {${param}}: every hostile value is refused by name and nothing is sent`, async () => {
        const vm = t.client();
        for (const value of HOSTILE) {
          const error = await vm.invoke(entry.id, { [param]: value }).catch((e: unknown) => e);
          expect(error, String(value)).toBeInstanceOf(InputError);
          expect((error as InputError).issues.map((issue) => issue.path)).toContain(param);
        }
        // Not even the login: the input was refused before the client did anything.
        expect(t.sim.log).toHaveLength(0);
      });
    }
  }

  it('a path value the codec refuses is refused before the login, not after it', async () => {
    const vm = t.client();
    const { codec, link } = createVmCodec({
      baseUrl: new URL(t.sim.url),
      credentials: { kind: 'password', email: VMMANAGER_DEMO_EMAIL, password: VMMANAGER_DEMO_PASSWORD },
      redactor: new Redactor(),
    });
    link({ transport: vm.core.transport, invoke: vm.core.invoke });
    const entry = TEMPLATED.find((candidate) => candidate.id === 'host.start');
    if (!entry || !codec.around) throw new Error('host.start or around() is missing');
    let sent = false;
    const error = await Promise.resolve()
      .then(() =>
        codec.around?.(
          {
            id: entry.id,
            endpoint: entry.endpoint as Endpoint<VmRoute>,
            input: { host_id: '..' },
            options: {},
          },
          async () => {
            sent = true;
            throw new Error('send() must not run');
          },
        ),
      )
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).issues).toEqual([
      { path: 'host_id', message: 'must not be "." or ".." (a dot segment would change the URL path)' },
    ]);
    expect(sent).toBe(false);
    expect(t.sim.log).toHaveLength(0);
  });

  it('valid ids still reach their own URLs', async () => {
    const vm = t.client();
    await vm.host.start({ host_id: 1 });
    expect(t.last()).toMatchObject({ method: 'POST', path: '/vm/v3/host/1/start' });
  });
});
