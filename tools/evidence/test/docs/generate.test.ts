import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as auth from '@x/auth-core';
import * as projection from '@x/auth-core/projection';
import { ispmanagerModule } from '@x/ispmanager';
import { lunanodeModule } from '@x/lunanode';
import { tuxcareModule } from '@x/tuxcare';
import { vmmanagerModule } from '@x/vmmanager';
import ts from 'typescript';
import { afterAll, describe, expect, it } from 'vitest';

/** The core's root and projection exports, as the generator takes them. */
const core = { ...auth, ...projection };
type VendorModule = projection.VendorModule;

// The catalog compiler (scripts/generate.mjs) writes what derives from the catalogs; `npm test` runs its
// `--check` on the build. These tests cover what the check cannot: that it notices drift at all, that each
// method gets its documentation, and that an editor shows it on the client.

/** The parts of the generator (plain ESM outside every package, so untyped) that this test uses. */
interface Generator {
  stale(generated: { path: string; content: string }[], base: URL): string[];
}
interface Methods {
  renderMethods(module: VendorModule, auth: typeof core): string;
}
const scripts = new URL('../../../../scripts/', import.meta.url);
const { stale } = (await import(new URL('generate.mjs', scripts).href)) as Generator;
const { renderMethods } = (await import(new URL('generate/methods.mjs', scripts).href)) as Methods;

const modules = [tuxcareModule, lunanodeModule, ispmanagerModule, vmmanagerModule] as VendorModule[];

describe('the catalog compiler', () => {
  const dir = mkdtempSync(join(tmpdir(), 'generate-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reports every output whose file differs or is missing, and only those', () => {
    mkdirSync(join(dir, 'a'));
    writeFileSync(join(dir, 'a', 'same.md'), 'same\n');
    writeFileSync(join(dir, 'a', 'old.md'), 'old\n');
    const base = pathToFileURL(`${dir}/`);
    const generated = [
      { path: 'a/same.md', content: 'same\n' },
      { path: 'a/old.md', content: 'new\n' },
      { path: 'a/missing.md', content: 'x\n' },
    ];
    expect(stale(generated, base)).toEqual(['a/old.md', 'a/missing.md']);
  });

  it.each(modules)('$id: one documented method per endpoint, references as method calls', (module) => {
    const source = renderMethods(module, core);
    const entries = core.walkCatalog(module.catalog);
    expect(source.match(/: Method</g)?.length).toBe(entries.length);
    expect(source).not.toContain('{@ref ');
    for (const { endpoint } of entries) expect(source).toContain(` * ${endpoint.summary.split('{@ref ')[0]}`);
    const refs = core.catalogRefs(module.catalog).filter((found) => found.where === 'input');
    const [first] = refs;
    if (first) expect(source).toContain(`.${first.id}()\``);
  });

  it("shows an endpoint's summary and where its ids come from when an editor hovers the method", () => {
    const packageDir = fileURLToPath(new URL('../../../../packages/tuxcare/', import.meta.url));
    const file = join(packageDir, 'test', '__hover__.ts');
    const text = [
      "import { createTuxCareClient } from '../src/index.js';",
      "const tc = createTuxCareClient({ login: 'a', secretKey: 'b' });",
      'void tc.els.key.update;',
    ].join('\n');
    const config = ts.getParsedCommandLineOfConfigFile(
      join(packageDir, 'tsconfig.json'),
      {},
      {
        ...ts.sys,
        onUnRecoverableConfigFileDiagnostic: () => {},
      },
    );
    if (!config) throw new Error('packages/tuxcare/tsconfig.json did not parse');
    const files = [...config.fileNames.filter((name) => name.includes('/src/')), file];
    const service = ts.createLanguageService({
      getScriptFileNames: () => files,
      getScriptVersion: () => '1',
      getScriptSnapshot: (name) =>
        name === file
          ? ts.ScriptSnapshot.fromString(text)
          : ts.sys.fileExists(name)
            ? ts.ScriptSnapshot.fromString(ts.sys.readFile(name) ?? '')
            : undefined,
      getCurrentDirectory: () => packageDir,
      getCompilationSettings: () => config.options,
      getDefaultLibFileName: ts.getDefaultLibFilePath,
      fileExists: (name) => name === file || ts.sys.fileExists(name),
      readFile: (name) => (name === file ? text : ts.sys.readFile(name)),
      readDirectory: ts.sys.readDirectory,
      directoryExists: ts.sys.directoryExists,
      getDirectories: ts.sys.getDirectories,
    });
    const info = service.getQuickInfoAtPosition(file, text.indexOf('update;') + 1);
    const documentation = ts.displayPartsToString(info?.documentation);
    expect(documentation).toContain(tuxcareModule.catalog.els.key.update.summary);
    expect(documentation).toContain('`key`: ELS/ESU key, from `tc.els.key.list()`');
  }, 60_000);
});
