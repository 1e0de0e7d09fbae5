import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

/**
 * How many test files that use a database run at once. Each gets a Neo4j of its own (Community
 * has one user database, and the tests write to it); two fit a 2-core machine with room to spare.
 * A database given in NEO4J_URI is a single one, so its files take turns.
 */
function databaseWorkers(): number {
  if (process.env.NEO4J_URI) return 1;
  const raw = process.env.AIDGRAPH_TEST_DATABASES ?? '2';
  const count = Number(raw);
  if (!Number.isInteger(count) || count < 1) throw new Error(`AIDGRAPH_TEST_DATABASES must be a whole number >= 1, got "${raw}"`);
  return count;
}

/** What every project that touches a database shares: seeded databases, one per worker. */
const withDatabase = {
  globalSetup: ['tests/helpers/global-setup.ts'],
  setupFiles: ['tests/helpers/use-database.ts'],
  maxWorkers: databaseWorkers(),
  // Each database project runs as its own group (after unit, order 0), so that no more files
  // run at once than databases were started; each file leases a free one (use-database.ts).
  hookTimeout: 300_000,
};

export default defineConfig({
  resolve: {
    // One copy of graphql, or schema objects from two realms collide.
    alias: { graphql: require.resolve('graphql') },
  },
  test: {
    pool: 'forks',
    testTimeout: 60_000,
    reporters: ['default'],
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          // Pure code: no database, no browser, every core.
          include: ['tests/unit/**/*.test.ts'],
          maxWorkers: availableParallelism(),
          sequence: { groupOrder: 0 },
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts', 'tests/audit/**/*.test.ts'],
          ...withDatabase,
          sequence: { groupOrder: 1 },
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          sequence: { groupOrder: 2 },
          // A real browser against a real server on a busy 2-core machine: a double click or a
          // layout can miss its timing once. One retry; a second failure fails the run.
          retry: 1,
          ...withDatabase,
          globalSetup: [...withDatabase.globalSetup, 'tests/helpers/browser-setup.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'drills',
          // The quick drills; the long ones (*.drill.ts) have their own config and CI step.
          include: ['tests/reliability/*.test.ts'],
          ...withDatabase,
          sequence: { groupOrder: 3 },
        },
      },
    ],
  },
});
