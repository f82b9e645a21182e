import { pathSegment, walkCatalog } from '@x/auth-core';
import { describe, expect, it } from 'vitest';
import { InputError, type LunaNodeRoute, lunanodeCatalog } from '../src/index.js';
import { lunanodeHarness } from './support.js';

/**
 * LunaNode puts no input in the URL path: the path is `{category}/{action}/` from the catalog, and every
 * argument travels inside the signed `req` form field. These tests hold that: the route parts are constant
 * segments that need no encoding, and hostile ids reach the form, never the path.
 */
const HOSTILE = ['..', '.', 'a/b', '%2e%2e', '?x', '#', '../account/info', 'x\\y', ' ', '\u0000'];

describe('LunaNode path segments', () => {
  const entries = walkCatalog<LunaNodeRoute>(lunanodeCatalog);

  it('every route is two constant segments that fillPath would leave as they are', () => {
    expect(entries.length).toBeGreaterThan(100);
    for (const { id, endpoint } of entries) {
      for (const part of [endpoint.route.category, endpoint.route.action]) {
        expect(pathSegment('route', part, { vendor: 'lunanode', endpoint: id }), id).toBe(part);
        expect(part, id).toMatch(/^[a-z][a-z0-9_-]*$/);
      }
    }
  });

  const h = lunanodeHarness();

  it.each(HOSTILE)(
    'vm.info with vm_id %j: refused by name, or sent in the form with the path unchanged',
    async (value) => {
      const before = h.sim.log.length;
      const error = await h.client.invoke('vm.info', { vm_id: value }).then(
        () => undefined,
        (e: unknown) => e,
      );
      if (error instanceof InputError) {
        expect(error.issues.map((issue) => issue.path)).toContain('vm_id');
        expect(h.sim.log.length).toBe(before);
        return;
      }
      const call = h.last();
      expect(call.path).toBe('/api/vm/info/');
      expect(call.params.vm_id).toBe(value);
    },
  );
});
