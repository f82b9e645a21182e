import type { Logger } from '@x/auth-core';
import type { IspManagerState, Simulator } from '@x/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientFor, startPanel } from './support.js';

// A regression found by the evidence suite (tools/evidence/test/secrets); secrets cut by an excerpt are
// checked for every vendor there (excerpt-cuts.test.ts).
const PASSWORD = 'PANELPASSHEAD&#+: é<x>';
const lines: string[] = [];
const log = (message: string, fields?: Record<string, unknown>) => {
  lines.push(`${message} ${JSON.stringify(fields ?? {})}`);
};
const logger: Logger = { debug: log, info: log, warn: log, error: log };

describe('ispmanager: no part of the password survives an XML echo', () => {
  let sim: Simulator<IspManagerState>;
  beforeAll(async () => {
    sim = await startPanel();
    sim.state.admins.push({ name: 'canary', passwd: PASSWORD, level: 'admin' });
  });
  afterAll(() => sim.stop());

  it('the debug line of an answer echoing the password XML-escaped does not hold it', async () => {
    const users = sim.state.user as Array<Record<string, unknown>>;
    for (const user of users) user.fullname = PASSWORD;
    lines.length = 0;
    const isp = clientFor(sim, { username: 'canary', password: PASSWORD, logger });
    try {
      const list = await isp.user.list({});
      expect(JSON.stringify(list)).toContain('PANELPASSHEAD'); // the data is returned as it is
      expect(lines.some((line) => line.includes('<fullname>'))).toBe(true);
      expect(lines.join('\n')).not.toContain('PANELPASSHEAD');
    } finally {
      await isp.close();
    }
  });
});
