import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, realpathSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';

/**
 * What a build-time artifact was derived from, cheap enough to check at every start (a few milliseconds): the
 * package, its dependencies, and the dependencies of every local package, recursively. A registry package is
 * named by name@version (a published version never changes); a local package (workspace or linked, i.e. not
 * under node_modules) also by the content of its built code, which changes under the same version.
 */

/** One package of the closure. */
export interface ClosurePackage {
  name: string;
  /** `missing` when the package is not installed. */
  version: string;
  /** Real path of its folder. */
  dir: string;
  /** A workspace or linked package: its code can change under the same version. */
  local: boolean;
}

interface Manifest {
  name?: string;
  version?: string;
  main?: string;
  exports?: unknown;
  dependencies?: Record<string, string>;
}

function readManifest(dir: string): Manifest {
  return JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as Manifest;
}

/** The folder Node resolves a bare `name` to from `dir`: `node_modules/<name>` there or in the nearest parent. */
function locate(dir: string, name: string): string | undefined {
  for (let at = dir; ; at = dirname(at)) {
    const candidate = join(at, 'node_modules', name);
    if (existsSync(join(candidate, 'package.json'))) return realpathSync(candidate);
    if (dirname(at) === at) return undefined;
  }
}

/**
 * The packages whose code can shape what the root package computes, in a stable order. `published` gives the
 * closure of an install from the registry, where every package is a registry package and only the root's own
 * dependencies are visited; a build records it so the artifact it ships is valid there too.
 */
export function packageClosure(rootDir: string, published = false): ClosurePackage[] {
  const out: ClosurePackage[] = [];
  const seen = new Set<string>();
  const visit = (dir: string, isRoot: boolean): void => {
    if (seen.has(dir)) return;
    seen.add(dir);
    const manifest = readManifest(dir);
    const local = !published && !dir.split(sep).includes('node_modules');
    out.push({ name: manifest.name ?? '', version: manifest.version ?? '', dir, local });
    if (!isRoot && !local) return;
    for (const name of Object.keys(manifest.dependencies ?? {})) {
      const found = locate(dir, name);
      if (found) visit(found, false);
      else out.push({ name, version: 'missing', dir: '', local: false });
    }
  };
  visit(realpathSync(rootDir), true);
  return out;
}

/** The entry point a package exports (`import`/`node`/`default` condition, else `main`), relative to it. */
function entryPoint(manifest: Manifest): string {
  const pick = (value: unknown): string | undefined => {
    if (typeof value === 'string') return value;
    if (!value || typeof value !== 'object') return undefined;
    const conditions = value as Record<string, unknown>;
    return pick(conditions['.'] ?? conditions.import ?? conditions.node ?? conditions.default);
  };
  return pick(manifest.exports) ?? manifest.main ?? 'index.js';
}

/** A local package's built code: every `.js` file under the folder of its entry point, relative to the package. */
export function codeFiles(pkg: ClosurePackage): string[] {
  const base = dirname(join(pkg.dir, entryPoint(readManifest(pkg.dir))));
  return readdirSync(base, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.js') && !file.split(sep).includes('node_modules'))
    .map((file) => relative(pkg.dir, join(base, file)).split(sep).join('/'))
    .sort();
}

/**
 * One hash over a closure: name@version of every package and, for local packages, the path and content of
 * each of their `files` (listed once, at build time: listing folders costs more than reading the files). A
 * listed file that is gone throws, which callers take as "not the code the artifact was derived from". Not a
 * security check: whoever can change these files can change the code itself.
 */
export function fingerprint(
  packages: readonly ClosurePackage[],
  files: Readonly<Record<string, readonly string[]>>,
): string {
  const hash = createHash('sha256');
  for (const pkg of packages) {
    hash.update(`${pkg.name}@${pkg.version}${pkg.local ? ' local' : ''}\n`);
    if (!pkg.local) continue;
    for (const file of files[pkg.name] ?? []) {
      hash.update(`${file}\n`);
      hash.update(readFileSync(join(pkg.dir, file)));
    }
  }
  return hash.digest('hex');
}
