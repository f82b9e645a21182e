// The install-size row of the benchmark table: what `npm install @x/mcp-server --omit=dev` puts on
// disk, measured on this checkout (lib/local-install.mjs packs every workspace package and installs the
// server's tarball into an empty folder, @x/* from the tarballs, third-party packages from the registry).
// Alone: node bench/install-size.mjs   (after `npm run build`)
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { installContents, installServer, packWorkspace } from '../lib/local-install.mjs';

/** The goals for the light install (what a one-person setup should have to download). */
export const INSTALL_GOAL = { megabytes: 15, packages: 30 };

/**
 * Packs, installs into a temporary folder, measures and removes it.
 * @returns {Promise<{ megabytes: number, packages: number, biggest: { name: string, version: string, bytes: number }[] }>}
 */
export async function measureInstall() {
  const work = await mkdtemp(join(tmpdir(), 'x-install-size-'));
  try {
    const tarballs = join(work, 'tarballs');
    const project = join(work, 'project');
    await Promise.all([mkdir(tarballs), mkdir(project)]);
    await installServer(project, await packWorkspace(tarballs));
    const { packages, bytes } = await installContents(project);
    return { megabytes: bytes / 1e6, packages: packages.length, biggest: packages.slice(0, 8) };
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

/** The table's rows for one measurement: size and count against the goals, then the biggest packages. */
export function installRows(measured) {
  const { megabytes, packages, biggest } = measured;
  const verdict = (value, limit) => (value <= limit ? 'met' : 'not met');
  return [
    {
      what: 'install: npm install @x/mcp-server --omit=dev, size on disk',
      measured: `${megabytes.toFixed(1)} MB`,
      goal: `<= ${INSTALL_GOAL.megabytes} MB`,
      met: verdict(megabytes, INSTALL_GOAL.megabytes),
    },
    {
      what: 'install: npm install @x/mcp-server --omit=dev, packages',
      measured: String(packages),
      goal: `<= ${INSTALL_GOAL.packages}`,
      met: verdict(packages, INSTALL_GOAL.packages),
    },
    {
      what: 'install: biggest packages',
      measured: biggest
        .slice(0, 4)
        .map((pkg) => `${pkg.name} ${(pkg.bytes / 1e6).toFixed(1)}`)
        .join(', '),
      goal: '',
      met: '',
    },
  ];
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const measured = await measureInstall();
  for (const row of installRows(measured))
    console.log(`${row.what}: ${row.measured} ${row.goal} ${row.met}`.trimEnd());
  console.log('\nbiggest packages (MB):');
  for (const pkg of measured.biggest)
    console.log(`  ${(pkg.bytes / 1e6).toFixed(2).padStart(6)}  ${pkg.name}@${pkg.version}`);
}
