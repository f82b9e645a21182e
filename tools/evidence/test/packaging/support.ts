import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (this file is tools/evidence/test/packaging/support.ts). */
export const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));

/** Every package that is published (tools/* are private and never packed). */
export const PUBLISHABLE = [
  { name: '@x/auth-core', dir: 'packages/auth-core' },
  { name: '@x/testkit', dir: 'packages/testkit' },
  { name: '@x/tuxcare', dir: 'packages/tuxcare' },
  { name: '@x/lunanode', dir: 'packages/lunanode' },
  { name: '@x/ispmanager', dir: 'packages/ispmanager' },
  { name: '@x/vmmanager', dir: 'packages/vmmanager' },
  { name: '@x/mcp-server', dir: 'apps/mcp-server' },
] as const;

export type PackageName = (typeof PUBLISHABLE)[number]['name'];

export interface Packed {
  name: PackageName;
  dir: string;
  tarball: string;
  /** Paths inside the tarball, relative to the package root (`dist/index.js`). */
  files: string[];
  /** The package.json as it is inside the tarball (workspace and catalog specifiers rewritten). */
  manifest: Manifest;
}

export interface Manifest {
  name: string;
  version: string;
  private?: boolean;
  bin?: Record<string, string>;
  dependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
}

export interface RunResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs a command to completion and never rejects: the caller asserts on the exit code and shows the output.
 * `timeoutMs` is only a safety bound (a hung child is killed and shows as a signal).
 */
export function run(
  command: string,
  args: readonly string[],
  options: { cwd: string; timeoutMs: number; env?: NodeJS.ProcessEnv },
): Promise<RunResult> {
  return new Promise((resolve) => {
    execFile(
      command,
      args,
      {
        cwd: options.cwd,
        env: options.env ?? childEnv(),
        timeout: options.timeoutMs,
        maxBuffer: 64 * 1024 * 1024,
        encoding: 'utf8',
      },
      (error, stdout, stderr) => {
        const failure = error as
          | (NodeJS.ErrnoException & { code?: number | string; signal?: NodeJS.Signals })
          | null;
        resolve({
          code: failure ? (typeof failure.code === 'number' ? failure.code : null) : 0,
          signal: failure?.signal ?? null,
          stdout,
          stderr: failure && typeof failure.code === 'string' ? `${failure.message}\n${stderr}` : stderr,
        });
      },
    );
  });
}

/**
 * The environment for package-manager children. A run under `pnpm exec` / `npm test` inherits lower-case
 * `npm_*` / `pnpm_*` variables meant for that run's own scripts (`npm_config_verify_deps_before_run`, the
 * user agent, ...); npm would read them as its config. Upper-case `NPM_CONFIG_*` is the operator's and stays.
 */
export function childEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (/^(npm|pnpm)_/.test(key)) continue;
    env[key] = value;
  }
  return { ...env, NPM_CONFIG_UPDATE_NOTIFIER: 'false', ...extra };
}

/** The pinned pnpm that scripts/run.mjs fetches into .tools/ before every `npm test`. */
function pnpmEntry(): string {
  const pinned = join(ROOT, '.tools', 'node_modules', 'pnpm', 'bin', 'pnpm.cjs');
  if (existsSync(pinned)) return pinned;
  const execPath = process.env.npm_execpath;
  if (execPath && /pnpm/.test(execPath)) return execPath;
  throw new Error(`pnpm not found at ${pinned}; run npm test once (scripts/run.mjs installs it)`);
}

/**
 * Packs one package into `destination` with `pnpm pack`, not `npm pack`: the packages declare `workspace:*`
 * and `catalog:` dependencies, which `npm pack` copies verbatim and no npm can install. `pnpm pack` writes the
 * same npm tarball format (what `pnpm publish` uploads) with those rewritten to real versions.
 */
export async function pack(pkg: (typeof PUBLISHABLE)[number], destination: string): Promise<Packed> {
  const cwd = join(ROOT, pkg.dir);
  const result = await run(
    process.execPath,
    [pnpmEntry(), 'pack', '--json', '--pack-destination', destination],
    {
      cwd,
      timeoutMs: 60_000,
    },
  );
  if (result.code !== 0)
    throw new Error(`pnpm pack in ${pkg.dir} failed:\n${result.stdout}\n${result.stderr}`);
  const report = JSON.parse(result.stdout) as { filename: string; files: { path: string }[] };
  return {
    name: pkg.name,
    dir: cwd,
    tarball: report.filename,
    files: report.files.map((file) => file.path).sort(),
    manifest: await packedManifest(report.filename),
  };
}

