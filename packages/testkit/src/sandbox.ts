import { CONTROL_PATH } from './control.js';
import { createEchoSimulator } from './echo.js';
import { ispmanagerSandbox } from './ispmanager/index.js';
import { lunanodeSandbox } from './lunanode/index.js';
import type { SandboxEntry } from './sandbox-entry.js';
import type { Simulator } from './simulator.js';
import { tuxcareSandbox } from './tuxcare/index.js';
import { vmmanagerSandbox } from './vmmanager/index.js';

export type { SandboxCreateOptions, SandboxEntry, SandboxSettingsContext } from './sandbox-entry.js';

/** A running simulator as the sandbox reports it. */
export interface SandboxSimulator {
  readonly name: string;
  /** The origin, `http(s)://127.0.0.1:<port>`. */
  readonly url: string;
  /** The origin plus the entry's base path: what a client takes as its base URL. */
  readonly baseUrl: string;
  readonly port: number;
  /** Client settings for this simulator (empty for simulators without a client, such as echo). */
  readonly settings: Readonly<Record<string, string>>;
  /** Demo credentials (empty when none are needed). */
  readonly credentials: Readonly<Record<string, string>>;
  /** The control path: `GET {control}/log`, `POST {control}/reset`. */
  readonly control: string;
  /** A first request to try, if the entry has one. */
  readonly curl?: string | undefined;
}

/** Options of {@link startSandbox}. */
export interface SandboxOptions {
  /**
   * Listen on fixed ports, `portBase + entry.portOffset`. Default: ephemeral ports (what an embedding process
   * such as the MCP server wants, so two sandboxes never collide).
   */
  portBase?: number;
  /** Serve every simulator over HTTPS with {@link testCertificate}. */
  tls?: boolean;
  /** The CA file the settings should name (the sandbox CLI writes the certificate there). */
  caFile?: string;
}

/** A running sandbox. */
export interface Sandbox {
  /** In registry order. */
  readonly simulators: readonly SandboxSimulator[];
  /** Whether the simulators serve HTTPS. */
  readonly tls: boolean;
  /** Stops every simulator. */
  stop(): Promise<void>;
}

/** The default port base of `x-sandbox`: echo 4100, TuxCare 4101, LunaNode 4102, ISPmanager 4103, VMmanager 4104. */
export const SANDBOX_PORT_BASE = 4100;

const echoSandbox: SandboxEntry = {
  name: 'echo',
  create: (options) => createEchoSimulator(options),
  portOffset: 0,
  basePath: '',
  curl: "curl -s '{url}/hello?from=sandbox'",
};

/** The simulators `startSandbox()` starts. Vendor simulators add their entry here. */
export const sandboxSimulators: SandboxEntry[] = [
  echoSandbox,
  tuxcareSandbox,
  lunanodeSandbox,
  ispmanagerSandbox,
  vmmanagerSandbox,
];

/**
 * Starts every simulator of `entries` (default {@link sandboxSimulators}), on ephemeral loopback ports unless
 * `options.portBase` is given. If one fails to start, the ones already running are stopped before the error is
 * rethrown (a port in use names the port).
 */
export async function startSandbox(
  entries: readonly SandboxEntry[] = sandboxSimulators,
  options: SandboxOptions = {},
): Promise<Sandbox> {
  const running: Simulator<unknown>[] = [];
  const simulators: SandboxSimulator[] = [];
  const tls = options.tls ?? false;
  try {
    for (const [index, entry] of entries.entries()) {
      const port = options.portBase === undefined ? 0 : options.portBase + (entry.portOffset ?? index);
      const sim = entry.create(tls ? { tls } : {});
      try {
        await sim.start({ port });
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
          throw new Error(
            `${entry.name}: port ${port} on 127.0.0.1 is in use; choose other ports with --port-base`,
          );
        }
        throw error;
      }
      running.push(sim);
      simulators.push({
        name: entry.name,
        url: sim.url,
        baseUrl: `${sim.url}${entry.basePath ?? ''}`,
        port: sim.port,
        settings: entry.settings?.(sim.url, { caFile: options.caFile }) ?? {},
        credentials: entry.credentials ?? {},
        control: `${sim.url}${CONTROL_PATH}`,
        curl: entry.curl?.replaceAll('{url}', sim.url),
      });
    }
  } catch (error) {
    await Promise.allSettled(running.map((sim) => sim.stop()));
    throw error;
  }
  return {
    simulators,
    tls,
    stop: async () => {
      await Promise.all(running.map((sim) => sim.stop()));
    },
  };
}
