/**
 * `npm run drills`: the long reliability drills (tests/reliability/*.drill.ts) only, with the root
 * config's graphql alias and a seeded database. They run one at a time: each measures the whole
 * machine (a minute of load, a database restart, an M-size import killed five times).
 */
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import rootConfig from '../../vitest.config.ts';

export default defineConfig({
  root: resolve(dirname(fileURLToPath(import.meta.url)), '../..'),
  resolve: rootConfig.resolve,
  test: {
    include: ['tests/reliability/**/*.drill.ts'],
    globalSetup: ['tests/helpers/global-setup.ts'],
    setupFiles: ['tests/helpers/use-database.ts'],
    pool: 'forks',
    maxWorkers: 1,
    testTimeout: 20 * 60_000,
    hookTimeout: 20 * 60_000,
    reporters: ['default'],
  },
});
