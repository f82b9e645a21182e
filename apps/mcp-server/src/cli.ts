#!/usr/bin/env node
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { createApp } from './app.js';
import { ListingCache } from './listing-cache.js';
import { HELP, parseOptions, UsageError } from './options.js';
import { createMcpServer } from './server.js';
import { buildToolSpecs } from './tools.js';
import { vendorModules } from './vendors.js';

// stdout belongs to the stdio transport: everything for the operator goes to stderr.
const log = (line: string) => process.stderr.write(`[x-mcp-server] ${line}\n`);

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
  if (options.listTools) {
    // Loaded only here: the tokenizer's tables would add ~150 ms to every server start.
    const { formatToolList, toolRows } = await import('./list-tools.js');
    process.stdout.write(`${formatToolList(toolRows(buildToolSpecs(vendorModules), options.confirm))}\n`);
    return;
  }

  const app = await createApp(options, {
    vendors: vendorModules,
    listingCache: new ListingCache(vendorModules),
  });
  for (const note of app.notes) log(note);
  const liveSummary = [...app.live].map(
    ([id, accounts]) => `${id} (${accounts.map((a) => a.name).join(', ')})`,
  );
  log(`${app.context.sandbox ? 'SANDBOX: ' : ''}live vendors: ${liveSummary.join('; ') || 'none'}`);
  log(
    `${app.context.tools.length} tools enabled${options.readOnly ? ' (read-only)' : ''}, confirm=${options.confirm}`,
  );

  let stop: () => Promise<void>;
  if (options.transport === 'stdio') {
    const server = createMcpServer(app.registry);
    await server.connect(new StdioServerTransport());
    stop = async () => {
      await server.close();
      await app.close();
    };
  } else {
    // Loaded only for HTTP: the SDK's Streamable HTTP transport (Hono, Node's fetch classes) would add ~25 ms
    // to every stdio start, the usual way clients launch this server.
    const [{ startHttp }, { connectionGuide }] = await Promise.all([
      import('./http.js'),
      import('./guide.js'),
    ]);
    const http = await startHttp({
      host: options.host,
      port: options.port,
      authToken: options.authToken,
      allowedHosts: options.allowedHosts,
      createServer: () => createMcpServer(app.registry),
    });
    log(`listening on ${http.url}`);
    if (app.context.sandbox) process.stdout.write(connectionGuide(http.url));
    stop = async () => {
      await http.close();
      await app.close();
    };
  }

  let stopping = false;
  const shutdown = () => {
    if (stopping) return;
    stopping = true;
    stop().finally(() => process.exit(0));
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
  if (options.transport === 'stdio') process.stdin.on('close', shutdown);
}

main().catch((error: unknown) => {
  log(`cannot start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
