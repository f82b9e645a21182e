import { listedAs } from '@x/auth-core';
import { z } from 'zod';

/** An IPv4 or IPv6 address, checked before anything is sent. */
export const IpAddress = z
  .union([z.ipv4(), z.ipv6()], { error: 'must be a valid IPv4 or IPv6 address' })
  .describe('IPv4 or IPv6 address');

/** A key note or description: the API documents a 100-character limit. */
export const Note = z.string().max(100, 'must be at most 100 characters');

/** A server limit per key; 0 means unlimited. */
export const KeyLimit = z
  .number()
  .int('must be a whole number')
  .min(0, 'must be 0 (unlimited) or more')
  .max(1_000_000, 'must be at most 1000000');

/**
 * A value sent in a URL path segment or query: non-empty, no whitespace or control characters, so an id can
 * never smuggle a second parameter or path segment.
 */
export function opaqueId(what: string, max = 128) {
  return z
    .string()
    .min(1, `${what} must not be empty`)
    .max(max, `${what} must be at most ${max} characters`)
    .regex(/^[^\s/?#&;,|\\]+$/, `${what} must not contain spaces or / ? # & ; , | \\`);
}

/**
 * An {@link opaqueId} field listed to MCP clients as a plain described string: the ids come from the vendor's
 * own lists, so its length and character rules (still validated by zod) would only cost tokens in every tool.
 */
export function idField(what: string, description: string, max = 128) {
  return listedAs(opaqueId(what, max).describe(description), { type: 'string', description });
}

/**
 * A vendor code with known values offered as a typed hint while unknown (new) codes still pass: zod accepts
 * the known codes or any 1-64 letters, digits and _; the TypeScript type autocompletes the known codes. The
 * tool listing shows a plain string whose description names the known codes (the enum beside a pattern would
 * cost about twice as much).
 */
export function hintedCode<const T extends readonly [string, ...string[]]>(known: T, description: string) {
  const schema = z.union([
    z.enum(known),
    z.string().regex(/^[A-Za-z0-9_]{1,64}$/, 'must be 1-64 letters, digits or _'),
  ]);
  // The cast only narrows the TypeScript type to "known codes, or any other string" (the runtime accepts both);
  // `string & {}` keeps the literal members from collapsing into plain `string`, so editors still offer them.
  return listedAs(schema.describe(description), { type: 'string', description }) as unknown as z.ZodType<
    T[number] | (string & {}),
    T[number] | (string & {})
  >;
}

// ---- outputs: tolerant ----

/** A number that may arrive as a string ("2") or be missing. */
export const Num = z.preprocess((value) => {
  if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value)))
    return Number(value);
  return value;
}, z.number());

/** A boolean that may arrive as "true"/"false", 1/0. */
export const Bool = z.preprocess((value) => {
  if (value === 'true' || value === '1' || value === 1) return true;
  if (value === 'false' || value === '0' || value === 0) return false;
  return value;
}, z.boolean());

/** An optional number or boolean: `""`, null and absent all mean "no value" (vendors send `""` for empty). */
export function maybe<T extends z.ZodType>(schema: T) {
  return z.preprocess((value) => (value === '' ? null : value), schema.nullish());
}

/** A string that may arrive as a number (ELS `description: 123`, numeric ids). */
export const Str = z.preprocess((value) => (typeof value === 'number' ? String(value) : value), z.string());

/** A parsed API date with the raw string kept. */
export interface TuxCareDate {
  /** Exactly what the API sent, e.g. `2014-04-30T11:26-0400`. */
  raw: string;
  /** The same instant in ISO 8601 UTC, or null when the raw text is not a recognisable date. */
  iso: string | null;
  /** Milliseconds since the epoch, or null when unparseable. */
  epochMs: number | null;
}

// yyyy-MM-ddTHH:mm[:ss[.fff]] then Z, ±HHMM or ±HH:MM (the documented form has minutes and ±HHMM).
const DATE_PATTERN =
  /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?(Z|[+-]\d{2}:?\d{2})?$/;

/**
 * Parses the API's `2014-04-30T11:26-0400` dates with an explicit pattern (not `Date.parse`, which is not
 * required to accept an offset without a colon). Stray spaces, as in the doc's own example, are ignored.
 */
export function parseTuxCareDate(raw: string): TuxCareDate {
  const match = DATE_PATTERN.exec(raw.replace(/\s+/g, ''));
  if (!match) return { raw, iso: null, epochMs: null };
  const [, y, mo, d, h, mi, s, ms, zone] = match;
  let offsetMin = 0;
  if (zone && zone !== 'Z') {
    const digits = zone.replace(':', '');
    const sign = digits.startsWith('-') ? -1 : 1;
    offsetMin = sign * (Number(digits.slice(1, 3)) * 60 + Number(digits.slice(3, 5)));
  }
  const utc =
    Date.UTC(
      Number(y),
      Number(mo) - 1,
      Number(d),
      Number(h),
      Number(mi),
      Number(s ?? 0),
      Number((ms ?? '0').padEnd(3, '0')),
    ) -
    offsetMin * 60_000;
  if (!Number.isFinite(utc)) return { raw, iso: null, epochMs: null };
  return { raw, iso: new Date(utc).toISOString(), epochMs: utc };
}

/** The parsed date object, as an output schema (so output JSON Schemas stay representable). */
export const TuxCareDateSchema = z.object({
  raw: z.string().describe('the date exactly as sent, e.g. 2014-04-30T11:26-0400'),
  iso: z.string().nullable().describe('the same instant in ISO 8601 UTC; null when unparseable'),
  epochMs: z.number().nullable().describe('milliseconds since the epoch; null when unparseable'),
});

/** A date field: the raw string parsed, raw kept; null or absent stays null. */
export const ApiDate = z
  .union([z.string(), z.null()])
  .optional()
  .transform((value): TuxCareDate | null =>
    typeof value === 'string' && value !== '' ? parseTuxCareDate(value) : null,
  )
  .pipe(TuxCareDateSchema.nullable());

/** Wraps a lone object in an array: some list answers arrive as one object (the doc examples disagree). */
export function listOf<T extends z.ZodType>(item: T) {
  return z.preprocess((value) => {
    if (value === null || value === undefined) return [];
    return Array.isArray(value) ? value : [value];
  }, z.array(item));
}

/** Unwraps a one-element array: some single-object answers arrive as `[{...}]`. */
export function oneOf<T extends z.ZodType>(item: T) {
  return z.preprocess((value) => (Array.isArray(value) && value.length === 1 ? value[0] : value), item);
}
