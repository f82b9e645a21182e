// The distribution files of @x/mcp-server: server.json for the MCP Registry, validated against the
// registry's published schema (a committed copy, apps/mcp-server/schemas/), and the MCPB bundle manifest,
// validated and packed by the official mcpb CLI. Each check also runs on a broken copy, so a validator that
// accepts anything fails here.
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { vendorModules } from '@x/mcp-server';
import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildBundle, mcpbEntry } from '../../scripts/bundle-mcpb.mjs';
import { childEnv, ROOT, run } from './support.js';

const SERVER_DIR = join(ROOT, 'apps', 'mcp-server');
const readJson = async <T>(file: string): Promise<T> => JSON.parse(await readFile(file, 'utf8')) as T;

interface PackageJson {
  name: string;
  version: string;
  mcpName: string;
  bin: Record<string, string>;
  engines: { node: string };
}
interface EnvironmentVariable {
  name: string;
  isSecret?: boolean;
}
interface ServerJson {
  $schema: string;
  name: string;
  version: string;
  description: string;
  packages: {
    registryType: string;
    identifier: string;
    version: string;
    transport: { type: string };
    environmentVariables: EnvironmentVariable[];
  }[];
}
interface McpbManifest {
  version: string;
  server: {
    entry_point: string;
    mcp_config: { command: string; args: string[]; env: Record<string, string> };
  };
  user_config: Record<string, { type: string; sensitive?: boolean }>;
  privacy_policies: string[];
  compatibility: { runtimes: { node: string } };
}

let pkg: PackageJson;
let serverJson: ServerJson;
let manifest: McpbManifest;
let scratch = '';
beforeAll(async () => {
  [pkg, serverJson, manifest] = await Promise.all([
    readJson<PackageJson>(join(SERVER_DIR, 'package.json')),
    readJson<ServerJson>(join(SERVER_DIR, 'server.json')),
    readJson<McpbManifest>(join(SERVER_DIR, 'manifest.json')),
  ]);
  scratch = await mkdtemp(join(tmpdir(), 'x-distribution-'));
});
afterAll(async () => {
  if (scratch) await rm(scratch, { recursive: true, force: true });
});

/** Every setting each vendor declares, and the secret ones: what the distribution files must offer. */
const settings = vendorModules.flatMap((vendor) => [
  ...vendor.settings.required,
  ...vendor.settings.optional,
]);
const secrets = new Set(vendorModules.flatMap((vendor) => vendor.settings.secret));
/** The credentials: without them a vendor is not served. */
const credentials = new Set(
  vendorModules.flatMap((vendor) => [...vendor.settings.required, ...vendor.settings.secret]),
);

/** A validator for the committed registry schema (draft-07, with `format` checked as the registry does). */
async function registryValidator() {
  const schema = await readJson<Record<string, unknown>>(join(SERVER_DIR, 'schemas', 'server.schema.json'));
  // ajv-formats is CommonJS with `exports.default` = the plugin: the one spelling both Node and tsc agree on.
  const addFormats = addFormatsModule.default;
  // Strict, except for the lint of `required` names defined elsewhere (the schema's anyOf of `required`
  // branches is valid draft-07 that strictRequired flags as a style issue).
  const ajv = new Ajv({ allErrors: true, strict: true, strictRequired: false });
  // `example` is an OpenAPI annotation the generated schema carries; it constrains nothing.
  ajv.addKeyword('example');
  addFormats(ajv);
  return { schema, validate: ajv.compile(schema) };
}

describe('server.json (MCP Registry)', () => {
  it('the committed schema is the one its README names (hash), and server.json declares it', async () => {
    const bytes = await readFile(join(SERVER_DIR, 'schemas', 'server.schema.json'));
    const readme = await readFile(join(SERVER_DIR, 'schemas', 'README.md'), 'utf8');
    expect(readme).toContain(createHash('sha256').update(bytes).digest('hex'));
    const { schema } = await registryValidator();
    expect(schema.$id).toBe('https://static.modelcontextprotocol.io/schemas/2025-12-11/server.schema.json');
    expect(serverJson.$schema).toBe(schema.$id);
  });

  it('is valid against the registry schema', async () => {
    const { validate } = await registryValidator();
    expect(validate(serverJson), JSON.stringify(validate.errors, null, 2)).toBe(true);
  });

  // Each breaks one field the registry checks: [what, field path, broken value].
  it.each([
    ['a description over 100 characters', ['description'], 'x'.repeat(101)],
    ['a name without a namespace', ['name'], 'x-mcp-server'],
    ['package version "latest"', ['packages', 0, 'version'], 'latest'],
    ['an unknown transport', ['packages', 0, 'transport', 'type'], 'ws'],
  ] as const)('the same schema rejects a copy with %s', async (_what, path, value) => {
    const { validate } = await registryValidator();
    const copy = structuredClone(serverJson) as unknown as Record<string | number, unknown>;
    let target = copy;
    for (const key of path.slice(0, -1)) target = target[key] as Record<string | number, unknown>;
    target[path[path.length - 1] as string | number] = value;
    expect(validate(copy)).toBe(false);
  });

  it('agrees with package.json: mcpName, version, npm identifier, stdio', () => {
    // The registry proves npm ownership by package.json's mcpName being the server's name.
    expect(serverJson.name).toBe(pkg.mcpName);
    expect(serverJson.version).toBe(pkg.version);
    expect(serverJson.packages).toHaveLength(1);
    expect(serverJson.packages[0]).toMatchObject({
      registryType: 'npm',
      identifier: pkg.name,
      version: pkg.version,
      transport: { type: 'stdio' },
    });
  });

  it('lists every vendor setting as an environment variable, secret exactly when the vendor says so', () => {
    const variables = serverJson.packages[0]?.environmentVariables ?? [];
    const names = variables.map((variable) => variable.name);
    expect(new Set(names).size).toBe(names.length);
    expect(names.filter((name) => !name.startsWith('X_MCP_')).sort()).toEqual([...settings].sort());
    for (const variable of variables)
      expect(variable.isSecret === true, variable.name).toBe(secrets.has(variable.name));
  });
});

