import { describe, expect, it } from 'vitest';
import { setup } from './support.js';

// Regressions found by the evidence suite (tools/evidence/test/secrets).
const t = setup();
const PASSWORD = 'VMPASSWDHEAD&#+:=%/ é';

describe('vmmanager: no part of the password survives a cut', () => {
  it('a login answer echoing the password across the 300-character cut keeps none of it', async () => {
    const bodies: Array<[number, string]> = [
      [500, `<html>${'x'.repeat(180)}${PASSWORD}</html>`], // the vendor message (an excerpt of the body, 300 characters)
      [201, `${'x'.repeat(285)}${PASSWORD}`], // the excerpt of a login answer without a token (300)
    ];
    for (const [status, body] of bodies) {
      t.sim.faults.add(
        { kind: 'status', status, headers: { 'content-type': 'text/html' }, body },
        { times: 20 },
      );
      const vm = t.client({ password: PASSWORD, retry: { baseDelayMs: 1, maxDelayMs: 2 } });
      const error = await vm.host.list({}).then(
        () => undefined,
        (e: unknown) => e as Error & { excerpt?: string; vendorMessage?: string },
      );
      t.sim.faults.clear();
      expect(error).toBeInstanceOf(Error);
      const text = `${error?.message} ${error?.excerpt} ${error?.vendorMessage} ${JSON.stringify(error)}`;
      expect(text).toContain('xxxx');
      expect(text).not.toContain('VMPASSWDHEAD');
    }
  });
});
