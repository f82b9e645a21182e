import { createLunaNodeSimulator, LUNANODE_DEMO_API_ID, LUNANODE_DEMO_API_KEY } from '@x/testkit';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  ApiError,
  AuthError,
  createLunaNodeClient,
  InputError,
  NotFoundError,
  ResponseFormatError,
} from '../src/index.js';
import { lunanodeHarness } from './support.js';

const h = lunanodeHarness();

async function rejection(promise: Promise<unknown>): Promise<Error & Record<string, unknown>> {
  try {
    await promise;
  } catch (error) {
    return error as Error & Record<string, unknown>;
  }
  throw new Error('expected a rejection');
}

describe('bad input is rejected per field before any request leaves', () => {
  const cases: [string, unknown, string, RegExp][] = [
    ['vm.create', { plan_id: 'm.2', image_id: 1 }, 'hostname', /required \(string\)/],
    ['vm.create', { hostname: 'bad host', plan_id: 'm.2', image_id: 1 }, 'hostname', /host name/],
    ['vm.create', { hostname: 'web', plan_id: 'm.2' }, 'image_id', /unless volume_id/],
    ['vm.create', { hostname: 'web', plan_id: 'm.2', image_id: 1, ip: '300.1.1.1' }, 'ip', /IPv4/i],
    [
      'vm.create',
      { hostname: 'web', plan_id: 'm.2', image_id: 1, securitygroups: [] },
      'securitygroups',
      /too small/i,
    ],
    ['vm.create', { hostname: 'web', plan_id: 'm 2', image_id: 1 }, 'plan_id', /plan id or name/],
    ['vm.info', { vm_id: '12102', extra: 1 }, 'extra', /unknown field/],
    ['vm.info', { vm_id: '12/02' }, 'vm_id', /numeric id or a UUID/],
    ['vm.usage', { vm_id: '1', key: 'disk' }, 'key', /bandwidth|cpu|io/],
    ['volume.attach', { region: 'toronto', volume_id: 1, vm_id: '1', target: 'sdb' }, 'target', /auto/],
    ['volume.create', { region: 'Toronto', label: 'x', size: 5 }, 'region', /region name/],
    ['volume.create', { region: 'toronto', label: 'x', size: 0 }, 'size', /too small/i],
    [
      'volume.create',
      { region: 'toronto', label: 'x', size: 1, image: 1, snapshot_id: 2 },
      'snapshot_id',
      /either/,
    ],
    [
      'lb.create',
      {
        region: 'toronto',
        net_id: 4,
        name: 'l',
        method: 'RANDOM',
        protocol: 'TCP',
        connection_limit: 5,
        port: 80,
      },
      'method',
      /ROUND_ROBIN/,
    ],
    [
      'lb.create',
      {
        region: 'toronto',
        net_id: 4,
        name: 'l',
        method: 'SOURCE_IP',
        protocol: 'TCP',
        connection_limit: 0,
        port: 80,
      },
      'connection_limit',
      /unlimited/,
    ],
    ['lb.member_add', { region: 'toronto', lb_id: 1, ip: '10.0.0.1', port: 70000 }, 'port', /too big/i],
    [
      'network.create',
      { region: 'toronto', name: 'n', subnet: '192.168.30.0', dns: ['8.8.8.8'] },
      'subnet',
      /three octets/,
    ],
    ['dns.record_add', { zone_id: 1, name: 'www', data: 'x', ttl: 300, type: 'SPF' }, 'type', /AAAA/],
    ['dns.zone_add', { origin: 'example.org' }, 'origin', /trailing dot|ending with a dot/],
    [
      'monitor.check_add',
      { name: 'c', type: 'http', fail_count: 1, success_count: 1, check_interval: 60, params: { name: 'x' } },
      'params.name',
      /declared field/,
    ],
    ['monitor.contact_add', { type: 'email', rel: 'not-an-address' }, 'rel', /valid email/],
    ['sshkey.add', { label: 'k', sshkey: 'not a key' }, 'sshkey', /OpenSSH/],
    ['email.user_add', { domain_id: 1, username: 'info', password: 'short' }, 'password', /too small/i],
    [
      'securitygroup.rule_insert',
      {
        region: 'toronto',
        group_id: 4,
        direction: 'ingress',
        type: 'IPv4',
        protocol: 'tcp',
        remote_type: 'cidr',
        remote_value: 'anywhere',
      },
      'remote_value',
      /CIDR/,
    ],
  ];

  it.each(cases)('%s %j → %s', async (id, input, path, rule) => {
    const before = h.sim.log.length;
    const error = await rejection(h.client.invoke(id, input));
    expect(error).toBeInstanceOf(InputError);
    const issues = (error as unknown as InputError).issues;
    const issue = issues.find((item) => item.path === path);
    expect(issue, JSON.stringify(issues)).toBeDefined();
    expect(issue?.message).toMatch(rule);
    expect(h.sim.log.length).toBe(before);
  });

  it('typed methods validate the same way', async () => {
    // @ts-expect-error: vm_id is required
    await expect(h.client.vm.info({})).rejects.toBeInstanceOf(InputError);
    expect(h.sim.log.length).toBe(0);
  });

  it('volume_virtio and set_password are sent only when true (the API reads them by presence)', async () => {
    const created = await h.client.vm.create({
      hostname: 'web',
      plan_id: 'm.2',
      volume_id: 1309,
      volume_virtio: false,
    });
    expect(h.last().params).toEqual({ hostname: 'web', plan_id: 'm.2', volume_id: '1309' });
    expect(created.vm_id).toBeTruthy();
  });
});

