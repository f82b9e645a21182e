import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { type Catalog, type Codec, createVendorClient, endpoint } from '../src/index.js';

interface PathRoute {
  path: string;
}
interface ActionRoute {
  category: string;
  action: string;
}

const pathCatalog = {
  thing: {
    list: endpoint({
      summary: 'Lists things.',
      route: { path: '/things' } satisfies PathRoute,
      input: z.strictObject({}),
      output: z.unknown(),
      effect: 'read',
    }),
  },
};
const actionCatalog = {
  vm: {
    list: endpoint({
      summary: 'Lists VMs.',
      route: { category: 'vm', action: 'list' } satisfies ActionRoute,
      input: z.strictObject({}),
      output: z.unknown(),
      effect: 'read',
    }),
  },
};

const pathCodec: Codec<PathRoute> = {
  build: (call) => ({ method: 'GET', url: `http://127.0.0.1:9${call.endpoint.route.path}` }),
  decode: (response) => response.text(),
};

/** Built only to be type-checked (tsc runs over the tests): never called, so nothing is sent. */
function bindings() {
  const right = createVendorClient({
    vendor: 'x',
    product: { name: 'x', version: '0' },
    catalog: pathCatalog,
    codec: pathCodec,
  });
  const wrong = createVendorClient({
    vendor: 'x',
    product: { name: 'x', version: '0' },
    // @ts-expect-error a catalog of another vendor's routes does not fit this codec
    catalog: actionCatalog,
    codec: pathCodec,
  });
  return [right, wrong];
}

describe('a catalog is typed by its route', () => {
  it('Catalog<R> accepts its own routes only', () => {
    const own: Catalog<PathRoute> = pathCatalog;
    // @ts-expect-error an ActionRoute is not a PathRoute
    const other: Catalog<PathRoute> = actionCatalog;
    expect([own, other, typeof bindings]).toEqual([pathCatalog, actionCatalog, 'function']);
  });
});
