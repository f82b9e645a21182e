import { type DocNode, el } from './render.js';
import type { IspManagerState, Row } from './state.js';

/** A panel error: answered with HTTP 200 and an `<error>` node, as COREmanager does. */
export class SimError extends Error {
  constructor(
    readonly type: string,
    readonly object: string,
    readonly value: string | undefined,
    message: string,
  ) {
    super(message);
  }
}

/** `exists(object, value)`: the object is already there. */
export const exists = (object: string, value: string) =>
  new SimError('exists', object, value, `The ${object} '${value}' already exists`);
/** `missed(object, value)`: no such object. */
export const missed = (object: string, value: string) =>
  new SimError('missed', object, value, `The ${object} '${value}' was not found`);
/** `value(field, value)`: the field has an invalid value. */
export const invalid = (field: string, value: string, why = 'Invalid value') =>
  new SimError('value', field, value, `${why} of the '${field}' field: '${value}'`);
/** `access`: not allowed. */
export const denied = (object: string) =>
  new SimError('access', object, undefined, `Access to '${object}' is denied`);

/** Who is calling, as whom, with what. */
export interface PanelContext {
  state: IspManagerState;
  func: string;
  params: Map<string, string>;
  /** The authenticated account. */
  actor: { name: string; level: 'admin' | 'user' };
  /** The effective user: the `su` user, else the actor. */
  user: { name: string; level: 'admin' | 'user' };
  sok: boolean;
}

/** A parameter, `undefined` when absent or empty. */
export function param(ctx: PanelContext, name: string): string | undefined {
  const value = ctx.params.get(name);
  return value === undefined || value === '' ? undefined : value;
}

/** A required parameter. */
export function required(ctx: PanelContext, name: string): string {
  const value = param(ctx, name);
  if (value === undefined) throw new SimError('missed', name, undefined, `The '${name}' field is required`);
  return value;
}

/** The element ids of a group action: `elid` split on ", ". */
export function elids(ctx: PanelContext): string[] {
  const raw = required(ctx, 'elid');
  return raw
    .split(', ')
    .map((id) => id.trim())
    .filter(Boolean);
}

/** Whether the effective user may see a row (admins without su see everything). */
export function visible(ctx: PanelContext, row: Row): boolean {
  if (ctx.user.level === 'admin') return true;
  return row.owner === undefined || row.owner === ctx.user.name;
}

/** The default owner of a new object. */
export function ownerFor(ctx: PanelContext): string {
  const owner = param(ctx, 'owner');
  if (owner !== undefined && ctx.user.level === 'admin') {
    if (owner !== 'root' && !ctx.state.user.some((u) => u.name === owner)) throw missed('user', owner);
    return owner;
  }
  return ctx.user.level === 'admin' ? (owner ?? 'root') : ctx.user.name;
}

/** An `<ok/>` document (with an optional `<id>`). */
export function ok(id?: string, text?: string): DocNode[] {
  return [el('ok', text), ...(id !== undefined ? [el('id', id)] : [])];
}

/** The children of a list document, with paging. */
export function listDoc(ctx: PanelContext, rows: Row[], render: (row: Row) => DocNode[]): DocNode[] {
  const count = Number(param(ctx, 'p_cnt') ?? 1000);
  const page = Number(param(ctx, 'p_num') ?? 1);
  if (!Number.isInteger(count) || count < 1) throw invalid('p_cnt', String(param(ctx, 'p_cnt')));
  if (!Number.isInteger(page) || page < 1) throw invalid('p_num', String(param(ctx, 'p_num')));
  const slice = rows.slice((page - 1) * count, page * count);
  return [
    ...slice.map((row) => el('elem', undefined, undefined, render(row))),
    el('p_num', String(page)),
    el('p_cnt', String(count)),
    el('p_elems', String(rows.length)),
  ];
}

/** Plain `<field>value</field>` children of a row, skipping hidden fields. */
export function rowFields(row: Row, hidden: readonly string[] = []): DocNode[] {
  return Object.entries(row)
    .filter(([name]) => !hidden.includes(name))
    .map(([name, value]) => el(name, value));
}
