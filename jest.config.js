/**
 * Unit and end-to-end tests are separate projects: `jest --selectProjects unit` runs in a second.
 * Unit tests of pure rules sit beside the rule (`writes.ts` and `writes.test.ts`); the others in test/unit.
 */
const transform = { "^.+\\.ts$": ["@swc/jest"] };
module.exports = {
  projects: [
    {
      displayName: "unit",
      testMatch: ["<rootDir>/test/unit/**/*.test.ts", "<rootDir>/{subgraphs,gateway,scripts}/**/*.test.ts"],
      transform,
      testEnvironment: "node",
    },
    {
      displayName: "e2e",
      testMatch: ["<rootDir>/test/e2e/**/*.test.ts"],
      transform,
      testEnvironment: "node",
      setupFiles: ["reflect-metadata", "<rootDir>/test/support/env.ts"],
    },
  ],
  testTimeout: 60000,
  // a shuffled run (npm test: --randomize) prints its seed, so a failure replays with --seed
  showSeed: true,
};
