import { defineConfig } from 'vitest/config';

// One run over every package, so `npm test` ends with one summary line.
export default defineConfig({
  test: {
    projects: ['packages/*/vitest.config.ts', 'apps/*/vitest.config.ts', 'tools/*/vitest.config.ts'],
    reporters: ['default', './scripts/vitest-summary.mjs'],
  },
});
