import { z } from 'zod';

/**
 * Tolerant output building blocks. The API sends numbers as strings, `""` for nothing, objects where a list
 * is meant, and HTML in status fields; these normalise it and keep unknown fields.
 */

/** An id that may arrive as a number: always a string (VM ids can be UUIDs). */
export const idString = z.union([z.string(), z.number()]).transform(String);

/** Optional text: numbers and booleans become strings, null and absence become undefined. */
export const text = z
  .union([z.string(), z.number(), z.boolean(), z.null()])
  .optional()
  .transform((value) => (value === null || value === undefined ? undefined : String(value)));

/** A number that may arrive as a string; `""`, null and garbage become undefined. */
export const num = z
  .union([z.number(), z.string(), z.null()])
  .optional()
  .transform((value) => {
    if (value === null || value === undefined || value === '') return undefined;
    const parsed = typeof value === 'number' ? value : Number(value);
    return Number.isFinite(parsed) ? parsed : undefined;
  });

/** `"1"`, `"yes"`, `1`, `true` are true; `""`, `"0"`, `"no"` and absence are false. */
export const flag = z
  .union([z.string(), z.number(), z.boolean(), z.null()])
  .optional()
  .transform(
    (value) => value === true || value === 1 || value === '1' || value === 'yes' || value === 'true',
  );

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** Decodes the HTML entities the API puts in error texts and status fields. */
export function decodeEntities(value: string): string {
  return value.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, entity: string) => {
    if (entity[0] === '#') {
      const code =
        entity[1] === 'x' || entity[1] === 'X'
          ? Number.parseInt(entity.slice(2), 16)
          : Number(entity.slice(1));
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[entity.toLowerCase()] ?? whole;
  });
}

/** Plain text from an HTML fragment (possibly entity-escaped HTML, as vm/info `status` is). */
export function htmlToText(value: string): string {
  return decodeEntities(decodeEntities(value).replace(/<[^>]*>/g, ''))
    .replace(/\s+/g, ' ')
    .trim();
}

/** Text with any HTML removed. */
export const plainText = text.transform((value) => (value === undefined ? undefined : htmlToText(value)));

/**
 * A list that may arrive as an array, as an object keyed by id, or as `""`/null when empty. With `keyAs`,
 * an object's keys become that field of each item when the item lacks it.
 */
export function listOf<T extends z.ZodType>(item: T, keyAs?: string) {
  return z.preprocess((value) => {
    if (Array.isArray(value)) return value;
    if (value !== null && typeof value === 'object') {
      return Object.entries(value as Record<string, unknown>).map(([key, entry]) =>
        keyAs && entry !== null && typeof entry === 'object' && !Array.isArray(entry) && !(keyAs in entry)
          ? { [keyAs]: key, ...(entry as object) }
          : entry,
      );
    }
    return [];
  }, z.array(item));
}

/** `metadata` arrives as `""`, `[]` or an object: always an object. */
export const metadata = z.preprocess(
  (value) => (value !== null && typeof value === 'object' && !Array.isArray(value) ? value : {}),
  z.record(z.string(), z.unknown()),
);

/** A list of strings that may arrive as `""` or null. */
export const stringList = listOf(idString);

/** An acknowledgement: the API answered success and perhaps some fields; they are kept. */
export const Ack = z.looseObject({});
