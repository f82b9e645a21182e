#!/usr/bin/env node
// The one entry point behind `npm start`, `npm test`, `npm run build`, `npm run generate`, `npm run lint` and
// `npm run bench`.
// It exists so that a fresh clone needs nothing but Node >= 20.19 and npm: it fetches the pinned pnpm into
// .tools/ (no global install, no corepack: Node 20's corepack can fail on newer pnpm signing keys), installs
// the workspace when the lockfile changed, and then runs the task.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const task = process.argv[2] ?? 'test';
const rest = process.argv.slice(3);

const MIN_NODE = [20, 19];
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < MIN_NODE[0] || (major === MIN_NODE[0] && minor < MIN_NODE[1])) {
  fail(`Node ${MIN_NODE.join('.')} or newer is required; this is ${process.versions.node}.`);
}

const rootPkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const pnpmVersion = String(rootPkg.packageManager).split('@')[1];
const toolsDir = join(root, '.tools');
const pnpmEntry = join(toolsDir, 'node_modules', 'pnpm', 'bin', 'pnpm.cjs');

// Quiet, offline-friendly tool defaults: no telemetry or update checks leave the machine.
const env = {
  ...process.env,
  // turbo looks the package manager up on PATH.
  PATH: [join(toolsDir, 'node_modules', '.bin'), process.env.PATH].filter(Boolean).join(delimiter),
  TURBO_TELEMETRY_DISABLED: '1',
  TURBO_NO_UPDATE_NOTIFIER: '1',
  DO_NOT_TRACK: '1',
  NPM_CONFIG_UPDATE_NOTIFIER: 'false',
  NPM_CONFIG_FUND: 'false',
  NPM_CONFIG_AUDIT: 'false',
};

ensurePnpm();
ensureInstall();

switch (task) {
  case 'build':
    turbo(['run', 'build', ...rest]);
    break;
  case 'generate':
    exec(process.execPath, [join(root, 'scripts', 'generate.mjs'), ...rest]);
    break;
  case 'lint':
    run('biome', ['ci', '.']);
    break;
  case 'test':
    step('lint (biome)');
    run('biome', ['ci', '.']);
    step('build and type-check (turbo)');
    turbo(['run', 'build', 'typecheck', '--output-logs=errors-only']);
    step('generated files match the catalogs (scripts/generate.mjs --check)');
    exec(process.execPath, [join(root, 'scripts', 'generate.mjs'), '--check']);
    if (rest.length > 0) {
      // Arguments (a file filter, --project) go to one vitest run over every package, uncached.
      step('tests (vitest)');
      run('vitest', ['run', ...rest]);
      break;
    }
    step('tests (turbo: one cached vitest task per package)');
    testPackages();
    break;
  case 'bench':
    turbo(['run', 'build', '--output-logs=errors-only']);
    pnpm(['-r', '--if-present', '--workspace-concurrency=1', 'run', 'bench']);
    break;
  case 'start':
    turbo(['run', 'build', '--output-logs=errors-only']);
    start();
    break;
  default:
    fail(`unknown task "${task}" (expected start, test, build, generate, lint or bench)`);
}

/**
 * Runs every package's `test` task through turbo, one package at a time (each vitest already uses both
 * cores, and the fault tests' short clocks must not starve), continuing past a failing package so the
 * summary counts everything. A package whose inputs are unchanged replays its cached log and summary.
 * Then prints one closing line over all packages, which CI reads, and fails if any package failed.
 */
function testPackages() {
  // A summary left by an earlier run must not count for a package that crashes now; a cache hit restores it.
  for (const dir of workspaceDirs()) rmSync(join(root, dir, '.test-summary.json'), { force: true });
  const result = spawnSync(
    process.execPath,
    [pnpmEntry, 'exec', 'turbo', 'run', 'test', '--concurrency=1', '--continue', '--output-logs=full'],
    { cwd: root, env, stdio: 'inherit', shell: false },
  );
  if (result.error) fail(`turbo could not start: ${result.error.message}`);
  const totals = { passed: 0, failed: 0, skipped: 0 };
  const rows = [];
  for (const dir of workspaceDirs()) {
    const file = join(root, dir, '.test-summary.json');
    if (!existsSync(file)) continue;
    const counts = JSON.parse(readFileSync(file, 'utf8'));
    for (const key of Object.keys(totals)) totals[key] += counts[key] ?? 0;
    rows.push(
      `  ${dir.padEnd(22)} ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`,
    );
  }
  process.stdout.write(`\n${rows.join('\n')}\n`);
  const status = result.status ?? 1;
  // A package that crashed before its summary counts as a failure of the run.
  if (status !== 0 && totals.failed === 0) totals.failed = 1;
  process.stdout.write(
    `\nTests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped\n`,
  );
  if (status !== 0) process.exit(status);
}

