import { lunanodeSignature, parseInput, type WireRequest } from '@x/auth-core';
import { createLunaNodeSimulator } from '@x/testkit';
import { describe, expect, it } from 'vitest';
import { createLunaNodeClient, createLunaNodeCodec, lunanodeCatalog } from '../src/index.js';
import { LUNANODE_DEMO_API_ID, LUNANODE_DEMO_API_KEY, lunanodeHarness, wireOf } from './support.js';

// The notes' test vectors (part A6): official Python 3 algorithm, fixed nonce.
const apiId = 'abcdefghijklmnop';
const half = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_';
const apiKey = half + half;

function build(id: 'vm.list' | 'vm.create' | 'script.create', input: unknown, nonce: string) {
  const [category, action] = id.split('.') as [string, string];
  const group = lunanodeCatalog[category as keyof typeof lunanodeCatalog] as unknown as Record<
    string,
    (typeof lunanodeCatalog.vm)['list']
  >;
  const endpoint = group[action] as (typeof lunanodeCatalog.vm)['list'];
  const codec = createLunaNodeCodec({
    apiId,
    apiKey,
    baseUrl: 'https://dynamic.lunanode.com/api',
    nonces: () => nonce,
    now: () => Number(nonce) * 1000,
    legacy: false,
  });
  const parsed = parseInput('lunanode', id, endpoint, input);
  return codec.build(
    { id, endpoint, input: parsed, options: {} },
    { attempt: 1, dryRun: false },
  ) as WireRequest & {
    body: string;
    url: string;
  };
}

describe('signing, byte for byte', () => {
  it('vector 1: vm/list builds the compact req and its golden signature, posted to the trailing-slash URL', () => {
    const wire = build('vm.list', {}, '1700000000');
    expect(wire.method).toBe('POST');
    expect(wire.url).toBe('https://dynamic.lunanode.com/api/vm/list/');
    const form = new URLSearchParams(wire.body);
    expect([...form.keys()]).toEqual(['req', 'signature', 'nonce']);
    expect(form.get('req')).toBe(`{"api_id":"${apiId}","api_partialkey":"${half}"}`);
    expect(form.get('signature')).toBe(
      'c02e1353647ffdfa49bc6e0d828ac8838fae27fef8f4a21cbc804fd9b0962fc59f0b71de078d67bf534fcb34f153027a393f07c105831b250300429ce2629cb7',
    );
    expect(form.get('nonce')).toBe('1700000000');
    // The signature of each attempt is a call-scoped secret; req is not (its api_id and partial key are
    // the client's own secrets, masked by value), so previews can show the parameters inside it.
    expect(wire.secrets).toEqual([form.get('signature')]);
  });

  it('vector 1 (Python formatting) verifies with the same signer: the server signs req as received', () => {
    const req = `{"api_id": "${apiId}", "api_partialkey": "${half}"}`;
    expect(lunanodeSignature({ category: 'vm', action: 'list', req, nonce: '1700000000', apiKey })).toBe(
      'f73c37db4b93e52de449a95099279a2e57b47b776abe13460d0b389722109068664e2d35dd7d1dc63cd1bb1d530454201c2d6bbcbbf1aa02bab4038003cc4ccf',
    );
  });

  it('vector 2: vm/create keeps the parameter order, then api_id and api_partialkey', () => {
    const wire = build(
      'vm.create',
      { hostname: 'test-vm', plan_id: 'm.2', image_id: '123', region: 'toronto' },
      '1700000001',
    );
    const form = new URLSearchParams(wire.body);
    expect(form.get('req')).toBe(
      `{"hostname":"test-vm","plan_id":"m.2","image_id":"123","region":"toronto","api_id":"${apiId}","api_partialkey":"${half}"}`,
    );
    expect(form.get('signature')).toBe(
      '8bf72f5875c3bbe4a98abb0f3b0fb0ee996d5cefdf0b3359a2bf85d1ec159c354001018c8340ebe360630dc412bff1470b2f828e55ca5bd0f647cb6eca3dbe1a',
    );
  });

  it('vector 3: non-ASCII is escaped as \\uXXXX, "/" left alone, as the official libraries send it', () => {
    const wire = build('script.create', { name: 's/1', content: 'echo héllo — ok' }, '1700000002');
    const form = new URLSearchParams(wire.body);
    expect(form.get('req')).toBe(
      `{"name":"s/1","content":"echo h\\u00e9llo \\u2014 ok","api_id":"${apiId}","api_partialkey":"${half}"}`,
    );
    expect(form.get('signature')).toBe(
      'cf23f2dc19052104d185f5ac526ff40d083feb16d4c11f06ef5e1dede98f9dc86dc7b3121ea2f9f853dc4e322dc17296b87fb2ba2b42e82a1b5ea4bddc0acbed',
    );
  });
});

