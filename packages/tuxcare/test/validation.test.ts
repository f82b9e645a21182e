import { describe, expect, it } from 'vitest';
import { InputError } from '../src/index.js';
import { useSimulator } from './support.js';

/** [endpoint id, input, field the InputError must name, rule fragment]. */
const REJECTED: [string, Record<string, unknown>, string, RegExp][] = [
  ['ipl.check', { ip: '1.1.1.1.1' }, 'ip', /IPv4 or IPv6/],
  ['ipl.availability', { ip: '300.1.1.1' }, 'ip', /IPv4 or IPv6/],
  ['ipl.server', { ip: '2001:db8:::1' }, 'ip', /IPv4 or IPv6/],
  ['ipl.register', { ip: '198.51.100.1', type: 3 }, 'type', /documented license types/],
  ['ipl.register', { ip: '198.51.100.1', type: 'kernelcare_pro' }, 'type', /documented license types/],
  ['ipl.register', { ip: '198.51.100.1', type: 16, els_allowed: 'yes' }, 'els_allowed', /boolean/],
  ['ipl.convert', { ip: '198.51.100.1', type: 16, type_to: 43 }, 'type', /documented license types/],
  ['ipl.convert', { ip: '198.51.100.1', type: 41, type_to: 40 }, 'type_to', /documented license types/],
  ['ipl.remove', { ip: '198.51.100.1' }, 'type', /./],
  ['ipl.update', { ip: '198.51.100.1', els_allowed: true }, 'type', /./],
  ['els.key.create', { code: 'CELS', limit: 1, note: 'x'.repeat(101) }, 'note', /100 characters/],
  ['els.key.create', { code: 'CELS; DROP', limit: 1 }, 'code', /./],
  ['els.key.create', { code: 'CELS', limit: -1 }, 'limit', /0 \(unlimited\) or more/],
  ['els.key.create', { code: 'CELS', limit: 1.5 }, 'limit', /whole number/],
  ['els.key.update', { key: 'CELS-abc' }, 'limit', /nothing to update/],
  ['im.key.create', { code: '360_1', limit: 1, note: 'y'.repeat(101) }, 'note', /100 characters/],
  ['kcare.key.create', { limit: 1, note: 'z'.repeat(101) }, 'note', /100 characters/],
  ['ab.im.create', { server_id: 'S1', size: 15, datacenter: 'EU2' }, 'size', /multiple of ten/],
  ['ab.im.create', { server_id: 'S1', size: 0, datacenter: 'EU2' }, 'size', /positive/],
  ['ab.resize', { backup_id: 1, delta: 5 }, 'delta', /multiple of ten/],
  ['ab.resize', { backup_id: 1, delta: 0 }, 'delta', /not be 0/],
  ['kcare.nagios.register_key', { key: 'short123' }, 'key', /16-32 letters or digits/],
  ['kcare.nagios.register_key', { key: 'a'.repeat(33) }, 'key', /16-32 letters or digits/],
  ['kcare.nagios.register_key', { key: 'abcdefgh-ABCDEFGH' }, 'key', /16-32 letters or digits/],
  [
    'kcare.key.set_cidr',
    { key: 'WsTs821nSAtiastD', cidr: '203.0.113.0/24, 10.0.0.300/8' },
    'cidr[1]',
    /not a valid CIDR/,
  ],
  ['kcare.key.set_cidr', { key: 'WsTs821nSAtiastD', cidr: '203.0.113.0/33' }, 'cidr[0]', /not a valid CIDR/],
  ['kcare.key.set_cidr', { key: 'WsTs821nSAtiastD', cidr: '203.0.113.7' }, 'cidr[0]', /not a valid CIDR/],
  ['kcare.key.set_cidr', { key: 'WsTs821nSAtiastD', cidr: ' ;, ' }, 'cidr', /at least one CIDR/],
  ['kcare.nagios.key', { key: 'a/b' }, 'key', /16-32 letters or digits/],
  ['els.srv.remove', { id: '1&key=x' }, 'id', /must not contain/],
  ['group.servers.put', { name: 'g', server_ids: [] }, 'server_ids', /at least one/],
  ['group.servers.put', { name: 'g', server_ids: ['a,b'] }, 'server_ids[0]', /must not contain/],
  ['status', { format: 'xml' }, 'format', /./],
  ['ipl.list', { unexpected: 1 }, 'unexpected', /unknown field/],
];

describe('input validation (no request leaves)', () => {
  const ctx = useSimulator();

  it.each(REJECTED)('%s rejects %j on %s', async (id, input, field, rule) => {
    const error = await ctx.client.invoke(id, input).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    const issue = (error as InputError).issues.find((candidate) => candidate.path === field);
    expect(issue, `issues: ${JSON.stringify((error as InputError).issues)}`).toBeDefined();
    expect(issue?.message).toMatch(rule);
    expect(ctx.sim.log).toHaveLength(0);
  });

  it('accepts the documented separators and both address families', async () => {
    const preview = await ctx.client.preview('kcare.key.set_cidr', {
      key: 'WsTs821nSAtiastD',
      cidr: '203.0.113.0/24 198.51.100.0/25,2001:db8::/48;192.0.2.0/26',
    });
    expect(new URL(preview.url).searchParams.get('cidr')).toBe(
      '203.0.113.0/24,198.51.100.0/25,2001:db8::/48,192.0.2.0/26',
    );
    await expect(ctx.client.preview('ipl.check', { ip: '2001:db8::1' })).resolves.toBeDefined();
    await expect(ctx.client.preview('ab.resize', { backup_id: 1, delta: -20 })).resolves.toBeDefined();
    await expect(
      ctx.client.preview('kcare.nagios.register_key', { key: 'A'.repeat(32) }),
    ).resolves.toBeDefined();
    expect(ctx.sim.log).toHaveLength(0);
  });

  it('ipl.remove demands type: "all" is the explicit way to remove every type', async () => {
    const one = await ctx.client.preview('ipl.remove', { ip: '198.51.100.10', type: 'kernelcare' });
    expect(new URL(one.url).searchParams.get('type')).toBe('16');
    const all = await ctx.client.preview('ipl.remove', { ip: '198.51.100.10', type: 'all' });
    expect(new URL(all.url).searchParams.has('type')).toBe(false);
  });
});
