/**
 * Issue 12 (1): the bulk first load. `npm run import -- PATH --bulk` with NEO4J_URI unset writes
 * the rows as neo4j-admin import CSV, runs the importer through the launcher on the stopped
 * embedded database, then creates the schema; the graph has the checksum of the transactional
 * loader's, on the example set (through the command) and on the seed (through bulkLoad). With
 * NEO4J_URI set, or on an embedded database that is running under someone else or holds data,
 * --bulk says why not and loads transactionally.
 *
 * These databases are the test's own (kept data directories in a temp folder), not the worker's.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import neo4j, { type Driver } from 'neo4j-driver';
import { afterAll, describe, expect, it } from 'vitest';
import { startEmbeddedNeo4j, runLauncherMode, type EmbeddedNeo4j } from '../../neo4j/embedded.ts';
import { validateDataset } from '../../domain/validate/validate-dataset.ts';
import { bulkLoad } from '../../seed/bulk/bulk-load.ts';
import { graphDigest, type GraphDigest } from '../../seed/loader/checksum.ts';
import { loadDataset } from '../../seed/loader/load.ts';
import { resetDatabase } from '../../seed/loader/reset.ts';
import { readDataset } from '../../seed/read/read-dataset.ts';
import { SCHEMA_STATEMENTS, schemaName } from '../../store/schema.ts';
import { EXAMPLE_DIR, SEED_DIR } from './seed-support.ts';
import { runScript } from '../helpers/run-script.ts';

const root = mkdtempSync(join(tmpdir(), 'aidgraph-bulk-test-'));
const running: EmbeddedNeo4j[] = [];

/** The loader's command line; `env` entries set to undefined are removed (NEO4J_URI unset). */
const cli = (args: string[], env: Record<string, string | undefined>) => runScript('seed/cli.ts', args, env);

const embeddedEnv = (dataDir: string) => ({ NEO4J_URI: undefined, NEO4J_USERNAME: undefined, NEO4J_DATA_DIR: dataDir, NEO4J_BOLT_PORT: '0' });

async function open(dataDir: string): Promise<{ db: EmbeddedNeo4j; driver: Driver }> {
  const db = await startEmbeddedNeo4j({ port: 0, dataDir });
  running.push(db);
  return { db, driver: neo4j.driver(db.uri, neo4j.auth.basic(db.username, db.password), { disableLosslessIntegers: true }) };
}

/** The same folder loaded by the transactional loader into the same (emptied) database. */
async function transactionalDigest(driver: Driver, dir: string): Promise<GraphDigest> {
  await resetDatabase(driver, 'neo4j');
  await loadDataset(driver, dir, { database: 'neo4j' });
  return graphDigest(driver, 'neo4j');
}

async function schemaNames(driver: Driver): Promise<Set<string>> {
  const names = new Set<string>();
  for (const q of ['SHOW INDEXES YIELD name, state WHERE state = "ONLINE" RETURN name', 'SHOW CONSTRAINTS YIELD name RETURN name']) {
    for (const r of (await driver.executeQuery(q, {}, { database: 'neo4j' })).records) names.add(r.get('name') as string);
  }
  return names;
}

afterAll(async () => {
  await Promise.all(running.map((db) => db.stop()));
  rmSync(root, { recursive: true, force: true });
});

// Each step starts or stops a JVM (tens of seconds on a loaded 2-core machine): minutes, not the default minute.
describe('bulk first load', { timeout: 900_000 }, () => {
  const exampleDir = join(root, 'example');

  it('loads the example set into an empty embedded database through the command (NEO4J_URI unset)', async () => {
    const run = await cli(['import', EXAMPLE_DIR, '--bulk'], embeddedEnv(exampleDir));
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain('NEO4J_URI is not set');
    expect(run.stderr).toContain('IMPORT DONE');
    expect(run.stdout).toMatch(/bulk import: 17 nodes, 16 relationships/);
  });

  it('gives the transactional loader\'s graph, with every constraint and index', async () => {
    const { db, driver } = await open(exampleDir);
    try {
      const bulk = await graphDigest(driver, 'neo4j');
      const names = await schemaNames(driver);
      for (const statement of SCHEMA_STATEMENTS) expect(names).toContain(schemaName(statement));
      expect(bulk.nodes).toBe(17);

      // A running database held by this process: --bulk says so and loads through it.
      const held = await cli(['import', EXAMPLE_DIR, '--bulk'], embeddedEnv(exampleDir));
      expect(held.code, held.stderr).toBe(0);
      expect(held.stderr).toMatch(/--bulk: the embedded database is held by pid \d+.*loading transactionally instead/);
      expect(held.stderr).toContain('using the embedded Neo4j already running');
      expect(held.stdout).toMatch(/total\s+0\s+0\s+23/);

      expect(await transactionalDigest(driver, EXAMPLE_DIR)).toEqual(bulk);
    } finally {
      await driver.close();
      await db.stop();
    }
  });

  it('refuses a non-empty embedded database and a remote NEO4J_URI, and loads transactionally', async () => {
    // The example's database holds data now (and is stopped): --bulk must not replace it.
    const full = await cli(['import', EXAMPLE_DIR, '--bulk'], embeddedEnv(exampleDir));
    expect(full.code, full.stderr).toBe(0);
    expect(full.stderr).toMatch(/--bulk: the database holds 17 nodes.*loading transactionally instead/);
    expect(full.stdout).toMatch(/total\s+0\s+0\s+23/);

    // NEO4J_URI set (the worker's database): a dry run, so nothing is written there.
    const remote = await cli(['import', EXAMPLE_DIR, '--bulk', '--dry-run'], {});
    expect(remote.code, remote.stderr).toBe(0);
    expect(remote.stderr).toMatch(/--bulk: .*NEO4J_URI .* loading transactionally instead/);

    // Without --bulk an import into NEO4J_URI says so too (an address nothing listens on: nothing is written).
    const unasked = await cli(['import', EXAMPLE_DIR], { NEO4J_URI: 'bolt://127.0.0.1:1' });
    expect(unasked.stderr).toMatch(/NEO4J_URI is set \(bolt:\/\/127\.0\.0\.1:1\): loading transactionally; the bulk first load \(neo4j-admin import\) is only for the embedded database/);
  });

  it('loads the seed with the transactional loader\'s checksum (bulkLoad)', async () => {
    const dataDir = join(root, 'seed');
    const result = validateDataset(readDataset(SEED_DIR));
    if (!result.ok) throw new Error('the seed does not validate');
    let opened: { db: EmbeddedNeo4j; driver: Driver } | undefined;
    try {
      const summary = await bulkLoad(result.dataset, [], {
        importCsv: (dir) => runLauncherMode('import', dir, { dataDir, log: () => {} }),
        connect: async () => {
          opened = await open(dataDir);
          // The test keeps the database open after bulkLoad is done with it.
          return { driver: opened.driver, close: async () => {} };
        },
      });
      expect(summary.rows).toBeGreaterThan(500);
      const bulk = await graphDigest(opened!.driver, 'neo4j');
      expect(await transactionalDigest(opened!.driver, SEED_DIR)).toEqual(bulk);
    } finally {
      await opened?.driver.close();
      await opened?.db.stop();
    }
  });
});
