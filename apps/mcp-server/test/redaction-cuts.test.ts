import { Redactor, silentLogger } from '@x/auth-core';
import { describe, expect, it } from 'vitest';
import { createApp } from '../src/app.js';
import { parseOptions } from '../src/options.js';
import { successResult } from '../src/results.js';
import { vendorModules } from '../src/vendors.js';
import { CANARY_KEY } from './support.js';

// Regressions found by the evidence suite (tools/evidence/test/secrets).
describe('results and logs', () => {
  it('a result cut to fit the cap keeps no part of a secret (redacted before it is cut)', () => {
    const redactor = new Redactor({ secrets: [CANARY_KEY] });
    for (let pad = 0; pad < CANARY_KEY.length; pad += 3) {
      const note = `${'y'.repeat(pad)}${`${CANARY_KEY} `.repeat(300)}`;
      const result = successResult({ tool: 't', result: { note } }, 1_000, redactor);
      const text = JSON.stringify(result);
      expect(text).toContain('_truncated');
      expect(text).not.toContain(CANARY_KEY.slice(0, 10));
    }
  });

  it('X_LOG in the server environment reaches every vendor client, though the modules read only their settings', async () => {
    const settings = {
      TUXCARE_LOGIN: 'login',
      TUXCARE_SECRET_KEY: CANARY_KEY,
      LUNANODE_API_ID: 'i'.repeat(16),
      LUNANODE_API_KEY: 'k'.repeat(128),
      ISPMANAGER_URL: 'http://127.0.0.1:9/ispmgr',
      ISPMANAGER_USERNAME: 'root',
      ISPMANAGER_PASSWORD: CANARY_KEY,
      VMMANAGER_URL: 'http://127.0.0.1:9',
      VMMANAGER_TOKEN: CANARY_KEY,
    };
    const loggers = async (env: Record<string, string>) => {
      const app = await createApp(parseOptions([], {}), {
        vendors: vendorModules,
        env: { ...settings, ...env },
      });
      try {
        return vendorModules.map((vendor) => app.live.get(vendor.id)?.[0]?.client.transport.logger);
      } finally {
        await app.close();
      }
    };
    for (const logger of await loggers({ X_LOG: 'debug' })) {
      expect(logger).toBeDefined();
      expect(logger).not.toBe(silentLogger);
    }
    for (const logger of await loggers({})) expect(logger).toBe(silentLogger);
  });
});
