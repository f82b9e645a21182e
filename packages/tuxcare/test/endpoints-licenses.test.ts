import { describe, expect, it } from 'vitest';
import { DEMO, lastRequest, queryNames, useSimulator } from './support.js';

const TOKEN = /^demo-reseller\|\d{10}\|[0-9a-f]{40}$/;

describe('ELS and AlmaLinux ESU over the wire', () => {
  const ctx = useSimulator();

  it('els.key.create sends GET code/limit/note with a token and returns a typed key', async () => {
    const key = await ctx.client.els.key.create({ code: 'CELS', limit: 2, note: 'web farm' });
    const req = lastRequest(ctx.sim);
    expect(req.method).toBe('GET');
    expect(req.path).toBe('/api/els/key/create.json');
    expect(queryNames(req.query)).toEqual(['code', 'limit', 'note', 'token']);
    expect(req.query).toMatchObject({ code: 'CELS', limit: '2', note: 'web farm' });
    expect(req.query.token).toMatch(TOKEN);
    expect(key).toMatchObject({ productCode: 'CELS', usageLimit: 2, description: 'web farm' });
    expect(key.key).toMatch(/^CELS-/);
    // create, then list shows it
    const listed = await ctx.client.els.key.list({ code: 'CELS' });
    expect(listed.map((entry) => entry.key)).toContain(key.key);
  });

  it('accepts unknown (new) product codes and AlmaLinux ESU', async () => {
    const esu = await ctx.client.els.key.create({ code: 'ESU', limit: 0 });
    expect(esu).toMatchObject({ productCode: 'ESU', usageLimit: 0, description: null });
    const future = await ctx.client.els.key.create({ code: 'ELS_FOR_CENTOS9_FUTURE', limit: 1 });
    expect(future.productCode).toBe('ELS_FOR_CENTOS9_FUTURE');
  });

  it('els.key.update sends key/limit/note and returns the updated key', async () => {
    const key = await ctx.client.els.key.update({
      key: 'CELS-yUDxBd5ethmG05d3hnAZEau0',
      limit: 4,
      note: '321',
    });
    expect(queryNames(lastRequest(ctx.sim).query)).toEqual(['key', 'limit', 'note', 'token']);
    expect(lastRequest(ctx.sim).method).toBe('GET');
    expect(key).toMatchObject({ usageLimit: 4, description: '321' });
  });

  it('els.key.list sends the product code as code and productType; coerces usageLimit and description', async () => {
    const keys = await ctx.client.els.key.list({ code: 'ESU' });
    const req = lastRequest(ctx.sim);
    expect(req.path).toBe('/api/els/key/list.json');
    expect(req.query).toMatchObject({ code: 'ESU', productType: 'ESU' });
    expect(keys).toEqual([
      { key: 'ESU-yUDxBd5ethmGO5d3hnAZEau0', productCode: 'ESU', usageLimit: 2, description: '123' },
    ]);
  });

  it('els.srv.list and els.srv.remove use /els/srv/ (never key/remove) and report a missing server', async () => {
    const servers = await ctx.client.els.srv.list({ code: 'CELS' });
    expect(lastRequest(ctx.sim).query).toMatchObject({ code: 'CELS', productType: 'CELS' });
    expect(servers.map((server) => server.id)).toEqual(['12345', '12346']);
    const removed = await ctx.client.els.srv.remove({ id: '12345' });
    const req = lastRequest(ctx.sim);
    expect(req.path).toBe('/api/els/srv/remove.json');
    expect(queryNames(req.query)).toEqual(['id', 'token']);
    expect(removed).toEqual({
      data: { id: '12345', key: 'CELS-yUDxBd5ethmG05d3hnAZEau0', ip: '198.51.100.21', hostname: 'centos6-a' },
      message: null,
      found: true,
    });
    // The key survives: only the server went.
    expect((await ctx.client.els.key.list({ code: 'CELS' })).length).toBe(2);
    const again = await ctx.client.els.srv.remove({ id: '12345' });
    expect(again).toEqual({ data: null, message: 'Server not found', found: false });
  });

  it('els.key.remove removes the key and its servers', async () => {
    const removed = await ctx.client.els.key.remove({ key: 'CELS-yUDxBd5ethmG05d3hnAZEau0' });
    expect(removed).toEqual([{ key: 'CELS-yUDxBd5ethmG05d3hnAZEau0' }]);
    expect(await ctx.client.els.srv.list({ code: 'CELS' })).toEqual([]);
  });
});

