// Rewrites the toolset table in README.md (between the toolsets markers) from the built catalog:
// node scripts/toolset-table.mjs   (after `npm run build`)
import { readFileSync, writeFileSync } from 'node:fs';
import { toolRows, toolsetTotals } from '../dist/list-tools.js';
import { loadTokenCounter } from '../dist/tokens.js';
import { buildToolSpecs } from '../dist/tools.js';
import { vendorModules } from '../dist/vendors.js';

// Dev tooling: counts what the build did not (gpt-tokenizer is a devDependency), so the table is never partial.
const counter = await loadTokenCounter();
if (!counter)
  throw new Error('gpt-tokenizer is missing: run the workspace install (npm run build installs it)');
const rows = toolRows(buildToolSpecs(vendorModules), 'destructive', counter);
const sets = toolsetTotals(rows);
const total = rows.reduce((sum, row) => sum + row.tokens, 0);
const cells = [['toolset', 'tools', 'read-only', 'tokens']];
for (const [name, item] of sets) cells.push([`\`${name}\``, item.tools, item.reads, item.tokens].map(String));
const reads = rows.filter((r) => r.effect === 'read').length;
cells.push(['all', rows.length, reads, total].map((value) => `**${value}**`));
// Padded as the repository's Markdown formatter (Biome) writes tables, so the README stays formatted.
const widths = cells[0].map((_, column) => Math.max(3, ...cells.map((row) => row[column].length)));
const line = (row) =>
  `| ${row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]) : cell.padStart(widths[column]))).join(' | ')} |`;
const lines = [
  line(cells[0]),
  `| ${widths.map((width, column) => (column === 0 ? '-'.repeat(width) : `${'-'.repeat(width - 1)}:`)).join(' | ')} |`,
  ...cells.slice(1).map(line),
];
const file = new URL('../README.md', import.meta.url);
const readme = readFileSync(file, 'utf8');
const start = '<!-- toolsets:start -->';
const end = '<!-- toolsets:end -->';
const updated = `${readme.slice(0, readme.indexOf(start) + start.length)}\n${lines.join('\n')}\n${readme.slice(readme.indexOf(end))}`;
writeFileSync(file, updated);
console.log(`${sets.size} toolsets, ${rows.length} tools, ${total} tokens`);
