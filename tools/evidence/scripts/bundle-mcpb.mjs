// Builds the MCPB bundle (Claude Desktop extension) of @x/mcp-server from this checkout, after `npm run build`:
//   node tools/evidence/scripts/bundle-mcpb.mjs [output.mcpb]
// Default output: apps/mcp-server/x-mcp-server-<version>.mcpb. The bundle is the server's npm tarball as a
// user would install it (lib/local-install.mjs), unpacked at the bundle root so manifest.json's entry point
// dist/cli.js is the published bin, with its production dependencies in node_modules, then packed and
// validated by the official CLI (`mcpb pack`).
import { readFileSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { packWorkspace, ROOT, run } from '../lib/local-install.mjs';

const SERVER_DIR = join(ROOT, 'apps', 'mcp-server');

/** The mcpb CLI's entry, through the evidence package's own devDependency. */
export function mcpbEntry() {
  // The package exports no ./package.json: its root is two levels above the main entry (dist/index.js).
  const root = dirname(dirname(createRequire(import.meta.url).resolve('@anthropic-ai/mcpb')));
  const { bin } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  return join(root, typeof bin === 'string' ? bin : bin.mcpb);
}

/**
 * Stages and packs the bundle; returns the path of the .mcpb file.
 * @param {string} [output]
 * @returns {Promise<string>}
 */
export async function buildBundle(output) {
  const { version } = JSON.parse(await readFile(join(SERVER_DIR, 'package.json'), 'utf8'));
  const target = resolve(output ?? join(SERVER_DIR, `x-mcp-server-${version}.mcpb`));
  const work = await mkdtemp(join(tmpdir(), 'x-mcpb-'));
  try {
    const stage = join(work, 'bundle');
    await Promise.all([mkdir(join(work, 'tarballs')), mkdir(stage)]);
    const tarballs = await packWorkspace(join(work, 'tarballs'));
    await run('tar', ['-xzf', tarballs.get('@x/mcp-server'), '-C', stage, '--strip-components=1'], work);
    // Installed from a copy of the packed manifest without what only development needs (npm would resolve
    // every devDependency) and with @x/* pointing at the tarballs; the bundle ships the packed one.
    const packed = await readFile(join(stage, 'package.json'), 'utf8');
    const manifest = JSON.parse(packed);
    delete manifest.devDependencies;
    delete manifest.scripts;
    manifest.overrides = Object.fromEntries([...tarballs].map(([name, file]) => [name, `file:${file}`]));
    for (const name of Object.keys(manifest.dependencies ?? {}))
      if (tarballs.has(name)) manifest.dependencies[name] = `file:${tarballs.get(name)}`;
    await writeFile(join(stage, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    await run(
      npm,
      ['install', '--omit=dev', '--no-audit', '--no-fund', '--prefer-offline', '--no-package-lock'],
      stage,
    );
    await writeFile(join(stage, 'package.json'), packed);
    await copyFile(join(SERVER_DIR, 'manifest.json'), join(stage, 'manifest.json'));
    await mkdir(dirname(target), { recursive: true });
    await run(process.execPath, [mcpbEntry(), 'pack', stage, target], work);
    return target;
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  console.log(`wrote ${await buildBundle(process.argv[2])}`);
}
