import { type Endpoint, type EndpointDefinition, endpoint } from '@x/auth-core';
import type { z } from 'zod';
import type { TuxCareRoute } from '../route.js';

/** Declares a TuxCare endpoint (fixes the route type so the codec sees {@link TuxCareRoute}). */
export function tuxcareEndpoint<I extends z.ZodType, O extends z.ZodType>(
  definition: EndpointDefinition<TuxCareRoute, I, O>,
): Endpoint<TuxCareRoute, I, O> {
  return endpoint(definition);
}
