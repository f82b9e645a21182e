/**
 * What `x-sandbox` prints: for each simulator its base URL, demo credentials, control path, a first curl and
 * ready-to-paste environment lines (the same variables the @x clients and the MCP server read), as text for a
 * person or as JSON for a script.
 */
import type { SandboxSimulator } from './sandbox.js';

/** The certificate an HTTPS sandbox serves, written where clients can trust it. */
export interface SandboxCa {
  /** Path of the PEM file (the self-signed certificate is its own CA). */
  readonly path: string;
  /** SHA-256 fingerprint, `AB:CD:…`, for clients that pin instead. */
  readonly fingerprint256: string;
}

/** What both reports describe. */
export interface SandboxReportInput {
  readonly simulators: readonly SandboxSimulator[];
  readonly ca?: SandboxCa | undefined;
}

/**
 * Environment lines that make common HTTP stacks trust the sandbox CA without turning verification off: Node
 * (NODE_EXTRA_CA_CERTS), Python requests, OpenSSL-based tools and curl.
 */
export function caEnvironment(ca: SandboxCa): Record<string, string> {
  return {
    NODE_EXTRA_CA_CERTS: ca.path,
    REQUESTS_CA_BUNDLE: ca.path,
    SSL_CERT_FILE: ca.path,
    CURL_CA_BUNDLE: ca.path,
  };
}

/**
 * `export NAME='value'` lines. Every demo value is letters, digits and `-_.:/@`, so single quotes are enough;
 * a value with a quote would be refused rather than printed wrong.
 */
export function exportLines(settings: Readonly<Record<string, string>>): string[] {
  return Object.entries(settings).map(([name, value]) => {
    if (value.includes("'")) throw new Error(`${name}: a sandbox value must not contain a single quote`);
    return `export ${name}='${value}'`;
  });
}

/** The report `--json` prints: one object, stable keys. */
export function sandboxJson(input: SandboxReportInput): string {
  return JSON.stringify(
    {
      simulators: input.simulators.map((sim) => ({
        name: sim.name,
        url: sim.url,
        baseUrl: sim.baseUrl,
        port: sim.port,
        credentials: sim.credentials,
        env: sim.settings,
        control: { log: `${sim.control}/log`, reset: `${sim.control}/reset` },
        ...(sim.curl && { curl: sim.curl }),
      })),
      ...(input.ca && { ca: { path: input.ca.path, fingerprint256: input.ca.fingerprint256 } }),
      env: Object.assign(
        {},
        ...input.simulators.map((sim) => sim.settings),
        input.ca ? caEnvironment(input.ca) : {},
      ),
    },
    null,
    2,
  );
}

/** The text the sandbox CLI prints once everything listens. */
export function sandboxBanner(input: SandboxReportInput | readonly SandboxSimulator[]): string {
  const { simulators, ca } = Array.isArray(input)
    ? { simulators: input as readonly SandboxSimulator[], ca: undefined }
    : (input as SandboxReportInput);
  const width = Math.max(0, ...simulators.map((sim) => sim.name.length));
  const lines = [
    '@x sandbox: vendor API simulators on loopback. No vendor accounts needed: the demo credentials below are',
    'public and open only these simulators.',
    '',
    ...simulators.map((sim) => `  ${sim.name.padEnd(width)}  ${sim.baseUrl || sim.url}`),
    '',
  ];
  for (const sim of simulators) {
    lines.push(`${sim.name}  ${sim.baseUrl || sim.url}`);
    for (const [name, value] of Object.entries(sim.credentials)) lines.push(`  ${name}: ${value}`);
    lines.push(`  control: GET ${sim.control}/log · POST ${sim.control}/reset`);
    if (sim.curl) lines.push(`  try: ${sim.curl}`);
    lines.push('');
  }
  const env = simulators.flatMap((sim) => exportLines(sim.settings));
  if (env.length > 0) {
    lines.push(
      'Environment for the @x clients and the MCP server (paste into a shell or a CI step):',
      ...env,
    );
    lines.push('');
  }
  if (ca) {
    lines.push(
      `TLS: every simulator serves HTTPS with one self-signed certificate for 127.0.0.1 and localhost.`,
      `  CA file: ${ca.path}`,
      `  SHA-256: ${ca.fingerprint256}`,
      ...exportLines(caEnvironment(ca)),
      '',
    );
  }
  lines.push('Ctrl+C (or SIGTERM) to stop.', '');
  return lines.join('\n');
}
