/** Mail domains (`emaildomain`) and mailboxes (`email`). */
import { invalid, missed, visible } from '../context.js';
import { crud } from '../crud.js';
import { checkDomain, checkIp } from './checks.js';

export const emaildomains = crud({
  func: 'emaildomain',
  table: 'emaildomain',
  entity: 'emaildomain',
  key: 'name',
  fields: ['name', 'ip', 'defaction', 'dkim', 'secure'],
  required: ['name'],
  owned: true,
  suspend: true,
  prepare: (row, _ctx, creating) => {
    if (creating) row.name = checkDomain('name', row.name ?? '');
    if (row.ip) checkIp('ip', row.ip);
    row.defaction ??= 'ignore';
  },
  onDelete: (row, ctx) => {
    ctx.state.email = ctx.state.email.filter((m) => m.domainname !== row.name);
  },
});

export const emails = crud({
  func: 'email',
  table: 'email',
  entity: 'email',
  key: 'name',
  fields: ['name', 'domainname', 'passwd', 'maxsize', 'forward', 'note'],
  required: ['name', 'domainname', 'passwd'],
  hidden: ['passwd'],
  suspend: true,
  prepare: (row, ctx, creating) => {
    if (!creating) return;
    const domain = ctx.state.emaildomain.find((d) => d.name === row.domainname);
    if (!domain || !visible(ctx, domain)) throw missed('emaildomain', row.domainname ?? '');
    if (!/^[A-Za-z0-9._+-]+$/.test(row.name ?? ''))
      throw invalid('name', row.name ?? '', 'Invalid mailbox name');
    row.box = row.name as string;
    row.name = `${row.name}@${row.domainname}`;
    row.owner = domain.owner as string;
    row.size = '0';
    row.forward ??= '';
  },
});
