/**
 * Issue 14 (1): `npm run export -- DIR` writes the whole graph, curated edits and the change log
 * included, as a data folder that imports back into an empty database to the same graph
 * checksum. On the seed with curation edits (an existing actor renamed, a new actor with two
 * citations, a relationship between them), and on the example data set. The graph is left as
 * the seed, as the other test files expect it.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphChecksum, graphDigest } from '../../seed/loader/checksum.ts';
import { loadDataset } from '../../seed/loader/load.ts';
import { resetDatabase } from '../../seed/loader/reset.ts';
import { exportGraph, NotExportableError } from '../../seed/export/export.ts';
import { loadChangeLog, readChangeLog } from '../../seed/export/change-log.ts';
import { upsertActor, upsertRelationship } from '../../server/repositories/curation.ts';
import { createApi, type Api } from './api-harness.ts';
import { EXAMPLE_DIR, connectTestDatabase, removeScratch, restoreSeed, scratchDir } from './seed-support.ts';
import { runScript } from '../helpers/run-script.ts';

let driver: Driver;
let database: string;
let env: Record<string, string>;
let api: Api;

const cli = (args: string[]) => runScript('seed/cli.ts', args, env);

beforeAll(async () => {
  ({ driver, database, env } = connectTestDatabase());
  api = createApi();
});

afterAll(async () => {
  try {
    await restoreSeed(driver, database);
  } finally {
    await api?.close();
    await driver?.close();
    removeScratch();
  }
});

describe('export of the seed with curated edits', () => {
  let before: Awaited<ReturnType<typeof graphDigest>>;
  let dir: string;

  it('writes the data files and the change log', async () => {
    // Edits as an analyst makes them through the curation API (same validation, rows and hashes).
    await upsertActor(api.db, 'export test', {
      id: 'somalia',
      kind: 'State',
      name: 'Somalia (curated for the export test)',
      aliases: ['Federal Republic of Somalia'],
      description: 'A description written through the curation API,\nover two lines, with "quotes", commas; and semicolons.',
      cite: [{ section: 's3_us_involvement', paragraph: 1 }],
    });
    await upsertActor(api.db, 'export test', {
      id: 'export_test_unit',
      kind: 'MilitaryUnit',
      name: 'Export test unit',
      country: 'somalia',
      evidence: 'ASSUMED',
      cite: [{ section: 's3_us_involvement', paragraph: 1 }, { section: 's3_support_to_sna', paragraph: 2, footnotes: [68] }],
    });
    await upsertRelationship(api.db, 'export test', {
      type: 'TRAINED',
      from: 'us_special_operations_forces',
      to: 'export_test_unit',
      start: 2015,
      note: 'two citations: this one cannot be a CSV row',
      cite: [{ section: 's3_support_to_sna', paragraph: 2, footnotes: [68] }, { section: 's3_us_involvement', paragraph: 1 }],
    });
    before = await graphDigest(driver, database);

    dir = join(scratchDir(), 'export');
    const run = await cli(['export', dir]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/exported \d+ records and 3 changes/);
    const files = readdirSync(dir).sort();
    expect(files).toEqual(expect.arrayContaining(['actors.yaml', 'authorities.yaml', 'changes.jsonl', 'events.yaml', 'funding.csv', 'relationships.csv', 'relationships.multi.yaml', 'sources.yaml']));
    // The CSV columns are the import format's.
    expect(readFileSync(join(dir, 'funding.csv'), 'utf8').split('\n')[0]).toBe(
      'id,donor,recipient,authority,amount_usd,fy_start,fy_end,precision,basis,evidence,part_of,purpose,note,source,section,paragraph,footnotes',
    );
    expect(readFileSync(join(dir, 'relationships.multi.yaml'), 'utf8')).toContain('export_test_unit');
    const changes = readChangeLog(dir);
    expect(changes.map((c) => [c.who, c.operation, c.targetId])).toEqual([
      ['export test', 'upsertActor', 'somalia'],
      ['export test', 'upsertActor', 'export_test_unit'],
      ['export test', 'upsertRelationship', 'TRAINED:us_special_operations_forces:export_test_unit:2015'],
    ]);
  });

  it('imports into an empty database as the same graph', async () => {
    await resetDatabase(driver, database);
    expect((await graphDigest(driver, database)).nodes).toBe(0);
    const run = await cli(['import', dir]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('change log (changes.jsonl): 3 changes added');
    expect(await graphDigest(driver, database)).toEqual(before);
  });

  it('imports a second time without changing anything (the change log is keyed by id)', async () => {
    const run = await cli(['import', dir]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('0 changes added, 3 already stored');
    expect(await graphDigest(driver, database)).toEqual(before);
  });

  it('refuses a folder that is not empty, and a graph holding what the format cannot express', async () => {
    await expect(exportGraph(driver, dir, { database })).rejects.toThrow(/not empty/);
    await driver.executeQuery('CREATE (:ExportTestStray {id: "stray"})', {}, { database });
    try {
      const target = join(scratchDir(), 'refused');
      await expect(exportGraph(driver, target, { database })).rejects.toThrow(NotExportableError);
      await expect(exportGraph(driver, target, { database })).rejects.toThrow(/ExportTestStray/);
      // No half folder is left behind.
      expect(existsSync(target)).toBe(false);
    } finally {
      await driver.executeQuery('MATCH (n:ExportTestStray) DELETE n', {}, { database });
    }
  });
});

describe('export of the example data set', () => {
  it('round-trips through an empty database to the same checksum', async () => {
    await resetDatabase(driver, database);
    await loadDataset(driver, EXAMPLE_DIR, { database });
    const before = await graphChecksum(driver, database);
    const dir = join(scratchDir(), 'example');
    const summary = await exportGraph(driver, dir, { database });
    expect(summary.changes).toBe(0);
    expect(existsSync(join(dir, 'changes.jsonl'))).toBe(false);

    await resetDatabase(driver, database);
    await loadDataset(driver, dir, { database });
    await loadChangeLog(driver, database, readChangeLog(dir));
    expect(await graphChecksum(driver, database)).toBe(before);
  });
});
