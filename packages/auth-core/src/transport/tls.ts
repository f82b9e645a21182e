import type { TLSSocket } from 'node:tls';
import type { buildConnector } from 'undici';
import { ConfigError } from '../errors.js';

/**
 * Per-client TLS for panels with self-signed certificates (ISPmanager and VMmanager on :1500 usually have
 * them). Never a process-wide switch such as NODE_TLS_REJECT_UNAUTHORIZED.
 */
export interface TlsOptions {
  /** Extra trusted CA certificate(s), PEM. The usual fix for a panel's own CA. */
  ca?: string | Buffer | ReadonlyArray<string | Buffer> | undefined;
  /**
   * SHA-256 fingerprint(s) of the server's leaf certificate, as `openssl x509 -fingerprint -sha256` or the
   * browser prints it (colons optional, case-insensitive). When set, the pin replaces CA and hostname
   * validation, and a mismatch closes the connection before a single request byte (or credential) is sent.
   * Two pins allow a certificate rollover.
   */
  fingerprint256?: string | readonly string[] | undefined;
  /**
   * Skips certificate verification entirely. Explicit opt-in only: it warns once per process and never comes
   * from a tool argument. Prefer `ca` or `fingerprint256`.
   */
  insecure?: boolean | undefined;
}

/** Normalises a SHA-256 fingerprint to 64 lowercase hex characters, or throws a ConfigError. */
export function normalizeFingerprint(value: string): string {
  const hex = value
    .trim()
    .replace(/^sha256[:/=]?/i, '')
    .replace(/[:\s-]/g, '')
    .toLowerCase();
  if (!/^[0-9a-f]{64}$/.test(hex)) {
    throw new ConfigError(
      'fingerprint256 must be a SHA-256 certificate fingerprint: 64 hex digits, colons optional ' +
        '(see `openssl x509 -noout -fingerprint -sha256 -in cert.pem`).',
      { setting: 'fingerprint256' },
    );
  }
  return hex;
}

/** The pins of a TLS configuration (validated), or undefined when none are set. */
export function pinsOf(tls: TlsOptions | undefined): ReadonlySet<string> | undefined {
  const raw = tls?.fingerprint256;
  if (raw === undefined) return undefined;
  const list = typeof raw === 'string' ? [raw] : raw;
  if (list.length === 0) return undefined;
  return new Set(list.map(normalizeFingerprint));
}

/** The error a pin mismatch produces (mapped to a TransportError with phase `tls` by the transport). */
export class PinMismatch extends Error {
  readonly code = 'X_TLS_PIN_MISMATCH';
  constructor(readonly presented: string | undefined) {
    super(
      presented
        ? `the server's certificate (SHA-256 ${presented}) does not match the pinned fingerprint`
        : 'the server presented no certificate to check against the pinned fingerprint',
    );
  }
}

type Connector = buildConnector.connector;

/**
 * Wraps an undici connector so that, once the TLS handshake is done and before the socket is handed to
 * undici (so before any request byte is written), the peer certificate must match one of the pins.
 */
export function pinConnector(connect: Connector, pins: ReadonlySet<string>): Connector {
  return (options, callback) =>
    connect(options, (error, socket) => {
      if (error) {
        callback(error, null);
        return;
      }
      if (options.protocol !== 'https:') {
        callback(null, socket);
        return;
      }
      const certificate = (socket as TLSSocket).getPeerCertificate?.();
      const presented = certificate?.fingerprint256?.replace(/:/g, '').toLowerCase();
      if (!presented || !pins.has(presented)) {
        socket.destroy();
        callback(new PinMismatch(certificate?.fingerprint256), null);
        return;
      }
      callback(null, socket);
    });
}

let insecureWarned = false;

/** Emits the one-per-process warning for `insecure: true`. */
export function warnInsecureOnce(): void {
  if (insecureWarned) return;
  insecureWarned = true;
  process.emitWarning(
    'TLS certificate verification is disabled for an @x client (insecure: true). Anyone on the path can ' +
      'read its credentials. Pin the certificate with fingerprint256 or trust it with ca instead.',
    { code: 'X_TLS_INSECURE' },
  );
}
