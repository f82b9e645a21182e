#!/usr/bin/env node
// The catalog compiler: everything that derives from the vendor catalogs, written from the built packages.
//
//   npm run generate            (after `npm run build`) writes every output below
//   npm run generate -- --check fails, naming each file, when one differs from what the catalogs produce
//
// Outputs: per vendor, the typed method declarations with TSDoc (packages/<vendor>/src/methods.generated.ts)
// and the endpoint reference (packages/<vendor>/API.md); the MCP tool snapshot
// (apps/mcp-server/test/tools.snapshot.json, every tool as an agent sees it, reviewed in the diff); and the
// MCP server README's toolset and credentials tables. `npm test` runs the check after the build.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { renderApiDoc } from './generate/api-doc.mjs';
import { renderMethods } from './generate/methods.mjs';
import { credentialsTable, replaceSection, toolsetTable } from './generate/readme.mjs';
import { VENDORS } from './generate/vendors.mjs';

const root = new URL('../', import.meta.url);

/**
 * @typedef {{ path: string; content: string }} Output a repository-relative path and its full content
 */

/** Every output, from the built packages. @returns {Promise<Output[]>} */
export async function outputs() {
  // The generator renders with the core's root and projection exports (tool names, annotations, LISTED_AS).
  const core = {
    ...(await importBuilt('packages/auth-core/dist/index.js')),
    ...(await importBuilt('packages/auth-core/dist/projection.js')),
  };
  /** @type {import('@x/auth-core/projection').VendorModule[]} */
  const modules = [];
  for (const vendor of VENDORS) {
    const module = (await importBuilt(`packages/${vendor}/dist/index.js`))[`${vendor}Module`];
    if (!module) throw new Error(`packages/${vendor}/dist does not export ${vendor}Module`);
    const unresolved = core.unresolvedRefs(module.catalog);
    if (unresolved.length > 0) throw new Error(`${vendor}: ${unresolved.join('; ')}`);
    modules.push(module);
  }
  /** @type {Output[]} */
  const out = [];
  for (const module of modules) {
    out.push({
      path: `packages/${module.id}/src/methods.generated.ts`,
      content: renderMethods(module, core),
    });
    out.push({ path: `packages/${module.id}/API.md`, content: renderApiDoc(module, core) });
  }
  const { buildToolSnapshot } = await importBuilt('apps/mcp-server/dist/snapshot.js');
  out.push({
    path: 'apps/mcp-server/test/tools.snapshot.json',
    content: `${JSON.stringify(buildToolSnapshot(), null, 2)}\n`,
  });
  out.push({ path: 'apps/mcp-server/README.md', content: await serverReadme(modules) });
  return out.map(({ path, content }) => ({ path, content: format(path, content) }));
}

/** @param {import('@x/auth-core/projection').VendorModule[]} modules */
async function serverReadme(modules) {
  const { toolRows, toolsetTotals } = await importBuilt('apps/mcp-server/dist/list-tools.js');
  const { loadTokenCounter } = await importBuilt('apps/mcp-server/dist/tokens.js');
  const { buildToolSpecs } = await importBuilt('apps/mcp-server/dist/tools.js');
  const { vendorModules } = await importBuilt('apps/mcp-server/dist/vendors.js');
  // Dev tooling counts what the build did not (gpt-tokenizer is a devDependency), so the table is never partial.
  const counter = await loadTokenCounter();
  if (!counter) throw new Error('gpt-tokenizer is missing: run the workspace install (npm run build)');
  const rows = toolRows(buildToolSpecs(vendorModules), 'destructive', counter);
  let readme = readFileSync(new URL('apps/mcp-server/README.md', root), 'utf8');
  readme = replaceSection(readme, 'toolsets', toolsetTable(rows, toolsetTotals));
  return replaceSection(readme, 'credentials', credentialsTable(modules));
}

/**
 * Formats TypeScript and JSON as the repository's formatter does (Biome), so a generated file passes lint
 * as written.
 * @param {string} path
 * @param {string} content
 */
function format(path, content) {
  if (!/\.(ts|json)$/.test(path)) return content;
  const biome = fileURLToPath(new URL('node_modules/@biomejs/biome/bin/biome', root));
  const result = spawnSync(process.execPath, [biome, 'format', `--stdin-file-path=${path}`], {
    cwd: fileURLToPath(root),
    input: content,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.status !== 0) throw new Error(`biome could not format ${path}: ${result.stderr}`);
  return result.stdout;
}

/**
 * The outputs whose checked-in file differs from what was generated (or is missing).
 * @param {Output[]} generated
 * @param {URL} [base] the repository root
 * @returns {string[]}
 */
export function stale(generated, base = root) {
  return generated
    .filter(({ path, content }) => {
      const file = new URL(path, base);
      return !existsSync(file) || readFileSync(file, 'utf8') !== content;
    })
    .map(({ path }) => path);
}

/** @param {string} path */
function importBuilt(path) {
  const url = new URL(path, root);
  if (!existsSync(url)) throw new Error(`${fileURLToPath(url)} is missing: run \`npm run build\` first`);
  return import(url.href);
}

async function main(args) {
  const check = args.includes('--check');
  const generated = await outputs();
  const drift = stale(generated);
  if (check) {
    if (drift.length > 0) {
      console.error(
        `generate: out of date with the catalogs: ${drift.join(', ')}.\n` +
          'Run `npm run build && npm run generate` and review the diff.',
      );
      process.exitCode = 1;
    } else console.log(`generate: ${generated.length} files match the catalogs`);
    return;
  }
  for (const { path, content } of generated) {
    if (drift.includes(path)) writeFileSync(new URL(path, root), content);
  }
  console.log(
    `generate: ${drift.length} of ${generated.length} files rewritten${drift.length ? `: ${drift.join(', ')}` : ''}`,
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main(process.argv.slice(2)).catch((error) => {
    console.error(`generate: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  });
}