/** The package.json inside the tarball, read with the system tar (always there where npm runs). */
async function packedManifest(tarball: string): Promise<Manifest> {
  const result = await run('tar', ['-xzOf', tarball, 'package/package.json'], {
    cwd: dirname(tarball),
    timeoutMs: 30_000,
  });
  if (result.code !== 0) throw new Error(`cannot read package.json from ${tarball}:\n${result.stderr}`);
  return JSON.parse(result.stdout) as Manifest;
}

/**
 * Installs the tarballs, all in one command, into a fresh consumer project: the way a user installs them,
 * with npm and the public registry for the third-party dependencies (`--prefer-offline` uses a warm cache).
 */
export async function installTarballs(project: string, tarballs: readonly string[]): Promise<RunResult> {
  await writeFile(
    join(project, 'package.json'),
    `${JSON.stringify({ name: 'x-packaging-consumer', version: '0.0.0', private: true, type: 'module' }, null, 2)}\n`,
  );
  return run(npmCommand(), ['install', '--no-audit', '--no-fund', '--prefer-offline', ...tarballs], {
    cwd: project,
    timeoutMs: 150_000,
  });
}

function npmCommand(): string {
  return process.platform === 'win32' ? 'npm.cmd' : 'npm';
}

/** The attw CLI's entry, resolved through the evidence package's own devDependency. */
export function attwEntry(): string {
  const require = createRequire(import.meta.url);
  const manifestPath = require.resolve('@arethetypeswrong/cli/package.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { bin: { attw: string } };
  return join(dirname(manifestPath), manifest.bin.attw);
}

export interface AttwProblem {
  kind: string;
  entrypoint?: string;
  resolutionKind?: string;
}

/**
 * Resolution modes the `esm-only` profile ignores: these packages are ESM only (`"type": "module"`, one
 * `default` export condition), so CommonJS `require` and the pre-exports node10 resolution are out of scope.
 */
export const ESM_ONLY_IGNORED_RESOLUTIONS: ReadonlySet<string> = new Set(['node10', 'node16-cjs']);

export interface AttwResult {
  code: number | null;
  problems: AttwProblem[];
  /** attw's stderr, shown when an assertion fails. */
  raw: string;
}

/** Runs attw on a tarball with the esm-only profile; returns its exit code and every problem it listed. */
export async function attw(tarball: string): Promise<AttwResult> {
  const result = await run(
    process.execPath,
    [attwEntry(), '--profile', 'esm-only', '--format', 'json', tarball],
    {
      cwd: dirname(tarball),
      timeoutMs: 60_000,
      env: childEnv({ NO_COLOR: '1' }),
    },
  );
  let problems: AttwProblem[] = [];
  try {
    const report = JSON.parse(result.stdout) as { problems?: Record<string, AttwProblem[]> };
    problems = Object.values(report.problems ?? {}).flat();
  } catch {
    problems = [
      { kind: `unparsable attw output: ${result.stdout.slice(0, 500)} ${result.stderr.slice(0, 500)}` },
    ];
  }
  return { code: result.code, problems, raw: result.stderr };
}

/** The TypeScript compiler and the @types folder holding @types/node, from the evidence package's own tree. */
export function typescriptTools(): { tsc: string; typeRoot: string } {
  const require = createRequire(import.meta.url);
  const manifestPath = require.resolve('typescript/package.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { bin: { tsc: string } };
  return {
    tsc: join(dirname(manifestPath), manifest.bin.tsc),
    typeRoot: dirname(dirname(require.resolve('@types/node/package.json'))),
  };
}

/**
 * A consumer's tsconfig: strict, NodeNext (what attw's node16 ESM mode models), no emit. skipLibCheck stays
 * on because checking zod's and the MCP SDK's own declarations takes half a minute; consumer.ts exercises
 * ours through real calls and @ts-expect-error probes instead.
 */
export function consumerTsconfig(typeRoot: string): string {
  const compilerOptions = {
    target: 'ES2022',
    module: 'NodeNext',
    moduleResolution: 'NodeNext',
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    types: ['node'],
    typeRoots: [typeRoot],
  };
  return `${JSON.stringify({ compilerOptions, files: ['consumer.ts'] }, null, 2)}\n`;
}
