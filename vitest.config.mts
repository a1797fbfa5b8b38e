import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    exclude: ['tests/e2e/**', 'node_modules/**'],
    // Test-only: scrypt at a low cost so hundreds of unlocks stay fast. Never set in the app.
    env: { ARCHIVEDESK_FAST_KDF: '1' },
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
