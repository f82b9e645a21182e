// Installs @x/mcp-server the way a user's `npm install @x/mcp-server --omit=dev` would, but from this
// checkout: every workspace package packed with `pnpm pack` (it rewrites workspace:/catalog: specifiers to
// real versions, as `pnpm publish` does), the server's tarball installed into an empty folder with npm, and
// every @x/* dependency pinned to its local tarball through `overrides`, so nothing of ours comes from the
// registry (third-party packages do). Used by the benchmark's install-size row and by the MCPB bundle script.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { lstat, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (this file is tools/evidence/lib/local-install.mjs). */
export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** Every published package, by folder. */
export const WORKSPACE_PACKAGES = [
  'packages/auth-core',
  'packages/testkit',
  'packages/tuxcare',
  'packages/lunanode',
  'packages/ispmanager',
  'packages/vmmanager',
  'apps/mcp-server',
];

/**
 * Runs a command; resolves with its output, rejects with the output when it fails. Lower-case npm_* and
 * pnpm_* variables of an enclosing `npm run` are dropped: the child npm would read them as its own config.
 * @param {string} command
 * @param {string[]} args
 * @param {string} cwd
 * @returns {Promise<string>}
 */
export function run(command, args, cwd) {
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^(npm|pnpm)_/.test(key)));
  return new Promise((resolve, reject) => {
    execFile(
      command,
      args,
      { cwd, env: { ...env, NPM_CONFIG_UPDATE_NOTIFIER: 'false' }, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        if (error) reject(new Error(`${command} ${args.join(' ')} failed in ${cwd}:\n${stdout}\n${stderr}`));
        else resolve(stdout);
      },
    );
  });
}

/** The pinned pnpm that scripts/run.mjs fetches into .tools/. */
function pnpmEntry() {
  const pinned = join(ROOT, '.tools', 'node_modules', 'pnpm', 'bin', 'pnpm.cjs');
  if (!existsSync(pinned)) throw new Error(`pnpm not found at ${pinned}; run npm run build once`);
  return pinned;
}

/**
 * Packs every workspace package into `destination` (each needs its build: run `npm run build` first).
 * @param {string} destination
 * @returns {Promise<Map<string, string>>} package name -> tarball path
 */
export async function packWorkspace(destination) {
  const tarballs = new Map();
  // One at a time: pnpm pack is quick, and parallel packs compete for the machine's few cores.
  for (const dir of WORKSPACE_PACKAGES) {
    const out = await run(
      process.execPath,
      [pnpmEntry(), 'pack', '--json', '--pack-destination', destination],
      join(ROOT, dir),
    );
    const { name, filename } = JSON.parse(out);
    tarballs.set(name, filename);
  }
  return tarballs;
}

/**
 * Installs the server's tarball into the empty folder `project` with `npm install --omit=dev`, every @x/*
 * package resolved to its tarball (overrides reach transitive dependencies too).
 * @param {string} project
 * @param {Map<string, string>} tarballs
 */
export async function installServer(project, tarballs) {
  const server = tarballs.get('@x/mcp-server');
  if (!server) throw new Error('the server was not packed');
  const overrides = Object.fromEntries([...tarballs].map(([name, file]) => [name, `file:${file}`]));
  const manifest = {
    name: 'x-install-probe',
    version: '0.0.0',
    private: true,
    dependencies: { '@x/mcp-server': `file:${server}` },
    overrides,
  };
  await writeFile(join(project, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  await run(npm, ['install', '--omit=dev', '--no-audit', '--no-fund', '--prefer-offline'], project);
}

/**
 * Bytes on disk (file sizes, symlinks not followed) under a folder.
 * @param {string} dir
 * @returns {Promise<number>}
 */
export async function folderBytes(dir) {
  let total = 0;
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) total += await folderBytes(path);
    else total += (await lstat(path)).size;
  }
  return total;
}

/**
 * What an install holds: every package in node_modules (nested ones included) with its size, biggest first,
 * read from npm's package-lock.json (the packages npm installed, not guessed from folder names).
 * @param {string} project
 * @returns {Promise<{ packages: { name: string, version: string, bytes: number }[], bytes: number }>}
 */
export async function installContents(project) {
  const lock = JSON.parse(await readFile(join(project, 'package-lock.json'), 'utf8'));
  const packages = [];
  for (const [path, entry] of Object.entries(lock.packages)) {
    if (!path || entry.link || entry.dev) continue;
    const dir = join(project, path);
    if (!existsSync(dir)) continue; // optional for another platform
    // A package's own size, without the packages nested in its node_modules (counted on their own).
    const bytes =
      (await folderBytes(dir)) -
      (existsSync(join(dir, 'node_modules')) ? await folderBytes(join(dir, 'node_modules')) : 0);
    packages.push({
      name: path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length),
      version: entry.version,
      bytes,
    });
  }
  packages.sort((a, b) => b.bytes - a.bytes);
  return { packages, bytes: await folderBytes(join(project, 'node_modules')) };
}
