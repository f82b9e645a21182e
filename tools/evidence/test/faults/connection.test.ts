// Faults below HTTP, against every vendor client over loopback: refused connections, resets before and during
// the answer, and a TLS certificate that does not match the pin (slow answers: timeouts.test.ts). For each:
// the typed error and its message, how many requests reached the simulator (a create is never repeated once
// it may have arrived), and the client still works afterwards.
import { TransportError } from '@x/auth-core';
import { otherCertificate, type Simulator, testCertificate, unusedPort } from '@x/testkit';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { countOf, FAST, failure, only, VENDORS } from './support.js';

const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);
beforeAll(() => {
  process.on('unhandledRejection', onUnhandled);
});
afterAll(() => {
  process.off('unhandledRejection', onUnhandled);
  expect(unhandled).toEqual([]);
});

describe.each(VENDORS)('$id client', (vendor) => {
  let sim: Simulator<unknown>;
  let client: ReturnType<typeof vendor.client>;
  beforeAll(async () => {
    sim = await vendor.createSimulator().start();
  });
  // A fresh client per test: reset() forgets VMmanager tokens, and a stale token would add a 401 round trip.
  beforeEach(() => {
    sim.reset();
    client = vendor.client(sim.url);
  });
  afterEach(() => client.close());
  afterAll(() => sim.stop());

  it('connection refused: a connect TransportError after retrying (nothing was sent, even for a create)', async () => {
    const port = await unusedPort();
    const dead = vendor.client(`http://127.0.0.1:${port}`);
    try {
      for (const call of [dead.read, dead.create]) {
        const error = await failure(call());
        expect(error).toBeInstanceOf(TransportError);
        expect(error).toMatchObject({ phase: 'connect', code: 'ECONNREFUSED', mayHaveReachedServer: false });
        // Refused means the request never left: retrying is safe for every effect.
        expect(error.attempts).toBe(3);
        expect(error.message).toContain(`could not connect to 127.0.0.1:${port}`);
      }
    } finally {
      await dead.close();
    }
  });

  it('reset before the answer: a read is retried and succeeds', async () => {
    sim.faults.add({ kind: 'reset' }, { match: only(vendor.read) });
    await expect(client.read()).resolves.toBeDefined();
    expect(countOf(sim, vendor.read)).toBe(2);
  });

  it('reset before the answer on every attempt: a read gives up after 3 with a send-phase TransportError', async () => {
    sim.faults.add({ kind: 'reset' }, { match: only(vendor.read), times: Number.POSITIVE_INFINITY });
    const error = await failure(client.read());
    expect(error).toBeInstanceOf(TransportError);
    expect(error).toMatchObject({ phase: 'send', mayHaveReachedServer: true, attempts: 3 });
    expect(error.message).toMatch(/closed before an answer.*may have reached the server/);
    expect(countOf(sim, vendor.read)).toBe(3);
  });

  it('reset before the answer: a create is not repeated (it may have reached the server)', async () => {
    sim.faults.add({ kind: 'reset' }, { match: only(vendor.create), times: Number.POSITIVE_INFINITY });
    const error = await failure(client.create());
    expect(error).toBeInstanceOf(TransportError);
    expect(error).toMatchObject({ phase: 'send', mayHaveReachedServer: true, attempts: 1 });
    expect(countOf(sim, vendor.create)).toBe(1);
    sim.faults.clear();
    await expect(client.create()).resolves.toBeDefined();
    expect(countOf(sim, vendor.create)).toBe(2);
  });

  it('reset mid-body: a read is retried and succeeds; a create is not repeated', async () => {
    sim.faults.add({ kind: 'reset-mid-body' }, { match: only(vendor.read) });
    await expect(client.read()).resolves.toBeDefined();
    expect(countOf(sim, vendor.read)).toBe(2);

    sim.faults.add(
      { kind: 'reset-mid-body' },
      { match: only(vendor.create), times: Number.POSITIVE_INFINITY },
    );
    const error = await failure(client.create());
    expect(error).toBeInstanceOf(TransportError);
    expect(error).toMatchObject({ phase: 'receive', mayHaveReachedServer: true, attempts: 1 });
    expect(error.message).toMatch(/broke while the answer was arriving/);
    expect(countOf(sim, vendor.create)).toBe(1);
  });

  it('reset mid-body on every attempt: a read gives up after 3 with a receive-phase TransportError', async () => {
    sim.faults.add({ kind: 'reset-mid-body' }, { match: only(vendor.read), times: Number.POSITIVE_INFINITY });
    const error = await failure(client.read());
    expect(error).toBeInstanceOf(TransportError);
    expect(error).toMatchObject({ phase: 'receive', attempts: 3 });
    expect(countOf(sim, vendor.read)).toBe(3);
  });

  it('the client still works after faults', async () => {
    sim.faults.add({ kind: 'reset' }, { match: only(vendor.create) });
    await failure(client.create());
    await expect(client.read()).resolves.toBeDefined();
    await expect(client.create()).resolves.toBeDefined();
  });
});

describe.each(VENDORS.filter((vendor) => vendor.tls))(
  '$id over HTTPS with a pinned certificate',
  (vendor) => {
    let sim: Simulator<unknown>;
    beforeAll(async () => {
      sim = await vendor.createSimulator({ tls: true }).start();
    });
    beforeEach(() => sim.reset());
    afterAll(() => sim.stop());

    it('the right pin works (the control: this setup can succeed)', async () => {
      const client = vendor.client(sim.url, {
        ...FAST,
        tls: { fingerprint256: testCertificate.fingerprint256 },
      });
      try {
        await expect(client.read()).resolves.toBeDefined();
        expect(sim.stats.requests).toBeGreaterThan(0);
        expect(sim.stats.bytesReceived).toBeGreaterThan(0);
      } finally {
        await client.close();
      }
    });

    it('a reset over TLS (an abrupt close): a read retries, a create is sent once', async () => {
      const client = vendor.client(sim.url, {
        ...FAST,
        tls: { fingerprint256: testCertificate.fingerprint256 },
      });
      try {
        sim.faults.add({ kind: 'reset' }, { match: only(vendor.read) });
        await expect(client.read()).resolves.toBeDefined();
        expect(countOf(sim, vendor.read)).toBe(2);
        sim.faults.add({ kind: 'reset' }, { match: only(vendor.create) });
        await expect(client.create()).rejects.toMatchObject({ phase: 'send', mayHaveReachedServer: true });
        expect(countOf(sim, vendor.create)).toBe(1);
      } finally {
        await client.close();
      }
    });

    it('a wrong pin: a tls TransportError, not retried, and not one credential byte reaches the server', async () => {
      const client = vendor.client(sim.url, {
        ...FAST,
        tls: { fingerprint256: otherCertificate.fingerprint256 },
      });
      try {
        for (const call of [client.read, client.create]) {
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
        // The handshakes happened (so the check is real), yet nothing was decrypted on the server side.
        expect(sim.stats.connections).toBeGreaterThanOrEqual(2);
        expect(sim.stats.requests).toBe(0);
        expect(sim.stats.bytesReceived).toBe(0);
        expect(sim.log).toEqual([]);
      } finally {
        await client.close();
      }
    });
  },
);
