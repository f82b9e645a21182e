/**
 * Build step, run after tsc (`npm run build`): writes dist/listing-cache.json, the tools/list entries of every
 * tool, derived from the catalogs just built. See listing-cache.ts for why and when the server uses them.
 */
import { writeFileSync } from 'node:fs';
import { buildListingCache, LISTING_CACHE_FILE } from './listing-cache.js';
import { buildToolSpecs } from './tools.js';
import { vendorModules } from './vendors.js';

writeFileSync(LISTING_CACHE_FILE, JSON.stringify(buildListingCache(buildToolSpecs(vendorModules))));
