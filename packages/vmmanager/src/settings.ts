/** Reading the client configuration from options and environment variables. */
import { readFileSync } from 'node:fs';
import { ConfigError, normalizeFingerprint, type TlsOptions } from '@x/auth-core';

/** The environment variables the client reads. */
export const ENV = {
  url: 'VMMANAGER_URL',
  email: 'VMMANAGER_EMAIL',
  password: 'VMMANAGER_PASSWORD',
  token: 'VMMANAGER_TOKEN',
  caFile: 'VMMANAGER_CA_FILE',
  fingerprint: 'VMMANAGER_FINGERPRINT',
  insecure: 'VMMANAGER_INSECURE',
} as const;

function flag(value: string | undefined, setting: string): boolean {
  const text = value?.trim().toLowerCase() ?? '';
  if (text === '' || text === '0' || text === 'false' || text === 'no') return false;
  if (text === '1' || text === 'true' || text === 'yes') return true;
  throw new ConfigError(
    `VMmanager: ${setting} must be 1 (or true) to disable TLS verification, got "${value}".`,
    {
      vendor: 'vmmanager',
      setting,
    },
  );
}

/**
 * TLS options from VMMANAGER_CA_FILE (a PEM file with the panel's CA), VMMANAGER_FINGERPRINT (the SHA-256
 * fingerprint of its certificate) and VMMANAGER_INSECURE=1 (no verification: an explicit, loud opt-in; the
 * transport warns once per process).
 */
export function tlsFromEnv(env: NodeJS.ProcessEnv): TlsOptions | undefined {
  const tls: TlsOptions = {};
  const caFile = env[ENV.caFile]?.trim();
  if (caFile) {
    try {
      tls.ca = readFileSync(caFile, 'utf8');
    } catch (error) {
      throw new ConfigError(
        `VMmanager: cannot read the CA file named by ${ENV.caFile} (${(error as NodeJS.ErrnoException).code ?? 'error'}).`,
        { vendor: 'vmmanager', setting: ENV.caFile },
      );
    }
    if (!tls.ca.includes('-----BEGIN CERTIFICATE-----')) {
      throw new ConfigError(`VMmanager: the file named by ${ENV.caFile} is not a PEM certificate.`, {
        vendor: 'vmmanager',
        setting: ENV.caFile,
      });
    }
  }
  const fingerprint = env[ENV.fingerprint]?.trim();
  if (fingerprint) {
    try {
      normalizeFingerprint(fingerprint);
    } catch {
      throw new ConfigError(
        `VMmanager: ${ENV.fingerprint} must be a SHA-256 certificate fingerprint (64 hex digits, colons optional).`,
        { vendor: 'vmmanager', setting: ENV.fingerprint },
      );
    }
    tls.fingerprint256 = fingerprint;
  }
  if (flag(env[ENV.insecure], ENV.insecure)) {
    if (tls.ca || tls.fingerprint256) {
      throw new ConfigError(
        `VMmanager: ${ENV.insecure} cannot be combined with ${ENV.caFile} or ${ENV.fingerprint}; pick one.`,
        { vendor: 'vmmanager', setting: ENV.insecure },
      );
    }
    tls.insecure = true;
  }
  return Object.keys(tls).length ? tls : undefined;
}
