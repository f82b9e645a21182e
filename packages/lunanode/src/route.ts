/** Where a LunaNode endpoint lives on the wire. */
export interface LunaNodeRoute {
  /** Category label, e.g. `vm`. */
  readonly category: string;
  /** Action label exactly as the API spells it, e.g. `floatingip-add`, `member_add`. */
  readonly action: string;
  /**
   * Name of an input field holding open-ended extra parameters (monitor/check-add's type-specific ones),
   * merged into the request next to the declared ones.
   */
  readonly extraParams?: string | undefined;
  /** The answer is raw bytes, not JSON (image/retrieve). */
  readonly binary?: boolean | undefined;
}
