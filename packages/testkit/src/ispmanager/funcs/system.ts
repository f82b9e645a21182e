/** The panel itself: IP addresses (`ipaddr`), the caller (`whoami`), the licence and PHP versions. */
import { isIP } from 'node:net';
import { denied, listDoc, rowFields } from '../context.js';
import { crud, type FuncTable } from '../crud.js';
import { el } from '../render.js';
import { checkIp } from './checks.js';

export const ips = crud({
  func: 'ipaddr',
  table: 'ipaddr',
  entity: 'ipaddr',
  key: 'name',
  fields: ['name', 'iprole', 'owner'],
  required: ['name'],
  prepare: (row, ctx, creating) => {
    if (creating) {
      if (ctx.user.level !== 'admin') throw denied('ipaddr');
      checkIp('name', row.name ?? '');
      row.iptype = isIP(row.name as string) === 6 ? 'ipv6' : 'ipv4';
      row.id = String(ctx.state.ipaddr.length + 1);
    }
    row.iprole ??= 'shared';
    row.owner ??= '';
  },
});

export const info: FuncTable = {
  whoami: (ctx) => [
    el('user', undefined, { name: ctx.user.name, level: ctx.user.level === 'admin' ? '29' : '16' }),
  ],
  'license.info': (ctx) => rowFields(ctx.state.license),
  phpversions: (ctx) => listDoc(ctx, ctx.state.phpversions, (row) => rowFields(row)),
};
