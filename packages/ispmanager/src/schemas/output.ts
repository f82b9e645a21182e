import { z } from 'zod';

/** Panel text: a string, or the text of an element that also carried attributes (`{ $: "x", orig: "y" }`). */
function toText(value: unknown): unknown {
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    return (value as Record<string, unknown>).$ ?? '';
  }
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return value;
}

/** A text field, tolerant of attribute-carrying elements. */
export const text = z.preprocess(toText, z.string());
/** An optional text field. */
export const optText = text.nullish();

/** A number the panel sends as text; `""` becomes undefined. */
export const num = z
  .preprocess((value) => {
    const t = toText(value);
    if (t === '' || t === undefined || t === null) return undefined;
    return typeof t === 'string' ? Number(t.replace(/\s+/g, '')) : t;
  }, z.number().optional())
  .nullish();

/**
 * A checkbox or presence flag: `on`/`off`, `yes`/`no`, `true`/`false`, or an empty element present (true).
 */
export const flag = z
  .preprocess((value) => {
    const t = toText(value);
    if (t === undefined || t === null) return undefined;
    if (typeof t !== 'string') return t;
    const v = t.trim().toLowerCase();
    if (v === 'off' || v === 'no' || v === 'false' || v === '0') return false;
    return true;
  }, z.boolean().optional())
  .nullish();

/** A field value as the normaliser produces it: text, an object of attributes/children, or a list of them. */
export const FieldValue: z.ZodType<unknown> = z.unknown();

/** Paging of a list answer. */
export const Paging = z.object({
  p_num: z.coerce.number(),
  p_cnt: z.coerce.number(),
  p_elems: z.coerce.number(),
});

/** A list answer whose elements follow `item`. */
export function listResult<T extends z.ZodType>(item: T) {
  return z.object({
    kind: z.literal('list'),
    elements: z.array(item),
    paging: Paging.nullish(),
  });
}

/** A successful action: `<ok/>`, its text (`restart`), the created id when the panel returns one. */
export const OkResult = z.object({
  kind: z.literal('ok'),
  text: z.string(),
  id: z.string().nullish(),
  fields: z.record(z.string(), FieldValue),
});

/** A form: the object's fields (an `.edit` function called without `sok`). */
export const FormResult = z.object({
  kind: z.literal('form'),
  elid: z.string().nullish(),
  fields: z.record(z.string(), FieldValue),
});

/** Any answer kind, for the generic call. */
export const AnyResult = z.discriminatedUnion('kind', [
  listResult(z.record(z.string(), FieldValue)),
  FormResult,
  OkResult,
  z.object({ kind: z.literal('auth'), id: z.string(), level: z.string().nullish() }),
  z.object({ kind: z.literal('confirm'), fields: z.record(z.string(), FieldValue) }),
]);
