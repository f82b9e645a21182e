import { z } from 'zod';

/**
 * The result of a call whose `success: true` answer may carry `data: null` with a message, e.g. removing a
 * server that does not exist gives `{ data: null, message: 'Server not found' }`: the message reaches the
 * caller instead of vanishing.
 */
export function withMessage<T extends z.ZodType>(data: T) {
  return z.object({
    data: data.nullable().describe('the object, or null when the vendor found nothing'),
    message: z.string().nullish().describe('the vendor message, e.g. "Server not found"'),
    found: z.boolean().describe('false when data is null'),
  });
}

/** A boolean answer (`true` done, `false` not found or not owned). */
export const Done = z.boolean();
