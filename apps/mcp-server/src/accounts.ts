import type { Catalog, CommonClientOptions, Redactor, VendorClient } from '@x/auth-core';
import type { VendorModule } from '@x/auth-core/projection';

/** Settings of one account, keyed like the vendor's environment variables. */
export type AccountSettings = Readonly<Record<string, string | undefined>>;

/** The account an environment's credentials make (`resolveAccounts`). */
export const DEFAULT_ACCOUNT = 'default';

/** The one account per vendor in sandbox mode. */
export const SANDBOX_ACCOUNT = 'sandbox';

/** Named accounts per vendor id, as a config file holds them. */
export type AccountsConfig = Readonly<Record<string, Readonly<Record<string, AccountSettings>>>>;

/** One configured account of one vendor; the client is created on first use (fast startup). */
export class Account {
  #client: VendorClient<Catalog> | undefined;
  constructor(
    readonly vendor: VendorModule,
    readonly name: string,
    readonly settings: AccountSettings,
    readonly options: CommonClientOptions,
    /** Every account's configured secrets (filled as accounts are resolved), known to each client too. */
    readonly configuredSecrets: readonly string[] = [],
  ) {}

  get client(): VendorClient<Catalog> {
    if (!this.#client) {
      const client = this.vendor.connect(this.settings, this.options);
      // The client's redactor then knows its sessions and per-call tokens as well as every account's
      // credentials: one redactor serves a call's result, whatever answer carries another account's secret.
      for (const secret of this.configuredSecrets) client.redactor.addSecret(secret);
      this.#client = client;
    }
    return this.#client;
  }

  async close(): Promise<void> {
    await this.#client?.close();
  }
}

/**
 * A value `env:NAME` in a config file reads the environment variable NAME, so config files can name
 * accounts without holding their secrets.
 */
function resolveValue(value: string | undefined, env: NodeJS.ProcessEnv): string | undefined {
  if (value?.startsWith('env:')) return env[value.slice(4)];
  return value;
}

/** Where accounts come from. */
export interface AccountSources {
  vendors: readonly VendorModule[];
  env: NodeJS.ProcessEnv;
  config?: AccountsConfig | undefined;
  /** Sandbox mode: settings per vendor id that point at the embedded simulators. */
  sandbox?: Readonly<Record<string, AccountSettings>> | undefined;
  options: CommonClientOptions;
  redactor: Redactor;
}

/**
 * Resolves the accounts of every vendor. In sandbox mode each vendor has one account, `sandbox`. Otherwise
 * the environment gives an account `default` when all of a vendor's required variables are set, and the
 * config file adds named accounts. A vendor without accounts is not exposed.
 */
export function resolveAccounts(sources: AccountSources): Map<string, Account[]> {
  const out = new Map<string, Account[]>();
  const configuredSecrets: string[] = [];
  const add = (vendor: VendorModule, name: string, raw: AccountSettings) => {
    const settings: Record<string, string | undefined> = {};
    const secret = new Set(vendor.settings.secret);
    for (const [key, value] of Object.entries(raw)) {
      const resolved = resolveValue(value, sources.env);
      settings[key] = resolved;
      // Which settings are secret is the vendor's declaration, not a guess from the name.
      if (resolved && secret.has(key)) {
        sources.redactor.addSecret(resolved);
        configuredSecrets.push(resolved);
      }
    }
    const missing = vendor.settings.required.filter((key) => !settings[key]);
    if (missing.length > 0) {
      throw new Error(`account "${name}" of ${vendor.id} is missing ${missing.join(', ')}`);
    }
    const list = out.get(vendor.id) ?? [];
    if (list.some((account) => account.name === name))
      throw new Error(`account "${name}" of ${vendor.id} is defined twice`);
    list.push(new Account(vendor, name, settings, sources.options, configuredSecrets));
    out.set(vendor.id, list);
  };

  for (const vendor of sources.vendors) {
    if (sources.sandbox) {
      const settings = sources.sandbox[vendor.id];
      if (settings) add(vendor, SANDBOX_ACCOUNT, settings);
      continue;
    }
    const keys = [...vendor.settings.required, ...vendor.settings.optional];
    if (vendor.settings.required.every((key) => sources.env[key])) {
      add(vendor, DEFAULT_ACCOUNT, Object.fromEntries(keys.map((key) => [key, sources.env[key]])));
    }
    for (const [name, settings] of Object.entries(sources.config?.[vendor.id] ?? {}))
      add(vendor, name, settings);
  }
  for (const id of Object.keys(sources.config ?? {})) {
    if (!sources.vendors.some((vendor) => vendor.id === id))
      throw new Error(`config names an unknown vendor "${id}"`);
  }
  return out;
}
