import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as core from '@x/auth-core';
import { ispmanagerModule } from '@x/ispmanager';
import { lunanodeModule } from '@x/lunanode';
import { tuxcareModule } from '@x/tuxcare';
import { vmmanagerModule } from '@x/vmmanager';
import { describe, expect, it } from 'vitest';

// Each vendor package ships an API.md generated from its catalog (scripts/api-docs.mjs). The catalogs are
// imported from sources here, so a catalog change without a regenerated API.md fails at once.

/** The part of scripts/api-docs.mjs (plain ESM outside every package, so untyped) that this test uses. */
interface ApiDocs {
  renderApiDoc(module: core.VendorModule, auth: typeof core): string;
  regenerateHint(vendor: string): string;
}
const generator = fileURLToPath(new URL('../../../../scripts/api-docs.mjs', import.meta.url));
const { renderApiDoc, regenerateHint } = (await import(generator)) as ApiDocs;

function checkedIn(vendor: string): string {
  try {
    return readFileSync(new URL(`../../../../packages/${vendor}/API.md`, import.meta.url), 'utf8');
  } catch {
    return '(missing)';
  }
}

describe('generated API reference', () => {
  it.each([tuxcareModule, lunanodeModule, ispmanagerModule, vmmanagerModule])(
    'packages/$id/API.md is what the catalog generates',
    (module) => {
      const hint = `packages/${module.id}/API.md differs from the catalog: ${regenerateHint(module.id)}`;
      expect(checkedIn(module.id), hint).toBe(renderApiDoc(module as core.VendorModule, core));
    },
  );
});
