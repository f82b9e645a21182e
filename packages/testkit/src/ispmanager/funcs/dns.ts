/** DNS zones (`domain`) and their records (`domain.record`), keyed by the `rkey` the panel prints. */
import { isIP } from 'node:net';
import {
  elids,
  exists,
  invalid,
  listDoc,
  missed,
  ok,
  type PanelContext,
  param,
  required,
  rowFields,
  SimError,
  visible,
} from '../context.js';
import { crud, type FuncTable } from '../crud.js';
import { el } from '../render.js';
import type { Row } from '../state.js';
import { checkDomain, checkIp } from './checks.js';

export const domains = crud({
  func: 'domain',
  table: 'domain',
  entity: 'domain',
  key: 'name',
  fields: ['name', 'dtype', 'ip', 'ns', 'email', 'masterip'],
  required: ['name', 'ip'],
  owned: true,
  prepare: (row, ctx, creating) => {
    if (creating) row.name = checkDomain('name', row.name ?? '');
    checkIp('ip', row.ip ?? '');
    row.dtype ??= 'master';
    if (creating) {
      const zone = row.name as string;
      ctx.state.record.push(
        { zone, name: `${zone}.`, rtype: 'ns', ttl: '3600', domain: 'ns1.example.com.' },
        { zone, name: `${zone}.`, rtype: 'a', ttl: '3600', ip: row.ip as string },
        { zone, name: `www.${zone}.`, rtype: 'a', ttl: '3600', ip: row.ip as string },
      );
    }
  },
  onDelete: (row, ctx) => {
    ctx.state.record = ctx.state.record.filter((r) => r.zone !== row.name);
  },
});

/** The displayed value of a record. */
function recordValue(row: Row): string {
  switch (row.rtype) {
    case 'a':
    case 'aaaa':
      return row.ip ?? '';
    case 'mx':
    case 'cname':
    case 'ns':
    case 'srv':
      return row.domain ?? '';
    default:
      return row.value ?? '';
  }
}

/** `"<fqdn>. <TYPE>  <value>"`: two spaces before the value, as ISPmanager writes record keys. */
function rkeyOf(row: Row): string {
  return `${row.name} ${(row.rtype ?? '').toUpperCase()}  ${recordValue(row)}`;
}

function zoneOf(ctx: PanelContext, name: string): Row {
  const zone = ctx.state.domain.find((d) => d.name === name);
  if (!zone || !visible(ctx, zone)) throw missed('domain', name);
  return zone;
}

const RTYPES = new Set(['a', 'aaaa', 'cname', 'mx', 'txt', 'ns', 'srv', 'caa', 'ptr']);

function recordFrom(ctx: PanelContext, zone: string, base: Row): Row {
  const row: Row = { ...base, zone };
  for (const name of ['rtype', 'ttl', 'ip', 'domain', 'priority', 'value']) {
    const value = param(ctx, name);
    if (value !== undefined) row[name] = value;
  }
  const rawName = param(ctx, 'name') ?? base.name;
  if (rawName === undefined) throw new SimError('missed', 'name', undefined, "The 'name' field is required");
  if (rawName.endsWith('..')) throw invalid('name', rawName, 'Invalid domain name');
  row.name =
    rawName === '@'
      ? `${zone}.`
      : rawName.endsWith('.')
        ? rawName
        : rawName === zone
          ? `${zone}.`
          : `${rawName}.${zone}.`;
  if (!row.rtype || !RTYPES.has(row.rtype)) throw invalid('rtype', row.rtype ?? '', 'Unknown record type');
  row.ttl ??= '3600';
  if (row.rtype === 'a' && isIP(row.ip ?? '') !== 4) throw invalid('ip', row.ip ?? '', 'Invalid IP address');
  if (row.rtype === 'aaaa' && isIP(row.ip ?? '') !== 6)
    throw invalid('ip', row.ip ?? '', 'Invalid IP address');
  if (['mx', 'cname', 'ns'].includes(row.rtype) && !row.domain)
    throw new SimError('missed', 'domain', undefined, "The 'domain' field is required");
  if (row.rtype === 'mx' && !row.priority)
    throw new SimError('missed', 'priority', undefined, "The 'priority' field is required");
  if (['txt', 'caa'].includes(row.rtype) && !row.value)
    throw new SimError('missed', 'value', undefined, "The 'value' field is required");
  return row;
}

export const records: FuncTable = {
  'domain.record': (ctx) => {
    const zone = zoneOf(ctx, required(ctx, 'elid')).name as string;
    const rows = ctx.state.record.filter((r) => r.zone === zone);
    return listDoc(ctx, rows, (row) => [
      el('rkey', rkeyOf(row)),
      el('name', row.name),
      el('ttl', row.ttl),
      el('rtype', (row.rtype ?? '').toUpperCase()),
      el('value', recordValue(row)),
      el('info', row.rtype === 'mx' ? `priority= ${row.priority}` : ''),
    ]);
  },
  'domain.record.edit': (ctx) => {
    const zone = zoneOf(ctx, required(ctx, 'plid')).name as string;
    const elid = param(ctx, 'elid');
    const current =
      elid === undefined ? undefined : ctx.state.record.find((r) => r.zone === zone && rkeyOf(r) === elid);
    if (elid !== undefined && !current) throw missed('record', elid);
    if (!ctx.sok)
      return current
        ? [el('elid', elid as string), ...rowFields(current, ['zone'])]
        : [el('name'), el('rtype', 'a'), el('ttl', '3600')];
    const row = recordFrom(ctx, zone, current ? { ...current } : {});
    const key = rkeyOf(row);
    if (ctx.state.record.some((r) => r !== current && r.zone === zone && rkeyOf(r) === key))
      throw exists('record', key);
    if (current) Object.assign(current, row);
    else ctx.state.record.push(row);
    return ok(key);
  },
  'domain.record.delete': (ctx) => {
    const zone = zoneOf(ctx, required(ctx, 'plid')).name as string;
    const targets = elids(ctx).map((id) => {
      const row = ctx.state.record.find((r) => r.zone === zone && rkeyOf(r) === id);
      if (!row) throw missed('record', id);
      return row;
    });
    ctx.state.record = ctx.state.record.filter((r) => !targets.includes(r));
    return ok();
  },
};
