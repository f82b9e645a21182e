// Writes packages/<vendor>/API.md from the vendor's catalog, so the endpoint reference cannot drift from the
// code: the typed methods and the MCP tools derive from the same descriptors.
//
//   node scripts/api-docs.mjs [vendor ...]     (after building the packages; default: every vendor)
//
// The CLI reads the built packages (dist). `renderApiDoc` takes the module and the @x/auth-core exports as
// arguments, so a test can render from the sources and compare with the checked-in file
// (tools/evidence/test/docs/api-docs.test.ts does, for every vendor).
import { existsSync, writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** The vendor packages that have an API.md, by module id (also the folder under packages/). */
export const VENDORS = ['tuxcare', 'lunanode', 'ispmanager', 'vmmanager'];

/** More enum values than this are summarised as a count: the field's description names them anyway. */
const MAX_ENUM_VALUES = 12;

/** Longer patterns are left out, as in the MCP listing: the description states the rule in words. */
const MAX_PATTERN_LENGTH = 64;

/**
 * How to regenerate a vendor's API.md; the file's header and the drift test both quote it.
 * @param {string} vendor
 */
export function regenerateHint(vendor) {
  return (
    `build the package, then run \`node scripts/api-docs.mjs ${vendor}\` from the repository root ` +
    `(or \`pnpm run build && pnpm run docs\` in packages/${vendor})`
  );
}

/**
 * Renders the API reference of one vendor module as Markdown, in catalog order.
 * @param {import('@x/auth-core').VendorModule} module the vendor's `VendorModule` (e.g. `tuxcareModule`)
 * @param {typeof import('@x/auth-core')} core the @x/auth-core exports, from the same build as the module
 * @returns {string}
 */
export function renderApiDoc(module, core) {
  const entries = core.walkCatalog(module.catalog);
  const groups = groupEntries(entries);
  checkAnchors(entries, [...groups.keys()]);
  const out = [
    `# ${module.title} API reference`,
    '',
    `> Generated from the \`${module.id}\` catalog; do not edit. To update it, ${regenerateHint(module.id)}.`,
    '',
    `${entries.length} endpoints in ${groups.size} groups. Each is one typed client method (its input, then ` +
      'optional call options) and one MCP tool. The effect is what the call does to the vendor state; it ' +
      'decides retries and the MCP annotations (destructive tools ask for confirmation). The fields of a ' +
      'nested object follow it as `parent.field`; their "required" holds when the parent is given.',
    '',
    '| endpoint | effect | summary |',
    '| --- | --- | --- |',
    ...entries.map(
      (entry) =>
        `| [\`${entry.id}\`](#${anchor(entry.id)}) | ${entry.endpoint.effect} | ${cell(entry.endpoint.summary)} |`,
    ),
  ];
  for (const [group, members] of groups) {
    // "Group" keeps the section's anchor apart from a same-named endpoint's (`status`, `whoami`, `call`).
    out.push('', `## Group \`${group}\``, '', `Toolset \`${core.toolsetName(module.id, members[0])}\`.`);
    for (const entry of members) out.push('', ...renderEntry(module, core, entry));
  }
  return `${out.join('\n')}\n`;
}

/** @param {import('@x/auth-core').CatalogEntry[]} entries */
function groupEntries(entries) {
  /** @type {Map<string, import('@x/auth-core').CatalogEntry[]>} */
  const groups = new Map();
  for (const entry of entries) {
    const group = entry.path[0] ?? '';
    groups.set(group, [...(groups.get(group) ?? []), entry]);
  }
  return groups;
}

/**
 * @param {import('@x/auth-core').VendorModule} module
 * @param {typeof import('@x/auth-core')} core
 * @param {import('@x/auth-core').CatalogEntry} entry
 */
function renderEntry(module, core, entry) {
  const { endpoint } = entry;
  const schema = inputSchema(entry);
  const rows = fieldRows(schema, '', core.LISTED_AS);
  const optionalInput = (schema.required ?? []).length === 0;
  return [
    `### \`${entry.id}\``,
    '',
    [endpoint.summary, endpoint.description].filter(Boolean).join(' '),
    '',
    `- Method: \`client${entry.path.map(member).join('')}(${optionalInput ? 'input?' : 'input'})\``,
    `- MCP tool: \`${core.toolName(module.id, entry)}\``,
    `- Effect: ${effectText(endpoint, core)}`,
    `- Route: \`${JSON.stringify(endpoint.route)}\``,
    '',
    ...(rows.length === 0
      ? ['No input fields.']
      : ['| field | type | required | description |', '| --- | --- | --- | --- |', ...rows]),
  ];
}

/**
 * The input side of the zod schema as JSON Schema, as the MCP server lists it (before its compaction).
 * @param {import('@x/auth-core').CatalogEntry} entry
 */
function inputSchema(entry) {
  const input = /** @type {any} */ (entry.endpoint.input);
  if (typeof input.toJSONSchema !== 'function') {
    throw new Error(`${entry.id}: the input is not a zod 4 classic schema (no toJSONSchema)`);
  }
  return input.toJSONSchema({ io: 'input', unrepresentable: 'any' });
}

/** @param {string} key */
function member(key) {
  return /^[A-Za-z_$][\w$]*$/.test(key) ? `.${key}` : `[${JSON.stringify(key)}]`;
}

/**
 * @param {import('@x/auth-core').Endpoint} endpoint
 * @param {typeof import('@x/auth-core')} core
 */
function effectText(endpoint, core) {
  const hints = core.effectAnnotations(endpoint);
  const traits = [
    hints.readOnlyHint ? 'read-only' : hints.destructiveHint ? 'destructive' : 'not destructive',
    hints.idempotentHint ? 'idempotent' : 'not idempotent',
  ];
  return `${endpoint.effect} (${traits.join(', ')})`;
}

/**
 * One table row per field; the fields of a nested object (or of the objects in a list) follow their parent
 * as `parent.child` / `parent[].child`. References (recursive shapes such as filter trees) are not expanded.
 * @param {any} node an object schema
 * @param {string} prefix
 * @param {string} listedAs the auth-core LISTED_AS keyword
 * @returns {string[]}
 */
function fieldRows(node, prefix, listedAs) {
  const required = new Set(node.required ?? []);
  const rows = [];
  for (const [name, field] of Object.entries(node.properties ?? {})) {
    const path = `${prefix}${name}`;
    const description = field.description ?? field[listedAs]?.description ?? '';
    const need = required.has(name)
      ? 'yes'
      : field.default === undefined
        ? 'no'
        : `no (default \`${JSON.stringify(field.default)}\`)`;
    rows.push(`| \`${path}\` | ${cell(fieldType(field))} | ${need} | ${cell(description)} |`);
    if (field.type === 'object') rows.push(...fieldRows(field, `${path}.`, listedAs));
    if (field.type === 'array' && field.items?.type === 'object') {
      rows.push(...fieldRows(field.items, `${path}[].`, listedAs));
    }
  }
  return rows;
}

/**
 * A field's type (TypeScript notation, in a code span) with its limits, e.g. `` `integer` (1 to 65535) ``.
 * @param {any} field
 */
function fieldType(field) {
  // A field's own format joins its limits: "string (email, ≤ 254 chars)", not "string (email) (≤ 254 chars)".
  const formatted = field.type === 'string' && field.format !== undefined && !field.enum;
  const base = formatted ? 'string' : typeText(field);
  const limits = [...(formatted ? [field.format] : []), ...constraints(field)];
  // One code span for the type: `Record<string, string>` would otherwise read as an HTML tag.
  return limits.length > 0 ? `\`${base}\` (${limits.join(', ')})` : `\`${base}\``;
}

/**
 * @param {any} node
 * @returns {string}
 */
function typeText(node) {
  if (!node || typeof node !== 'object') return 'unknown';
  // zod emits a reference only for a recursive shape (a filter tree): an object or a union of objects.
  if (node.$ref !== undefined) return 'object';
  if (node.const !== undefined) return JSON.stringify(node.const);
  if (Array.isArray(node.enum)) {
    if (node.enum.length > MAX_ENUM_VALUES) return `${node.type ?? 'value'} (${node.enum.length} values)`;
    return node.enum.map((value) => JSON.stringify(value)).join(' | ');
  }
  const branches = node.anyOf ?? node.oneOf;
  if (Array.isArray(branches)) return unionText(branches);
  if (Array.isArray(node.type)) return unionText(node.type.map((type) => ({ type })));
  switch (node.type) {
    case 'array':
      return node.items ? `${wrap(typeText(node.items))}[]` : 'unknown[]';
    case 'object':
      return node.additionalProperties && typeof node.additionalProperties === 'object' && !node.properties
        ? `Record<string, ${typeText(node.additionalProperties)}>`
        : 'object';
    case 'string':
      return node.format ? `string (${node.format})` : 'string';
    case undefined:
      return 'unknown';
    default:
      return node.type;
  }
}

/**
 * Joins union members once each; a plain `string` (or number) member absorbs enums of its kind, which it
 * already admits (a product code: known codes or any code).
 * @param {any[]} branches
 */
function unionText(branches) {
  const plain = new Set(branches.filter((b) => !b.enum && b.const === undefined).map((b) => b.type));
  const kept = branches.filter((b) => !((b.enum || b.const !== undefined) && plain.has(b.type ?? '')));
  return [...new Set(kept.map(typeText))].join(' | ');
}

/** @param {string} text */
function wrap(text) {
  return text.includes(' ') ? `(${text})` : text;
}

/**
 * The limits a reader needs: lengths, ranges, counts, steps and short patterns. The ±(2^53 - 1) bounds
 * zod puts on every integer say nothing and are left out, as in the MCP listing.
 * @param {any} node
 */
function constraints(node) {
  const out = [];
  const range = (min, max, unit) => {
    if (min !== undefined && min === max) out.push(unit ? `${min}${unit}` : `= ${min}`);
    else if (min !== undefined && max !== undefined) out.push(`${min} to ${max}${unit}`);
    else if (min !== undefined) out.push(`≥ ${min}${unit}`);
    else if (max !== undefined) out.push(`≤ ${max}${unit}`);
  };
  const bound = (value, safe) => (value === safe ? undefined : value);
  range(node.minLength, node.maxLength, ' chars');
  range(node.minItems, node.maxItems, ' items');
  range(bound(node.minimum, Number.MIN_SAFE_INTEGER), bound(node.maximum, Number.MAX_SAFE_INTEGER), '');
  if (node.exclusiveMinimum !== undefined) out.push(`> ${node.exclusiveMinimum}`);
  if (node.exclusiveMaximum !== undefined) out.push(`< ${node.exclusiveMaximum}`);
  if (node.multipleOf !== undefined) out.push(`multiple of ${node.multipleOf}`);
  const pattern = node.pattern;
  if (
    typeof pattern === 'string' &&
    node.format === undefined &&
    pattern.length <= MAX_PATTERN_LENGTH &&
    !pattern.includes('`')
  ) {
    out.push(`pattern \`${pattern}\``);
  }
  return out;
}

/**
 * A Markdown table cell: pipes escaped (also inside code spans, which GitHub allows), one line.
 * @param {string} text
 */
function cell(text) {
  return text.replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');
}

/**
 * GitHub's anchor of a heading's text: lower case, punctuation other than `-` and `_` dropped, spaces to `-`.
 * @param {string} text
 */
function anchor(text) {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9 _-]/g, '')
    .replace(/ /g, '-');
}

