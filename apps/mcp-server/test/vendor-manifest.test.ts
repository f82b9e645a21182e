import { walkCatalog } from '@x/auth-core';
import type { VendorModule } from '@x/auth-core/projection';
import { describe, expect, it } from 'vitest';
import { buildToolSpecs } from '../src/tools.js';
import { describeVendor, lazyVendor } from '../src/vendor-manifest.js';
import { vendorModules } from '../src/vendors.js';

/** A stand-in for each vendor, with a record of when it loaded the real module. */
function standIns(): { vendors: VendorModule[]; loads: string[] } {
  const loads: string[] = [];
  const vendors = vendorModules.map((real) =>
    lazyVendor(JSON.parse(JSON.stringify(describeVendor(real))), () => {
      loads.push(real.id);
      return real;
    }),
  );
  return { vendors, loads };
}

describe('vendor stand-ins made from the build manifest', () => {
  it('give the same tool specs as the real modules without loading any of them', () => {
    const { vendors, loads } = standIns();
    const strip = (specs: ReturnType<typeof buildToolSpecs>) =>
      specs.map(({ vendor, entry, ...rest }) => ({ ...rest, vendor: vendor.id, id: entry.id }));
    expect(strip(buildToolSpecs(vendors))).toEqual(strip(buildToolSpecs(vendorModules)));
    for (const [i, vendor] of vendors.entries()) {
      expect(vendor.settings).toEqual(vendorModules[i]?.settings);
    }
    expect(loads).toEqual([]);
  });

  it('load the real module once, on the first schema read, and then answer with its very schemas', () => {
    const { vendors, loads } = standIns();
    const [stand, real] = [vendors[3], vendorModules[3]] as [VendorModule, VendorModule];
    const standEntries = walkCatalog(stand.catalog);
    const realEntries = walkCatalog(real.catalog);
    expect(standEntries.map((entry) => entry.id)).toEqual(realEntries.map((entry) => entry.id));
    expect(loads).toEqual([]);
    for (const [i, entry] of standEntries.entries()) {
      const original = realEntries[i]?.endpoint;
      expect(entry.endpoint.input).toBe(original?.input);
      expect(entry.endpoint.output).toBe(original?.output);
      expect(entry.endpoint.route).toBe(original?.route);
      expect(Object.keys(entry.endpoint).sort()).toEqual(Object.keys(original ?? {}).sort());
    }
    expect(loads).toEqual([real.id]);
  });

  it('connect through the real module, loading it then', () => {
    const { vendors, loads } = standIns();
    const tuxcare = vendors[0] as VendorModule;
    const client = tuxcare.connect({ TUXCARE_LOGIN: 'me', TUXCARE_SECRET_KEY: 'secret' });
    expect(loads).toEqual(['tuxcare']);
    expect(Object.keys(client).length).toBeGreaterThan(0);
    return client.close();
  });

  it('refuse a manifest that names an endpoint the loaded module lacks', () => {
    const real = vendorModules[0] as VendorModule;
    const manifest = describeVendor(real);
    manifest.endpoints.push({
      path: ['nope', 'gone'],
      plain: { summary: 'x', effect: 'read' },
      loaded: ['input'],
    });
    const stand = lazyVendor(manifest, () => real);
    const gone = walkCatalog(stand.catalog).find((entry) => entry.id === 'nope.gone');
    expect(() => gone?.endpoint.input).toThrow('the loaded vendor has no endpoint nope.gone');
  });
});
