import { endpoint, ref } from '@x/auth-core';
import { z } from 'zod';
import type { PanelRoute } from '../route.js';
import {
  DomainName,
  EmailAddress,
  editInput,
  IpAddress,
  ids,
  pagingFields,
  spaceList,
} from '../schemas/common.js';
import { listResult, num, OkResult, optText, text } from '../schemas/output.js';

/** A DNS zone as `func=domain` lists it (the id is `name`). */
export const DnsDomain = z.looseObject({
  name: text,
  dtype: optText,
  ip: optText,
  owner: optText,
});

/** A DNS record as `func=domain.record` lists it; `rkey` is its id. */
export const DnsRecord = z.looseObject({
  rkey: text,
  name: optText,
  rtype: optText,
  ttl: num,
  value: optText,
  info: optText,
});

const Zone = DomainName.describe(`zone from ${ref('domain.list')}`);
const RecordType = z
  .enum(['a', 'aaaa', 'cname', 'mx', 'txt', 'ns', 'srv', 'caa', 'ptr'])
  .describe('record type');

const domainFields = {
  name: DomainName.optional().describe('zone name, create only; the id afterwards'),
  dtype: z.enum(['master', 'slave']).optional().describe('zone type'),
  ip: IpAddress.optional().describe('IP the A records point to'),
  ns: spaceList(DomainName, 'name servers, e.g. ["ns1.example.com."]').optional(),
  owner: z
    .string()
    .max(64)
    .optional()
    .describe(`owner, from ${ref('user.list')}`),
  email: EmailAddress.optional().describe('admin e-mail (SOA)'),
  masterip: IpAddress.optional().describe('master IP of a slave zone'),
};

const recordInput = editInput({
  elid: `rkey from ${ref('domain.record.list')}`,
  fields: {
    plid: Zone,
    name: z.string().min(1).max(253).optional().describe('"www", "@" or an FQDN ending in a dot'),
    rtype: RecordType.optional(),
    ttl: z.number().int().min(1).max(2_147_483_647).optional().describe('seconds'),
    ip: IpAddress.optional().describe('a/aaaa address'),
    domain: z.string().min(1).max(253).optional().describe('mx/cname/ns/srv target host'),
    priority: z.number().int().min(0).max(65_535).optional().describe('mx/srv priority'),
    value: z.string().min(1).max(4096).optional().describe('txt/caa/other value'),
  },
  required: ['name', 'rtype'],
}).superRefine((input, ctx) => {
  if (input.mode !== 'create') return;
  const need = (field: 'ip' | 'domain' | 'priority' | 'value') => {
    if (input[field] === undefined) {
      ctx.addIssue({ code: 'custom', path: [field], message: `required for a ${input.rtype} record` });
    }
  };
  switch (input.rtype) {
    case 'a':
    case 'aaaa':
      need('ip');
      break;
    case 'mx':
      need('domain');
      need('priority');
      break;
    case 'cname':
    case 'ns':
      need('domain');
      break;
    case 'txt':
    case 'caa':
      need('value');
      break;
    default:
  }
  if (input.rtype === 'a' && input.ip !== undefined && input.ip.includes(':')) {
    ctx.addIssue({ code: 'custom', path: ['ip'], message: 'an a record needs an IPv4 address' });
  }
  if (input.rtype === 'aaaa' && input.ip !== undefined && !input.ip.includes(':')) {
    ctx.addIssue({ code: 'custom', path: ['ip'], message: 'an aaaa record needs an IPv6 address' });
  }
});

/** DNS zones: `domain`, `domain.edit`, `domain.delete`, and records under `domain.record`. */
export const domain = {
  list: endpoint({
    summary: 'List DNS zones.',
    route: { func: 'domain', result: 'list' } satisfies PanelRoute,
    input: z.strictObject({ ...pagingFields }),
    output: listResult(DnsDomain),
    effect: 'read',
  }),
  edit: endpoint({
    summary: 'Create or change a DNS zone.',
    description: 'Create needs name and ip.',
    route: { func: 'domain.edit', result: 'ok', sok: true } satisfies PanelRoute,
    input: editInput({
      elid: `zone from ${ref('domain.list')}`,
      fields: domainFields,
      required: ['name', 'ip'],
    }),
    output: OkResult,
    effect: 'update',
    idempotent: false,
  }),
  delete: endpoint({
    summary: 'Delete DNS zones with all their records.',
    route: { func: 'domain.delete', result: 'ok', sok: true } satisfies PanelRoute,
    input: z.strictObject({ elid: ids(`zones from ${ref('domain.list')}`) }),
    output: OkResult,
    effect: 'delete',
  }),
  record: {
    list: endpoint({
      summary: 'List records of a DNS zone.',
      route: { func: 'domain.record', result: 'list' } satisfies PanelRoute,
      input: z.strictObject({ elid: Zone, ...pagingFields }),
      output: listResult(DnsRecord),
      effect: 'read',
    }),
    edit: endpoint({
      summary: 'Create or change a DNS record.',
      description: 'Create needs ip (a/aaaa), domain + priority (mx), domain (cname/ns) or value (txt/caa).',
      route: { func: 'domain.record.edit', result: 'ok', sok: true } satisfies PanelRoute,
      input: recordInput,
      output: OkResult,
      effect: 'update',
      idempotent: false,
    }),
    delete: endpoint({
      summary: 'Delete DNS records of a zone.',
      route: { func: 'domain.record.delete', result: 'ok', sok: true } satisfies PanelRoute,
      input: z.strictObject({
        plid: Zone,
        elid: ids(`rkeys from ${ref('domain.record.list')}`),
      }),
      output: OkResult,
      effect: 'delete',
    }),
  },
};
