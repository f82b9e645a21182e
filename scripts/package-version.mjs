// Writes src/package-version.ts from the package.json of the package it runs in (every vendor package's
// build runs it, and so does `changeset version`), so the name and version are a constant in the code:
// nothing reads package.json at run time, which a bundle (esbuild, serverless) could not resolve.
// `--check` only compares, and fails when the file is missing or stale.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const PACKAGES = ['auth-core', 'tuxcare', 'lunanode', 'ispmanager', 'vmmanager'];

function expected(dir) {
  const { name, version } = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  return [
    '// Generated from package.json by scripts/package-version.mjs (run by the build); do not edit.',
    '',
    "/** This package's name and version, fixed when it was built. */",
    'export const PACKAGE: { readonly name: string; readonly version: string } = Object.freeze({',
    `  name: '${name}',`,
    `  version: '${version}',`,
    '});',
    '',
  ].join('\n');
}

const check = process.argv.includes('--check');
const all = process.argv.includes('--all');
const root = new URL('..', import.meta.url).pathname;
const dirs = all ? PACKAGES.map((name) => join(root, 'packages', name)) : [process.cwd()];
let stale = 0;
for (const dir of dirs) {
  const file = join(dir, 'src', 'package-version.ts');
  const text = expected(dir);
  const current = existsSync(file) ? readFileSync(file, 'utf8') : undefined;
  if (current === text) continue;
  if (check) {
    console.error(`${file} does not match package.json: run node scripts/package-version.mjs --all`);
    stale++;
  } else writeFileSync(file, text);
}
process.exitCode = stale > 0 ? 1 : 0;
