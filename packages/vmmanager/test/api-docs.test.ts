import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as core from '@x/auth-core';
import { expect, it } from 'vitest';
import { vmmanagerModule } from '../src/index.js';

/** The part of scripts/api-docs.mjs (plain ESM outside every package, so untyped) that this test uses. */
interface ApiDocs {
  renderApiDoc(module: core.VendorModule, auth: typeof core): string;
  regenerateHint(vendor: string): string;
}
const generator = fileURLToPath(new URL('../../../scripts/api-docs.mjs', import.meta.url));
const { renderApiDoc, regenerateHint } = (await import(generator)) as ApiDocs;

function checkedIn(): string {
  try {
    return readFileSync(new URL('../API.md', import.meta.url), 'utf8');
  } catch {
    return '(missing)';
  }
}

it('API.md is what the catalog generates', () => {
  expect(
    checkedIn(),
    `packages/vmmanager/API.md differs from the catalog: ${regenerateHint('vmmanager')}`,
  ).toBe(renderApiDoc(vmmanagerModule, core));
});
