import type { SandboxEntry } from '../sandbox.js';
import type { RequestRecord, Simulator } from '../simulator.js';

/**
 * Client options every test layer uses against a simulator, as plain data (the testkit imports no client
 * code, so this is the shape of the core's common options, not its type): the environment ignored, no proxy,
 * retries a few milliseconds apart.
 */
export const FAST_CLIENT_OPTIONS = {
  env: {},
  proxy: false,
  retry: { baseDelayMs: 1, maxDelayMs: 5 },
} as const;

/** A request as a fault matcher sees it on the way in, or as the log keeps it afterwards. */
export interface ProbeRequest {
  method: string;
  path: string;
  /** The body as UTF-8. */
  body: string;
}

/**
 * One endpoint a cross-vendor test drives: the catalog id, a fresh input for each call (creates get a unique
 * name, so repeating one never collides), and how to recognise its requests on the wire.
 */
export interface EndpointProbe {
  /** Catalog id, e.g. `kcare.key.list`. */
  readonly endpoint: string;
  /** The input of one call. */
  input(): Record<string, unknown>;
  /** Whether a request (live or logged) is a call of this endpoint. */
  is(request: ProbeRequest): boolean;
}

/** A logged request decoded into the vendor's own parameters (query, form, signed `req` or JSON body). */
export interface WireCall {
  readonly method: string;
  readonly path: string;
  /** The parameters the vendor reads, credentials and signatures removed. */
  readonly params: Record<string, unknown>;
}

/** The vendors the testkit simulates. */
export type VendorId = 'tuxcare' | 'lunanode' | 'ispmanager' | 'vmmanager';

/**
 * Everything a test layer (package tests, the evidence suite, the benchmark) needs to drive one vendor
 * against its simulator, declared once per vendor.
 */
export interface VendorFixture<State = unknown, SimOptions extends object = object> {
  readonly id: VendorId;
  /** The wire format of answers, for faults such as "truncated JSON / XML". */
  readonly format: 'json' | 'xml';
  /** Whether a client of this vendor can pin the simulator's certificate (`{ tls: true }` simulators). */
  readonly tls: boolean;
  /** The environment variable of a TLS pin, for vendors whose panels use self-signed certificates. */
  readonly pinSetting?: string;
  /** The sandbox entry of the vendor (curl line, port offset, credentials as a user types them). */
  readonly sandbox: SandboxEntry;
  /** A simulator with test pacing (quick transitions and tasks); `options` override it. */
  simulator(options?: SimOptions): Simulator<State>;
  /** Client settings, keyed like the vendor's environment variables, for the demo account at origin `url`. */
  settings(url: string): Record<string, string>;
  /**
   * Vendor-specific client options that keep tests fast (quick waits and 503 steps, a nonce that always goes
   * up), to spread next to {@link FAST_CLIENT_OPTIONS}.
   */
  readonly fast: Readonly<Record<string, unknown>>;
  /** The settings that switch on what {@link fast} does, for consumers configured by settings (the MCP server). */
  readonly fastSettings: Readonly<Record<string, string>>;
  /** A read that is safe to repeat. */
  readonly read: EndpointProbe;
  /** A create that must never be repeated blindly. */
  readonly create: EndpointProbe;
  /** A delete of a seeded object. */
  readonly destroy: EndpointProbe;
  /** Decodes a logged request into the vendor's parameters. */
  decode(record: RequestRecord): WireCall;
}

let serial = 0;
/** A suffix unique in this process, so repeated creates never collide with an existing object. */
export function unique(): string {
  serial += 1;
  return `${process.pid % 1000}x${serial}`;
}

/**
 * Starts the fixture's simulator, runs `body` with it and stops it, whether `body` resolves or throws.
 * For per-file setups, start one with `fixture.simulator().start()` and stop it in `afterAll`.
 */
export async function withSimulator<State, SimOptions extends object, T>(
  fixture: VendorFixture<State, SimOptions>,
  body: (sim: Simulator<State>) => Promise<T>,
  options?: SimOptions,
): Promise<T> {
  const sim = await fixture.simulator(options).start();
  try {
    return await body(sim);
  } finally {
    await sim.stop();
  }
}

/** The last request a simulator received; throws when none did. */
export function lastRecord(sim: { readonly log: readonly RequestRecord[] }): RequestRecord {
  const record = sim.log.at(-1);
  if (!record) throw new Error('no request reached the simulator');
  return record;
}

/** The fields of a form body (the last value wins for a repeated name). */
export function formOf(body: string): Record<string, string> {
  return Object.fromEntries(new URLSearchParams(body));
}
