import { fileURLToPath } from 'node:url';

/**
 * Tests import workspace packages from their sources, so an in-process test never depends on (or races with)
 * another package's build output. Type-checking, and the tests that start a built program in a child process
 * (the MCP server CLI, cold start, exit scenarios, packaging), use `dist/`: `npm test` builds before it tests.
 */
const source = (name: string) => fileURLToPath(new URL(`./packages/${name}/src/index.ts`, import.meta.url));

export const workspaceAliases: Record<string, string> = {
  // Before the package itself: an alias matches its subpaths too, and the first match wins.
  '@x/auth-core/projection': fileURLToPath(
    new URL('./packages/auth-core/src/projection.ts', import.meta.url),
  ),
  '@x/auth-core/testing': fileURLToPath(
    new URL('./packages/auth-core/src/testing/index.ts', import.meta.url),
  ),
  '@x/auth-core': source('auth-core'),
  '@x/testkit': source('testkit'),
  '@x/tuxcare': source('tuxcare'),
  '@x/lunanode': source('lunanode'),
  '@x/ispmanager': source('ispmanager'),
  '@x/vmmanager': source('vmmanager'),
};
