/**
 * What `seed/cli.ts` does around a load, and the commands beside it:
 *   npm run export -- DIR               the whole graph as a data folder (seed/export/)
 *   npm run import -- PATH --bulk       a first load through Neo4j's offline importer (seed/bulk/)
 * and, for every command, the database when NEO4J_URI is unset: the embedded one of `npm start`
 * (neo4j/local.ts), used when it runs, started for the command when it does not.
 *
 * Like bin/start.ts this is an entry point's wiring: it joins the loader with the embedded
 * launcher (neo4j/), which the loader's own modules never import.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import neo4j from 'neo4j-driver';
import { formatProblem } from '../domain/problems.ts';
import { validateDataset } from '../domain/validate/validate-dataset.ts';
import { runLauncherMode } from '../neo4j/embedded.ts';
import { connectEmbedded, DatabaseInUseError, embeddedDataDir, hasUserDatabase, whileStopped, type EmbeddedConnection } from '../neo4j/local.ts';
import { runningEmbedded } from '../neo4j/embedded.ts';
import { bulkLoad, formatBulk } from './bulk/bulk-load.ts';
import { CHANGE_LOG_FILE, loadChangeLog, readChangeLog, ChangeLogError } from './export/change-log.ts';
import { exportGraph, NotExportableError } from './export/export.ts';
import { ConnectionConfigError, connectionFromEnv, createLoaderDriver } from './loader/connection.ts';
import { formatSummary } from './loader/summary.ts';
import { readDataset } from './read/read-dataset.ts';

/**
 * From this many records up, an empty embedded database is loaded by the offline importer unless
 * --no-bulk. Below it the importer's fixed cost (two JVM starts, tens of seconds on a busy
 * machine) is more than the transactional load of the whole folder (the bench's S and M runs).
 */
export const AUTO_BULK_RECORDS = 100_000;

const SEED_DIR = resolve(import.meta.dirname, 'data');

export const EXTRA_HELP = `More commands and options:
  npm run export -- DIR [--database NAME]
                     write the whole graph (curated edits included) as a data folder in the
                     import format, with the curation log in ${CHANGE_LOG_FILE}; DIR must be new or empty
  --bulk             (seed, import) load through Neo4j's offline importer: embedded database
                     only (NEO4J_URI unset), and only while it is empty; otherwise says why and
                     loads as usual. Chosen by itself from ${AUTO_BULK_RECORDS.toLocaleString('en-US')} records into an empty
                     embedded database; --no-bulk turns that off.

With NEO4J_URI unset, every command uses the embedded database of npm start (NEO4J_DATA_DIR,
default .data/neo4j): the running one if npm start or npm run db:start holds it, else one
started for the command and stopped after it. No address or password to look up.
A folder with ${CHANGE_LOG_FILE} (an export) gets its curation log loaded after its records.`;

const say = (line: string) => process.stderr.write(`${line}\n`);

/** The arguments this module reads; the rest go to the loader's own parser untouched. */
interface Extra {
  command: string | undefined;
  bulk: boolean | undefined;
  rest: string[];
  help: boolean;
  dryRun: boolean;
  reset: boolean;
  database: string | undefined;
  positionals: string[];
}

function scan(argv: string[]): Extra {
  let bulk: boolean | undefined;
  const rest: string[] = [];
  const positionals: string[] = [];
  let database: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--bulk') bulk = true;
    else if (a === '--no-bulk') bulk = false;
    else {
      rest.push(a);
      if (a === '--database' || a === '--batch-size' || a === '--backup') {
        if (a === '--database') database = argv[i + 1];
        rest.push(argv[++i] ?? '');
      } else if (a.startsWith('--database=')) database = a.slice('--database='.length);
      else if (!a.startsWith('-')) positionals.push(a);
    }
  }
  return {
    command: positionals[0],
    bulk,
    rest,
    help: argv.includes('--help') || argv.includes('-h'),
    dryRun: argv.includes('--dry-run'),
    reset: argv.includes('--reset'),
    database,
    positionals,
  };
}

/** Points NEO4J_* at the embedded database for the loader (which reads them from the environment). */
async function useEmbedded(): Promise<EmbeddedConnection> {
  const conn = await connectEmbedded({ log: say });
  Object.assign(process.env, { NEO4J_URI: conn.uri, NEO4J_USERNAME: conn.username, NEO4J_PASSWORD: conn.password });
  return conn;
}