describe('vendor refusals are typed errors with the decoded vendor text', () => {
  it('an unknown VM is a NotFoundError', async () => {
    const error = await rejection(h.client.vm.info({ vm_id: '99999' }));
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error).toMatchObject({
      vendor: 'lunanode',
      endpoint: 'vm.info',
      status: 200,
      vendorMessage: 'invalid vm',
    });
    await expect(h.client.vm.delete({ vm_id: 'no-such-vm' })).rejects.toBeInstanceOf(NotFoundError);
    await expect(h.client.vm.start({ vm_id: '424242' })).rejects.toThrow(/invalid vm/);
  });

  it('HTML entities in the error text are decoded', async () => {
    const error = await rejection(h.client.image.delete({ image_id: 2685 }));
    expect(error).toBeInstanceOf(ApiError);
    expect(error).not.toBeInstanceOf(NotFoundError);
    expect(error.vendorMessage).toBe("can't delete a template image");
    expect(error.message).toContain("can't delete a template image");
  });

  it('a state conflict keeps the vendor message', async () => {
    await expect(h.client.vm.diskswap({ vm_id: '12102' })).rejects.toThrow(
      /the VM must be stopped before disk swap can proceed/,
    );
  });

  it('an answer that is not JSON is a ResponseFormatError with a redacted excerpt', async () => {
    h.sim.faults.add({ kind: 'malformed', body: `<html>proxy error ${LUNANODE_DEMO_API_KEY}</html>` });
    const error = await rejection(h.client.vm.list());
    expect(error).toBeInstanceOf(ResponseFormatError);
    expect(String(error.excerpt)).toContain('proxy error');
    expect(JSON.stringify(error)).not.toContain(LUNANODE_DEMO_API_KEY);
  });

  it('an HTTP error status is an ApiError carrying it', async () => {
    h.sim.faults.add({ kind: 'status', status: 500, body: 'oops' }, { times: 5 });
    const error = await rejection(h.client.vm.list(undefined, { maxAttempts: 1 }));
    expect(error).toBeInstanceOf(ApiError);
    expect(error.status).toBe(500);
  });
});

describe('authentication failures', () => {
  let sim: Awaited<ReturnType<ReturnType<typeof createLunaNodeSimulator>['start']>>;
  beforeAll(async () => {
    sim = await createLunaNodeSimulator().start();
  });
  beforeEach(() => sim.reset());
  afterAll(() => sim.stop());

  const make = (overrides: Parameters<typeof createLunaNodeClient>[0]) =>
    createLunaNodeClient({
      apiId: LUNANODE_DEMO_API_ID,
      apiKey: LUNANODE_DEMO_API_KEY,
      baseUrl: `${sim.url}/api`,
      env: {},
      ...overrides,
    });

  it('a wrong key (bad signature and partial key) is an AuthError with the vendor text', async () => {
    const client = make({ apiKey: 'k'.repeat(128) });
    const error = await rejection(client.vm.list());
    expect(error).toBeInstanceOf(AuthError);
    expect(error.code).toBe('authentication_failure');
    expect(error.vendorMessage).toMatch(/^authentication failure; common reasons: bad nonce/);
    await client.close();
  });

  it('a right partial key with a wrong signature is refused', async () => {
    // Same first 64 characters, different second half: only the HMAC can tell.
    const client = make({ apiKey: LUNANODE_DEMO_API_KEY.slice(0, 64) + 'z'.repeat(64) });
    await expect(client.vm.list()).rejects.toBeInstanceOf(AuthError);
    await client.close();
  });

  it('a stale nonce (clock an hour behind) is refused', async () => {
    const client = make({ now: () => Date.now() - 3_600_000 });
    await expect(client.billing.credit()).rejects.toThrow(/bad nonce \(computer time off\)/);
    await client.close();
  });

  it('an unknown API id is refused', async () => {
    const client = make({ apiId: 'unknownApiId0016' });
    await expect(client.plan.list()).rejects.toBeInstanceOf(AuthError);
    await client.close();
  });
});

