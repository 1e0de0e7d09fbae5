import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

export default defineConfig({
  resolve: {
    // One copy of graphql, or schema objects from two realms collide.
    alias: { graphql: require.resolve('graphql') },
  },
  test: {
    include: ['tests/**/*.test.ts'],
    exclude: ['tests/reliability/**/*.drill.ts', 'node_modules/**'],
    globalSetup: ['tests/helpers/global-setup.ts'],
    // One Neo4j Community database is shared by every file: files run one at a time.
    fileParallelism: false,
    pool: 'forks',
    testTimeout: 60_000,
    hookTimeout: 300_000,
    reporters: ['default'],
  },
});