async function withDriver<T>(database: string | undefined, work: (driver: ReturnType<typeof createLoaderDriver>, database: string) => Promise<T>): Promise<T> {
  const settings = connectionFromEnv(process.env, database);
  const driver = createLoaderDriver(settings);
  try {
    await driver.verifyConnectivity({ database: settings.database });
    return await work(driver, settings.database);
  } finally {
    await driver.close();
  }
}

async function runExport(extra: Extra): Promise<number> {
  if (extra.positionals.length !== 2) {
    say('export needs exactly one folder: npm run export -- DIR');
    return 2;
  }
  const dir = resolve(extra.positionals[1]);
  const embedded = process.env.NEO4J_URI ? undefined : await useEmbedded();
  try {
    const summary = await withDriver(extra.database, (driver, database) => {
      say(`exporting database ${database} of ${process.env.NEO4J_URI} into ${dir}`);
      return exportGraph(driver, dir, { database, log: say });
    });
    const files = Object.entries(summary.files).map(([name, n]) => `${name} ${n}`).join(', ');
    process.stdout.write(`exported ${summary.records} records and ${summary.changes} changes to ${summary.dir} in ${(summary.elapsedMs / 1000).toFixed(2)} s (${files})\n`);
    process.stdout.write(`load it into an empty database with: npm run import -- ${summary.dir}\n`);
    return 0;
  } catch (err) {
    if (err instanceof NotExportableError) say(`export refused: ${err.message}`);
    else say(`export failed: ${(err as Error).message}`);
    return 2;
  } finally {
    await embedded?.close();
  }
}

/** Nodes stored in the database the environment points at. */
async function nodeCount(database: string | undefined): Promise<number> {
  return withDriver(database, async (driver, db) => {
    const { records } = await driver.executeQuery('MATCH (n) RETURN count(n) AS n', {}, { database: db, routing: neo4j.routing.READ });
    return Number(records[0]?.get('n') ?? 0);
  });
}

/**
 * Decides whether this load goes through the offline importer, and runs it. Returns the exit
 * code when it did, or null to load transactionally (having said why when --bulk was asked).
 */
