// The v2 baseline of the cold-start ratio: the smallest useful server on the v2 SDK, one tool, stdio, both eras.
import { McpServer } from '@modelcontextprotocol/server';
import { serveStdio } from '@modelcontextprotocol/server/stdio';
import { z } from 'zod';

serveStdio(() => {
  const server = new McpServer({ name: 'minimal', version: '0.0.0' });
  server.registerTool(
    'echo',
    { description: 'Echo a text.', inputSchema: z.object({ text: z.string() }) },
    async ({ text }) => ({ content: [{ type: 'text', text }] }),
  );
  return server;
});
