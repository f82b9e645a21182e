/**
 * The document model of the simulated panel and its two serialisations: `out=xml` as the COREmanager docs
 * show it, and `out=json` in the `$`-keyed shape captured from ISPmanager 6 (text under `"$"`, attributes as
 * `"$name"`, an empty element as `{}`, repeated elements as an array, a single one as an object).
 */

/** One element of an answer. */
export interface DocNode {
  name: string;
  attrs?: Record<string, string>;
  text?: string;
  children?: DocNode[];
}

/** Shorthand for an element. */
export function el(
  name: string,
  text?: string,
  attrs?: Record<string, string>,
  children?: DocNode[],
): DocNode {
  return {
    name,
    ...(attrs && { attrs }),
    ...(text !== undefined && { text }),
    ...(children && { children }),
  };
}

function escapeXml(text: string, attribute: boolean): string {
  const out = text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return attribute ? out.replace(/"/g, '&quot;') : out;
}

function xmlOf(node: DocNode, indent: string): string {
  const attrs = Object.entries(node.attrs ?? {})
    .map(([name, value]) => ` ${name}="${escapeXml(value, true)}"`)
    .join('');
  const children = node.children ?? [];
  const text = node.text ?? '';
  if (children.length === 0 && text === '') return `${indent}<${node.name}${attrs}/>`;
  if (children.length === 0) return `${indent}<${node.name}${attrs}>${escapeXml(text, false)}</${node.name}>`;
  const inner = children.map((child) => xmlOf(child, `${indent}\t`)).join('\n');
  return `${indent}<${node.name}${attrs}>${escapeXml(text, false)}\n${inner}\n${indent}</${node.name}>`;
}

/** `<?xml ...?><doc>...</doc>` */
export function toXml(doc: DocNode): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${xmlOf(doc, '')}\n`;
}

type Json = string | { [key: string]: Json | Json[] };

function jsonOf(node: DocNode): Json {
  const out: { [key: string]: Json | Json[] } = {};
  for (const [name, value] of Object.entries(node.attrs ?? {})) out[`$${name}`] = value;
  if (node.text) out.$ = node.text;
  const groups = new Map<string, Json[]>();
  for (const child of node.children ?? []) {
    const list = groups.get(child.name) ?? [];
    list.push(jsonOf(child));
    groups.set(child.name, list);
  }
  for (const [name, list] of groups) out[name] = list.length === 1 ? (list[0] as Json) : list;
  return out;
}

/** `{"doc": {...}}` */
export function toJson(doc: DocNode): string {
  return JSON.stringify({ [doc.name]: jsonOf(doc) });
}
