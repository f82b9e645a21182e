import { z } from 'zod';
import { ServiceStatus } from '../schemas/objects.js';
import { tuxcareEndpoint as ep } from './define.js';

/** Service status, `status.json` or `status.plain` (no token). */
export const status = ep({
  summary: 'Report the health of the licensing services (database, registration, XML-RPC).',
  description: 'Needs no credentials.',
  route: { path: '/status.json', plainPath: '/status.plain', format: 'envelope', auth: 'none' },
  input: z.strictObject({
    format: z
      .enum(['json', 'plain'])
      .optional()
      .describe('default json; plain reads status.plain, same fields plus raw text'),
  }),
  output: ServiceStatus.extend({ raw: z.string().optional().describe('the text answer, for format plain') }),
  effect: 'read',
});
