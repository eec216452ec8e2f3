import { defineConfig } from "vitest/config";

// Two projects: fast pure unit tests, and tests that boot the real stack (sqld +
// partykit dev, and Chromium for test/browser). The latter share one client build
// (global setup) and get long timeouts because a cold workerd start is slow on CI.
export default defineConfig({
  test: {
    // A 2-core machine: each integration file runs sqld + workerd of its own.
    maxWorkers: 2,
    // Global setup teardown and stack shutdowns can take a few seconds on a busy machine.
    teardownTimeout: 60_000,
    projects: [
      {
        extends: true,
        test: { name: "unit", include: ["test/unit/**/*.test.ts"] },
      },
      {
        extends: true,
        test: {
          name: "integration",
          include: ["test/integration/**/*.test.ts", "test/browser/**/*.test.ts"],
          testTimeout: 120_000,
          hookTimeout: 180_000,
          globalSetup: ["test/support/global-setup.ts"],
        },
      },
    ],
  },
});