describe('Imunify over the wire', () => {
  const ctx = useSimulator();

  it('im.key.create / list / update / remove', async () => {
    const key = await ctx.client.im.key.create({ code: '360_30', limit: 3, note: 'reseller' });
    expect(lastRequest(ctx.sim).path).toBe('/api/im/key/create.json');
    expect(queryNames(lastRequest(ctx.sim).query)).toEqual(['code', 'limit', 'note', 'token']);
    expect(key).toMatchObject({ code: '360_30', limit: 3 });
    const listed = await ctx.client.im.key.list();
    expect(queryNames(lastRequest(ctx.sim).query)).toEqual(['token']);
    expect(listed.find((entry) => entry.key === key.key)).toMatchObject({
      code: '360_30',
      limit: 3,
      servers: 0,
    });
    const updated = await ctx.client.im.key.update({ key: key.key, limit: 5 });
    expect(queryNames(lastRequest(ctx.sim).query)).toEqual(['key', 'limit', 'token']);
    expect(updated).toMatchObject({ key: key.key, limit: 5, servers: 0 });
    const removed = await ctx.client.im.key.remove({ key: 'IMUNOTHERKEY' });
    expect(removed).toEqual([{ id: 'SSTGZbtLrT99N0Ca', key: 'IMUNOTHERKEY', created: null }]);
  });

  it('im.srv.list / convert / remove', async () => {
    const servers = await ctx.client.im.srv.list({ key: 'IMSINGLEUSERKEY01' });
    expect(queryNames(lastRequest(ctx.sim).query)).toEqual(['key', 'token']);
    expect(servers.map((server) => server.id)).toEqual(['SSERVERID0000002']);
    const moved = await ctx.client.im.srv.convert({ id: 'SSERVERID0000002', key: 'IM1SOMENONSENCETEXT' });
    expect(lastRequest(ctx.sim).path).toBe('/api/im/srv/convert.json');
    expect(queryNames(lastRequest(ctx.sim).query)).toEqual(['id', 'key', 'token']);
    expect(moved).toMatchObject({ id: 'SSERVERID0000002', key: 'IM1SOMENONSENCETEXT' });
    expect(await ctx.client.im.srv.list({ key: 'IMSINGLEUSERKEY01' })).toEqual([]);
    const removed = await ctx.client.im.srv.remove({ id: 'SSERVERID0000002' });
    expect(removed).toMatchObject({ found: true, data: { id: 'SSERVERID0000002' } });
    expect(await ctx.client.im.srv.remove({ id: 'SSERVERID0000002' })).toMatchObject({
      found: false,
      message: 'Server not found',
    });
  });
});

