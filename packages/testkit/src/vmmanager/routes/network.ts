/** IP addresses (list, reverse DNS) and IPmanager's pools and networks (`/ip/v3`). */
import { badRequest, notFound } from '../errors.js';
import { list, type Route } from '../route.js';
import { jsonBody, text } from '../validate.js';
import { byId, ipView } from '../views.js';

export const networkRoutes: Route[] = [
  {
    method: 'GET',
    path: /^\/vm\/v3\/ip$/,
    handle: ({ req, state }) =>
      list(
        req,
        state.ips.map((ip) => ipView(state, ip)),
      ),
  },
  {
    method: 'POST',
    path: /^\/vm\/v3\/ip\/(\d+)\/ptr$/,
    handle: ({ req, state, params }) => {
      const ip = byId(state.ips, Number(params[0])) ?? notFound('ip', params[0]);
      const domain = text(jsonBody(req, ['domain']), 'domain', true);
      if (!/^[A-Za-z0-9.-]+$/.test(domain)) badRequest('domain is not a domain name', 'domain');
      ip.domain = domain;
      return { body: { id: ip.id } };
    },
  },
  { method: 'GET', path: /^\/ip\/v3\/ippool$/, handle: ({ req, state }) => list(req, state.ippools) },
  {
    method: 'GET',
    path: /^\/ip\/v3\/ippool\/(\d+)$/,
    handle: ({ state, params }) => ({
      body: byId(state.ippools, Number(params[0])) ?? notFound('ippool', params[0]),
    }),
  },
  {
    method: 'GET',
    path: /^\/ip\/v3\/ipnet$/,
    handle: ({ req, state }) =>
      list(
        req,
        state.ipnets.map((n) => ({ ...n, ippool: { id: n.ippool } })),
      ),
  },
  {
    method: 'GET',
    path: /^\/ip\/v3\/ipnet\/(\d+)$/,
    handle: ({ state, params }) => {
      const net = byId(state.ipnets, Number(params[0])) ?? notFound('ipnet', params[0]);
      return { body: { ...net, ippool: { id: net.ippool } } };
    },
  },
];
