import {
  elids,
  exists,
  invalid,
  listDoc,
  missed,
  ok,
  ownerFor,
  type PanelContext,
  param,
  rowFields,
  SimError,
  visible,
} from './context.js';
import { type DocNode, el } from './render.js';
import type { IspManagerState, Row } from './state.js';

/** A table the panel lists, edits (`.edit` with and without `sok`), deletes and maybe suspends. */
export interface CrudSpec {
  /** The list function, e.g. `user`; the family is `user.edit`, `user.delete`, ... */
  func: string;
  table: keyof Pick<
    IspManagerState,
    | 'user'
    | 'webdomain'
    | 'domain'
    | 'emaildomain'
    | 'email'
    | 'dbserver'
    | 'db'
    | 'ftpuser'
    | 'scheduler'
    | 'ipaddr'
  >;
  /** The entity name in errors (`user`, `webdomain`). */
  entity: string;
  /** The field holding the element id. */
  key: string;
  /** Parameters `.edit` stores. */
  fields: readonly string[];
  /** Parameters `.edit` needs to create. */
  required: readonly string[];
  /** Fields never listed (passwords). */
  hidden?: readonly string[];
  /** Rows carry an `owner`. */
  owned?: boolean;
  /** Has `.suspend` / `.resume` (the `active` field). */
  suspend?: boolean;
  /** Checks and derives fields of a new or edited row (throws SimError); returns the row's id. */
  prepare?: (row: Row, ctx: PanelContext, creating: boolean) => void;
  /** Extra children of a list element (attribute-carrying elements, as real panels send). */
  extra?: (row: Row) => DocNode[];
  /** Cleans up what hangs off a deleted row. */
  onDelete?: (row: Row, ctx: PanelContext) => void;
}

/** Functions of the family, by name. */
export type FuncTable = Record<string, (ctx: PanelContext) => DocNode[]>;

/** Builds the handlers of a table: list, `.edit`, `.delete` and (if any) `.suspend` / `.resume`. */
export function crud(spec: CrudSpec): FuncTable {
  const rows = (ctx: PanelContext) => ctx.state[spec.table];
  const find = (ctx: PanelContext, id: string) => {
    const row = rows(ctx).find((r) => r[spec.key] === id);
    if (!row || !visible(ctx, row)) throw missed(spec.entity, id);
    return row;
  };
  const hidden = spec.hidden ?? [];

  const edit = (ctx: PanelContext): DocNode[] => {
    const elid = param(ctx, 'elid');
    if (!ctx.sok) {
      // Without sok the function answers the form: the object's values, or the defaults of a new one.
      if (elid === undefined)
        return [...spec.fields.filter((f) => !hidden.includes(f)).map((f) => el(f, ''))];
      const row = find(ctx, elid);
      return [el('elid', elid), ...rowFields(row, hidden)];
    }
    if (param(ctx, 'passwd') !== undefined && param(ctx, 'confirm') !== param(ctx, 'passwd')) {
      throw invalid('confirm', '', 'Passwords do not match');
    }
    if (param(ctx, 'password') !== undefined && param(ctx, 'confirm') !== param(ctx, 'password')) {
      throw invalid('confirm', '', 'Passwords do not match');
    }
    if (elid === undefined) {
      for (const name of spec.required) {
        if (param(ctx, name) === undefined)
          throw new SimError('missed', name, undefined, `The '${name}' field is required`);
      }
      const row: Row = {};
      for (const name of spec.fields) {
        const value = param(ctx, name);
        if (value !== undefined) row[name] = value;
      }
      if (spec.owned) row.owner = ownerFor(ctx);
      if (spec.suspend) row.active = 'on';
      spec.prepare?.(row, ctx, true);
      const id = row[spec.key] as string;
      if (rows(ctx).some((r) => r[spec.key] === id)) throw exists(spec.entity, id);
      rows(ctx).push(row);
      return ok(id);
    }
    const row = find(ctx, elid);
    const next: Row = { ...row };
    for (const name of spec.fields) {
      const value = param(ctx, name);
      if (value !== undefined) next[name] = value;
    }
    spec.prepare?.(next, ctx, false);
    Object.assign(row, next);
    return ok();
  };

  const group = (action: (row: Row, ctx: PanelContext) => void) => (ctx: PanelContext) => {
    const ids = elids(ctx);
    const targets = ids.map((id) => find(ctx, id));
    // Carried out with or without `sok`: the document asks for none on removing, enabling or disabling.
    for (const row of targets) action(row, ctx);
    return ok();
  };

  const table: FuncTable = {
    [spec.func]: (ctx) =>
      listDoc(
        ctx,
        rows(ctx).filter((row) => visible(ctx, row)),
        (row) => [...rowFields(row, hidden), ...(spec.extra?.(row) ?? [])],
      ),
    [`${spec.func}.edit`]: edit,
    [`${spec.func}.delete`]: group((row, ctx) => {
      const list = rows(ctx);
      list.splice(list.indexOf(row), 1);
      spec.onDelete?.(row, ctx);
    }),
  };
  if (spec.suspend) {
    table[`${spec.func}.suspend`] = group((row) => {
      row.active = 'off';
    });
    table[`${spec.func}.resume`] = group((row) => {
      row.active = 'on';
    });
  }
  return table;
}

/** Group actions and deletes: the ones a panel set up to confirm answers `func="confirm"` without `sok`. */
export const CONFIRM_ACTIONS = /\.(delete|suspend|resume)$/;
