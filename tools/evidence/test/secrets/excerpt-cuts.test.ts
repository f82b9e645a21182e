import { EXCERPT_CHARS } from '@x/auth-core';
import type { VendorModule } from '@x/auth-core/projection';
import { ispmanagerModule } from '@x/ispmanager';
import { lunanodeModule } from '@x/lunanode';
import { VENDOR_FIXTURES, type VendorFixture } from '@x/testkit';
import { tuxcareModule } from '@x/tuxcare';
import { vmmanagerModule } from '@x/vmmanager';
import { describe, expect, it } from 'vitest';
import { captureLogger, errorSurfaces, FAST, outcome } from './support.js';

// Errors carry at most EXCERPT_CHARS of a vendor's answer, redacted before it is cut: a secret cut in half is
// no longer recognised, so cutting first would keep its head. For every vendor and each of its secret
// settings, an answer echoes the secret across the cut, as an error page and as a 200 the codec cannot read;
// neither the error nor a log line may keep the head of the secret.
const MODULES: Record<VendorFixture['id'], VendorModule> = {
  tuxcare: tuxcareModule as VendorModule,
  lunanode: lunanodeModule as VendorModule,
  ispmanager: ispmanagerModule as VendorModule,
  vmmanager: vmmanagerModule as VendorModule,
};
const HEAD = 12;

/** A body whose first EXCERPT_CHARS characters end inside the secret, its head before the cut. */
const across = (secret: string) =>
  `${'x'.repeat(EXCERPT_CHARS - HEAD - 4)}${secret} and the rest of the page`;

const ANSWERS = [
  { answer: 'an HTML error page', status: 500 },
  { answer: 'a 200 the codec cannot read', status: 200 },
] as const;

const cases = VENDOR_FIXTURES.flatMap((fixture) => {
  const module = MODULES[fixture.id];
  // The secrets are the settings the module declares secret, with the fixture's demo values.
  const settings = fixture.settings('http://127.0.0.1:1');
  return module.settings.secret
    .filter((name) => settings[name] !== undefined)
    .flatMap((name) => ANSWERS.map((answer) => ({ vendor: fixture.id, fixture, module, name, ...answer })));
});

describe.each(cases)(
  '$vendor $name across the excerpt cut, in $answer',
  ({ fixture, module, name, status }) => {
    it('keeps no head of the secret in the error or the log', async () => {
      await using sim = await fixture.simulator().start();
      const settings = { ...fixture.settings(sim.url), ...fixture.fastSettings };
      const secret = settings[name] ?? '';
      expect(secret.length).toBeGreaterThanOrEqual(HEAD);
      // Every request gets it (logins and retries too), so whichever request fails echoes the secret.
      sim.faults.add(
        { kind: 'status', status, headers: { 'content-type': 'text/html' }, body: across(secret) },
        { times: Number.POSITIVE_INFINITY },
      );
      const { logger, lines } = captureLogger();
      const client = module.connect(settings, { ...fixture.fast, ...FAST, logger });
      try {
        const { ok, value } = await outcome(() => client.invoke(fixture.read.endpoint, fixture.read.input()));
        expect(ok).toBe(false);
        const surfaces = `${errorSurfaces(value)}\n${lines.join('\n')}`;
        // The excerpt (or the vendor message taken from the page) is there: the cut did happen.
        expect(surfaces).toContain('x'.repeat(40));
        expect(surfaces).not.toContain(secret.slice(0, HEAD));
      } finally {
        await client.close();
      }
    });
  },
);
