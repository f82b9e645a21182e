import * as auth from '@x/auth-core';
import * as projection from '@x/auth-core/projection';
import { ispmanagerModule } from '@x/ispmanager';
import { lunanodeModule } from '@x/lunanode';
import { tuxcareModule } from '@x/tuxcare';
import { vmmanagerModule } from '@x/vmmanager';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';

/** The core's root and projection exports, as the generator takes them. */
const core = { ...auth, ...projection };
type VendorModule = projection.VendorModule;

// Cross-references between endpoints are data (auth-core `ref`): each must name an endpoint of its own
// catalog, and no catalog text may name an MCP tool or a method itself (it would go stale on a rename).
const modules = [tuxcareModule, lunanodeModule, ispmanagerModule, vmmanagerModule] as VendorModule[];

function catalogText(module: VendorModule): string[] {
  return core
    .walkCatalog(module.catalog)
    .flatMap(({ endpoint }) => [
      endpoint.summary,
      endpoint.description ?? '',
      JSON.stringify(z.toJSONSchema(endpoint.input, { io: 'input', unrepresentable: 'any' })),
      JSON.stringify(z.toJSONSchema(endpoint.output, { io: 'output', unrepresentable: 'any' })),
    ]);
}

describe('catalog cross-references', () => {
  it.each(modules)('$id: every reference names an endpoint of the same catalog', (module) => {
    expect(core.catalogRefs(module.catalog).length, 'the catalog uses references').toBeGreaterThan(0);
    expect(core.unresolvedRefs(module.catalog)).toEqual([]);
  });

  it.each(modules)('$id: no catalog text names an MCP tool by hand', (module) => {
    const tools = core.walkCatalog(module.catalog).map((entry) => core.toolName(module.id, entry));
    const pattern = new RegExp(`\\b(?:${tools.join('|')})\\b`, 'g');
    const named = catalogText(module).flatMap((text) => text.match(pattern) ?? []);
    expect(named).toEqual([]);
  });
});
