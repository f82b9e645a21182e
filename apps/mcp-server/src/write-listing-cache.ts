/**
 * Build step, run after tsc (`npm run build`): writes dist/listing-cache.json, the tools/list entries of every
 * tool, derived from the catalogs just built (see listing-cache.ts for why and when the server uses them), and
 * dist/listing-tokens.json, the o200k token count of every definition the server can list before any
 * configuration is read (see tokens.ts: the tokenizer is a devDependency, so counts are made here).
 */
import { writeFileSync } from 'node:fs';
import { DEFAULT_ACCOUNT, SANDBOX_ACCOUNT } from './accounts.js';
import { CONFIRM_MODES, needsConfirmation } from './confirm.js';
import { buildListingCache, LISTING_CACHE_FILE } from './listing-cache.js';
import { listedTool } from './schema.js';
import { buildTokenCounts, loadTokenCounter, TOKEN_COUNTS_FILE, TOKENIZER_MODULE } from './tokens.js';
import { buildToolSpecs } from './tools.js';
import { VENDOR_LOADERS } from './vendor-loaders.js';
import { vendorModules } from './vendors.js';

// The bin loads vendors through VENDOR_LOADERS and the library exports vendorModules: the same modules.
if (
  VENDOR_LOADERS.length !== vendorModules.length ||
  VENDOR_LOADERS.some((loader, i) => loader.load() !== vendorModules[i])
) {
  throw new Error('vendor-loaders.ts and vendors.ts must name the same vendor modules in the same order');
}
const tools = buildToolSpecs(vendorModules);
writeFileSync(LISTING_CACHE_FILE, JSON.stringify(buildListingCache(tools)));

const count = await loadTokenCounter();
if (!count) throw new Error(`the build counts tokens with ${TOKENIZER_MODULE} (a devDependency): install it`);
// Single-account listings (`[]`, what toolRows and the snapshot use), the environment's and the sandbox's
// account, each with every confirmation setting a --confirm mode gives the tool.
const definitions = tools.flatMap((tool) =>
  [[], [DEFAULT_ACCOUNT], [SANDBOX_ACCOUNT]].flatMap((names) =>
    [...new Set(CONFIRM_MODES.map((mode) => needsConfirmation(tool, mode)))].map((confirms) =>
      listedTool(tool, names, confirms),
    ),
  ),
);
writeFileSync(TOKEN_COUNTS_FILE, JSON.stringify(buildTokenCounts(definitions, count)));