describe('IP licenses over the wire', () => {
  const ctx = useSimulator();

  it('ipl.availability and ipl.check', async () => {
    const availability = await ctx.client.ipl.availability({ ip: '198.51.100.10' });
    expect(lastRequest(ctx.sim).path).toBe('/api/ipl/availability.json');
    expect(queryNames(lastRequest(ctx.sim).query)).toEqual(['ip', 'token']);
    expect(availability.owned).toEqual([1, 16]);
    expect(availability.available).not.toContain(16);
    expect(await ctx.client.ipl.check({ ip: '192.0.2.77' })).toEqual([41]);
    expect(await ctx.client.ipl.check({ ip: '2001:db8::1' })).toEqual([]);
  });

  it('ipl.register by name or number, then list shows it with a parsed date', async () => {
    const license = await ctx.client.ipl.register({
      ip: '2001:db8::20',
      type: 'kernelcare',
      els_allowed: true,
    });
    const req = lastRequest(ctx.sim);
    expect(req.path).toBe('/api/ipl/register.json');
    expect(req.query).toMatchObject({ ip: '2001:db8::20', type: '16', els_allowed: 'true' });
    expect(license).toMatchObject({ ip: '2001:db8::20', type: 16, registered: false });
    expect(license.created?.raw).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}-0400$/);
    expect(license.created?.iso).toMatch(/Z$/);
    const again = await ctx.client.ipl.register({ ip: '2001:db8::20', type: 16 });
    expect(again.created?.raw).toBe(license.created?.raw);
    const all = await ctx.client.ipl.list();
    expect(all.find((entry) => entry.ip === '2001:db8::20')).toMatchObject({ type: 16 });
    expect(all[0]?.created).toEqual({
      raw: '2014-04-30T11:26-0400',
      iso: '2014-04-30T15:26:00.000Z',
      epochMs: Date.UTC(2014, 3, 30, 15, 26),
    });
  });

  it('ipl.server returns server info and last check-in', async () => {
    const rows = await ctx.client.ipl.server({ ip: '198.51.100.10' });
    expect(queryNames(lastRequest(ctx.sim).query)).toEqual(['ip', 'token']);
    expect(rows[0]).toMatchObject({
      type: 1,
      server_info: expect.stringContaining('cloudlinux'),
      last_checkin: { raw: '2024-05-01T08:15-0400' },
    });
  });

  it('ipl.convert sends type and type_to', async () => {
    await ctx.client.ipl.register({ ip: '198.51.100.99', type: 'imunify360_single' });
    expect(await ctx.client.ipl.convert({ ip: '198.51.100.99', type: 41, type_to: 'imunify360_250' })).toBe(
      true,
    );
    expect(lastRequest(ctx.sim).query).toMatchObject({ ip: '198.51.100.99', type: '41', type_to: '43' });
    expect(await ctx.client.ipl.check({ ip: '198.51.100.99' })).toEqual([43]);
    expect(await ctx.client.ipl.convert({ ip: '198.51.100.99', type: 41, type_to: 42 })).toBe(false);
  });

  it('ipl.update sends els_allowed and the type; "all" sends no type', async () => {
    expect(await ctx.client.ipl.update({ ip: '198.51.100.10', type: 1, els_allowed: true })).toBe(true);
    expect(lastRequest(ctx.sim).query).toMatchObject({ ip: '198.51.100.10', type: '1', els_allowed: 'true' });
    expect(await ctx.client.ipl.update({ ip: '198.51.100.10', type: 'all', els_allowed: false })).toBe(true);
    expect(queryNames(lastRequest(ctx.sim).query)).toEqual(['els_allowed', 'ip', 'token']);
  });

  it('ipl.remove removes one type, or every type only when "all" is chosen', async () => {
    expect(await ctx.client.ipl.remove({ ip: '198.51.100.10', type: 'kernelcare' })).toBe(true);
    expect(lastRequest(ctx.sim).query).toMatchObject({ type: '16' });
    expect(await ctx.client.ipl.check({ ip: '198.51.100.10' })).toEqual([1]);
    expect(await ctx.client.ipl.remove({ ip: '198.51.100.10', type: 16 })).toBe(false);
    await ctx.client.ipl.register({ ip: '198.51.100.10', type: 16 });
    expect(await ctx.client.ipl.remove({ ip: '198.51.100.10', type: 'all' })).toBe(true);
    expect(queryNames(lastRequest(ctx.sim).query)).toEqual(['ip', 'token']);
    expect(await ctx.client.ipl.check({ ip: '198.51.100.10' })).toEqual([]);
  });

  it('a license held by another customer is refused with the vendor message', async () => {
    await expect(ctx.client.ipl.register({ ip: '192.0.2.77', type: 41 })).rejects.toMatchObject({
      kind: 'api',
      vendorMessage: 'IP license is registered by another customer',
      endpoint: 'ipl.register',
    });
    expect(DEMO.login).toBe('demo-reseller');
  });
});
