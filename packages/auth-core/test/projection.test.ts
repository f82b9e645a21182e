import { describe, expect, it } from 'vitest';
import * as root from '../src/index.js';
import * as projection from '../src/projection.js';

// What only an MCP projection needs lives at `@x/auth-core/projection`, not in the core's root export that
// every vendor package and SDK user imports.
describe('the projection subpath', () => {
  it('holds the MCP vocabulary, and the root export does not', () => {
    for (const name of ['toolName', 'toolsetName', 'effectAnnotations', 'LISTED_AS']) {
      expect(name in projection, name).toBe(true);
      expect(name in root, name).toBe(false);
    }
    expect(projection.toolName('tuxcare', { path: ['els', 'key', 'list'] })).toBe('tuxcare_els_key_list');
    // The catalog-side helper stays in the root: declaring a compact listing is part of a catalog.
    expect(typeof root.listedAs).toBe('function');
  });
});
