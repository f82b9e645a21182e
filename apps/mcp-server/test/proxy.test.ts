import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { createProxy } from '@x/testkit';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp } from '../src/app.js';
import { parseOptions } from '../src/options.js';
import { createMcpServer } from '../src/server.js';
import { vendorModules } from '../src/vendors.js';

const cleanup: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

describe('a proxy configured for the server process', () => {
  it("carries every vendor's traffic, whatever account settings the vendor reads", async () => {
    const proxy = createProxy();
    await proxy.start();
    cleanup.push(() => proxy.stop());
    // The sandbox simulators listen on plain-HTTP loopback URLs, so HTTP_PROXY applies to all of them.
    const app = await createApp(parseOptions(['--sandbox', '--tool-mode', 'static'], {}), {
      vendors: vendorModules,
      env: { HTTP_PROXY: proxy.url },
    });
    cleanup.push(() => app.close());
    const server = createMcpServer(app.registry);
    const client = new Client({ name: 'proxy-test', version: '0.0.0' });
    const [a, b] = InMemoryTransport.createLinkedPair();
    await Promise.all([server.connect(b), client.connect(a)]);
    cleanup.push(() => client.close());

    const { tools } = await client.listTools();
    for (const vendor of vendorModules) {
      const tool = tools.find(
        (t) =>
          t.name.startsWith(`${vendor.id}_`) &&
          t.annotations?.readOnlyHint &&
          !(t.inputSchema.required ?? []).length,
      );
      const before = proxy.log.length;
      const result = (await client.callTool({ name: tool?.name ?? '', arguments: {} })) as CallToolResult;
      expect(result.isError, `${tool?.name}: ${JSON.stringify(result.content)}`).toBeFalsy();
      expect(proxy.log.length, `${vendor.id} went through the proxy`).toBeGreaterThan(before);
    }
  });
});
