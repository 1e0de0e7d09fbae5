/**
 * Global setup of the projects that need a database (integration, e2e, drills): seeded Neo4j
 * databases, one per worker of those projects, and a built web page (the servers under test
 * serve it). The unit project has no global setup, so `npm run test:unit` starts nothing.
 *
 * Neo4j Community holds one user database and the tests write to it, so two files may only run
 * at the same time against different instances: with N workers, N throw-away embedded Neo4j
 * instances are started on free ports (AIDGRAPH_TEST_DATABASES, default 2) and each test file
 * leases one that no other running file holds (use-database.ts, database-lease.ts). With
 * NEO4J_URI set, that one database is used, seeded when empty, and the config runs those files
 * one at a time.
 *
 * Several projects name this file; they share one set of databases (kept on globalThis, since
 * each project loads its own copy of this module) and the last one to finish stops them.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { startEmbeddedNeo4j, type EmbeddedNeo4j } from '../../neo4j/embedded.ts';
import { loadConfig } from '../../server/config/env.ts';
import { createLogger } from '../../server/logging/logger.ts';
import { seedIfEmpty } from '../../seed/seed-if-empty.ts';
import { createLoaderDriver } from '../../seed/loader/connection.ts';
import { graphChecksum } from '../../seed/loader/checksum.ts';
import { createDatabase } from '../../server/db/database.ts';
import { warmUp } from '../../server/repositories/warm-up.ts';

/** How a test file reaches its database (copied into process.env by use-database.ts). */
export interface TestDatabase {
  uri: string;
  username: string;
  password: string;
  /** The JVM started for it (none for a database given in NEO4J_URI): use-database.ts checks that this one answers. */
  pid?: number;
}

declare module 'vitest' {
  export interface ProvidedContext {
    /** One seeded database per worker; a file leases one no other running file holds. */
    testDatabases: TestDatabase[];
    /** This run's folder of database leases (database-lease.ts). */
    databaseLeases: string;
    /** The graph checksum of the seed as loaded: each test file starts from it (use-database.ts). */
    seedChecksum: string;
  }
}

interface Shared {
  users: number;
  ready: Promise<{ databases: TestDatabase[]; instances: EmbeddedNeo4j[] }>;
  /** Made for this run and removed with the databases, so no lease outlives them. */
  leases: string;
}

const KEY = Symbol.for('aidgraph.test-databases');
const registry = globalThis as { [KEY]?: Shared };

function log(line: string): void {
  process.stderr.write(`global setup: ${line}\n`);
}

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/** Builds web/dist when it is missing or older than web/src (servers under test serve it). */
function buildWebIfStale(): void {
  const index = 'web/dist/index.html';
  if (!existsSync('web/src')) return;
  if (existsSync(index) && statSync(index).mtimeMs >= Math.max(newestMtime('web/src'), statSync('web/index.html').mtimeMs)) return;
  const started = Date.now();
  log('building the web page (npm run build)...');
  const result = spawnSync('npm', ['run', 'build', '--silent'], { stdio: 'inherit' });
  if (result.status !== 0) throw new Error('npm run build failed: the servers under test serve the built page');
  log(`web page built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

async function seed(database: TestDatabase): Promise<void> {
  const config = loadConfig({ ...process.env, NODE_ENV: process.env.NODE_ENV ?? 'test', NEO4J_URI: database.uri, NEO4J_USERNAME: database.username, NEO4J_PASSWORD: database.password });
  // Tests read the schema as a whole (SHOW INDEXES), so they start once every index is online.
  await (await seedIfEmpty(config.neo4j, createLogger(process.env.LOG_LEVEL ?? 'warn'))).indexed;
  // Neo4j caches plans per instance: planning the slow statements once here spares every test
  // file's first request the seconds it takes on a cold database.
  const db = createDatabase(config);
  try {
    await warmUp(db);
  } finally {
    await db.close();
  }
}

/** The checksum of a freshly seeded database. */
async function seededChecksum(database: TestDatabase): Promise<string> {
  const driver = createLoaderDriver({ uri: database.uri, username: database.username, password: database.password, database: 'neo4j' });
  try {
    return await graphChecksum(driver, 'neo4j');
  } finally {
    await driver.close();
  }
}

async function startDatabases(count: number): Promise<{ databases: TestDatabase[]; instances: EmbeddedNeo4j[] }> {
  const started = Date.now();
  buildWebIfStale();
  if (process.env.NEO4J_URI) {
    const external = { uri: process.env.NEO4J_URI, username: process.env.NEO4J_USERNAME ?? 'neo4j', password: process.env.NEO4J_PASSWORD ?? '' };
    log(`using NEO4J_URI ${external.uri} (seeded when empty)`);
    await seed(external);
    return { databases: [external], instances: [] };
  }
  log(`starting ${count} throw-away Neo4j instance(s), one per test worker`);
  // Settled one by one, so that a failed start still stops the instances that did start.
  const results = await Promise.allSettled(Array.from({ length: count }, () => startEmbeddedNeo4j({ port: 0, ephemeral: true })));
  const instances = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
  const failure = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  const databases = instances.map((db) => ({ uri: db.uri, username: db.username, password: db.password, pid: db.pid }));
  try {
    if (failure) throw failure.reason;
    await Promise.all(databases.map(seed));
  } catch (error) {
    await Promise.all(instances.map((db) => db.stop()));
    throw error;
  }
  log(`${count} database(s) seeded and ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return { databases, instances };
}

/** The worker count vitest will use for this project (its maxWorkers, as vitest resolves it). */
function workersOf(project: TestProject): number {
  return project.config.maxWorkers || project.vitest.config.maxWorkers || 1;
}

/**
 * Databases worth starting: one per worker, but no more than the files of this run that need one
 * (running a single integration file should not wait for a second Neo4j).
 */
function databasesFor(project: TestProject): number {
  const workers = workersOf(project);
  const usesDatabase = project.vitest.projects.filter((p) => p.config.setupFiles.some((file) => file.endsWith('use-database.ts')));
  const files = project.vitest.state.getPaths().filter((path) => usesDatabase.some((p) => p.matchesTestGlob(path))).length;
  return Math.max(1, Math.min(workers, files || workers));
}

export async function setup(project: TestProject): Promise<() => Promise<void>> {
  const shared = (registry[KEY] ??= { users: 0, ready: startDatabases(databasesFor(project)), leases: mkdtempSync(join(tmpdir(), 'aidgraph-test-leases-')) });
  shared.users += 1;
  const { databases } = await shared.ready;
  project.provide('testDatabases', databases);
  project.provide('databaseLeases', shared.leases);
  project.provide('seedChecksum', await seededChecksum(databases[0]!));
  return async () => {
    shared.users -= 1;
    if (shared.users > 0) return;
    delete registry[KEY];
    rmSync(shared.leases, { recursive: true, force: true });
    const { instances } = await shared.ready.catch(() => ({ instances: [] as EmbeddedNeo4j[] }));
    await Promise.all(instances.map((db) => db.stop()));
  };
}
