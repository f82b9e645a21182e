// The README tables the catalog compiler owns, each between `<!-- name:start -->` and `<!-- name:end -->`.

/**
 * Replaces the text between a README's markers.
 * @param {string} readme
 * @param {string} name marker name, e.g. `toolsets`
 * @param {string[]} lines the new content
 */
export function replaceSection(readme, name, lines) {
  const start = `<!-- ${name}:start -->`;
  const end = `<!-- ${name}:end -->`;
  const from = readme.indexOf(start);
  const to = readme.indexOf(end);
  if (from < 0 || to < from) throw new Error(`the README has no ${start} ... ${end} section`);
  return `${readme.slice(0, from + start.length)}\n${lines.join('\n')}\n${readme.slice(to)}`;
}

/**
 * A Markdown table padded as the repository's formatter writes it; columns after the first are right-aligned
 * when `numeric`.
 * @param {string[][]} cells header row first
 * @param {{ numeric?: boolean }} [options]
 */
export function table(cells, { numeric = false } = {}) {
  const widths = cells[0].map((_, column) => Math.max(3, ...cells.map((row) => row[column].length)));
  const right = (/** @type {number} */ column) => numeric && column > 0;
  const line = (/** @type {string[]} */ row) =>
    `| ${row.map((cell, column) => (right(column) ? cell.padStart(widths[column]) : cell.padEnd(widths[column]))).join(' | ')} |`;
  const rule = widths.map((width, column) =>
    right(column) ? `${'-'.repeat(width - 1)}:` : '-'.repeat(width),
  );
  return [line(cells[0]), `| ${rule.join(' | ')} |`, ...cells.slice(1).map(line)];
}

/**
 * The toolset table: per toolset, its tools, how many only read, and their listing tokens.
 * @param {{ toolset: string; effect: string; tokens: number | undefined }[]} rows one per tool
 * @param {(rows: any[]) => Map<string, { tools: number; reads: number; tokens: number }>} totals
 */
export function toolsetTable(rows, totals) {
  const sets = totals(rows);
  const total = rows.reduce((sum, row) => sum + (row.tokens ?? 0), 0);
  const cells = [['toolset', 'tools', 'read-only', 'tokens']];
  for (const [name, item] of sets)
    cells.push([`\`${name}\``, item.tools, item.reads, item.tokens].map(String));
  const reads = rows.filter((row) => row.effect === 'read').length;
  cells.push(['all', rows.length, reads, total].map((value) => `**${value}**`));
  return table(cells, { numeric: true });
}

/**
 * The credentials table, from each vendor's declared settings: required, optional, and which are secret.
 * @param {import('@x/auth-core/projection').VendorModule[]} modules
 */
export function credentialsTable(modules) {
  const cells = [['vendor', 'required', 'optional']];
  for (const module of modules) {
    const { required, optional, secret } = module.settings;
    const name = (/** @type {string} */ setting) =>
      `\`${setting}\`${secret.includes(setting) ? ' (secret)' : ''}`;
    cells.push([module.title, required.map(name).join(', '), optional.map(name).join(', ') || '-']);
  }
  return table(cells);
}
