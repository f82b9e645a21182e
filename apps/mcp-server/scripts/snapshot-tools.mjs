// Refreshes test/tools.snapshot.json: every tool as an agent sees it (name, title, description, inputSchema,
// annotations, toolset). The snapshot test fails on any difference, so each change to what agents see is
// reviewed in the diff. Run after `npm run build`: node scripts/snapshot-tools.mjs
import { writeFileSync } from 'node:fs';
import { buildToolSnapshot } from '../dist/snapshot.js';

const file = new URL('../test/tools.snapshot.json', import.meta.url);
writeFileSync(file, `${JSON.stringify(buildToolSnapshot(), null, 2)}\n`);
console.log(`wrote ${file.pathname}`);
