/**
 * Setup file of the projects that need a database: points this test file's process at the
 * database of its worker slot, so that files running at the same time never share one. Code
 * under test, helpers and the command-line tools the tests spawn all read NEO4J_* from the
 * environment, so this is the one place that chooses.
 */
import { inject } from 'vitest';
import { graphChecksum } from '../../seed/loader/checksum.ts';
import { createLoaderDriver } from '../../seed/loader/connection.ts';
import { loadDataset } from '../../seed/loader/index.ts';
import { SEED_DATA_DIR } from '../../seed/seed-if-empty.ts';

const databases = inject('testDatabases');
const slot = Number(process.env.VITEST_POOL_ID ?? '1');
const database = databases?.[slot - 1];
if (!database) {
  throw new Error(`no test database for worker slot ${slot} (${databases?.length ?? 0} started): tests/helpers/global-setup.ts must be this project's globalSetup`);
}
process.env.NEO4J_URI = database.uri;
process.env.NEO4J_USERNAME = database.username;
process.env.NEO4J_PASSWORD = database.password;

// Every file starts from the seed as loaded: a file on this slot that changed the graph and did
// not put it back (or was stopped before it could) must not decide the next file's answers.
const driver = createLoaderDriver({ uri: database.uri, username: database.username, password: database.password, database: 'neo4j' });
try {
  if ((await graphChecksum(driver, 'neo4j')) !== inject('seedChecksum')) {
    process.stderr.write(`test database ${slot}: the graph differs from the seed; reloading it before this file\n`);
    await loadDataset(driver, SEED_DATA_DIR, { database: 'neo4j', reset: true });
  }
} finally {
  await driver.close();
}
