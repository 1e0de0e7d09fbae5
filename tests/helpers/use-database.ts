/**
 * Setup file of the projects that need a database: points this test file's process at a test
 * database no other running file holds (a lease, database-lease.ts), so that files running at
 * the same time never share one. Code under test, helpers and the command-line tools the tests
 * spawn all read NEO4J_* from the environment, so this is the one place that chooses.
 */
import { afterAll, expect, inject } from 'vitest';
import { leaseDatabase } from './database-lease.ts';
import { graphChecksum } from '../../seed/loader/checksum.ts';
import { createLoaderDriver } from '../../seed/loader/connection.ts';
import { loadDataset } from '../../seed/loader/index.ts';
import { SEED_DATA_DIR } from '../../seed/seed-if-empty.ts';

/** The process id of the JVM answering the driver's address. */
async function answeringPid(driver: ReturnType<typeof createLoaderDriver>): Promise<number> {
  const result = await driver.executeQuery("CALL dbms.queryJmx('java.lang:type=Runtime') YIELD attributes RETURN toString(attributes.Pid.value) AS pid", {}, { database: 'system' });
  return Number(result.records[0]?.get('pid'));
}

const log = (line: string) => process.stderr.write(`${line}\n`);
const databases = inject('testDatabases');
if (!databases?.length) throw new Error('no test database was started: tests/helpers/global-setup.ts must be this project\'s globalSetup');
const file = expect.getState().testPath ?? 'a test file';
const { index, release } = await leaseDatabase(inject('databaseLeases'), databases.length, file, log);
// Registered before the file's own hooks, so it runs after them (after-hooks run in reverse).
afterAll(release);
const database = databases[index]!;
const name = `test database ${index + 1} (${database.uri})`;
process.env.NEO4J_URI = database.uri;
process.env.NEO4J_USERNAME = database.username;
process.env.NEO4J_PASSWORD = database.password;

const driver = createLoaderDriver({ uri: database.uri, username: database.username, password: database.password, database: 'neo4j' });
try {
  // The instance the global setup started must be the one answering: had it died, another Neo4j
  // (a test's own) could have been given its port, and this file would write into that one.
  if (database.pid !== undefined) {
    const answering = await answeringPid(driver);
    if (answering !== database.pid) throw new Error(`${name}: the Neo4j answering is pid ${answering}, not the instance started for it (pid ${database.pid}), which has stopped`);
  }
  // Every file starts from the seed as loaded: a file before it that changed the graph and did
  // not put it back (or was stopped before it could) must not decide this file's answers.
  if ((await graphChecksum(driver, 'neo4j')) !== inject('seedChecksum')) {
    log(`${name}: the graph differs from the seed; reloading it before ${file}`);
    await loadDataset(driver, SEED_DATA_DIR, { database: 'neo4j', reset: true });
  }
} finally {
  await driver.close();
}
