import { z } from 'zod';
import { ServiceStatus } from '../schemas/objects.js';
import { tuxcareEndpoint as ep } from './define.js';

/** Service status, `status.json` or `status.plain` (no token). */
export const status = ep({
  summary:
    'Report the health of the CloudLinux/TuxCare licensing services (database, registration, XML-RPC).',
  description:
    'Needs no credentials. format "plain" reads status.plain instead of status.json; both give the same fields, plain adds raw.',
  route: { path: '/status.json', plainPath: '/status.plain', format: 'envelope', auth: 'none' },
  input: z.strictObject({
    format: z
      .enum(['json', 'plain'])
      .optional()
      .describe('json (default) reads status.json; plain reads the text variant status.plain'),
  }),
  output: ServiceStatus.extend({ raw: z.string().optional().describe('the text answer, for format plain') }),
  effect: 'read',
});
