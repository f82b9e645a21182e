import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import type { Tool } from '@modelcontextprotocol/sdk/types.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_ACCOUNT, SANDBOX_ACCOUNT } from '../src/accounts.js';
import { createApp } from '../src/app.js';
import { CONFIRM_MODES, needsConfirmation } from '../src/confirm.js';
import { codeFiles, fingerprint, packageClosure } from '../src/fingerprint.js';
import { buildListingCache, ListingCache, type ListingCacheFile } from '../src/listing-cache.js';
import { parseOptions } from '../src/options.js';
import { listedTool } from '../src/schema.js';
import { buildToolSpecs, type ToolSpec } from '../src/tools.js';
import { vendorModules } from '../src/vendors.js';

const packageDir = fileURLToPath(new URL('..', import.meta.url));
const builtFile = fileURLToPath(new URL('../dist/listing-cache.json', import.meta.url));
const cli = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
const tools = buildToolSpecs(vendorModules);
const scratch = mkdtempSync(join(tmpdir(), 'listing-cache-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Credentials for every vendor: nothing is contacted before a tool call, so any value lists every tool. */
const credentials = Object.fromEntries(
  vendorModules.flatMap((vendor) =>
    vendor.settings.required.map((name) => [name, name.endsWith('URL') ? 'https://127.0.0.1:9/' : 'x']),
  ),
);

let computed: ListingCacheFile;
beforeAll(() => {
  computed = buildListingCache(tools, packageDir);
});

function writeCache(name: string, content: ListingCacheFile): string {
  const file = join(scratch, name);
  writeFileSync(file, JSON.stringify(content));
  return file;
}

describe('the precomputed tools/list entries', () => {
  it('are exactly what listedTool computes, for every tool and every argument the server can pass', () => {
    const cache = new ListingCache(vendorModules, writeCache('exact.json', computed), packageDir);
    let variants = 0;
    for (const tool of tools) {
      for (const names of [[DEFAULT_ACCOUNT], [SANDBOX_ACCOUNT]]) {
        for (const mode of CONFIRM_MODES) {
          const confirms = needsConfirmation(tool, mode);
          const cached = cache.lookup(tool, names, confirms);
          expect(cached, `${tool.name} ${names} ${mode}`).toBeDefined();
          expect(JSON.stringify(cached)).toBe(JSON.stringify(listedTool(tool, names, confirms)));
          variants++;
        }
      }
    }
    expect(variants).toBe(tools.length * 6);
  });

  it('leave everything else to run time: other account names, other vendor modules, stale or missing files', () => {
    const tool = tools[0] as ToolSpec;
    const cache = new ListingCache(vendorModules, writeCache('valid.json', computed), packageDir);
    expect(cache.lookup(tool, [DEFAULT_ACCOUNT], false)).toBeDefined();
    expect(cache.lookup(tool, ['work', 'home'], false)).toBeUndefined();
    // Same name, same catalog, but not one of the modules the build listed.
    expect(cache.lookup({ ...tool, vendor: { ...tool.vendor } }, [DEFAULT_ACCOUNT], false)).toBeUndefined();

    const stale = writeCache('stale.json', { ...computed, fingerprints: ['0'.repeat(64)] });
    expect(new ListingCache(vendorModules, stale, packageDir).lookup(tool, [DEFAULT_ACCOUNT], false)).toBe(
      undefined,
    );
    const [pkg = '', files = []] = Object.entries(computed.files)[0] ?? [];
    const gone = writeCache('gone.json', {
      ...computed,
      files: { ...computed.files, [pkg]: [...files, 'nope.js'] },
    });
    expect(new ListingCache(vendorModules, gone, packageDir).lookup(tool, [DEFAULT_ACCOUNT], false)).toBe(
      undefined,
    );
    const missing = join(scratch, 'missing.json');
    expect(new ListingCache(vendorModules, missing, packageDir).lookup(tool, [DEFAULT_ACCOUNT], false)).toBe(
      undefined,
    );
  });

  it('are what tools/list answers when valid (the registry asks the cache first)', async () => {
    const [first, ...rest] = tools;
    if (!first) throw new Error('no tools');
    // A marked entry, so the answer shows where it came from.
    const marked = structuredClone(computed);
    for (const entry of marked.tools[first.name] ?? []) entry.tool.description = 'from the cache';
    const options = parseOptions([]);
    const app = await createApp(options, {
      vendors: vendorModules,
      env: credentials,
      listingCache: new ListingCache(vendorModules, writeCache('marked.json', marked), packageDir),
    });
    const listed = app.registry.list();
    expect(listed[0]?.description).toBe('from the cache');
    const plain = await createApp(options, { vendors: vendorModules, env: credentials });
    expect(listed.slice(1)).toEqual(plain.registry.list().slice(1));
    expect(listed).toHaveLength(rest.length + 1);
  });

  it('written by the build (dist/listing-cache.json) are fresh: from the catalogs and listing rules as they are now', () => {
    expect(existsSync(builtFile), 'build with the package script: npm run build (it writes the file)').toBe(
      true,
    );
    const built = JSON.parse(readFileSync(builtFile, 'utf8')) as ListingCacheFile;
    expect(built.tools).toEqual(computed.tools);
    // And the installed code is the code it was derived from (the server's own check), so the built bin uses it.
    expect(built.fingerprints).toContain(fingerprint(packageClosure(packageDir), built.files));
  });

  it('the built bin answers tools/list exactly as the listing is computed', async () => {
    const transport = new StdioClientTransport({
      command: process.execPath,
      args: [cli, '--tool-mode', 'static'],
      env: { PATH: process.env.PATH ?? '', ...credentials },
      stderr: 'ignore',
    });
    const client = new Client({ name: 'listing-cache-test', version: '0.0.0' });
    await client.connect(transport);
    try {
      const { tools: served } = await client.listTools();
      const app = await createApp(parseOptions(['--tool-mode', 'static']), {
        vendors: vendorModules,
        env: credentials,
      });
      const expected = JSON.parse(JSON.stringify(app.registry.list())) as Tool[];
      expect(served).toHaveLength(tools.length);
      expect(served).toEqual(expected);
    } finally {
      await client.close();
    }
  });
});

describe('fingerprint', () => {
  /** root → lib (a linked workspace package, which depends on ext2) and ext (installed from a registry). */
  function workspace(at: string): { root: string; lib: string; ext: string } {
    const write = (file: string, text: string) => {
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, text);
    };
    const manifest = (dir: string, content: object) =>
      write(join(dir, 'package.json'), JSON.stringify(content));
    const root = join(at, 'root');
    const lib = join(at, 'libs', 'lib');
    const ext = join(root, 'node_modules', 'ext');
    manifest(root, {
      name: 'root',
      version: '1.0.0',
      exports: { '.': { types: './types/index.d.ts', default: './dist/index.js' } },
      dependencies: { lib: '1.0.0', ext: '^2.0.0' },
    });
    write(join(root, 'dist', 'index.js'), 'export const a = 1;');
    write(join(root, 'dist', 'sub', 'b.js'), 'export const b = 2;');
    write(join(root, 'dist', 'index.js.map'), '{}');
    manifest(lib, { name: 'lib', version: '1.0.0', main: 'out/main.js', dependencies: { ext2: '*' } });
    write(join(lib, 'out', 'main.js'), 'export const lib = 1;');
    manifest(join(lib, 'node_modules', 'ext2'), { name: 'ext2', version: '3.0.0' });
    manifest(ext, { name: 'ext', version: '2.0.0' });
    write(join(ext, 'index.js'), 'export const ext = 1;');
    mkdirSync(join(root, 'node_modules'), { recursive: true });
    symlinkSync(lib, join(root, 'node_modules', 'lib'));
    return { root, lib, ext };
  }

  it('covers local packages by content and registry packages by version, recursing through local ones', () => {
    const { root, lib, ext } = workspace(mkdtempSync(join(scratch, 'ws-')));
    const closure = packageClosure(root);
    expect(closure.map((pkg) => [pkg.name, pkg.version, pkg.local])).toEqual([
      ['root', '1.0.0', true],
      ['lib', '1.0.0', true],
      ['ext2', '3.0.0', false],
      ['ext', '2.0.0', false],
    ]);
    const files = Object.fromEntries(
      closure.filter((pkg) => pkg.local).map((pkg) => [pkg.name, codeFiles(pkg)]),
    );
    expect(files).toEqual({ root: ['dist/index.js', 'dist/sub/b.js'], lib: ['out/main.js'] });
    const before = fingerprint(closure, files);
    expect(fingerprint(packageClosure(root), files)).toBe(before);

    // A published version never changes, so a registry package's files are not read...
    writeFileSync(join(ext, 'index.js'), 'export const ext = 2;');
    expect(fingerprint(packageClosure(root), files)).toBe(before);
    // ...its version is.
    writeFileSync(join(ext, 'package.json'), JSON.stringify({ name: 'ext', version: '2.0.1' }));
    const bumped = fingerprint(packageClosure(root), files);
    expect(bumped).not.toBe(before);
    // A local package's code, under the same version.
    writeFileSync(join(lib, 'out', 'main.js'), 'export const lib = 2;');
    expect(fingerprint(packageClosure(root), files)).not.toBe(bumped);
    rmSync(join(root, 'dist', 'sub', 'b.js'));
    expect(() => fingerprint(packageClosure(root), files)).toThrow();
  });

  it('of the published closure is what an install from the registry computes', () => {
    const at = mkdtempSync(join(scratch, 'published-'));
    const { root } = workspace(at);
    const expected = fingerprint(packageClosure(root, true), {});
    // The same packages installed from a registry: all under node_modules, the local ones no longer linked.
    const installed = join(at, 'app', 'node_modules');
    const copy = (from: string, to: string) => {
      mkdirSync(to, { recursive: true });
      writeFileSync(join(to, 'package.json'), readFileSync(join(from, 'package.json')));
    };
    copy(root, join(installed, 'root'));
    copy(join(at, 'libs', 'lib'), join(installed, 'lib'));
    copy(join(root, 'node_modules', 'ext'), join(installed, 'ext'));
    expect(packageClosure(join(installed, 'root')).every((pkg) => !pkg.local)).toBe(true);
    expect(fingerprint(packageClosure(join(installed, 'root')), {})).toBe(expected);
    // The workspace itself is not mistaken for that install.
    expect(fingerprint(packageClosure(root), {})).not.toBe(expected);
  });
});
