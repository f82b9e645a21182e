import type { Logger } from '@x/auth-core';
import { describe, expect, it } from 'vitest';
import { DEMO, useSimulator } from './support.js';

// Regressions found by the evidence suite (tools/evidence/test/secrets).
const lines: string[] = [];
const log = (message: string, fields?: Record<string, unknown>) => {
  lines.push(`${message} ${JSON.stringify(fields ?? {})}`);
};
const logger: Logger = { debug: log, info: log, warn: log, error: log };
const HEAD = DEMO.secretKey.slice(0, 12);

describe('tuxcare: no part of a secret survives a cut, no login in a URL path', () => {
  const ctx = useSimulator({ logger });

  it('an error page echoing the secret key across the 300-character excerpt keeps none of it', async () => {
    for (const body of [
      `<html>${'x'.repeat(280)}${DEMO.secretKey}</html>`, // HTTP 500: the vendor message
      `${'x'.repeat(285)}${DEMO.secretKey} not json`, // HTTP 200: the format error's excerpt
    ]) {
      const status = body.startsWith('<html>') ? 500 : 200;
      ctx.sim.faults.add(
        { kind: 'status', status, headers: { 'content-type': 'text/html' }, body },
        { times: 3 },
      );
      const error = await ctx.client.kcare.key.list({}).then(
        () => undefined,
        (e: unknown) => e as Error & { excerpt?: string; vendorMessage?: string },
      );
      expect(error).toBeInstanceOf(Error);
      expect(
        `${error?.message} ${error?.excerpt} ${error?.vendorMessage} ${JSON.stringify(error)}`,
      ).not.toContain(HEAD);
    }
  });

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
