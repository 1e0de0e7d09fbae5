/**
 * `npm run bench:smoke`: proves that `npm run bench` still runs end to end (its own throw-away
 * Neo4j, generation, both loads, the API, the browser, the report). It takes minutes and checks
 * that the bench works, not the product, so it is CI's own step rather than part of `npm test`.
 */
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import rootConfig from '../../vitest.config.ts';

export default defineConfig({
  root: resolve(dirname(fileURLToPath(import.meta.url)), '../..'),
  resolve: rootConfig.resolve,
  test: {
    include: ['tests/bench/**/*.test.ts'],
    pool: 'forks',
    testTimeout: 30 * 60_000,
    hookTimeout: 5 * 60_000,
    reporters: ['default'],
  },
});
