import { readFileSync } from 'node:fs';
import { ConfigError } from './errors.js';
import { normalizeFingerprint, type TlsOptions } from './transport/tls.js';

/** Where a setting comes from: an explicit option wins over the environment variable. */
export interface SettingSource {
  /** Human name of the vendor, for messages (`TuxCare`). */
  vendor: string;
  /** The option name in the client factory (`secretKey`). */
  option: string;
  /** The environment variable that can supply it (`TUXCARE_SECRET_KEY`). */
  env: string;
  /** The factory's name, for messages (`createTuxCareClient`). */
  factory: string;
}

/**
 * Reads a setting from an explicit value or the environment. A missing required setting is a
 * {@link ConfigError} that names both ways to provide it.
 */
export function readSetting(
  value: string | undefined,
  source: SettingSource,
  env?: NodeJS.ProcessEnv,
  required?: true,
): string;
export function readSetting(
  value: string | undefined,
  source: SettingSource,
  env: NodeJS.ProcessEnv | undefined,
  required: false,
): string | undefined;
export function readSetting(
  value: string | undefined,
  source: SettingSource,
  env: NodeJS.ProcessEnv = process.env,
  required = true,
): string | undefined {
  const resolved = value ?? env[source.env];
  const trimmed = resolved?.trim();
  if (trimmed) return trimmed;
  if (!required) return undefined;
  throw new ConfigError(
    `${source.vendor} needs \`${source.option}\`: pass it to ${source.factory}() or set ${source.env}.`,
    { vendor: source.vendor.toLowerCase(), setting: source.env },
  );
}

/** Parses and checks a base URL (http or https, no credentials in it). */
export function readBaseUrl(value: string, vendor: string, setting: string): URL {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigError(`${vendor}: ${setting} is not a valid URL.`, { setting });
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new ConfigError(`${vendor}: ${setting} must be an http:// or https:// URL.`, { setting });
  }
  if (url.username || url.password) {
    throw new ConfigError(`${vendor}: ${setting} must not carry credentials; use the credential options.`, {
      setting,
    });
  }
  return url;
}

/** The environment variable names of a vendor's TLS settings. */
export interface TlsSettingNames {
  /** A PEM file with the panel's CA, e.g. `ISPMANAGER_CA_FILE`. */
  caFile: string;
  /** The SHA-256 fingerprint of the panel's certificate, e.g. `ISPMANAGER_FINGERPRINT`. */
  fingerprint: string;
  /** `1` disables verification: an explicit, loud opt-in, e.g. `ISPMANAGER_INSECURE`. */
  insecure: string;
}

const TRUE = new Set(['1', 'true', 'yes', 'on']);
const FALSE = new Set(['', '0', 'false', 'no', 'off']);

/**
 * The one reading of a boolean setting: `1`/`true`/`yes`/`on` and `0`/`false`/`no`/`off` (any case, trimmed),
 * unset or empty is false; undefined for anything else, which the caller refuses with a ConfigError.
 */
export function parseBoolean(value: string | undefined): boolean | undefined {
  const text = value?.trim().toLowerCase() ?? '';
  if (TRUE.has(text)) return true;
  if (FALSE.has(text)) return false;
  return undefined;
}

/**
 * A boolean setting ({@link parseBoolean}).
 *
 * @throws ConfigError naming the setting and the spellings it accepts.
 */
export function readBoolean(value: string | undefined, vendor: string, setting: string): boolean {
  const flag = parseBoolean(value);
  if (flag !== undefined) return flag;
  throw new ConfigError(
    `${vendor}: ${setting} must be 1, true, yes or on (or 0, false, no, off), got "${value}".`,
    {
      vendor: vendor.toLowerCase(),
      setting,
    },
  );
}

function readFlag(value: string | undefined, vendor: string, setting: string): boolean {
  const flag = parseBoolean(value);
  if (flag !== undefined) return flag;
  throw new ConfigError(
    `${vendor}: ${setting} must be 1 (or true) to disable TLS verification, got "${value}".`,
    {
      vendor: vendor.toLowerCase(),
      setting,
    },
  );
}

/**
 * TLS options from a vendor's environment variables (panels on :1500 usually carry self-signed
 * certificates): a CA file (must be PEM), a SHA-256 fingerprint pin (validated), or the insecure opt-in (not
 * combinable with the other two). Returns undefined when none is set.
 */
export function readTlsSettings(
  vendor: string,
  names: TlsSettingNames,
  env: NodeJS.ProcessEnv = process.env,
): TlsOptions | undefined {
  const tls: { ca?: string; fingerprint256?: string; insecure?: boolean } = {};
  const id = vendor.toLowerCase();
  const caFile = env[names.caFile]?.trim();
  if (caFile) {
    let ca: string;
    try {
      ca = readFileSync(caFile, 'utf8');
    } catch (error) {
      throw new ConfigError(
        `${vendor}: cannot read the CA file named by ${names.caFile} (${(error as NodeJS.ErrnoException).code ?? 'error'}).`,
        { vendor: id, setting: names.caFile },
      );
    }
    if (!ca.includes('-----BEGIN CERTIFICATE-----')) {
      throw new ConfigError(`${vendor}: the file named by ${names.caFile} is not a PEM certificate.`, {
        vendor: id,
        setting: names.caFile,
      });
    }
    tls.ca = ca;
  }
  const fingerprint = env[names.fingerprint]?.trim();
  if (fingerprint) {
    try {
      normalizeFingerprint(fingerprint);
    } catch {
      throw new ConfigError(
        `${vendor}: ${names.fingerprint} must be a SHA-256 certificate fingerprint (64 hex digits, colons optional).`,
        { vendor: id, setting: names.fingerprint },
      );
    }
    tls.fingerprint256 = fingerprint;
  }
  if (readFlag(env[names.insecure], vendor, names.insecure)) {
    if (tls.ca || tls.fingerprint256) {
      throw new ConfigError(
        `${vendor}: ${names.insecure} cannot be combined with ${names.caFile} or ${names.fingerprint}; pick one.`,
        { vendor: id, setting: names.insecure },
      );
    }
    tls.insecure = true;
  }
  return Object.keys(tls).length > 0 ? tls : undefined;
}
