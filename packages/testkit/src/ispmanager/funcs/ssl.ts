/** SSL certificates (`sslcert`, self-signed and Let's Encrypt). */
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
  visible,
} from '../context.js';
import type { FuncTable } from '../crud.js';
import { type DocNode, el } from '../render.js';
import type { Row } from '../state.js';
import { checkDomain } from './checks.js';

export function certificates(): FuncTable {
  const create = (ctx: PanelContext, row: Row): DocNode[] => {
    if (!ctx.sok) return [el('domain'), el('email'), el('keylen', '2048')];
    if (ctx.state.sslcert.some((c) => c.name === row.name)) throw exists('sslcert', row.name as string);
    ctx.state.sslcert.push(row);
    return ok(row.name);
  };
  return {
    sslcert: (ctx) =>
      listDoc(
        ctx,
        ctx.state.sslcert.filter((c) => visible(ctx, c)),
        (row) => rowFields(row),
      ),
    'sslcert.selfsigned': (ctx) => {
      const domain = ctx.sok ? checkDomain('domain', required(ctx, 'domain')) : '';
      const owner = ctx.sok ? required(ctx, 'username') : '';
      if (ctx.sok && owner !== 'root' && !ctx.state.user.some((u) => u.name === owner))
        throw missed('user', owner);
      const keylen = param(ctx, 'keylen') ?? '2048';
      if (!['2048', '3072', '4096'].includes(keylen)) throw invalid('keylen', keylen);
      return create(ctx, {
        key: domain,
        name: domain,
        owner,
        type: 'selfsigned',
        cert_type: 'selfsigned',
        valid_after: '2036-01-01',
        info: `CN=${domain}${param(ctx, 'org') ? `, O=${param(ctx, 'org')}` : ''}`,
        webdomains: '',
        active: 'on',
      });
    },
    'letsencrypt.generate': (ctx) => {
      const site = ctx.sok ? required(ctx, 'domain_name') : '';
      const row = ctx.state.webdomain.find((w) => w.name === site);
      if (ctx.sok && (!row || !visible(ctx, row))) throw missed('webdomain', site);
      const names = (param(ctx, 'domain') ?? site).split(' ').filter(Boolean);
      for (const name of names) checkDomain('domain', name);
      const crtname = param(ctx, 'crtname') ?? `${site}_le`;
      return create(ctx, {
        key: crtname,
        name: crtname,
        owner: row?.owner ?? '',
        type: 'letsencrypt',
        cert_type: 'letsencrypt',
        valid_after: '2027-01-01',
        info: `CN=${names[0] ?? site}`,
        webdomains: site,
        active: param(ctx, 'enable_cert') === 'off' ? 'off' : 'on',
      });
    },
    'sslcert.delete': (ctx) => {
      const targets = elids(ctx).map((id) => {
        const cert = ctx.state.sslcert.find((c) => c.key === id);
        if (!cert || !visible(ctx, cert)) throw missed('sslcert', id);
        return cert;
      });
      ctx.state.sslcert = ctx.state.sslcert.filter((c) => !targets.includes(c));
      return ok();
    },
  };
}
