import { z } from 'zod';

/** The parsed Nagios answer (see `parseNagios`), raw text kept. */
export const NagiosReportSchema = z.object({
  ok: z.boolean().describe('true when every server is up to date'),
  summary: z.string().describe('first line without perfdata'),
  counts: z
    .record(z.string(), z.number())
    .describe('perfdata counters: uptodate, outofdate, unsupported, inactive'),
  servers: z.array(
    z.object({ host: z.string(), ip: z.string().nullable(), state: z.string(), line: z.string() }),
  ),
  details: z.array(z.string()),
  raw: z.string().describe('the answer as sent'),
});