/**
 * Two headings with one anchor would make the index link the wrong one (GitHub numbers the second `-1`):
 * ids differing only in dots, or a group heading matching an endpoint's.
 * @param {import('@x/auth-core').CatalogEntry[]} entries
 * @param {string[]} groups
 */
function checkAnchors(entries, groups) {
  const headings = [...entries.map((entry) => entry.id), ...groups.map((group) => `Group ${group}`)];
  const seen = new Map();
  for (const heading of headings) {
    const other = seen.get(anchor(heading));
    if (other) throw new Error(`"${other}" and "${heading}" would share the anchor #${anchor(heading)}`);
    seen.set(anchor(heading), heading);
  }
}

/** Writes packages/<vendor>/API.md for each vendor named (all by default) from the built packages. */
async function main(names) {
  const vendors = names.length > 0 ? names : VENDORS;
  const unknown = vendors.filter((vendor) => !VENDORS.includes(vendor));
  if (unknown.length > 0)
    throw new Error(`unknown vendor ${unknown.join(', ')}; known: ${VENDORS.join(', ')}`);
  const root = new URL('../', import.meta.url);
  const core = await importBuilt(new URL('packages/auth-core/dist/index.js', root), 'auth-core');
  for (const vendor of vendors) {
    const built = await importBuilt(new URL(`packages/${vendor}/dist/index.js`, root), vendor);
    const module = built[`${vendor}Module`];
    if (!module) throw new Error(`packages/${vendor}/dist does not export ${vendor}Module`);
    const target = new URL(`packages/${vendor}/API.md`, root);
    writeFileSync(target, renderApiDoc(module, core));
    console.log(`wrote packages/${vendor}/API.md (${core.walkCatalog(module.catalog).length} endpoints)`);
  }
}

/**
 * @param {URL} url
 * @param {string} name
 */
function importBuilt(url, name) {
  if (!existsSync(url)) throw new Error(`${fileURLToPath(url)} is missing: build packages/${name} first`);
  return import(url.href);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main(process.argv.slice(2)).catch((error) => {
    console.error(`api-docs: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  });
}
