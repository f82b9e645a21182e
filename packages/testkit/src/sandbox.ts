import { createEchoSimulator } from './echo.js';
import { ispmanagerSandbox } from './ispmanager/index.js';
import { lunanodeSandbox } from './lunanode/index.js';
import type { Simulator } from './simulator.js';
import { tuxcareSandbox } from './tuxcare/index.js';
import { vmmanagerSandbox } from './vmmanager/index.js';

/** A simulator the sandbox starts. */
export interface SandboxEntry {
  readonly name: string;
  readonly create: () => Simulator<unknown>;
  /**
   * The client settings that point at this simulator, keyed like the vendor's environment variables
   * (`TUXCARE_BASE_URL`, `TUXCARE_LOGIN`, ...), so a consumer such as the MCP server connects without
   * knowing the vendor.
   */
  readonly settings?: ((url: string) => Readonly<Record<string, string>>) | undefined;
}

/** A running simulator as the sandbox reports it. */
export interface SandboxSimulator {
  readonly name: string;
  readonly url: string;
  /** Client settings for this simulator (empty for simulators without a client, such as echo). */
  readonly settings: Readonly<Record<string, string>>;
}

/** A running sandbox. */
export interface Sandbox {
  /** In registry order. */
  readonly simulators: readonly SandboxSimulator[];
  /** Stops every simulator. */
  stop(): Promise<void>;
}

/** The simulators `startSandbox()` starts. Vendor simulators add their entry here. */
export const sandboxSimulators: SandboxEntry[] = [
  { name: 'echo', create: createEchoSimulator },
  tuxcareSandbox,
  lunanodeSandbox,
  ispmanagerSandbox,
  vmmanagerSandbox,
];

/**
 * Starts every simulator of `entries` (default {@link sandboxSimulators}) on its own loopback port. If one
 * fails to start, the ones already running are stopped before the error is rethrown.
 */
export async function startSandbox(entries: readonly SandboxEntry[] = sandboxSimulators): Promise<Sandbox> {
  const running: Simulator<unknown>[] = [];
  const simulators: SandboxSimulator[] = [];
  try {
    for (const entry of entries) {
      const sim = await entry.create().start();
      running.push(sim);
      simulators.push({ name: entry.name, url: sim.url, settings: entry.settings?.(sim.url) ?? {} });
    }
  } catch (error) {
    await Promise.allSettled(running.map((sim) => sim.stop()));
    throw error;
  }
  return {
    simulators,
    stop: async () => {
      await Promise.all(running.map((sim) => sim.stop()));
    },
  };
}

/** The text the sandbox CLI prints once everything listens. */
export function sandboxBanner(simulators: readonly SandboxSimulator[]): string {
  const width = Math.max(0, ...simulators.map((sim) => sim.name.length));
  const first = simulators[0];
  return [
    '@x sandbox: vendor API simulators on loopback ports. No vendor accounts or credentials needed.',
    '',
    ...simulators.map((sim) => `  ${sim.name.padEnd(width)}  ${sim.url}`),
    '',
    ...(first ? ['Try:', `  curl -s '${first.url}/hello?from=sandbox'`, ''] : []),
    'The MCP server will replace this as `npm start` once it lands.',
    'Ctrl+C to stop.',
    '',
  ].join('\n');
}
