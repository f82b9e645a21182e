// Faults below HTTP, against every vendor client over loopback: refused connections, resets before and during
// the answer, and a TLS certificate that does not match the pin (slow answers: timeouts.test.ts). For each:
// the typed error and its message, how many requests reached the simulator (a create is never repeated once
// it may have arrived), and the client still works afterwards.
import { TransportError } from '@x/auth-core';
import { otherCertificate, testCertificate, unusedPort } from '@x/testkit';
import { describe, expect, it } from 'vitest';
import { expectFails, expectHandshakesOnly, expectRecovers, failure } from './expectations.js';
import { failOnUnhandledRejections, useVendorClient } from './harness.js';
import { countOf, inject, pinnedTo, VENDORS } from './support.js';

failOnUnhandledRejections();

describe.each(VENDORS)('$id client', (vendor) => {
  const rig = useVendorClient(vendor);

  it('connection refused: a connect TransportError after retrying (nothing was sent, even for a create)', async () => {
    const port = await unusedPort();
    await using dead = vendor.client(`http://127.0.0.1:${port}`);
    for (const call of [dead.read, dead.create]) {
      const error = await failure(call());
      expect(error).toBeInstanceOf(TransportError);
      expect(error).toMatchObject({ phase: 'connect', code: 'ECONNREFUSED', mayHaveReachedServer: false });
      // Refused means the request never left: retrying is safe for every effect.
      expect(error.attempts).toBe(3);
      expect(error.message).toContain(`could not connect to 127.0.0.1:${port}`);
    }
  });

  it('reset before the answer: a read is retried and succeeds', async () => {
    await expectRecovers(rig, 'read', { kind: 'reset' }, { requests: 2 });
  });

  it('reset before the answer on every attempt: a read gives up after 3 with a send-phase TransportError', async () => {
    const error = await expectFails(rig, 'read', { kind: 'reset' }, { requests: 3 });
    expect(error).toBeInstanceOf(TransportError);
    expect(error).toMatchObject({ phase: 'send', mayHaveReachedServer: true, attempts: 3 });
    expect(error.message).toMatch(/closed before an answer.*may have reached the server/);
  });

  it('reset before the answer: a create is not repeated (it may have reached the server)', async () => {
    const error = await expectFails(rig, 'create', { kind: 'reset' }, { requests: 1 });
    expect(error).toBeInstanceOf(TransportError);
    expect(error).toMatchObject({ phase: 'send', mayHaveReachedServer: true, attempts: 1 });
    rig.sim.faults.clear();
    await expect(rig.client.create()).resolves.toBeDefined();
    expect(countOf(rig.sim, vendor.create)).toBe(2);
  });

  it('reset mid-body: a read is retried and succeeds; a create is not repeated', async () => {
    await expectRecovers(rig, 'read', { kind: 'reset-mid-body' }, { requests: 2 });

    const error = await expectFails(rig, 'create', { kind: 'reset-mid-body' }, { requests: 1 });
    expect(error).toBeInstanceOf(TransportError);
    expect(error).toMatchObject({ phase: 'receive', mayHaveReachedServer: true, attempts: 1 });
    expect(error.message).toMatch(/broke while the answer was arriving/);
  });

  it('reset mid-body on every attempt: a read gives up after 3 with a receive-phase TransportError', async () => {
    const error = await expectFails(rig, 'read', { kind: 'reset-mid-body' }, { requests: 3 });
    expect(error).toBeInstanceOf(TransportError);
    expect(error).toMatchObject({ phase: 'receive', attempts: 3 });
  });

  it('the client still works after faults', async () => {
    inject(rig.sim, vendor.create, { kind: 'reset' });
    await failure(rig.client.create());
    await expect(rig.client.read()).resolves.toBeDefined();
    await expect(rig.client.create()).resolves.toBeDefined();
  });
});

describe.each(VENDORS.filter((vendor) => vendor.tls))(
  '$id over HTTPS with a pinned certificate',
  (vendor) => {
    const rig = useVendorClient(vendor, { tls: true, options: pinnedTo(testCertificate) });

    it('the right pin works (the control: this setup can succeed)', async () => {
      await expect(rig.client.read()).resolves.toBeDefined();
      expect(rig.sim.stats.requests).toBeGreaterThan(0);
      expect(rig.sim.stats.bytesReceived).toBeGreaterThan(0);
    });

    it('a reset over TLS (an abrupt close): a read retries, a create is sent once', async () => {
      await expectRecovers(rig, 'read', { kind: 'reset' }, { requests: 2 });
      const error = await expectFails(rig, 'create', { kind: 'reset' }, { requests: 1 });
      expect(error).toMatchObject({ phase: 'send', mayHaveReachedServer: true });
    });

    it('a wrong pin: a tls TransportError, not retried, and not one credential byte reaches the server', async () => {
      await using impostor = vendor.client(rig.sim.url, pinnedTo(otherCertificate));
      for (const call of [impostor.read, impostor.create]) {
        const error = await failure(call());
        expect(error).toBeInstanceOf(TransportError);
        expect(error).toMatchObject({
          phase: 'tls',
          code: 'X_TLS_PIN_MISMATCH',
          mayHaveReachedServer: false,
          attempts: 1,
        });
        expect(error.message).toMatch(/Nothing was sent.*update fingerprint256/);
      }
      expectHandshakesOnly(rig.sim);
      expect(rig.sim.log).toEqual([]);
    });
  },
);
