import { defineProject } from 'vitest/config';
import { workspaceAliases } from '../../vitest.shared.js';

export default defineProject({
  resolve: { alias: workspaceAliases },
  test: {
    name: 'mcp-server',
    include: ['test/**/*.test.ts'],
    // Installs redis-server when it is missing (CI), for the replica tests.
    globalSetup: ['test/redis-setup.ts'],
    testTimeout: 20_000,
  },
});
