import { defineProject } from 'vitest/config';
import { workspaceAliases } from '../../vitest.shared.js';

export default defineProject({
  resolve: {
    alias: {
      ...workspaceAliases,
      '@x/mcp-server': new URL('../../apps/mcp-server/src/index.ts', import.meta.url).pathname,
    },
  },
  test: {
    name: 'evidence',
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
