/**
 * `npm run drills`: the long reliability drills (tests/reliability/*.drill.ts) only, with the root
 * config's graphql alias, global setup (a seeded NEO4J_URI) and one-file-at-a-time rule.
 */
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import rootConfig from '../../vitest.config.ts';

const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

export default defineConfig({
  root: projectRoot,
  resolve: rootConfig.resolve,
  test: {
    ...rootConfig.test,
    include: ['tests/reliability/**/*.drill.ts'],
    exclude: ['node_modules/**'],
    // A drill runs minutes: a minute of load, a database restart, an M-size import killed five times.
    testTimeout: 20 * 60_000,
    hookTimeout: 20 * 60_000,
  },
});
