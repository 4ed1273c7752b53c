import { defineConfig } from 'vitest/config';

// Multi-process tests: real server processes on PostgreSQL with Redis or NATS between them.
// Run: SOTAY_TEST_PG=postgres://postgres@127.0.0.1:5432/test npx vitest run --config test/scaleout/vitest.config.ts
export default defineConfig({
  test: {
    include: ['test/scaleout/**/*.test.ts'],
    environment: 'node',
    testTimeout: 120_000,
    hookTimeout: 300_000,
    fileParallelism: false,
  },
});
