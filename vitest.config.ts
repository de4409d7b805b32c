import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Property tests and office round-trips are slower than unit tests; keep the defaults generous.
    testTimeout: 60_000,
  },
});
