/**
 * The output formats the COREmanager document lists for `out=`: `xml`, `devel` (XML plus interface data),
 * `text`, `json` (also `sjson` and `xjson`, the same `$`-keyed shape), `JSONdata` (data only) and, when `out`
 * is missing or names a format the panel does not have, HTML "for the browser". Every format renders the same
 * document, so a call is carried out whatever it asks for.
 */
import type { SimResponse } from '../response.js';
import { type DocNode, el, toJson, toXml } from './render.js';

/** An output format the simulated panel renders. */
export type OutFormat = 'xml' | 'devel' | 'text' | 'json' | 'jsondata' | 'html';

/** Maps the `out` parameter to a format: unknown and missing ones are HTML, as the document says. */
export function outFormat(out: string | undefined): OutFormat {
  switch (out) {
    case 'xml':
    case 'devel':
    case 'text':
      return out;
    case 'json':
    case 'sjson':
    case 'xjson':
      return 'json';
    case 'JSONdata':
      return 'jsondata';
    default:
      return 'html';
  }
}

/** The value of a node as JSONdata and text show it: its text, or '' for an empty or attribute-only node. */
const textOf = (node: DocNode): string => node.text ?? '';

const isList = (doc: DocNode): boolean =>
  (doc.children ?? []).some((child) => child.name === 'elem' || child.name === 'p_elems');

/** A list element or a form as one flat object of strings (JSONdata's "only data"). */
function flat(node: DocNode): Record<string, string> {
  const out: Record<string, string> = {};
  for (const child of node.children ?? []) out[child.name] = textOf(child);
  return out;
}

/**
 * JSONdata: a list is a bare array of flat objects; anything else (form, `ok`, `auth`) one flat object, so an
 * action answers `{"ok":""}` (acme.sh's dnsmgr hook looks for exactly that). The document does not show an
 * error in this format; the simulator answers `{"error":{"type","object","msg"}}`, the same fields as XML.
 */
function jsonData(doc: DocNode): string {
  if (isList(doc)) {
    const rows = (doc.children ?? []).filter((child) => child.name === 'elem').map(flat);
    return JSON.stringify(rows);
  }
  const error = doc.children?.find((child) => child.name === 'error');
  if (error) {
    const msg = error.children?.find((child) => child.name === 'msg');
    return JSON.stringify({
      error: {
        type: error.attrs?.type ?? '',
        object: error.attrs?.object ?? '',
        msg: msg ? textOf(msg) : '',
      },
    });
  }
  return JSON.stringify(flat(doc));
}

/**
 * `out=text`, as mgrctl prints it: one `key=value key=value` line per list element, `key=value` lines for a
 * form, `OK` for an action and `ERROR type(object): message` for an error.
 */
function text(doc: DocNode): string {
  const children = doc.children ?? [];
  const error = children.find((child) => child.name === 'error');
  if (error) {
    const msg = error.children?.find((child) => child.name === 'msg');
    return `ERROR ${error.attrs?.type ?? ''}(${error.attrs?.object ?? ''}): ${msg ? textOf(msg) : ''}\n`;
  }
  if (isList(doc)) {
    return children
      .filter((child) => child.name === 'elem')
      .map((elem) =>
        Object.entries(flat(elem))
          .map(([name, value]) => `${name}=${value}`)
          .join(' '),
      )
      .map((line) => `${line}\n`)
      .join('');
  }
  const ok = children.find((child) => child.name === 'ok');
  if (ok) return ok.text ? `OK ${ok.text}\n` : 'OK\n';
  return Object.entries(flat(doc))
    .map(([name, value]) => `${name}=${value}\n`)
    .join('');
}

/** `out=devel`: the XML document plus a `<metadata>` node describing the answer, as the panel's UI reads it. */
function devel(doc: DocNode, func: string): string {
  const type = isList(doc) ? 'list' : doc.children?.some((c) => c.name === 'ok') ? 'action' : 'form';
  const metadata = el('metadata', undefined, { name: func, type }, []);
  return toXml({ ...doc, children: [...(doc.children ?? []), metadata] });
}

const escapeHtml = (value: string): string =>
  value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * HTML for a browser: a table for a list, a definition list for a form, a message for an action or an error.
 * The function has run by then; only the presentation differs.
 */
function html(doc: DocNode, func: string): string {
  const children = doc.children ?? [];
  let body: string;
  const error = children.find((child) => child.name === 'error');
  if (error) {
    const msg = error.children?.find((child) => child.name === 'msg');
    body = `<div class="error" data-type="${escapeHtml(error.attrs?.type ?? '')}">${escapeHtml(msg ? textOf(msg) : '')}</div>`;
  } else if (isList(doc)) {
    const rows = children.filter((child) => child.name === 'elem').map(flat);
    const columns = [...new Set(rows.flatMap((row) => Object.keys(row)))];
    const head = columns.map((c) => `<th>${escapeHtml(c)}</th>`).join('');
    const lines = rows
      .map((row) => `<tr>${columns.map((c) => `<td>${escapeHtml(row[c] ?? '')}</td>`).join('')}</tr>`)
      .join('');
    body = `<table><tr>${head}</tr>${lines}</table>`;
  } else if (children.some((child) => child.name === 'ok')) {
    body = '<div class="ok">OK</div>';
  } else {
    const items = Object.entries(flat(doc))
      .map(([name, value]) => `<dt>${escapeHtml(name)}</dt><dd>${escapeHtml(value)}</dd>`)
      .join('');
    body = `<dl>${items}</dl>`;
  }
  return `<!DOCTYPE html>\n<html><head><title>ISPmanager: ${escapeHtml(func)}</title></head><body>${body}</body></html>\n`;
}

/** Serialises a document in a format. */
export function renderDoc(doc: DocNode, format: OutFormat, func: string): SimResponse {
  switch (format) {
    case 'json':
      return { headers: { 'content-type': 'application/json; charset=UTF-8' }, body: toJson(doc) };
    case 'jsondata':
      return { headers: { 'content-type': 'application/json; charset=UTF-8' }, body: jsonData(doc) };
    case 'text':
      return { headers: { 'content-type': 'text/plain; charset=UTF-8' }, body: text(doc) };
    case 'devel':
      return { headers: { 'content-type': 'text/xml; charset=UTF-8' }, body: devel(doc, func) };
    case 'html':
      return { headers: { 'content-type': 'text/html; charset=UTF-8' }, body: html(doc, func) };
    default:
      return { headers: { 'content-type': 'text/xml; charset=UTF-8' }, body: toXml(doc) };
  }
}
