import { listedAs, ref } from '@x/auth-core';
import { z } from 'zod';
import { hostname, ipAddress, label, numericId, ttl, vmId, zoneOrigin } from '../schemas/input.js';
import { Ack, idString, listOf } from '../schemas/output.js';
import { DnsRecord, DynRecord, RdnsEntry, Zone } from '../schemas/resources.js';
import { lunanodeAction } from './define.js';

const route = (action: string) => ({ category: 'dns', action });

/** Record types the document lists. */
export const DnsRecordType = z
  .enum(['A', 'AAAA', 'CNAME', 'HINFO', 'MX', 'NAPTR', 'NS', 'PTR', 'RP', 'SRV', 'TXT'])
  .describe('Record type');

const zoneId = numericId(`From ${ref('dns.zone_list')}`);
const dynId = numericId(`From ${ref('dns.dyn_list')}`);

/** The `dns` category: reverse DNS of VM addresses, hosted zones and records, dynamic DNS. */
export const dns = {
  list: lunanodeAction(route('list'), {
    summary: "List the reverse DNS names of the account's VM addresses.",
    input: z.strictObject({}),
    output: z.looseObject({ dns: listOf(RdnsEntry) }),
    effect: 'read',
  }),
  set: lunanodeAction(route('set'), {
    summary: "Set the reverse DNS name of a VM's IP ('.' resets it).",
    input: z.strictObject({
      vm_id: vmId,
      ip: ipAddress.describe(`VM public IP, from ${ref('vm.info')}`),
      hostname: listedAs(z.union([z.literal('.'), hostname]).describe("Reverse DNS name, or '.' to reset"), {
        type: 'string',
        description: "Reverse DNS name, or '.' to reset",
      }),
    }),
    output: Ack,
    effect: 'update',
  }),
  zone_list: lunanodeAction(route('zone-list'), {
    summary: 'List the hosted DNS zones.',
    input: z.strictObject({}),
    output: z.looseObject({ zones: listOf(Zone, 'zone_id') }),
    effect: 'read',
  }),
  zone_add: lunanodeAction(route('zone-add'), {
    summary: 'Create a hosted DNS zone.',
    input: z.strictObject({ origin: zoneOrigin, ttl: ttl.optional() }),
    output: z.looseObject({ zone_id: idString.optional() }),
    effect: 'create',
  }),
  zone_remove: lunanodeAction(route('zone-remove'), {
    summary: 'Delete a hosted DNS zone and its records.',
    input: z.strictObject({ zone_id: zoneId }),
    output: Ack,
    effect: 'delete',
  }),
  record_list: lunanodeAction(route('record-list'), {
    summary: 'List the records of a zone.',
    input: z.strictObject({ zone_id: zoneId }),
    output: z.looseObject({ records: listOf(DnsRecord, 'record_id') }),
    effect: 'read',
  }),
  record_add: lunanodeAction(route('record-add'), {
    summary: 'Add a record to a zone.',
    input: z.strictObject({
      zone_id: zoneId,
      name: label("Name relative to the zone, e.g. 'www' or '@'", 253),
      data: label("Data, e.g. '1.2.3.4' or '10 mail.example.tld.'", 1024),
      ttl,
      type: DnsRecordType,
    }),
    output: z.looseObject({ record_id: idString.optional() }),
    effect: 'create',
  }),
  record_remove: lunanodeAction(route('record-remove'), {
    summary: 'Delete a record.',
    input: z.strictObject({
      record_id: numericId(`From ${ref('dns.record_list')}`),
      zone_id: numericId('Zone id (older API versions want it)').optional(),
    }),
    output: Ack,
    effect: 'delete',
  }),
  dyn_list: lunanodeAction(route('dyn-list'), {
    summary: 'List the dynamic DNS entries.',
    input: z.strictObject({}),
    // The API sends an object keyed by id; here it is a list.
    output: z.looseObject({ dyns: listOf(DynRecord, 'id') }),
    effect: 'read',
  }),
  dyn_add: lunanodeAction(route('dyn-add'), {
    summary: 'Add a dynamic DNS entry.',
    input: z.strictObject({
      name: hostname.describe('Fully qualified name'),
      ip: ipAddress.describe('Address it points to'),
    }),
    output: z.looseObject({ dyn_id: idString.optional() }),
    effect: 'create',
  }),
  dyn_update: lunanodeAction(route('dyn-update'), {
    summary: 'Change the name and address of a dynamic DNS entry.',
    input: z.strictObject({
      dyn_id: dynId,
      name: hostname.describe('Fully qualified name'),
      ip: ipAddress.describe('New address'),
    }),
    output: Ack,
    effect: 'update',
  }),
  dyn_remove: lunanodeAction(route('dyn-remove'), {
    summary: 'Delete a dynamic DNS entry.',
    input: z.strictObject({ dyn_id: dynId }),
    output: Ack,
    effect: 'delete',
  }),
};
