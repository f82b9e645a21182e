import { type Endpoint, type EndpointDefinition, endpoint } from '@x/auth-core';
import type { z } from 'zod';
import type { LunaNodeRoute } from '../route.js';

/** Declares one LunaNode action: the route is the category and the action exactly as the API spells it. */
export function lunanodeAction<I extends z.ZodType, O extends z.ZodType>(
  route: LunaNodeRoute,
  definition: Omit<EndpointDefinition<LunaNodeRoute, I, O>, 'route'>,
): Endpoint<LunaNodeRoute, I, O> {
  return endpoint({ ...definition, route });
}