describe('secrets never leak (canary credentials)', () => {
  const canaryId = 'CANARYid00000016';
  const canaryKey = `CANARY-${'Zq9'.repeat(40)}`.padEnd(128, 'X');
  const partial = canaryKey.slice(0, 64);

  function leaks(error: unknown): string[] {
    const surfaces = [
      String((error as Error).message),
      String((error as Error).stack),
      JSON.stringify(error),
      JSON.stringify((error as { cause?: unknown }).cause ?? null),
    ];
    return surfaces.filter(
      (text) => text.includes(canaryKey) || text.includes(partial) || /[0-9a-f]{128}/.test(text),
    );
  }

  it('auth failures, format errors, transport errors and previews carry no key, partial key or signature', async () => {
    const sim = await createLunaNodeSimulator().start();
    const client = createLunaNodeClient({
      apiId: canaryId,
      apiKey: canaryKey,
      baseUrl: `${sim.url}/api`,
      env: {},
    });
    try {
      const errors: unknown[] = [];
      errors.push(await rejection(client.vm.list()));
      sim.faults.add({
        kind: 'malformed',
        body: `echo ${canaryKey} ${partial} req=${encodeURIComponent(partial)}`,
      });
      errors.push(await rejection(client.vm.list()));
      sim.faults.add(
        { kind: 'status', status: 502, body: `{"success":"no","error":"bad key ${canaryKey}"}` },
        { times: 5 },
      );
      errors.push(await rejection(client.vm.list(undefined, { maxAttempts: 1 })));
      sim.faults.add({ kind: 'reset' }, { times: 5 });
      errors.push(
        await rejection(client.vm.create({ hostname: 'x', plan_id: 1, image_id: 1 }, { maxAttempts: 1 })),
      );
      for (const error of errors) expect(leaks(error)).toEqual([]);
      const preview = await client.preview('vm.info', { vm_id: '1' });
      expect(JSON.stringify(preview)).not.toContain(partial);
      expect(JSON.stringify(preview)).not.toMatch(/[0-9a-f]{128}/);
    } finally {
      await client.close();
      await sim.stop();
    }
  });

  it('the legacy API (key in the URL) keeps the key out of errors', async () => {
    const sim = await createLunaNodeSimulator({
      credentials: [{ apiId: canaryId, apiKey: canaryKey }],
    }).start();
    const client = createLunaNodeClient({
      apiId: canaryId,
      apiKey: canaryKey,
      baseUrl: `${sim.url}/api`,
      legacyApi: true,
      env: {},
    });
    try {
      const { vms } = await client.vm.list();
      expect(vms.length).toBe(2);
      const record = sim.log.at(-1);
      expect(record?.method).toBe('GET');
      expect(record?.path).toBe('/api');
      expect(record?.query).toMatchObject({
        api_id: canaryId,
        api_key: canaryKey,
        category: 'vm',
        action: 'list',
      });
      const error = await rejection(client.vm.info({ vm_id: '777' }));
      expect(error).toBeInstanceOf(NotFoundError);
      expect(String((error.request as { url: string }).url)).toContain('api_key=');
      expect(leaks(error)).toEqual([]);
      const preview = await client.preview('vm.info', { vm_id: '1' });
      expect(preview.method).toBe('GET');
      expect(preview.url).not.toContain(canaryKey);
    } finally {
      await client.close();
      await sim.stop();
    }
  });
});
