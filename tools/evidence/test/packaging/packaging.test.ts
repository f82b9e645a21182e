import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, delimiter, dirname, join, posix } from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import type { CallToolResult, Tool } from '@modelcontextprotocol/sdk/types.js';
import { buildToolSpecs, vendorModules } from '@x/mcp-server';
import { publint } from 'publint';
import { formatMessage } from 'publint/utils';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type AttwResult,
  attw,
  consumerTsconfig,
  ESM_ONLY_IGNORED_RESOLUTIONS,
  installTarballs,
  type Manifest,
  type Packed,
  PUBLISHABLE,
  pack,
  type RunResult,
  run,
  typescriptTools,
} from './support.js';

// Packed once, installed once: every test below reads the same tarballs and the same consumer project.
let work = '';
let consumer = '';
let install: RunResult | undefined;
const packed = new Map<string, Packed>();
const typesReports = new Map<string, AttwResult>();

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'x-packaging-'));
  const tarballs = join(work, 'tarballs');
  consumer = join(work, 'consumer');
  await Promise.all([mkdir(tarballs), mkdir(consumer)]);
  // One at a time: pnpm pack is quick, and the machine's cores are shared with the rest of the suite.
  for (const pkg of PUBLISHABLE) packed.set(pkg.name, await pack(pkg, tarballs));
  // npm mostly waits on the cache and the network while attw computes, so they run side by side.
  const checkTypes = async () => {
    for (const entry of packed.values()) typesReports.set(entry.name, await attw(entry.tarball));
  };
  [install] = await Promise.all([
    installTarballs(
      consumer,
      [...packed.values()].map((entry) => entry.tarball),
    ),
    checkTypes(),
  ]);
}, 240_000);

afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

function packedOf(name: string): Packed {
  const entry = packed.get(name);
  if (!entry) throw new Error(`${name} was not packed`);
  return entry;
}

const names = PUBLISHABLE.map((pkg) => pkg.name);

/** Every dependency specifier a consumer's package manager will have to resolve. */
function runtimeSpecifiers(manifest: Manifest): [string, string][] {
  return [manifest.dependencies, manifest.peerDependencies, manifest.optionalDependencies].flatMap((deps) =>
    Object.entries(deps ?? {}),
  );
}

describe('each publishable package, as packed', () => {
  it.each(names)('%s: the manifest in the tarball has only installable dependency versions', (name) => {
    const { manifest } = packedOf(name);
    expect(manifest.name).toBe(name);
    expect(manifest.private).toBeUndefined();
    for (const [dep, spec] of runtimeSpecifiers(manifest)) {
      expect(spec, `${name} -> ${dep}`).not.toMatch(/^(workspace|catalog|file|link|portal):/);
      // A sibling is pinned to the exact version that is packed next to it.
      if (dep.startsWith('@x/')) expect(spec, `${name} -> ${dep}`).toBe(packedOf(dep).manifest.version);
    }
  });

  it.each(names)(
    '%s: ships only its build, sources, README and fixtures, and every map resolves',
    async (name) => {
      const { files } = packedOf(name);
      const installed = join(consumer, 'node_modules', name);
      const shipped = new Set(files);
      expect(files).toContain('package.json');
      expect(files).toContain('README.md');
      expect(files).toContain('LICENSE');
      expect(files).toContain('dist/index.js');
      expect(files).toContain('dist/index.d.ts');
      const stray = files.filter(
        (file) =>
          !/^(package\.json|README\.md|API\.md|LICENSE)$/.test(file) &&
          !/^(dist|src)\//.test(file) &&
          !(name === '@x/testkit' && file.startsWith('fixtures/')),
      );
      expect(stray).toEqual([]);
      expect(files.filter((file) => /\.(test|spec)\.|tsbuildinfo$/.test(file))).toEqual([]);
      // Source maps and declaration maps name the TypeScript they came from: a stack trace under
      // --enable-source-maps, go-to-definition in an editor and bundlers' map loading all need it in the tarball.
      const dangling: string[] = [];
      for (const map of files.filter((file) => file.endsWith('.map'))) {
        const { sources } = JSON.parse(await readFile(join(installed, map), 'utf8')) as { sources: string[] };
        for (const source of sources) {
          const target = posix.normalize(posix.join(posix.dirname(map), source));
          if (!shipped.has(target)) dangling.push(`${map} -> ${target}`);
        }
      }
      expect(dangling).toEqual([]);
    },
  );

  it.each(names)('%s: publint (strict, suggestions included) finds nothing in the tarball', async (name) => {
    const bytes = await readFile(packedOf(name).tarball);
    const tarball = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
    const { messages, pkg } = await publint({ pack: { tarball }, level: 'suggestion', strict: true });
    expect(
      messages.map((message) => `${message.type}: ${formatMessage(message, pkg, { color: false })}`),
    ).toEqual([]);
  });

  it.each(names)('%s: attw (esm-only profile) finds no problem for ESM consumers', (name) => {
    const report = typesReports.get(name);
    if (!report) throw new Error(`attw did not run on ${name}`);
    const { code, problems, raw } = report;
    const relevant = problems.filter(
      (problem) => !problem.resolutionKind || !ESM_ONLY_IGNORED_RESOLUTIONS.has(problem.resolutionKind),
    );
    expect(relevant, raw).toEqual([]);
    expect(code, raw).toBe(0);
  });
});

