// Renders packages/<vendor>/src/methods.generated.ts: the typed client methods, one declaration per catalog
// endpoint with TSDoc from its summary, description and input fields (Octokit's generated method types are
// the model), so hovering `tc.els.key.create` shows what the call does and where its ids come from. The
// vendor's client type is built on it; its shape is the core's `BoundCatalog` of the same catalog, which
// the client's factory checks by returning one.
import { jsonSchema, methodCall, REGENERATE } from './api-doc.mjs';
import { CLIENT_NAMES } from './vendors.mjs';

/**
 * @param {import('@x/auth-core/projection').VendorModule} module
 * @param {typeof import('@x/auth-core') & typeof import('@x/auth-core/projection')} core
 * @returns {string}
 */
export function renderMethods(module, core) {
  const names = CLIENT_NAMES[module.id];
  if (!names) throw new Error(`${module.id}: no client names in scripts/generate/vendors.mjs`);
  const entries = core.walkCatalog(module.catalog);
  const out = [
    `// Generated from the ${module.id} catalog by the catalog compiler (scripts/generate.mjs); do not edit.`,
    `// To update it, ${REGENERATE}.`,
    "import type { CallOptions, Method } from '@x/auth-core';",
    `import type { ${names.type}Catalog as C } from './catalog.js';`,
    '',
    '/**',
    ` * The typed methods of the ${module.title} client, nested as the catalog: one per endpoint, each`,
    ' * documented from its declaration.',
    ' *',
    ' * @typeParam Options - the per-call options the client accepts',
    ' */',
    `export interface ${names.type}Methods<Options extends CallOptions = CallOptions> {`,
    ...level(tree(entries), [], 1, module, core),
    '}',
  ];
  return `${out.join('\n')}\n`;
}

/**
 * @typedef {{ entry?: import('@x/auth-core').CatalogEntry; children: Map<string, Node> }} Node
 * @param {import('@x/auth-core').CatalogEntry[]} entries
 * @returns {Node}
 */
function tree(entries) {
  /** @type {Node} */
  const root = { children: new Map() };
  for (const entry of entries) {
    let node = root;
    for (const key of entry.path) {
      const next = node.children.get(key) ?? { children: new Map() };
      node.children.set(key, next);
      node = next;
    }
    node.entry = entry;
  }
  return root;
}

/**
 * @param {Node} node
 * @param {string[]} path
 * @param {number} depth
 * @param {import('@x/auth-core/projection').VendorModule} module
 * @param {typeof import('@x/auth-core') & typeof import('@x/auth-core/projection')} core
 * @returns {string[]}
 */
function level(node, path, depth, module, core) {
  const indent = '  '.repeat(depth);
  const lines = [];
  for (const [key, child] of node.children) {
    const keyPath = [...path, key];
    const name = /^[A-Za-z_$][\w$]*$/.test(key) ? key : JSON.stringify(key);
    if (child.entry) {
      const at = keyPath.map((segment) => `[${JSON.stringify(segment)}]`).join('');
      lines.push(
        ...doc(child.entry, module, core).map((line) => `${indent}${line}`),
        `${indent}readonly ${name}: Method<C${at}['input'], C${at}['output'], Options>;`,
      );
    } else {
      lines.push(
        `${indent}readonly ${name}: {`,
        ...level(child, keyPath, depth + 1, module, core),
        `${indent}};`,
      );
    }
  }
  return lines;
}

/**
 * The TSDoc block of one method.
 * @param {import('@x/auth-core').CatalogEntry} entry
 * @param {import('@x/auth-core/projection').VendorModule} module
 * @param {typeof import('@x/auth-core') & typeof import('@x/auth-core/projection')} core
 */
function doc(entry, module, core) {
  const { endpoint } = entry;
  const render = (/** @type {string} */ id) => `\`${methodCall(module.id, id)}\``;
  const text = (/** @type {string} */ value) => commentText(core.renderRefs(value.trim(), render));
  const schema = core.renderRefsDeep(jsonSchema(entry, 'input'), render);
  const required = new Set(schema.required ?? []);
  const fields = Object.entries(schema.properties ?? {}).map(([field, property]) => {
    const description = property.description ?? property[core.LISTED_AS]?.description ?? '';
    const need = required.has(field) ? '' : ' (optional)';
    return ` * - \`${field}\`${need}${description ? `: ${commentText(oneLine(description))}` : ''}`;
  });
  const hints = core.effectAnnotations(endpoint);
  const traits = [
    hints.readOnlyHint ? 'read-only' : hints.destructiveHint ? 'destructive' : 'not destructive',
    hints.idempotentHint ? 'idempotent, retried' : 'not idempotent, never retried once sent',
  ];
  return [
    '/**',
    ` * ${text(endpoint.summary)}`,
    ...(endpoint.description ? [' *', ` * ${text(oneLine(endpoint.description))}`] : []),
    ' *',
    ...(fields.length > 0 ? [' * Input:', ...fields, ' *'] : []),
    ` * Effect: ${endpoint.effect} (${traits.join('; ')}).`,
    ' *',
    ` * @param input - ${fields.length > 0 ? 'the fields above' : 'none'}, validated before any request is sent`,
    ' * @param options - per-call options (timeout, abort signal, ...)',
    ` * @see API.md#${anchor(entry.id)} for the input and output shapes`,
    ' */',
  ];
}

/** @param {string} value */
function oneLine(value) {
  return value.replace(/\s*\n\s*/g, ' ');
}

/**
 * Keeps a text inside its comment and out of TSDoc's tag syntax.
 * @param {string} value
 */
function commentText(value) {
  return value.replace(/\*\//g, '*\\/').replace(/(^|\s)@/g, '$1\\@');
}

/** @param {string} text GitHub's heading anchor, as API.md links it */
function anchor(text) {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9 _-]/g, '')
    .replace(/ /g, '-');
}
