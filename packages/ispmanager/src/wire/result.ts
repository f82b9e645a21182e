import type { PanelErrorInfo } from '../errors.js';
import {
  childText,
  type FieldValue,
  fields,
  fieldsOfValue,
  type PanelNode,
  ShapeError,
  toNode,
} from './node.js';

/** Paging of a list answer (`p_num`, `p_cnt`, `p_elems`), numbers. */
export interface Paging {
  /** Page number, from 1. */
  p_num: number;
  /** Page size. */
  p_cnt: number;
  /** Elements in the whole list. */
  p_elems: number;
}

/** A list (table): its elements, flattened, and the paging when the panel sent it. */
export interface ListResult {
  kind: 'list';
  elements: Record<string, FieldValue | FieldValue[]>[];
  paging?: Paging | undefined;
}
/** A form (an `.edit` function called without `sok`): the object's fields. */
export interface FormResult {
  kind: 'form';
  /** The `elid` of the object, absent for a new-object form. */
  elid?: string | undefined;
  fields: Record<string, FieldValue | FieldValue[]>;
}
/** Success of an action: the `<ok>` text (`restart` when the web server needs a restart) and any sibling fields. */
export interface OkResult {
  kind: 'ok';
  text: string;
  /** The id some `.edit` creations return (`<id>`). */
  id?: string | undefined;
  fields: Record<string, FieldValue | FieldValue[]>;
}
/** A new session (`func=auth`). */
export interface AuthResult {
  kind: 'auth';
  id: string;
  level?: string | undefined;
}
/** The panel wants the request repeated as confirmed (`<doc func="confirm">`). */
export interface ConfirmResult {
  kind: 'confirm';
  fields: Record<string, FieldValue | FieldValue[]>;
}
/** A panel error (HTTP 200 with `<error>`); the codec throws it as a typed error. */
export interface ErrorResult {
  kind: 'error';
  error: PanelErrorInfo;
}

/** Every kind of COREmanager answer, the same for `out=xml` and `out=json`. */
export type PanelResult = ListResult | FormResult | OkResult | AuthResult | ConfirmResult | ErrorResult;

/** What the caller expects, to tell an empty list from an empty form. */
export type ResultHint = 'list' | 'form' | 'ok' | 'auth' | 'any';

/** UI furniture the panel adds to documents; never part of an object's fields. */
const FURNITURE = new Set([
  'tparams',
  'metadata',
  'messages',
  'toolbar',
  'saved_filters',
  'p_possible_filters',
]);
const PAGING = ['p_num', 'p_cnt', 'p_elems', 'p_sort', 'p_order'];

/** Legacy ISPmanager 4 numeric error codes (`<error code="2" obj="name"/>`). */
const LEGACY_CODES: Record<string, string> = {
  '1': 'internal',
  '2': 'exists',
  '3': 'missed',
  '4': 'value',
  '5': 'limit',
  '6': 'access',
  '7': 'license',
  '8': 'message',
};

/** The `doc` root of a parsed `$`-keyed document. */
export function docOf(parsed: unknown): PanelNode {
  if (typeof parsed !== 'object' || parsed === null || !('doc' in parsed)) {
    throw new ShapeError('the answer has no <doc> root (is the URL a COREmanager panel binary?)');
  }
  return toNode((parsed as { doc: unknown }).doc);
}

/** Classifies a `doc` node into one result kind. */
export function classify(doc: PanelNode, hint: ResultHint = 'any'): PanelResult {
  const error = doc.children.error?.[0];
  if (error) return { kind: 'error', error: errorInfo(error) };

  const auth = doc.children.auth?.[0];
  if (auth?.attrs.id) return { kind: 'auth', id: auth.attrs.id, level: auth.attrs.level };

  if (doc.attrs.func === 'confirm') return { kind: 'confirm', fields: fields(doc, FURNITURE) };

  const ok = doc.children.ok?.[0];
  if (ok) {
    const rest = fields(doc, new Set([...FURNITURE, 'ok']));
    const id = childText(doc, 'id');
    return { kind: 'ok', text: ok.text, ...(id !== undefined && { id }), fields: rest };
  }

  const type = doc.children.metadata?.[0]?.attrs.type;
  if (doc.children.elem || hint === 'list' || type === 'list' || doc.children.p_elems) {
    const elements = (doc.children.elem ?? []).map((elem) => fields(elem));
    const paging = pagingOf(doc);
    return { kind: 'list', elements, ...(paging && { paging }) };
  }

  const record = fields(doc, new Set([...FURNITURE, ...PAGING]));
  const elid = childText(doc, 'elid');
  return { kind: 'form', ...(elid !== undefined && elid !== '' && { elid }), fields: record };
}

/**
 * `classify(docOf(parsed), hint)`, faster for lists: the `elem` rows are flattened straight from the parser's
 * output instead of through nodes (the rest of the document still goes through {@link toNode}). Whenever the
 * rows could end up anywhere but a list result (an error, auth, confirm or ok answer), it takes the full path.
 */
export function classifyDocument(parsed: unknown, hint: ResultHint = 'any'): PanelResult {
  const raw = typeof parsed === 'object' && parsed !== null ? (parsed as { doc?: unknown }).doc : undefined;
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw) || !Object.hasOwn(raw, 'elem')) {
    return classify(docOf(parsed), hint);
  }
  try {
    const { elem, ...rest } = raw as Record<string, unknown>;
    const head = toNode(rest);
    const listAnswer =
      !head.children.error?.[0] &&
      !head.children.auth?.[0]?.attrs.id &&
      head.attrs.func !== 'confirm' &&
      !head.children.ok?.[0];
    if (!listAnswer) return classify(docOf(parsed), hint);
    const rows = Array.isArray(elem) ? elem : [elem];
    const elements = rows.map((row) => fieldsOfValue(row, 1));
    const paging = pagingOf(head);
    return { kind: 'list', elements, ...(paging && { paging }) };
  } catch (error) {
    // A broken document: the full path walks it in document order, so it reports the same first error.
    if (error instanceof ShapeError) return classify(docOf(parsed), hint);
    throw error;
  }
}

function pagingOf(doc: PanelNode): Paging | undefined {
  const num = Number(childText(doc, 'p_num'));
  const cnt = Number(childText(doc, 'p_cnt'));
  const elems = Number(childText(doc, 'p_elems'));
  if (![num, cnt, elems].every(Number.isFinite) || childText(doc, 'p_elems') === undefined) return undefined;
  return { p_num: num || 1, p_cnt: cnt, p_elems: elems };
}

/** Reads an `<error>` node: attributes, `<param>`s, `<msg>`/`<detail>` with `__name__` placeholders filled. */
export function errorInfo(node: PanelNode): PanelErrorInfo {
  const params: Record<string, string> = {};
  for (const param of node.children.param ?? []) {
    const name = param.attrs.name;
    if (name && !(name in params)) params[name] = param.text;
  }
  const legacy = node.attrs.code !== undefined ? LEGACY_CODES[node.attrs.code] : undefined;
  const type = node.attrs.type ?? legacy ?? 'error';
  const object = node.attrs.object ?? node.attrs.obj ?? params.object;
  const value = params.value ?? node.attrs.val;
  const raw = childText(node, 'msg') || childText(node, 'detail') || node.text || undefined;
  const message = raw?.replace(/__([a-z_]+)__/g, (whole, name: string) => params[name] ?? whole).trim();
  return { type, object, value, message: message || undefined, params, lang: node.attrs.lang };
}
