import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'auth-core',
    include: ['test/**/*.test.ts'],
    testTimeout: 20_000,
  },
});
