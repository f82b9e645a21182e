/**
 * What a simulator registers with the sandbox. It lives apart from the sandbox itself so that the vendor
 * simulators, which the sandbox imports, can declare their entry without importing the sandbox back.
 */
import type { Simulator } from './simulator.js';

/** How the sandbox asks an entry for its simulator. */
export interface SandboxCreateOptions {
  /** Serve HTTPS with {@link testCertificate}. */
  tls?: boolean;
}

/** Where a client's CA file setting should point, when the sandbox serves HTTPS. */
export interface SandboxSettingsContext {
  /** Path of the PEM file holding the sandbox's certificate (its own CA), if one was written. */
  caFile?: string | undefined;
}

/** A simulator the sandbox starts. */
export interface SandboxEntry {
  readonly name: string;
  readonly create: (options?: SandboxCreateOptions) => Simulator<unknown>;
  /**
   * The client settings that point at this simulator, keyed like the vendor's environment variables
   * (`TUXCARE_BASE_URL`, `TUXCARE_LOGIN`, ...), so a consumer such as the MCP server connects without
   * knowing the vendor.
   */
  readonly settings?:
    | ((url: string, context?: SandboxSettingsContext) => Readonly<Record<string, string>>)
    | undefined;
  /** Its fixed port is the port base plus this (`x-sandbox` default base {@link SANDBOX_PORT_BASE}). */
  readonly portOffset?: number | undefined;
  /** Where the API lives under the origin (`/api`, `/ispmgr`, or '' for the root). */
  readonly basePath?: string | undefined;
  /** The demo credentials, as a user types them (all public; they only open the loopback simulator). */
  readonly credentials?: Readonly<Record<string, string>> | undefined;
  /** A first request to try, as a shell command; `{url}` is the origin. */
  readonly curl?: string | undefined;
}
