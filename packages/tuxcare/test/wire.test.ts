import { endpointRows } from '@x/auth-core/testing';
import { describe, expect, it } from 'vitest';
import { tuxcareCatalog } from '../src/index.js';
import type { TuxCareRoute } from '../src/route.js';
import { DEMO, lastRequest, queryNames, useSimulator } from './support.js';

interface Sample {
  input: Record<string, unknown>;
  /** Query parameter names expected on the wire, sorted. */
  query: string[];
  method?: 'POST' | 'PUT' | 'DELETE';
  /** Wire path when it is not `/api` + the documented path (path parameters). */
  path?: RegExp;
}

const KC = 'WsTs821nSAtiastD';
const CELS = 'CELS-yUDxBd5ethmG05d3hnAZEau0';

/** One working call per endpoint against the seeded simulator, with what must appear on the wire. */
const SAMPLES: Record<string, Sample> = {
  'ab.list': { input: {}, query: ['token'] },
  'ab.im.create': {
    input: { server_id: 'SSTGZbtLrT99N0Ca', size: 10, datacenter: 'EU2' },
    query: ['datacenter', 'server_id', 'size', 'token'],
  },
  'ab.resize': { input: { backup_id: 23, delta: 10 }, query: ['backup_id', 'delta', 'token'] },
  'ab.remove': { input: { backup_id: 23 }, query: ['backup_id', 'token'] },
  status: { input: {}, query: [] },
  'els.key.create': { input: { code: 'CELS', limit: 1 }, query: ['code', 'limit', 'token'] },
  'els.key.update': { input: { key: CELS, note: 'n' }, query: ['key', 'note', 'token'] },
  'els.key.remove': { input: { key: CELS }, query: ['key', 'token'] },
  'els.key.list': { input: { code: 'CELS' }, query: ['code', 'productType', 'token'] },
  'els.srv.list': { input: { code: 'CELS' }, query: ['code', 'productType', 'token'] },
  'els.srv.remove': { input: { id: '12345' }, query: ['id', 'token'] },
  'im.key.create': { input: { code: 'AVP', limit: 0 }, query: ['code', 'limit', 'token'] },
  'im.key.update': { input: { key: 'IMUNOTHERKEY', servers: 1 }, query: ['key', 'servers', 'token'] },
  'im.key.remove': { input: { key: 'IMUNOTHERKEY' }, query: ['key', 'token'] },
  'im.key.list': { input: {}, query: ['token'] },
  'im.srv.list': { input: { key: 'IMUNOTHERKEY' }, query: ['key', 'token'] },
  'im.srv.remove': { input: { id: 'SSTGZbtLrT99N0Ca' }, query: ['id', 'token'] },
  'im.srv.convert': {
    input: { id: 'SSTGZbtLrT99N0Ca', key: 'IM1SOMENONSENCETEXT' },
    query: ['id', 'key', 'token'],
  },
  'ipl.availability': { input: { ip: '198.51.100.10' }, query: ['ip', 'token'] },
  'ipl.check': { input: { ip: '198.51.100.10' }, query: ['ip', 'token'] },
  'ipl.register': { input: { ip: '203.0.113.5', type: 1 }, query: ['ip', 'token', 'type'] },
  'ipl.convert': {
    input: { ip: '198.51.100.10', type: 41, type_to: 42 },
    query: ['ip', 'token', 'type', 'type_to'],
  },
  'ipl.remove': { input: { ip: '198.51.100.10', type: 1 }, query: ['ip', 'token', 'type'] },
  'ipl.list': { input: {}, query: ['token'] },
  'ipl.server': { input: { ip: '198.51.100.10' }, query: ['ip', 'token'] },
  'ipl.update': {
    input: { ip: '198.51.100.10', type: 1, els_allowed: false },
    query: ['els_allowed', 'ip', 'token', 'type'],
  },
  'kcare.key.create': { input: { limit: 1 }, query: ['limit', 'token'] },
  'kcare.key.delete': { input: { key: 'CEGaUovC9Bi8ppH9' }, query: ['key', 'token'] },
  'kcare.key.list': { input: {}, query: ['token'] },
  'kcare.key.servers': { input: { key: KC }, query: ['key', 'token'] },
  'kcare.key.set_cidr': { input: { key: KC, cidr: ['203.0.113.0/24'] }, query: ['cidr', 'key', 'token'] },
  'kcare.srv.remove': { input: { server_id: 's096slukaAtoiAsd' }, query: ['server_id', 'token'] },
  'kcare.nagios.register_key': { input: { key: 'abcdefghABCDEFGH' }, query: ['key'] },
  'kcare.nagios.key': { input: { key: KC }, query: [], path: /^\/api\/kcare\/nagios\/WsTs821nSAtiastD$/ },
  'kcare.nagios_res': {
    input: {},
    query: [],
    path: new RegExp(`^/api/kcare/nagios-res/${DEMO.login}/${DEMO.login}%7C\\d{10}%7C[0-9a-f]{40}$`),
  },
  'kcare.patchset': { input: { key: KC }, query: ['key'] },
  'group.create': { input: { name: 'g1' }, query: ['name', 'token'], method: 'POST' },
  'group.list': { input: {}, query: ['token'] },
  'group.servers.list': { input: { name: 'production' }, query: ['name', 'token'] },
  'group.servers.put': {
    input: { name: 'production', server_ids: ['SSTGZbtLrT99N0Ca'] },
    query: ['name', 'server_ids', 'token'],
    method: 'PUT',
  },
  'group.servers.remove': {
    input: { name: 'production', server_ids: [`s096slukaAtoiAsd`] },
    query: ['name', 'server_ids', 'token'],
    method: 'DELETE',
  },
};

const { rows, stale } = endpointRows<Sample, TuxCareRoute>(tuxcareCatalog, SAMPLES);

describe('every endpoint on the wire', () => {
  const ctx = useSimulator();

  it('samples only catalog endpoints', () => {
    expect(stale).toEqual([]);
  });

  // One test per catalog endpoint: an endpoint without a sample fails its own test.
  it.each(rows)('$id', async ({ id, endpoint, sample }) => {
    const result = await ctx.client.invoke(id, sample.input);
    expect(result).toBeDefined();
    const req = lastRequest(ctx.sim);
    expect(ctx.sim.log).toHaveLength(1);
    expect(req.method).toBe(sample.method ?? 'GET');
    expect(req.method).toBe(endpoint.route.method ?? 'GET');
    if (sample.path) expect(req.path).toMatch(sample.path);
    else expect(req.path).toBe(`/api${endpoint.route.path}`);
    expect(queryNames(req.query)).toEqual(sample.query);
    if (sample.query.includes('token'))
      expect(req.query.token).toMatch(/^demo-reseller\|\d{10}\|[0-9a-f]{40}$/);
    expect(req.body).toBe('');
  });
});