/** The workspace packages that have a test script, from pnpm-workspace.yaml's globs (one level deep). */
function workspaceDirs() {
  const globs = readFileSync(join(root, 'pnpm-workspace.yaml'), 'utf8')
    .split('\n')
    .map((line) => /^\s*-\s*['"]?([^'"]+?)\/\*['"]?\s*$/.exec(line)?.[1])
    .filter(Boolean);
  const dirs = [];
  for (const base of globs) {
    if (!existsSync(join(root, base))) continue;
    for (const name of readdirSync(join(root, base)).sort()) {
      const manifest = join(root, base, name, 'package.json');
      if (existsSync(manifest) && JSON.parse(readFileSync(manifest, 'utf8')).scripts?.test)
        dirs.push(`${base}/${name}`);
    }
  }
  return dirs;
}

function start() {
  const server = join(root, 'apps', 'mcp-server', 'dist', 'cli.js');
  if (existsSync(server)) {
    exec(process.execPath, [server, '--sandbox', '--transport', 'http', ...rest]);
    return;
  }
  // A build without the MCP server (a partial build) still offers the sandbox of loopback simulators.
  exec(process.execPath, [join(root, 'packages', 'testkit', 'dist', 'sandbox-cli.js'), ...rest]);
}

function ensurePnpm() {
  if (existsSync(pnpmEntry)) {
    const installed = JSON.parse(
      readFileSync(join(toolsDir, 'node_modules', 'pnpm', 'package.json'), 'utf8'),
    );
    if (installed.version === pnpmVersion) return;
  }
  step(`fetching pnpm ${pnpmVersion} into .tools/`);
  exec('npm', [
    'install',
    '--prefix',
    toolsDir,
    '--no-save',
    '--no-package-lock',
    '--no-audit',
    '--no-fund',
    '--loglevel=error',
    `pnpm@${pnpmVersion}`,
  ]);
}

function ensureInstall() {
  const lock = join(root, 'pnpm-lock.yaml');
  const installedLock = join(root, 'node_modules', '.pnpm', 'lock.yaml');
  const upToDate =
    existsSync(lock) &&
    existsSync(installedLock) &&
    sameWorkspaceLock(readFileSync(lock, 'utf8'), installedLock);
  if (upToDate) return;
  step('installing workspace dependencies (pnpm)');
  const args = ['install', '--prefer-offline', '--reporter=append-only'];
  if (existsSync(lock)) args.push('--frozen-lockfile');
  pnpm(args);
}

function sameWorkspaceLock(lockText, installedLockPath) {
  // pnpm keeps a copy of the lockfile it installed from; any difference means an install is due.
  return readFileSync(installedLockPath, 'utf8') === lockText;
}

function pnpm(args) {
  exec(process.execPath, [pnpmEntry, ...args]);
}

function turbo(args) {
  run('turbo', args);
}

function run(bin, args) {
  exec(process.execPath, [pnpmEntry, 'exec', bin, ...args]);
}

function exec(cmd, args) {
  const result = spawnSync(cmd, args, { cwd: root, env, stdio: 'inherit', shell: false });
  if (result.error) fail(`${cmd} could not start: ${result.error.message}`);
  if (result.signal) process.exit(1);
  if (result.status !== 0) process.exit(result.status ?? 1);
}

function step(text) {
  process.stderr.write(`\n▶ ${text}\n`);
}

function fail(message) {
  process.stderr.write(`✖ ${message}\n`);
  process.exit(1);
}
