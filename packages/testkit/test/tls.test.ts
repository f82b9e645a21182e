import { X509Certificate } from 'node:crypto';
import { once } from 'node:events';
import { connect, type PeerCertificate } from 'node:tls';
import { Agent, request } from 'undici';
import { afterAll, describe, expect, it } from 'vitest';
import { createSimulator, otherCertificate, testCertificate } from '../src/index.js';
import { harness } from './support.js';

const { start } = harness();
const trusting = new Agent({ connect: { ca: testCertificate.cert } });
afterAll(() => trusting.close());

function tlsSimulator(tls: boolean | { key: string; cert: string } = true) {
  return start(createSimulator({ name: 'secure', tls, handler: (req) => ({ body: { path: req.path } }) }));
}

/** The certificate a TLS server presents, read with a bare tls.connect (no HTTP request is sent). */
async function servedCertificate(port: number): Promise<PeerCertificate> {
  const socket = connect({ host: '127.0.0.1', port, servername: 'localhost', rejectUnauthorized: false });
  await once(socket, 'secureConnect');
  const cert = socket.getPeerCertificate();
  socket.destroy();
  return cert;
}

/** Trusts the test CA but accepts only a certificate with this SHA-256 fingerprint, as a pinning client does. */
function pinning(fingerprint256: string): Agent {
  return new Agent({
    connect: {
      ca: testCertificate.cert,
      checkServerIdentity: (_host, cert) =>
        cert.fingerprint256 === fingerprint256 ? undefined : new Error('certificate fingerprint mismatch'),
    },
  });
}

describe('certificates', () => {
  it('are distinct, for localhost and 127.0.0.1, with fingerprints in Node notation', () => {
    for (const { cert, key, fingerprint256 } of [testCertificate, otherCertificate]) {
      expect(key).toContain('PRIVATE KEY');
      const x509 = new X509Certificate(cert);
      expect(x509.subject).toBe('CN=localhost');
      expect(x509.subjectAltName).toBe('DNS:localhost, IP Address:127.0.0.1');
      expect(new Date(x509.validTo).getFullYear()).toBeGreaterThan(2100);
      expect(fingerprint256).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    }
    expect(testCertificate.fingerprint256).not.toBe(otherCertificate.fingerprint256);
  });
});

describe('TLS simulator', () => {
  it('serves HTTPS with the test certificate to a client that trusts it', async () => {
    const sim = await tlsSimulator();
    expect(sim.url).toBe(`https://127.0.0.1:${sim.port}`);
    const res = await request(`${sim.url}/secure`, { dispatcher: trusting });
    expect(await res.body.json()).toEqual({ path: '/secure' });
    expect((await servedCertificate(sim.port)).fingerprint256).toBe(testCertificate.fingerprint256);
  });

  it('serves a certificate passed in the options', async () => {
    const sim = await tlsSimulator(otherCertificate);
    expect((await servedCertificate(sim.port)).fingerprint256).toBe(otherCertificate.fingerprint256);
  });

  it('drops the connection on a reset fault, as over plain HTTP', async () => {
    const sim = await tlsSimulator();
    sim.faults.add({ kind: 'reset' });
    await expect(request(sim.url, { dispatcher: trusting })).rejects.toMatchObject({
      code: 'UND_ERR_SOCKET',
    });
    expect(sim.log).toMatchObject([{ path: '/', fault: 'reset' }]);
  });

  it('counts no request bytes when the client rejects the certificate during the handshake', async () => {
    const sim = await tlsSimulator();
    const strict = new Agent({ connect: { rejectUnauthorized: true } });
    await expect(request(sim.url, { dispatcher: strict })).rejects.toMatchObject({
      code: 'DEPTH_ZERO_SELF_SIGNED_CERT',
    });
    await strict.close();
    expect(sim.stats).toEqual({ connections: 1, requests: 0, bytesReceived: 0 });
    expect(sim.log).toEqual([]);
  });

  it('counts no request bytes on a fingerprint mismatch, and the request bytes on a match', async () => {
    const sim = await tlsSimulator();
    const mismatched = pinning(otherCertificate.fingerprint256);
    await expect(request(sim.url, { dispatcher: mismatched })).rejects.toThrow(
      'certificate fingerprint mismatch',
    );
    await mismatched.close();
    expect(sim.stats).toEqual({ connections: 1, requests: 0, bytesReceived: 0 });

    const pinned = pinning(testCertificate.fingerprint256);
    const res = await request(`${sim.url}/pinned`, { dispatcher: pinned, method: 'POST', body: 'secret' });
    expect(res.statusCode).toBe(200);
    await res.body.dump();
    await pinned.close();
    expect(sim.stats.requests).toBe(1);
    // Decrypted bytes: the request head plus the body, not the handshake.
    expect(sim.stats.bytesReceived).toBeGreaterThan('POST /pinned HTTP/1.1\r\n\r\nsecret'.length);
    expect(sim.stats.bytesReceived).toBeLessThan(300);
  });
});
