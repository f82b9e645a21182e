#!/usr/bin/env node
import { constants } from 'node:os';
import { createApp } from './app.js';
import { HELP, parseOptions, UsageError } from './options.js';
import { createMcpServer } from './server.js';
import { startupVendors } from './startup-vendors.js';

// stdout belongs to the stdio transport: everything for the operator goes to stderr.
const log = (line: string) => process.stderr.write(`[x-mcp-server] ${line}\n`);

/** How long shutdown waits for a client to read the last answer before exiting anyway. */
const FLUSH_BOUND_MS = 5_000;

async function main(): Promise<void> {
  let options: ReturnType<typeof parseOptions>;
  try {
    options = parseOptions(process.argv.slice(2));
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`x-mcp-server: ${error.message}\nRun with --help for the options.\n`);
      process.exit(2);
    }
    throw error;
  }
  if (options.help) {
    process.stdout.write(`${HELP}\n`);
    return;
  }

  // Vendor packages load on the first call that needs one (startup-vendors.ts): a start reads no schema.
  const { vendors, listingCache } = startupVendors();
  const app = await createApp(options, { vendors, listingCache });
  for (const note of app.notes) log(note);
  if (options.listTools) {
    try {
      // Loaded only here: the tokenizer's tables would add ~150 ms to every server start.
      const { formatToolList, servedRows, toolModeLine } = await import('./list-tools.js');
      if (app.live.size < vendors.length)
        log('tools of vendors without credentials are not listed; --sandbox lists every tool');
      process.stdout.write(`${formatToolList(servedRows(app.registry))}\n${toolModeLine(app.registry)}\n`);
    } finally {
      await app.close();
    }
    return;
  }
  const liveSummary = [...app.live].map(
    ([id, accounts]) => `${id} (${accounts.map((a) => a.name).join(', ')})`,
  );
  log(`${app.context.sandbox ? 'SANDBOX: ' : ''}live vendors: ${liveSummary.join('; ') || 'none'}`);
  log(
    `${app.context.tools.length} tools enabled${options.readOnly ? ' (read-only)' : ''}, confirm=${options.confirm}`,
  );
  const mode = app.context.toolMode;
  if (mode) {
    log(
      `tool mode: ${mode.mode} (${mode.reason})${mode.mode === 'discover' ? '; tools/list shows search_tools, describe_tools, execute_tool' : ''}`,
    );
  }

  let stop: () => Promise<void>;
  if (options.transport === 'stdio') {
    // One server per connection; the opening exchange picks the era (2026-07-28, or 2025-era `initialize`).
    const { serveStdio } = await import('@modelcontextprotocol/server/stdio');
    const handle = serveStdio(() => createMcpServer(app.registry));
    stop = async () => {
      await handle.close();
      await app.close();
    };
  } else {
    // Loaded only for HTTP: the SDK's Streamable HTTP transport (Hono, Node's fetch classes) would add ~25 ms
    // to every stdio start, the usual way clients launch this server.
    const [{ startHttp }, { connectionGuide }, { teamHttp }] = await Promise.all([
      import('./http.js'),
      import('./guide.js'),
      import('./team/wiring.js'),
    ]);
    // OAuth (when configured), each person's view of the tools, and the readiness probe.
    const team = await teamHttp(app, options).catch(async (error: unknown) => {
      await app.close();
      throw error;
    });
    const http = await startHttp({
      host: options.host,
      port: options.port,
      authToken: options.authToken,
      allowedHosts: options.allowedHosts,
      allowedOrigins: options.allowedOrigins,
      headersTimeoutMs: options.headersTimeoutMs,
      requestTimeoutMs: options.requestTimeoutMs,
      keepAliveTimeoutMs: options.keepAliveTimeoutMs,
      maxConnections: options.maxConnections,
      ...team,
    });
    log(`listening on ${http.url}`);
    if (app.context.sandbox) process.stdout.write(connectionGuide(http.url));
    stop = async () => {
      await http.close();
      await app.close();
    };
  }

  let stopping = false;
  // A signal ends with 128 + its number, as a shell reports it (143 for SIGTERM); the client closing stdin
  // is the protocol's normal end, so 0. A second signal does not wait for the first shutdown.
  const shutdown = (reason: string, code: number) => {
    if (stopping) process.exit(code);
    stopping = true;
    log(`${reason}: finishing pending output, then exiting`);
    stop()
      .catch((error: unknown) =>
        log(`error while stopping: ${error instanceof Error ? error.message : error}`),
      )
      .then(() => flushStdout(Date.now() + FLUSH_BOUND_MS))
      .finally(() => process.exit(code));
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => shutdown(signal, 128 + constants.signals[signal]));
  }
  if (options.transport === 'stdio') process.stdin.on('close', () => shutdown('stdin closed', 0));
}

/**
 * Waits until stdout has handed every queued byte to the OS, or the deadline passes. Exiting with bytes still
 * queued would leave a client a truncated JSON-RPC line. Loops because an answer finishing meanwhile queues
 * more; the caller exits synchronously after, so nothing can be queued between the last check and the exit.
 */
async function flushStdout(deadline: number): Promise<void> {
  while (process.stdout.writableLength > 0 && Date.now() < deadline) {
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, deadline - Date.now());
      const done = () => {
        clearTimeout(timer);
        resolve();
      };
      // An empty write's callback runs once every earlier write is flushed (or failed: a closed pipe).
      process.stdout.write('', done);
    });
  }
}

main().catch((error: unknown) => {
  log(`cannot start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
