import type { LunaNodeState } from './state.js';

/** A refusal the simulator answers as the real API does: HTTP 200 with `{"success":"no","error":...}`. */
export class LunaNodeFailure extends Error {}

/** Fails the current action with the vendor's error text. */
export function fail(message: string): never {
  throw new LunaNodeFailure(message);
}

/**
 * The parameters of one call, as decoded from the signed `req` JSON (minus api_id and api_partialkey).
 * Every value must be a string or a number; `null` is refused (the API stopped accepting it, notes A7.7)
 * and `""` counts as not set.
 */
export class Params {
  readonly #values: Record<string, string>;

  constructor(values: Record<string, string>) {
    this.#values = values;
  }

  /** Fails with the API's "x, y and/or z not set" text when any name is missing. */
  require(...names: string[]): void {
    const missing = names.filter((name) => !this.has(name));
    if (missing.length === 0) return;
    if (missing.length === 1) fail(`${missing[0]} not set`);
    const last = missing.pop();
    // The API's own wording: "hostname, plan_id, and/or image_id not set".
    fail(
      missing.length === 1
        ? `${missing[0]} and/or ${last} not set`
        : `${missing.join(', ')}, and/or ${last} not set`,
    );
  }

  has(name: string): boolean {
    const value = this.#values[name];
    return value !== undefined && value !== '';
  }

  /** A required value (call {@link require} first for the combined message). */
  get(name: string): string {
    this.require(name);
    return this.#values[name] as string;
  }

  optional(name: string): string | undefined {
    return this.has(name) ? this.#values[name] : undefined;
  }

  /** A positive or negative integer parameter. */
  int(name: string): number {
    const value = this.get(name);
    if (!/^-?\d+$/.test(value)) fail(`invalid ${name}`);
    return Number(value);
  }

  /** The API's flags: `yes` is true, anything else false. */
  flag(name: string): boolean {
    return this.optional(name) === 'yes';
  }

  /** Every parameter, for actions that take open-ended ones (monitor/check-add). */
  all(): Readonly<Record<string, string>> {
    return this.#values;
  }
}

/** What an action handler gets. */
export interface ActionContext {
  state: LunaNodeState;
  params: Params;
  /** The simulator's clock, ms. */
  now: number;
  /** How long a status transition takes (build, stop, attach, image save, ...). */
  transitionMs: number;
}

/** One action: returns the answer's fields (the simulator adds `success`). */
export type ActionHandler = (ctx: ActionContext) => Record<string, unknown>;

/** The actions of one category, keyed by their exact wire name (`floatingip-add`, `member_add`). */
export type ActionTable = Readonly<Record<string, ActionHandler>>;

/** Finds a record by id or fails with the API's `invalid <what>` text. */
export function find<T>(items: readonly T[], match: (item: T) => boolean, what: string): T {
  const found = items.find(match);
  if (found === undefined) fail(`invalid ${what}`);
  return found;
}

/** Removes a record by id or fails with `invalid <what>`. */
export function remove<T>(items: T[], match: (item: T) => boolean, what: string): T {
  const index = items.findIndex(match);
  if (index < 0) fail(`invalid ${what}`);
  return items.splice(index, 1)[0] as T;
}

/** Checks a region name against the account's regions. */
export function region(ctx: ActionContext, name = 'region'): string {
  const value = ctx.params.get(name);
  if (!(value in ctx.state.regions)) fail('invalid region');
  return value;
}
