/** A parameter value before encoding. */
export type ParamValue = string | number | boolean | bigint | null | undefined | readonly (string | number)[];

/** How to encode booleans and lists. */
export interface EncodeOptions {
  /** Boolean encoding; default `yes`/`no` is what COREmanager-style and LunaNode APIs expect. */
  booleans?: readonly [string, string] | undefined;
  /** Separator for arrays; default `,`. */
  listSeparator?: string | undefined;
}

/**
 * Flattens parameters to strings: undefined, null and empty strings are omitted (vendors reject `null` and
 * treat `""` as a value), numbers become decimal strings, booleans `yes`/`no`, arrays are joined.
 */
export function toParams(
  params: Record<string, ParamValue>,
  options: EncodeOptions = {},
): Record<string, string> {
  const [yes, no] = options.booleans ?? ['yes', 'no'];
  const separator = options.listSeparator ?? ',';
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === '') continue;
    if (typeof value === 'boolean') out[name] = value ? yes : no;
    else if (Array.isArray(value)) {
      if (value.length > 0) out[name] = value.map(String).join(separator);
    } else out[name] = String(value);
  }
  return out;
}

/** `application/x-www-form-urlencoded` body of string parameters. */
export function formBody(params: Record<string, string>): string {
  return new URLSearchParams(params).toString();
}