describe('non-ASCII round trip through the simulator', () => {
  const h = lunanodeHarness();
  it('a script with accents, dashes and an emoji comes back identical', async () => {
    const content = '#!/bin/sh\necho "héllo — ok 🚀 / \\ \u0000"\n';
    const created = await h.client.script.create({ name: 'ünïcode/1', content });
    const sent = h.last();
    expect(sent.req).not.toMatch(/[^\x20-\x7e]/); // ASCII only on the wire
    expect(sent.req).toContain('\\ud83d\\ude80'); // surrogate pair escaped like Python
    const { scripts } = await h.client.script.list();
    expect(scripts.find((script) => script.id === created.script_id)).toMatchObject({
      name: 'ünïcode/1',
      content,
    });
  });
});

describe('nonces and retries', () => {
  it('each retry is signed afresh with a new nonce (monotonic mode)', async () => {
    const sim = await createLunaNodeSimulator().start();
    const client = createLunaNodeClient({
      apiId: LUNANODE_DEMO_API_ID,
      apiKey: LUNANODE_DEMO_API_KEY,
      baseUrl: `${sim.url}/api`,
      monotonicNonce: true,
      retry: { baseDelayMs: 1, maxDelayMs: 2 },
      env: {},
    });
    try {
      sim.faults.add({ kind: 'status', status: 503, body: 'busy' }, { times: 2 });
      const { vms } = await client.vm.list();
      expect(vms.length).toBe(2);
      const calls = sim.log.map(wireOf);
      expect(calls).toHaveLength(3);
      const nonces = calls.map((call) => Number(call.nonce));
      expect(nonces[1]).toBeGreaterThan(nonces[0] as number);
      expect(nonces[2]).toBeGreaterThan(nonces[1] as number);
      expect(new Set(calls.map((call) => call.signature)).size).toBe(3);
    } finally {
      await client.close();
      await sim.stop();
    }
  });

  it('without monotonic mode, calls in the same second share the current second as nonce', async () => {
    const sim = await createLunaNodeSimulator({ now: () => 1_700_000_000_500 }).start();
    const client = createLunaNodeClient({
      apiId: LUNANODE_DEMO_API_ID,
      apiKey: LUNANODE_DEMO_API_KEY,
      baseUrl: `${sim.url}/api`,
      now: () => 1_700_000_000_900,
      env: {},
    });
    try {
      await client.plan.list();
      await client.region.list();
      expect(sim.log.map((record) => wireOf(record).nonce)).toEqual(['1700000000', '1700000000']);
    } finally {
      await client.close();
      await sim.stop();
    }
  });
});

describe('any text survives the trip (property)', () => {
  const h = lunanodeHarness();
  it('script names and contents of arbitrary Unicode come back identical', async () => {
    const fc = await import('fast-check');
    await fc.assert(
      fc.asyncProperty(
        fc
          .string({ unit: 'grapheme', minLength: 1, maxLength: 12 })
          .filter((name) => name.trim() === name && name.length > 0),
        fc.string({ unit: 'binary', minLength: 1, maxLength: 200 }),
        async (name, content) => {
          const created = await h.client.script.create({ name, content });
          expect(h.last().req).toMatch(/^[\x20-\x7e]*$/);
          const { scripts } = await h.client.script.list();
          expect(scripts.find((script) => script.id === created.script_id)).toMatchObject({ name, content });
        },
      ),
      { numRuns: 40 },
    );
  });
});
