/**
 * One neutral tree for both output formats. `out=xml` is parsed with fast-xml-parser configured to produce the
 * same `$`-keyed shape as `out=json` (text under `"$"`, attributes as `"$name"`), so a single walker turns
 * either into {@link PanelNode}s. The walker accepts value-or-array everywhere, `{}` for empty elements and
 * bare strings, because the panels' JSON is inconsistent about all three.
 */

/** An element: its text, its attributes, its child elements by name (repeated names keep their order). */
export interface PanelNode {
  text: string;
  attrs: Record<string, string>;
  children: Record<string, PanelNode[]>;
}

/** Deeper documents are refused: no panel answer nests like that, and it bounds recursion. */
export const MAX_DEPTH = 64;

/** Keys that must never become object properties (prototype pollution). */
const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype']);

/** Thrown for a shape no panel sends; the codec turns it into a ResponseFormatError. */
export class ShapeError extends Error {}

function scalar(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint')
    return String(value);
  throw new ShapeError('expected a text value');
}

/** Converts one `$`-keyed value (string, `{}`, object with `$`/`$attr`/children) to a node. */
export function toNode(value: unknown, depth = 0): PanelNode {
  if (depth > MAX_DEPTH) throw new ShapeError(`the document nests deeper than ${MAX_DEPTH} levels`);
  const node: PanelNode = { text: '', attrs: Object.create(null), children: Object.create(null) };
  if (value === null || typeof value !== 'object') {
    node.text = scalar(value);
    return node;
  }
  if (Array.isArray(value)) throw new ShapeError('expected an element, got a list');
  for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
    if (key === '$') node.text = scalar(item);
    else if (key.startsWith('$')) {
      const name = key.slice(1);
      if (!FORBIDDEN.has(name)) node.attrs[name] = scalar(item);
    } else if (!FORBIDDEN.has(key)) {
      const items = Array.isArray(item) ? item : [item];
      node.children[key] = items.map((child) => toNode(child, depth + 1));
    }
  }
  return node;
}

/** The flattened value of a field: plain text, or an object of attributes, children and `$` text. */
export type FieldValue = string | { [key: string]: FieldValue | FieldValue[] };

/**
 * Flattens a node for a result: an element with only text becomes that text (`<name>a</name>` → `"a"`,
 * `<php/>` → `""`); one with attributes or children becomes an object of them, its text under `$`
 * (`<user used="1" limit="10"/>` → `{ used: "1", limit: "10" }`).
 */
export function flatten(node: PanelNode): FieldValue {
  const attrs = Object.keys(node.attrs);
  const children = Object.keys(node.children);
  if (attrs.length === 0 && children.length === 0) return node.text;
  const out: { [key: string]: FieldValue | FieldValue[] } = {};
  for (const name of attrs) out[name] = node.attrs[name] as string;
  Object.assign(out, fields(node));
  if (node.text !== '') out.$ = node.text;
  return out;
}

/**
 * `flatten(toNode(value, depth))` computed straight from the parser's `$`-keyed output, without building the
 * intermediate nodes: a 10,000-row list is about 100,000 of them, and building them was a third of the decode.
 * Same result, same ShapeErrors (depth, lists where an element belongs, non-text values).
 */
export function flattenValue(value: unknown, depth = 0): FieldValue {
  if (depth > MAX_DEPTH) throw new ShapeError(`the document nests deeper than ${MAX_DEPTH} levels`);
  if (value === null || typeof value !== 'object') return scalar(value);
  if (Array.isArray(value)) throw new ShapeError('expected an element, got a list');
  let text = '';
  let attrs: [string, string][] | undefined;
  let children: [string, FieldValue | FieldValue[]][] | undefined;
  for (const key of Object.keys(value)) {
    const item = (value as Record<string, unknown>)[key];
    if (key === '$') text = scalar(item);
    else if (key.startsWith('$')) {
      const name = key.slice(1);
      if (!FORBIDDEN.has(name)) {
        attrs ??= [];
        attrs.push([name, scalar(item)]);
      }
    } else if (!FORBIDDEN.has(key)) {
      children ??= [];
      children.push([key, childValue(item, depth + 1)]);
    }
  }
  // Children are walked in place (not after the loop) so a broken document fails with toNode's first error.
  if (!attrs && !children) return text;
  const out: { [key: string]: FieldValue | FieldValue[] } = {};
  for (const [name, item] of attrs ?? []) out[name] = item;
  for (const [name, item] of children ?? []) out[name] = item;
  if (text !== '') out.$ = text;
  return out;
}

/** One child entry of a `$`-keyed value, as {@link fields} gives it: one item → its value, several → an array. */
function childValue(item: unknown, depth: number): FieldValue | FieldValue[] {
  if (!Array.isArray(item)) return flattenValue(item, depth);
  return item.length === 1 ? flattenValue(item[0], depth) : item.map((child) => flattenValue(child, depth));
}

/** `fields(toNode(value, depth))` straight from the parser's output (see {@link flattenValue}). */
export function fieldsOfValue(value: unknown, depth = 0): Record<string, FieldValue | FieldValue[]> {
  if (depth > MAX_DEPTH) throw new ShapeError(`the document nests deeper than ${MAX_DEPTH} levels`);
  const out: Record<string, FieldValue | FieldValue[]> = {};
  if (value === null || typeof value !== 'object') {
    scalar(value);
    return out;
  }
  if (Array.isArray(value)) throw new ShapeError('expected an element, got a list');
  for (const key of Object.keys(value)) {
    const item = (value as Record<string, unknown>)[key];
    if (key === '$') scalar(item);
    else if (key.startsWith('$')) {
      if (!FORBIDDEN.has(key.slice(1))) scalar(item);
    } else if (!FORBIDDEN.has(key)) out[key] = childValue(item, depth + 1);
  }
  return out;
}

/** The children of a node as a record: one child → its value, repeated children → an array. */
export function fields(
  node: PanelNode,
  skip: ReadonlySet<string> = new Set(),
): Record<string, FieldValue | FieldValue[]> {
  const out: Record<string, FieldValue | FieldValue[]> = {};
  for (const [name, list] of Object.entries(node.children)) {
    if (skip.has(name)) continue;
    out[name] = list.length === 1 ? flatten(list[0] as PanelNode) : list.map(flatten);
  }
  return out;
}

/** The text of the first child called `name`, if any. */
export function childText(node: PanelNode, name: string): string | undefined {
  return node.children[name]?.[0]?.text;
}
