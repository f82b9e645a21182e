import type { z } from 'zod';

/*
 * The one reader of a zod object's fields in the server (zod 4's public `_zod.def`): which vendor fields a tool
 * takes (collisions, paging) and which fields an object argument has (null as absent) all ask it.
 */

interface ZodNode {
  _zod: { def: Record<string, unknown> & { type: string } };
}

/** Wrappers deeper than this are not looked through (no catalog schema nests so deep). */
const MAX_WRAPPERS = 8;

/**
 * The fields of an object schema, looking through optional/nullable/default/prefault/readonly/pipe wrappers;
 * undefined when the schema is not an object.
 */
export function objectShape(schema: z.ZodType, depth = 0): Record<string, z.ZodType> | undefined {
  if (depth > MAX_WRAPPERS) return undefined;
  const def = (schema as unknown as ZodNode)._zod.def;
  switch (def.type) {
    case 'object':
      return def.shape as Record<string, z.ZodType>;
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'readonly':
      return objectShape(def.innerType as z.ZodType, depth + 1);
    case 'pipe':
      return objectShape(def.in as z.ZodType, depth + 1);
    default:
      return undefined;
  }
}
