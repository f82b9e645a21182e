import type { Logger } from '@x/auth-core';
import { describe, expect, it } from 'vitest';
import { DEMO, useSimulator } from './support.js';

// A regression found by the evidence suite (tools/evidence/test/secrets); secrets cut by an excerpt are
// checked for every vendor there (excerpt-cuts.test.ts).
const lines: string[] = [];
const log = (message: string, fields?: Record<string, unknown>) => {
  lines.push(`${message} ${JSON.stringify(fields ?? {})}`);
};
const logger: Logger = { debug: log, info: log, warn: log, error: log };

describe('tuxcare: no login in a URL path', () => {
  const ctx = useSimulator({ logger });

  it('the Nagios reseller URL shows neither the token nor the login, in the preview and the log', async () => {
    lines.length = 0;
    const preview = await ctx.client.preview('kcare.nagios_res', {});
    expect(preview.url).not.toContain(DEMO.login);
    expect(preview.url).toContain('[REDACTED]');
    await ctx.client.kcare.nagios_res();
    expect(lines.some((line) => line.includes('nagios-res'))).toBe(true);
    expect(lines.join('\n')).not.toContain(DEMO.login);
  });
});
