import type { z } from 'zod';
import { objectShape } from './zod-shape.js';

/*
 * Clients that convert schemas to OpenAI strict mode make every property required, so a model fills the
 * optional ones with null. For a field that is optional and does not itself accept null, null means absent:
 * it is dropped before validation, so such a call is the same call as one that leaves the field out. A field
 * whose schema accepts null keeps it (null then means what the vendor says it means).
 */

/** The input with null dropped wherever the schema says the field is optional and null is not a value. */
export function nullsAsAbsent(
  schema: z.ZodType,
  input: Record<string, unknown>,
  depth = 0,
): Record<string, unknown> {
  const shape = objectShape(schema);
  if (!shape || depth > 8) return input;
  let out: Record<string, unknown> | undefined;
  for (const [key, value] of Object.entries(input)) {
    if (!Object.hasOwn(shape, key)) continue;
    const field = shape[key] as z.ZodType;
    if (value === null) {
      if (field.safeParse(undefined).success && !field.safeParse(null).success) {
        out ??= { ...input };
        delete out[key];
      }
    } else if (typeof value === 'object' && !Array.isArray(value)) {
      const inner = nullsAsAbsent(field, value as Record<string, unknown>, depth + 1);
      if (inner !== value) {
        out ??= { ...input };
        out[key] = inner;
      }
    }
  }
  return out ?? input;
}
