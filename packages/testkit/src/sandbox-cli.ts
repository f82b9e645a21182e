#!/usr/bin/env node
// `x-sandbox`: runs every registered simulator until SIGINT or SIGTERM. See the README, "Use the sandbox in your CI".
import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { SANDBOX_PORT_BASE, startSandbox } from './sandbox.js';
import { type SandboxCa, sandboxBanner, sandboxJson } from './sandbox-report.js';
import { testCertificate } from './tls.js';

const USAGE = `Usage: x-sandbox [--port-base N] [--random-ports] [--tls] [--ca-file PATH] [--json]

  --port-base N    listen on N (echo), N+1 (TuxCare), N+2 (LunaNode), N+3 (ISPmanager), N+4 (VMmanager);
                   default ${SANDBOX_PORT_BASE}
  --random-ports   ephemeral ports instead (read them from the output)
  --tls            serve HTTPS; the certificate is written to --ca-file
  --ca-file PATH   where to write the CA certificate (default <tmp>/x-sandbox/ca.pem)
  --json           print the report as JSON (URLs, credentials, env, control paths) for scripts
`;

interface CliOptions {
  portBase: number | undefined;
  tls: boolean;
  caFile: string;
  json: boolean;
}

function fail(message: string): never {
  process.stderr.write(`x-sandbox: ${message}\n\n${USAGE}`);
  process.exit(2);
}

function parse(argv: readonly string[]): CliOptions {
  const options: CliOptions = {
    portBase: SANDBOX_PORT_BASE,
    tls: false,
    caFile: join(tmpdir(), 'x-sandbox', 'ca.pem'),
    json: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    const [flag, inline] =
      arg.startsWith('--') && arg.includes('=') ? arg.split(/=(.*)/s, 2) : [arg, undefined];
    const value = (): string => {
      const next = inline ?? argv[++i];
      if (next === undefined || next === '') fail(`${flag} needs a value`);
      return next;
    };
    switch (flag) {
      case '--port-base': {
        const raw = value();
        const base = Number(raw);
        // Five consecutive ports must fit below 65536; below 1024 needs root.
        if (!/^\d+$/.test(raw) || base < 1024 || base > 65_530)
          fail(`--port-base must be 1024-65530, got ${raw}`);
        options.portBase = base;
        break;
      }
      case '--random-ports':
        options.portBase = undefined;
        break;
      case '--tls':
        options.tls = true;
        break;
      case '--ca-file':
        options.caFile = resolve(value());
        break;
      case '--json':
        options.json = true;
        break;
      case '--help':
      case '-h':
        process.stdout.write(USAGE);
        process.exit(0);
        break;
      default:
        fail(`unknown option ${arg}`);
    }
  }
  return options;
}

const options = parse(process.argv.slice(2));
let ca: SandboxCa | undefined;
if (options.tls) {
  mkdirSync(dirname(options.caFile), { recursive: true });
  writeFileSync(options.caFile, testCertificate.cert);
  ca = { path: options.caFile, fingerprint256: testCertificate.fingerprint256 };
}

const sandbox = await startSandbox(undefined, {
  ...(options.portBase !== undefined && { portBase: options.portBase }),
  tls: options.tls,
  ...(ca && { caFile: ca.path }),
}).catch((error: unknown) => {
  process.stderr.write(`x-sandbox: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
const report = { simulators: sandbox.simulators, ca };
process.stdout.write(options.json ? `${sandboxJson(report)}\n` : sandboxBanner(report));

let stopping = false;
const shutdown = (): void => {
  // A second signal means the clean stop is stuck; do not make the user reach for kill -9.
  if (stopping) process.exit(130);
  stopping = true;
  sandbox.stop().then(
    // Signal listeners do not hold the event loop, so the process exits (status 0) once the servers are closed.
    () => undefined,
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
};
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
