import { defineConfig } from 'vitest/config';

// The web app's pure logic (i18n, preferences, roles, routing) runs in Node; no browser needed.
export default defineConfig({
  test: {
    name: 'web',
    root: new URL('.', import.meta.url).pathname,
    include: ['src/**/*.test.ts'],
    environment: 'node',
  },
});