async function maybeBulk(extra: Extra, dir: string): Promise<{ code: number | null; embedded: EmbeddedConnection | undefined }> {
  const asked = extra.bulk === true;
  // Connected only when the database must be asked whether it is empty (a data directory
  // without store files is), and handed back for the transactional load when bulk does not apply.
  let embedded: EmbeddedConnection | undefined;
  const refuse = (why: string) => {
    if (asked) say(`--bulk: ${why}; loading transactionally instead`);
    return { code: null, embedded };
  };
  if (extra.bulk === false || extra.help) return { code: null, embedded };
  if (process.env.NEO4J_URI) {
    // Said without --bulk too: an analyst loading a large folder should know the faster path exists.
    if (!asked && extra.command === 'import' && !extra.dryRun) {
      say(`NEO4J_URI is set (${process.env.NEO4J_URI}): loading transactionally; the bulk first load (neo4j-admin import) is only for the embedded database on this machine (NEO4J_URI unset)`);
    }
    return refuse(`the offline importer writes the store files of a database on this machine, and NEO4J_URI (${process.env.NEO4J_URI}) names a server it cannot reach that way`);
  }
  if (extra.dryRun) return refuse('a dry run writes nothing');
  if (extra.database && extra.database !== 'neo4j') return refuse('the embedded database is neo4j');
  const dataDir = embeddedDataDir();
  const running = runningEmbedded(dataDir);
  if (running && !running.detached) return refuse(`the embedded database is held by pid ${running.startedBy ?? running.pid} (npm start?), and the importer needs it stopped`);
  const readStarted = Date.now();
  const raw = readDataset(dir);
  const readMs = Date.now() - readStarted;
  if (!asked && raw.records.length < AUTO_BULK_RECORDS) return { code: null, embedded };
  if (running || hasUserDatabase(dataDir)) {
    embedded = await useEmbedded();
    const nodes = await nodeCount(extra.database);
    if (nodes > 0) return refuse(`the database holds ${nodes.toLocaleString('en-US')} nodes, and the importer only fills an empty one`);
  }
  const validateStarted = Date.now();
  const result = validateDataset(raw);
  const readValidateMs = readMs + Date.now() - validateStarted;
  if (!result.ok) {
    say(`${dir} is not a valid data set: ${result.problems.length} problem${result.problems.length === 1 ? '' : 's'}, nothing was written.`);
    for (const p of result.problems) say(`  ${formatProblem(p)}`);
    return { code: 1, embedded };
  }
  let changes;
  try {
    changes = readChangeLog(dir);
  } catch (err) {
    if (!(err instanceof ChangeLogError)) throw err;
    say(`${dir}: ${err.message}; nothing was written.`);
    return { code: 1, embedded };
  }
  say(`${asked ? '' : `${raw.records.length.toLocaleString('en-US')} records (from ${AUTO_BULK_RECORDS.toLocaleString('en-US')} up) into an empty embedded database: `}bulk load of ${dir} through neo4j-admin database import (embedded database ${dataDir})${asked ? '' : '; --no-bulk loads transactionally instead'}`);
  // The importer needs the files to itself: a Neo4j this command started is stopped for it.
  if (embedded?.startedHere) await embedded.close();
  let reopened: EmbeddedConnection | undefined;
  const started = Date.now();
  const summary = await bulkLoad(result.dataset, changes, {
    importCsv: (csvDir) => whileStopped('the bulk import', () => runLauncherMode('import', csvDir, { dataDir, log: say }), { dataDir, log: say }),
    connect: async () => {
      reopened = await useEmbedded();
      const driver = createLoaderDriver(connectionFromEnv(process.env, extra.database));
      return { driver, close: () => driver.close() };
    },
  }, { database: extra.database, log: say });
  // Reading and validating happened before the bulk load proper: counted as the loader counts them.
  summary.phases.readValidateMs = readValidateMs;
  summary.elapsedMs += readValidateMs;
  summary.rowsPerSecond = (summary.rows * 1000) / Math.max(1, summary.elapsedMs);
  process.stdout.write(`${formatSummary(summary)}\n${formatBulk(summary)}\n`);
  say(`bulk load done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return { code: 0, embedded: reopened };
}

/**
 * Runs the command line: export, or a load (through `load`, the loader's own main, which reads
 * the NEO4J_* variables), with the embedded database when NEO4J_URI is unset, the bulk path when
 * it applies, and the change log of an exported folder after its records.
 */
export async function runCommand(argv: string[], load: (argv: string[]) => Promise<number>): Promise<number> {
  const extra = scan(argv);
  if (extra.help) {
    const code = await load(extra.rest);
    process.stdout.write(`\n${EXTRA_HELP}\n`);
    return code;
  }
  if (extra.command === 'export') return runExport(extra);
  const dir = extra.command === 'seed' ? SEED_DIR : extra.command === 'import' && extra.positionals[1] ? resolve(extra.positionals[1]) : undefined;
  let embedded: EmbeddedConnection | undefined;
  try {
    if (dir && extra.bulk !== false) {
      const bulk = await maybeBulk(extra, dir);
      embedded = bulk.embedded;
      if (bulk.code !== null) return bulk.code;
    }
    // A dry run without NEO4J_URI only validates, as before: no database is started for it.
    if (!process.env.NEO4J_URI && dir && !extra.dryRun) embedded ??= await useEmbedded();
    const code = await load(extra.rest);
    if (code === 0 && dir && !extra.dryRun && existsSync(join(dir, CHANGE_LOG_FILE))) {
      const changes = readChangeLog(dir);
      const loaded = await withDriver(extra.database, (driver, database) => loadChangeLog(driver, database, changes));
      process.stdout.write(`change log (${CHANGE_LOG_FILE}): ${loaded.created} changes added, ${loaded.unchanged} already stored\n`);
    }
    return code;
  } catch (err) {
    if (err instanceof ConnectionConfigError || err instanceof DatabaseInUseError || err instanceof ChangeLogError) {
      say(err.message);
      return 2;
    }
    say(`failed: ${(err as Error).message}`);
    return 2;
  } finally {
    await embedded?.close();
  }
}
