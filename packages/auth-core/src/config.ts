import { ConfigError } from './errors.js';

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
