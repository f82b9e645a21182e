import { X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';

/** A self-signed certificate and its key, for a loopback TLS server. */
export interface TestCertificate {
  /** PEM private key. */
  readonly key: string;
  /** PEM certificate: CN=localhost, subjectAltName DNS:localhost and IP:127.0.0.1, valid until 2126. */
  readonly cert: string;
  /** SHA-256 fingerprint as Node prints it (`AB:CD:…`, upper-case), for certificate pinning tests. */
  readonly fingerprint256: string;
}

function load(name: string): TestCertificate {
  // Relative to this module, which sits one level below the package root both as src/ and as dist/.
  const read = (file: string): string =>
    readFileSync(new URL(`../fixtures/${name}-${file}.pem`, import.meta.url), 'utf8');
  const cert = read('cert');
  return Object.freeze({ key: read('key'), cert, fingerprint256: new X509Certificate(cert).fingerprint256 });
}

/** The certificate simulators serve with `tls: true`. Trust it with `connect: { ca: testCertificate.cert }`. */
export const testCertificate: TestCertificate = load('test');

/**
 * A second certificate for the same names, with a different key: pin this one against a simulator serving
 * {@link testCertificate} to provoke a fingerprint mismatch.
 */
export const otherCertificate: TestCertificate = load('other');
