/**
 * Setup file of the projects that need a database: points this test file's process at the
 * database of its worker slot, so that files running at the same time never share one. Code
 * under test, helpers and the command-line tools the tests spawn all read NEO4J_* from the
 * environment, so this is the one place that chooses.
 */
import { inject } from 'vitest';

const databases = inject('testDatabases');
const slot = Number(process.env.VITEST_POOL_ID ?? '1');
const database = databases?.[slot - 1];
if (!database) {
  throw new Error(`no test database for worker slot ${slot} (${databases?.length ?? 0} started): tests/helpers/global-setup.ts must be this project's globalSetup`);
}
process.env.NEO4J_URI = database.uri;
process.env.NEO4J_USERNAME = database.username;
process.env.NEO4J_PASSWORD = database.password;