describe('manifest.json (MCPB bundle)', () => {
  const mcpb = (args: string[]) =>
    run(process.execPath, [mcpbEntry(), ...args], { cwd: scratch, timeoutMs: 60_000 });

  it('passes `mcpb validate` (the official CLI)', async () => {
    const result = await mcpb(['validate', join(SERVER_DIR, 'manifest.json')]);
    expect(result.code, `${result.stdout}\n${result.stderr}`).toBe(0);
    expect(result.stdout).toMatch(/validation passes/i);
  });

  it.each([
    ['no author', (copy: Record<string, unknown>) => void delete copy.author],
    [
      'a user_config entry of an unknown type',
      (copy: Record<string, unknown>) => {
        (copy.user_config as Record<string, { type: string }>).tuxcare_login = { type: 'password' } as never;
      },
    ],
  ])('`mcpb validate` rejects a copy with %s', async (what, breakIt) => {
    const copy = structuredClone(manifest) as unknown as Record<string, unknown>;
    breakIt(copy);
    const file = join(scratch, `broken-${what.replaceAll(' ', '-')}.json`);
    await writeFile(file, JSON.stringify(copy));
    const result = await mcpb(['validate', file]);
    expect(result.code).not.toBe(0);
  });

  it('maps a user_config entry to every vendor credential, sensitive exactly for the secrets', () => {
    const env = manifest.server.mcp_config.env;
    const mapped = new Map<string, string>();
    for (const [name, value] of Object.entries(env)) {
      const key = /^\$\{user_config\.([a-z0-9_]+)\}$/.exec(value)?.[1];
      expect(key, `${name} = ${value}`).toBeDefined();
      expect(manifest.user_config[key ?? ''], `${name} -> ${key}`).toBeDefined();
      mapped.set(name, key ?? '');
    }
    for (const name of credentials) expect(mapped.has(name), name).toBe(true);
    for (const [name, key] of mapped) {
      const entry = manifest.user_config[key];
      expect(entry?.sensitive === true, `${key} (${name})`).toBe(secrets.has(name));
    }
  });

  it('runs the published bin on the Node versions the package supports, and names privacy policies', () => {
    expect(manifest.version).toBe(pkg.version);
    expect(manifest.server.entry_point).toBe(pkg.bin['x-mcp-server']?.replace(/^\.\//, ''));
    expect(manifest.server.mcp_config).toMatchObject({
      command: 'node',
      args: [`\${__dirname}/${manifest.server.entry_point}`],
    });
    expect(manifest.compatibility.runtimes.node).toBe(pkg.engines.node);
    // The bundle talks to vendor services that process user data: MCPB requires their policies then.
    expect(manifest.privacy_policies.length).toBeGreaterThan(0);
    for (const url of manifest.privacy_policies) expect(url).toMatch(/^https:\/\//);
  });

  it('packs (the repo script, `mcpb pack`) into a bundle that reads back and starts without dev dependencies', async () => {
    const bundle = await buildBundle(join(scratch, 'x-mcp-server.mcpb'));
    const unpacked = join(scratch, 'unpacked');
    const unpack = await mcpb(['unpack', bundle, unpacked]);
    expect(unpack.code, `${unpack.stdout}\n${unpack.stderr}`).toBe(0);
    expect(await readJson(join(unpacked, 'manifest.json'))).toEqual(manifest);
    expect((await readJson<PackageJson>(join(unpacked, 'package.json'))).version).toBe(pkg.version);
    // As Claude Desktop runs it: without the NODE_PATH a pnpm-run test inherits (it would reach the
    // workspace's gpt-tokenizer), so only the bundle's own node_modules resolve.
    const bundleEnv = childEnv();
    delete bundleEnv.NODE_PATH;
    // The bundle holds the light install: no tokenizer, yet --list-tools has every count (from the build).
    await expect(readFile(join(unpacked, 'node_modules', 'gpt-tokenizer', 'package.json'))).rejects.toThrow();
    const listed = await run(
      process.execPath,
      [join(unpacked, manifest.server.entry_point), '--list-tools', '--sandbox'],
      {
        cwd: unpacked,
        timeoutMs: 60_000,
        env: bundleEnv,
      },
    );
    expect(listed.code, listed.stderr).toBe(0);
    expect(listed.stdout).toMatch(/^\d+ tools, \d+ tokens \(o200k\), \d+ per tool on average$/m);
    expect(listed.stdout).not.toContain('token counts unavailable');
    // Without the build's counts (and no tokenizer to fall back on) the table still prints, and says why.
    await rm(join(unpacked, 'dist', 'listing-tokens.json'));
    const uncounted = await run(
      process.execPath,
      [join(unpacked, manifest.server.entry_point), '--list-tools', '--sandbox'],
      {
        cwd: unpacked,
        timeoutMs: 60_000,
        env: bundleEnv,
      },
    );
    expect(uncounted.code, uncounted.stderr).toBe(0);
    expect(uncounted.stdout).toMatch(/^tuxcare_\S+ +tuxcare\.\S+ +\w+ +-$/m);
    expect(uncounted.stdout).toContain('token counts unavailable');
  }, 240_000);
});
