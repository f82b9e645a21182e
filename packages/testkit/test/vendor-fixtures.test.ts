import * as vitest from 'vitest';
import { describe, expect, it } from 'vitest';
import {
  type RequestRecord,
  type TuxCareSimState,
  tuxcareFixture,
  useFixture,
  VENDOR_FIXTURES,
  withSimulator,
} from '../src/index.js';

const record = (over: Partial<RequestRecord>): RequestRecord => ({
  method: 'POST',
  path: '/',
  query: {},
  headers: {},
  body: '',
  at: 0,
  ...over,
});

/** A stand-in client that only records whether it was closed (the fixtures never make real clients). */
function tracked(log: string[], name: string) {
  return {
    name,
    async close() {
      log.push(`closed ${name}`);
    },
  };
}

describe('useFixture: one simulator per file, clients closed by scope', () => {
  const closed: string[] = [];
  let seen: { url: string; settings: Record<string, string> } | undefined;
  const h = useFixture(tuxcareFixture, vitest, (url, settings, extra: string | undefined) => {
    seen = { url, settings };
    return tracked(closed, extra ?? 'default');
  });

  it('connects with the fixture settings of the running simulator', () => {
    expect(h.client.name).toBe('default');
    expect(seen?.url).toBe(h.sim.url);
    expect(seen?.settings).toEqual(tuxcareFixture.settings(h.sim.url));
    expect(seen?.settings.TUXCARE_BASE_URL).toBe(`${h.sim.url}/api`);
  });

  it('re-seeds the state before each test (the previous test changed it)', () => {
    (h.sim.state as TuxCareSimState).accounts.length = 0;
    expect((h.sim.state as TuxCareSimState).accounts).toEqual([]);
  });

  it('sees the seeded state again, and the shared client is still open', () => {
    expect((h.sim.state as TuxCareSimState).accounts.length).toBeGreaterThan(0);
    expect(h.make('second').name).toBe('second');
    expect(closed).toEqual([]);
  });
});

describe('useFixture with scope test', () => {
  const closed: string[] = [];
  const h = useFixture(
    tuxcareFixture,
    vitest,
    (_url, _settings, extra: string | undefined) => tracked(closed, extra ?? 'default'),
    { scope: 'test' },
  );

  it('makes a client in a test', () => {
    h.make('per-test');
    expect(closed).toEqual([]);
  });

  it('closed it after that test', () => {
    expect(closed).toEqual(['closed per-test']);
  });
});

describe('withSimulator', () => {
  it('stops the simulator when the body throws', async () => {
    let url = '';
    await expect(
      withSimulator(tuxcareFixture, async (sim) => {
        url = sim.url;
        expect((await fetch(`${url}/api/status.json`)).status).toBe(200);
        throw new Error('body failed');
      }),
    ).rejects.toThrow('body failed');
    await expect(fetch(`${url}/api/status.json`)).rejects.toThrow();
  });
});

describe('the four fixtures', () => {
  it('are the four vendors, each probe matching its own requests only', () => {
    expect(VENDOR_FIXTURES.map((fixture) => fixture.id)).toEqual([
      'tuxcare',
      'lunanode',
      'ispmanager',
      'vmmanager',
    ]);
    for (const fixture of VENDOR_FIXTURES) {
      const probes = [fixture.read, fixture.create, fixture.destroy];
      expect(new Set(probes.map((probe) => probe.endpoint)).size, fixture.id).toBe(3);
      // Creates take a fresh name each call, so a repeated create never collides.
      expect(fixture.create.input(), fixture.id).not.toEqual(fixture.create.input());
    }
  });

  it('decode each vendor wire form into its parameters, credentials left out', () => {
    const [tuxcare, lunanode, ispmanager, vmmanager] = VENDOR_FIXTURES;
    expect(tuxcare?.decode(record({ method: 'GET', query: { token: 't', key: 'K' } })).params).toEqual({
      key: 'K',
    });
    const req = JSON.stringify({ api_id: 'i', api_partialkey: 'p', vm_id: '1' });
    expect(
      lunanode?.decode(record({ body: new URLSearchParams({ req, signature: 's' }).toString() })).params,
    ).toEqual({
      vm_id: '1',
    });
    expect(ispmanager?.decode(record({ body: 'authinfo=a%3Ab&func=user&out=xml' })).params).toEqual({
      func: 'user',
      out: 'xml',
    });
    expect(vmmanager?.decode(record({ query: { limit: '2' }, body: '{"name":"x"}' })).params).toEqual({
      limit: '2',
      name: 'x',
    });
  });

  it('match requests by endpoint', () => {
    const [tuxcare, lunanode, ispmanager, vmmanager] = VENDOR_FIXTURES;
    const get = (path: string) => ({ method: 'GET', path, body: '' });
    expect(tuxcare?.read.is(get('/api/kcare/key/list.json'))).toBe(true);
    expect(tuxcare?.read.is(get('/api/kcare/key/create.json'))).toBe(false);
    expect(lunanode?.create.is({ method: 'POST', path: '/api/sshkey/add/', body: '' })).toBe(true);
    expect(ispmanager?.read.is({ method: 'POST', path: '/ispmgr', body: 'func=user' })).toBe(true);
    expect(ispmanager?.read.is({ method: 'POST', path: '/ispmgr', body: 'func=user.edit' })).toBe(false);
    expect(vmmanager?.read.is(get('/vm/v3/account'))).toBe(true);
    expect(vmmanager?.create.is(get('/vm/v3/account'))).toBe(false);
  });
});
