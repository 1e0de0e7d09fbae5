/**
 * The loader's command line (`npm run seed`, `npm run import -- PATH`): usage, configuration
 * errors that name the variable, invalid input (exit 1, every problem listed, nothing written),
 * dry runs, progress on large inputs, and an import that leaves the rest of the graph alone.
 */
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphChecksum } from '../../seed/loader/checksum.ts';
import { generateDataset } from '../../seed/examples/generate.ts';
import { validateFolder } from '../../seed/read/read-dataset.ts';
import { EXAMPLE_DIR, SEED_DIR, appendTo, connectTestDatabase, removeScratch, replaceIn, scratchCopy, scratchDir } from './seed-support.ts';
import { runScript } from '../helpers/run-script.ts';

let driver: Driver;
let database: string;
let env: Record<string, string>;

/** Runs `seed/cli.ts` with `args`; `envChanges` set (or, when undefined, remove) variables. */
const cli = (args: string[], envChanges: Record<string, string | undefined> = {}) => runScript('seed/cli.ts', args, { ...env, ...envChanges });

beforeAll(() => {
  ({ driver, database, env } = connectTestDatabase());
});
afterAll(async () => {
  removeScratch();
  await driver?.close();
});

describe('usage and configuration', () => {
  it('--help explains the commands, options and variables', async () => {
    const run = await cli(['import', '--help']);
    expect(run.code).toBe(0);
    for (const text of ['npm run seed', 'npm run import -- PATH', '--dry-run', '--reset', '--batch-size', '--database', 'NEO4J_URI', 'NEO4J_USERNAME', 'NEO4J_PASSWORD', 'NEO4J_DATABASE']) {
      expect(run.stdout).toContain(text);
    }
  });

  it.each([
    ['NEO4J_URI malformed', { NEO4J_URI: 'localhost:7687' }, 'NEO4J_URI must be a Neo4j URI'],
    ['NEO4J_URI not a URI', { NEO4J_URI: 'bolt://' + '[' }, 'NEO4J_URI must be a Neo4j URI'],
    ['NEO4J_PASSWORD missing', { NEO4J_PASSWORD: undefined }, 'NEO4J_PASSWORD is required but not set'],
    ['NEO4J_DATABASE malformed', { NEO4J_DATABASE: 'no spaces allowed' }, 'NEO4J_DATABASE must be a Neo4j database name'],
  ])('%s: exit 2 and a message naming the variable', async (_name, changes, message) => {
    const run = await cli(['import', EXAMPLE_DIR], changes);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`Invalid configuration: ${message}`);
  });

  it.each([
    [['import'], 'import needs exactly one folder'],
    [['import', EXAMPLE_DIR, '--batch-size', 'many'], '--batch-size must be a whole number from 1 to 100000, got "many"'],
    [['import', EXAMPLE_DIR, '--fast'], "Unknown option '--fast'"],
    [['load', EXAMPLE_DIR], 'unknown command "load"'],
  ])('bad usage %j: exit 2 with the reason', async (args, message) => {
    const run = await cli(args);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(message);
  });
});

describe('invalid input', () => {
  it('exits 1, lists every problem with its place, and writes nothing', async () => {
    const before = await graphChecksum(driver, database);
    const dir = scratchCopy(
      EXAMPLE_DIR,
      replaceIn('events.yaml', 'year: 2014', 'year: 20140'),
      appendTo('relationships.csv', 'ALLIED_WITH,borealia,atlantis,2012,,,,ex_background,1,\n'),
      replaceIn('funding.csv', ',15000000,', ',0,'),
    );
    const run = await cli(['import', dir]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('is not a valid data set: 3 problems, nothing was written.');
    expect(run.stderr).toContain('events.yaml:1 [harbor_raid_2014]: year: expected a year from 1800 to 2100, got 20140');
    expect(run.stderr).toContain("relationships.csv row 8: to: 'atlantis' is not defined (expected the id of an actor or an event)");
    expect(run.stderr).toContain('funding.csv row 3 [ctp_arden_2014]: amount_usd: the amount must be positive, got 0');
    expect(run.stdout).toBe('');
    expect(await graphChecksum(driver, database)).toBe(before);
  });

  it('--dry-run without a database validates only', async () => {
    const run = await cli(['import', EXAMPLE_DIR, '--dry-run'], { NEO4J_URI: undefined });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/funding\s+3\s+0\s+0/);
    expect(run.stdout).toContain('dry run (nothing written)');
  });
});

describe('loading', () => {
  it('npm run seed -- --dry-run finds the loaded seed unchanged', async () => {
    const before = await graphChecksum(driver, database);
    const seed = validateFolder(SEED_DIR).dataset;
    const run = await cli(['seed', '--dry-run']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(new RegExp(`actors\\s+0\\s+0\\s+${seed.actors.length}\\n`));
    expect(run.stdout).toMatch(new RegExp(`funding\\s+0\\s+0\\s+${seed.funding.length}\\n`));
    expect(await graphChecksum(driver, database)).toBe(before);
  });

  it('imports a folder beside the seed, reports created then unchanged, and touches nothing else', async () => {
    const before = await graphChecksum(driver, database);
    const first = await cli(['import', EXAMPLE_DIR, '--batch-size', '2']);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/kind\s+created\s+updated\s+unchanged/);
    expect(first.stdout).toMatch(/actors\s+5\s+0\s+0\n/);
    expect(first.stdout).toMatch(/total\s+23\s+0\s+0\n/);
    expect(first.stdout).toMatch(/23 records in \d+\.\d\d s/);
    const second = await cli(['import', EXAMPLE_DIR]);
    expect(second.stdout).toMatch(/total\s+0\s+0\s+23\n/);

    // Removing the example's records gives back the graph as it was.
    const example = validateFolder(EXAMPLE_DIR).dataset;
    const ids = [...example.sources, ...example.actors, ...example.authorities, ...example.events, ...example.funding].map((r) => r.id);
    await driver.executeQuery('MATCH (n) WHERE n.id IN $ids DETACH DELETE n', { ids }, { database });
    expect(await graphChecksum(driver, database)).toBe(before);
  });

  it('shows progress (records done of total, records per second) on stderr for large inputs', async () => {
    const dir = scratchDir();
    const counts = generateDataset(dir, { prefix: 'cli', actors: 100, relationships: 500, funding: 6_000 });
    const total = Object.values(counts).reduce((a, b) => a + b, 0);
    const shown = total.toLocaleString('en-US');
    const run = await cli(['import', dir, '--dry-run', '--batch-size', '500']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toMatch(new RegExp(`checking \\w+: [\\d,]+ / ${shown} records \\(\\d+%\\), [\\d,]+ records/s`));
    expect(run.stderr).toContain(`${shown} / ${shown} records (100%)`);
    expect(run.stdout).toMatch(new RegExp(`total\\s+${total}\\s+0\\s+0\\n`));
  });
});