describe('installed from the tarballs into a fresh project with npm', () => {
  it('installs every package once, each from its own tarball, with one copy of zod', async () => {
    expect(install?.code, `${install?.stdout}\n${install?.stderr}`).toBe(0);
    const lock = JSON.parse(await readFile(join(consumer, 'package-lock.json'), 'utf8')) as {
      packages: Record<string, { version?: string; resolved?: string }>;
    };
    const ours = Object.entries(lock.packages).filter(([path]) => path.includes('node_modules/@x/'));
    // Nothing nested (node_modules/@x/a/node_modules/@x/b) and nothing fetched from a registry.
    expect(ours.map(([path]) => path).sort()).toEqual(names.map((name) => `node_modules/${name}`).sort());
    for (const [path, entry] of ours) {
      const name = path.slice('node_modules/'.length);
      expect(entry.resolved, path).toMatch(new RegExp(`^file:.*${basename(packedOf(name).tarball)}$`));
      expect(entry.version, path).toBe(packedOf(name).manifest.version);
    }
    // The vendor packages hand zod schemas to the MCP server and the SDK: two copies would break them.
    expect(Object.keys(lock.packages).filter((path) => /(^|\/)node_modules\/zod$/.test(path))).toEqual([
      'node_modules/zod',
    ]);
  });

  it('imports each main entry in a plain node process and makes a real call with each package', async () => {
    // The script lives next to this file; copied into the consumer so that its bare imports resolve there.
    const script = join(consumer, 'smoke.mjs');
    await copyFile(new URL('./smoke.mjs', import.meta.url), script);
    const result = await run(process.execPath, [script], { cwd: consumer, timeoutMs: 60_000 });
    // Exiting with 0 and no signal means it ended by itself: no socket, server or timer left open.
    expect({ code: result.code, signal: result.signal, stderr: result.stderr }).toEqual({
      code: 0,
      signal: null,
      stderr: '',
    });
    const report = JSON.parse(result.stdout) as SmokeReport;
    for (const name of names) {
      expect(report.resolved[name]).toBe(join(consumer, 'node_modules', name, 'dist', 'index.js'));
    }
    const version = packedOf('@x/auth-core').manifest.version;
    expect(report.versions).toEqual({
      '@x/auth-core': version,
      '@x/tuxcare': packedOf('@x/tuxcare').manifest.version,
      '@x/lunanode': packedOf('@x/lunanode').manifest.version,
      '@x/ispmanager': packedOf('@x/ispmanager').manifest.version,
    });
    // auth-core reads its own package.json at run time for the User-Agent.
    expect(report.userAgent).toBe(`probe/1.0.0 @x/auth-core/${version} node/${process.versions.node}`);
    // Each vendor throws the ConfigError class of the one installed auth-core.
    expect(report.missingConfig).toEqual({
      tuxcare: 'ConfigError',
      lunanode: 'ConfigError',
      ispmanager: 'ConfigError',
      vmmanager: 'ConfigError',
    });
    // The demo state of each simulator, read through each client (VMmanager logs in first).
    expect(report.calls).toEqual({
      tuxcare: { items: 3, requests: 1 },
      lunanode: { items: 2, requests: 1 },
      ispmanager: { items: expect.any(Number), requests: 1 },
      vmmanager: { items: 4, requests: 2 },
    });
    expect(report.calls.ispmanager.items).toBeGreaterThan(0);
    expect(report.server).toEqual({
      tools: buildToolSpecs(vendorModules).length,
      allTools: buildToolSpecs(vendorModules).length,
      version: packedOf('@x/mcp-server').manifest.version,
    });
  });

  it('type-checks a strict NodeNext TypeScript consumer against the installed declarations', async () => {
    const { tsc, typeRoot } = typescriptTools();
    await copyFile(new URL('./consumer.ts', import.meta.url), join(consumer, 'consumer.ts'));
    await writeFile(join(consumer, 'tsconfig.json'), consumerTsconfig(typeRoot));
    const result = await run(process.execPath, [tsc, '-p', 'tsconfig.json'], {
      cwd: consumer,
      timeoutMs: 90_000,
    });
    expect({ code: result.code, output: `${result.stdout}${result.stderr}` }).toEqual({
      code: 0,
      output: '',
    });
  });

  it('the packed MCP server starts from its bin with --sandbox over stdio and lists every tool', async () => {
    const expected = buildToolSpecs(vendorModules);
    const stderr: string[] = [];
    // The bin as npm linked it (shebang, executable bit), the way `npx @x/mcp-server --sandbox` runs it.
    const transport = new StdioClientTransport({
      command: join(consumer, 'node_modules', '.bin', 'x-mcp-server'),
      args: ['--sandbox', '--tool-mode', 'static'],
      cwd: consumer,
      env: { PATH: [dirname(process.execPath), process.env.PATH ?? ''].join(delimiter) },
      stderr: 'pipe',
    });
    transport.stderr?.on('data', (chunk: Buffer) => stderr.push(chunk.toString('utf8')));
    const client = new Client({ name: 'packaging-test', version: '0.0.0' });
    try {
      await client.connect(transport, { timeout: 30_000 });
      expect(client.getServerVersion()?.version).toBe(packedOf('@x/mcp-server').manifest.version);
      const { tools } = await client.listTools(undefined, { timeout: 30_000 });
      expect(tools.length).toBe(expected.length);
      expect(tools.map((tool) => tool.name).sort()).toEqual(expected.map((spec) => spec.name).sort());
      // One argument-free read per vendor, answered by the installed testkit's simulators.
      for (const vendor of vendorModules) {
        const tool = argumentFreeRead(tools, vendor.id);
        expect(tool, `${vendor.id} has an argument-free read tool`).toBeDefined();
        const result = (await client.callTool({ name: tool?.name ?? '', arguments: {} }, undefined, {
          timeout: 30_000,
        })) as CallToolResult;
        expect(result.isError, `${tool?.name}: ${JSON.stringify(result.content)}`).toBeFalsy();
        expect(result.structuredContent).toMatchObject({ sandbox: true, account: 'sandbox' });
      }
      expect(stderr.join('')).toContain(`${expected.length} tools enabled`);
    } finally {
      await client.close();
    }
  });
});

interface SmokeReport {
  resolved: Record<string, string>;
  versions: Record<string, string>;
  userAgent: string;
  missingConfig: Record<string, string>;
  calls: Record<string, { items: number; requests: number }> & { ispmanager: { items: number } };
  server: { tools: number; allTools: number; version: string };
}

function argumentFreeRead(tools: Tool[], vendor: string): Tool | undefined {
  return tools.find(
    (tool) =>
      tool.name.startsWith(`${vendor}_`) &&
      tool.annotations?.readOnlyHint === true &&
      (tool.inputSchema.required ?? []).length === 0,
  );
}
