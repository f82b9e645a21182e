import type { z } from 'zod';

/*
 * Clients that convert schemas to OpenAI strict mode make every property required, so a model fills the
 * optional ones with null. For a field that is optional and does not itself accept null, null means absent:
 * it is dropped before validation, so such a call is the same call as one that leaves the field out. A field
 * whose schema accepts null keeps it (null then means what the vendor says it means).
 */

interface ZodNode {
  _zod: { def: Record<string, unknown> & { type: string } };
  safeParse(value: unknown): { success: boolean };
}

/** The object shape under optional/default/pipe wrappers, if the schema is an object. */
function shapeOf(schema: ZodNode, depth = 0): Record<string, ZodNode> | undefined {
  if (depth > 8) return undefined;
  const def = schema._zod.def;
  switch (def.type) {
    case 'object':
      return def.shape as Record<string, ZodNode>;
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'readonly':
      return shapeOf(def.innerType as ZodNode, depth + 1);
    case 'pipe':
      return shapeOf(def.in as ZodNode, depth + 1);
    default:
      return undefined;
  }
}

/** The input with null dropped wherever the schema says the field is optional and null is not a value. */
export function nullsAsAbsent(
  schema: z.ZodType,
  input: Record<string, unknown>,
  depth = 0,
): Record<string, unknown> {
  const shape = shapeOf(schema as unknown as ZodNode);
  if (!shape || depth > 8) return input;
  let out: Record<string, unknown> | undefined;
  for (const [key, value] of Object.entries(input)) {
    if (!Object.hasOwn(shape, key)) continue;
    const field = shape[key] as ZodNode;
    if (value === null) {
      if (field.safeParse(undefined).success && !field.safeParse(null).success) {
        out ??= { ...input };
        delete out[key];
      }
    } else if (typeof value === 'object' && !Array.isArray(value)) {
      const inner = nullsAsAbsent(field as unknown as z.ZodType, value as Record<string, unknown>, depth + 1);
      if (inner !== value) {
        out ??= { ...input };
        out[key] = inner;
      }
    }
  }
  return out ?? input;
}
