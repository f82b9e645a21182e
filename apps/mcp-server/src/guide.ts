import { fileURLToPath } from 'node:url';

/** The "how to connect" text `npm start` prints for the sandbox over HTTP. */
export function connectionGuide(url: string): string {
  const cli = fileURLToPath(new URL('./cli.js', import.meta.url));
  const stdio = JSON.stringify({ command: process.execPath, args: [cli, '--sandbox'] });
  return `
x-mcp-server SANDBOX is running at ${url}
Every vendor is a local simulator with demo data: no accounts, nothing real is touched.

Connect a client:
  Claude Code     claude mcp add --transport http x-sandbox ${url}
  Claude Desktop  Settings > Developer > Edit Config, add to "mcpServers" (stdio, starts its own sandbox):
                    "x-sandbox": ${stdio}
  Cursor          ~/.cursor/mcp.json:       { "mcpServers": { "x-sandbox": { "url": "${url}" } } }
  VS Code         .vscode/mcp.json:         { "servers": { "x-sandbox": { "type": "http", "url": "${url}" } } }
  MCP Inspector   npx @modelcontextprotocol/inspector  (Transport: Streamable HTTP, URL: ${url})

Try: "list my LunaNode VMs", "which TuxCare ELS keys do I have", "show the ISPmanager users".
Ctrl+C to stop.
`;
}
