import { isIP } from 'node:net';
import { type ActionContext, type ActionTable, fail, find, remove } from '../params.js';
import { nextId, type SimZone } from '../state.js';

/** The record types the document lists. */
const RECORD_TYPES = ['A', 'AAAA', 'CNAME', 'HINFO', 'MX', 'NAPTR', 'NS', 'PTR', 'RP', 'SRV', 'TXT'];

function zoneOf(ctx: ActionContext): SimZone {
  const id = ctx.params.get('zone_id');
  return find(ctx.state.zones, (zone) => zone.zone_id === id, 'zone');
}

function ttl(ctx: ActionContext): string {
  const value = ctx.params.int('ttl');
  if (value < 60 || value > 604_800) fail('invalid ttl');
  return String(value);
}

function ipv4(ctx: ActionContext): string {
  const ip = ctx.params.get('ip');
  if (isIP(ip) === 0) fail('invalid ip');
  return ip;
}

/** The `dns` category: reverse DNS, zones and records, dynamic DNS. */
export const dnsActions: ActionTable = {
  list: ({ state }) => ({
    dns: state.vms.flatMap((vm) =>
      vm.floating
        ? [
            {
              vm_name: vm.name,
              vm_id: vm.vm_id,
              ip: vm.floating,
              hostname: state.rdns[vm.floating] ?? '[not set]',
            },
          ]
        : [],
    ),
  }),
  set: (ctx) => {
    ctx.params.require('vm_id', 'ip', 'hostname');
    const vmId = ctx.params.get('vm_id');
    const vm = find(ctx.state.vms, (item) => item.vm_id === vmId, 'vm');
    const ip = ctx.params.get('ip');
    if (vm.floating !== ip) fail('the IP address does not belong to this VM');
    const hostname = ctx.params.get('hostname');
    // '.' resets the reverse name to the default.
    if (hostname === '.') delete ctx.state.rdns[ip];
    else ctx.state.rdns[ip] = hostname;
    return {};
  },
  'zone-list': ({ state }) => ({
    zones: state.zones.map((zone) => ({
      ...zone,
      records: String(state.records.filter((r) => r.zone_id === zone.zone_id).length),
    })),
  }),
  'zone-add': (ctx) => {
    const origin = ctx.params.get('origin');
    if (!/^([a-z0-9-]+\.)+$/i.test(origin))
      fail('invalid origin: use the fully qualified name with a trailing dot');
    if (ctx.state.zones.some((zone) => zone.origin === origin)) fail('zone already exists');
    const zone_id = nextId(ctx.state);
    ctx.state.zones.push({ zone_id, origin, ttl: ctx.params.has('ttl') ? ttl(ctx) : '3600' });
    return { zone_id };
  },
  'zone-remove': (ctx) => {
    const zone = zoneOf(ctx);
    ctx.state.zones = ctx.state.zones.filter((item) => item !== zone);
    ctx.state.records = ctx.state.records.filter((record) => record.zone_id !== zone.zone_id);
    return {};
  },
  'record-list': (ctx) => {
    const zone = zoneOf(ctx);
    return { records: ctx.state.records.filter((record) => record.zone_id === zone.zone_id) };
  },
  'record-add': (ctx) => {
    ctx.params.require('zone_id', 'name', 'data', 'ttl', 'type');
    const zone = zoneOf(ctx);
    const type = ctx.params.get('type');
    if (!RECORD_TYPES.includes(type)) fail('invalid record type');
    const data = ctx.params.get('data');
    if (type === 'A' && isIP(data) !== 4) fail('invalid data for an A record');
    if (type === 'AAAA' && isIP(data) !== 6) fail('invalid data for an AAAA record');
    const record_id = nextId(ctx.state);
    ctx.state.records.push({
      record_id,
      zone_id: zone.zone_id,
      name: ctx.params.get('name'),
      type,
      data,
      ttl: ttl(ctx),
    });
    return { record_id };
  },
  'record-remove': (ctx) => {
    const id = ctx.params.get('record_id');
    remove(ctx.state.records, (record) => record.record_id === id, 'record');
    return {};
  },
  'dyn-list': ({ state }) => ({
    // An object keyed by id, not an array (the Go launchers decode a map).
    dyns: Object.fromEntries(state.dyns.map((dyn) => [dyn.id, { ...dyn }])),
  }),
  'dyn-add': (ctx) => {
    ctx.params.require('name', 'ip');
    const ip = ipv4(ctx);
    const id = nextId(ctx.state);
    ctx.state.dyns.push({ id, name: ctx.params.get('name'), ip });
    return { dyn_id: id };
  },
  'dyn-update': (ctx) => {
    ctx.params.require('dyn_id', 'name', 'ip');
    const id = ctx.params.get('dyn_id');
    const dyn = find(ctx.state.dyns, (item) => item.id === id, 'dyn');
    dyn.ip = ipv4(ctx);
    dyn.name = ctx.params.get('name');
    return {};
  },
  'dyn-remove': (ctx) => {
    const id = ctx.params.get('dyn_id');
    remove(ctx.state.dyns, (item) => item.id === id, 'dyn');
    return {};
  },
};
