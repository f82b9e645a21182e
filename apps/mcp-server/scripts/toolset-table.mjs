// Rewrites the toolset table in README.md (between the toolsets markers) from the built catalog:
// node scripts/toolset-table.mjs   (after `npm run build`)
import { readFileSync, writeFileSync } from 'node:fs';
import { toolRows } from '../dist/list-tools.js';
import { buildToolSpecs } from '../dist/tools.js';
import { vendorModules } from '../dist/vendors.js';

const rows = toolRows(buildToolSpecs(vendorModules), 'destructive');
const sets = new Map();
for (const row of rows) {
  const item = sets.get(row.toolset) ?? { tools: 0, tokens: 0, reads: 0 };
  item.tools++;
  item.tokens += row.tokens;
  if (row.effect === 'read') item.reads++;
  sets.set(row.toolset, item);
}
const total = rows.reduce((sum, row) => sum + row.tokens, 0);
const lines = ['| toolset | tools | read-only | tokens |', '| --- | ---: | ---: | ---: |'];
for (const [name, item] of sets)
  lines.push(`| \`${name}\` | ${item.tools} | ${item.reads} | ${item.tokens} |`);
lines.push(
  `| **all** | **${rows.length}** | **${rows.filter((r) => r.effect === 'read').length}** | **${total}** |`,
);
const file = new URL('../README.md', import.meta.url);
const readme = readFileSync(file, 'utf8');
const start = '<!-- toolsets:start -->';
const end = '<!-- toolsets:end -->';
const updated = `${readme.slice(0, readme.indexOf(start) + start.length)}\n${lines.join('\n')}\n${readme.slice(readme.indexOf(end))}`;
writeFileSync(file, updated);
console.log(`${sets.size} toolsets, ${rows.length} tools, ${total} tokens`);
