import { endpoint, ref } from '@x/auth-core';
import { z } from 'zod';
import type { PanelRoute } from '../route.js';
import { editInput, IpAddress, ids, pagingFields } from '../schemas/common.js';
import { FormResult, listResult, OkResult, optText, text } from '../schemas/output.js';

/** An IP address as `func=ipaddr` lists it. */
export const IpAddr = z.looseObject({
  name: text,
  id: optText,
  iptype: optText,
  iprole: optText,
  owner: optText,
});
/** A PHP version as `func=phpversions` lists it; `key` is its id for the site PHP fields. */
export const PhpVersion = z.looseObject({
  key: text,
  name: optText,
  default_apache: optText,
  cgi: optText,
  apache: optText,
  fpm: optText,
});

/** IP addresses: `ipaddr` and its family. */
export const ipaddr = {
  list: endpoint({
    summary: 'List server IP addresses.',
    route: { func: 'ipaddr', result: 'list' } satisfies PanelRoute,
    input: z.strictObject({ ...pagingFields }),
    output: listResult(IpAddr),
    effect: 'read',
  }),
  edit: endpoint({
    summary: 'Add or change an IP address.',
    route: { func: 'ipaddr.edit', result: 'ok', sok: true } satisfies PanelRoute,
    input: editInput({
      elid: `address from ${ref('ipaddr.list')}`,
      fields: {
        name: IpAddress.optional().describe('address, create only'),
        iprole: z.enum(['assigned', 'shared', 'private']).optional().describe('role'),
        owner: z.string().max(64).optional().describe('user it is assigned to'),
      },
      required: ['name'],
    }),
    output: OkResult,
    effect: 'update',
    idempotent: false,
  }),
  delete: endpoint({
    summary: 'Remove IP addresses from the panel.',
    route: { func: 'ipaddr.delete', result: 'ok', sok: true } satisfies PanelRoute,
    input: z.strictObject({ elid: ids(`addresses from ${ref('ipaddr.list')}`) }),
    output: OkResult,
    effect: 'delete',
  }),
};

/** PHP versions: `phpversions`. */
export const phpversions = {
  list: endpoint({
    summary: 'List installed PHP versions and their supported modes.',
    route: { func: 'phpversions', result: 'list' } satisfies PanelRoute,
    input: z.strictObject({ ...pagingFields }),
    output: listResult(PhpVersion),
    effect: 'read',
  }),
};

/** Who the credentials are (and the `su` user, if any), as `func=whoami` answers. */
export const WhoAmI = FormResult.transform((form) => {
  const user = form.fields.user;
  const record = typeof user === 'object' && user !== null ? (user as Record<string, unknown>) : {};
  const name = typeof record.name === 'string' ? record.name : typeof user === 'string' ? user : undefined;
  const level = typeof record.level === 'string' ? record.level : undefined;
  return { ...form, name, level };
});

/** Who am I: `whoami`. */
export const whoami = endpoint({
  summary: 'Who the credentials (or su user) are, with access level; a connection test.',
  route: { func: 'whoami', result: 'form' } satisfies PanelRoute,
  input: z.strictObject({}),
  output: WhoAmI,
  effect: 'read',
});

/** Licence information: `license.info`. */
export const license = {
  info: endpoint({
    summary: 'Panel licence: id, type, expiry and limits.',
    route: { func: 'license.info', result: 'form' } satisfies PanelRoute,
    input: z.strictObject({}),
    output: FormResult,
    effect: 'read',
  }),
};
