import type { Logger } from '@x/auth-core';
import { describe, expect, it } from 'vitest';
import { createLunaNodeClient } from '../src/index.js';
import { LUNANODE_DEMO_API_ID, LUNANODE_DEMO_API_KEY, lunanodeHarness } from './support.js';

// A regression found by the evidence suite (tools/evidence/test/secrets); secrets cut by an excerpt are
// checked for every vendor there (excerpt-cuts.test.ts).
const lines: string[] = [];
const log = (message: string, fields?: Record<string, unknown>) => {
  lines.push(`${message} ${JSON.stringify(fields ?? {})}`);
};
const logger: Logger = { debug: log, info: log, warn: log, error: log };

describe('lunanode: the API id is not shown', () => {
  const h = lunanodeHarness({}, { logger, retry: { baseDelayMs: 1, maxDelayMs: 2 } });

  it('the legacy API (api_id next to api_key in the URL): neither shows in errors or log lines', async () => {
    lines.length = 0;
    const legacy = createLunaNodeClient({
      apiId: LUNANODE_DEMO_API_ID,
      apiKey: `${LUNANODE_DEMO_API_KEY.slice(0, 127)}!`, // refused, so the call fails
      baseUrl: `${h.sim.url}/api`,
      legacyApi: true,
      env: {},
      logger,
    });
    try {
      const error = await legacy.vm.list({}).then(
        () => undefined,
        (e: unknown) => e as Error,
      );
      expect(error?.message).toMatch(/authentication failure/);
      const text = `${error?.message} ${error?.stack} ${JSON.stringify(error)} ${lines.join('\n')}`;
      expect(lines.length).toBeGreaterThan(0);
      expect(text).not.toContain(LUNANODE_DEMO_API_ID);
      expect(text).not.toContain(LUNANODE_DEMO_API_KEY.slice(0, 64));
    } finally {
      await legacy.close();
    }
  });
});
