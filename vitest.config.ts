import { defineConfig } from "vitest/config";

// Two projects: `unit` (shared simulation and server, no browser) runs in `npm test`;
// `e2e` (real Chromium against `npm start`) runs in `npm run test:e2e` / `test:all`.
export default defineConfig({
  test: {
    projects: [
      {
        extends: true,
        test: { name: "unit", include: ["test/shared/**/*.test.ts", "test/server/**/*.test.ts", "test/client/**/*.test.ts"], environment: "node" },
      },
      {
        extends: true,
        test: { name: "e2e", include: ["test/e2e/**/*.test.ts"], environment: "node", testTimeout: 120_000, hookTimeout: 180_000, fileParallelism: false },
      },
    ],
  },
});
