/**
 * The loader's command line.
 *   npm run seed [-- OPTIONS]           loads seed/data (the curated article data)
 *   npm run import -- PATH [OPTIONS]    loads an analyst's folder in the same format
 * Exit codes: 0 loaded (or valid, with --dry-run); 1 invalid input (every problem listed,
 * nothing written); 2 usage, configuration or database error, or a --reset refused because the
 * graph holds curated changes and no --backup was asked for (or the backup could not be taken).
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { formatProblem } from '../domain/problems.ts';
import { ConnectionConfigError, connectionFromEnv, createLoaderDriver } from './loader/connection.ts';
import { DEFAULT_BATCH_SIZE, InvalidDatasetError, loadDataset, type LoadProgress } from './loader/load.ts';
import { formatSummary } from './loader/summary.ts';
import { runCommand } from './cli-commands.ts';
import { curationSummary } from './loader/curated.ts';
import { exportGraph } from './export/export.ts';

const SEED_DIR = resolve(import.meta.dirname, 'data');
/** Below this many records no progress is printed. */
const PROGRESS_THRESHOLD = 5_000;

const HELP = `Load a data set folder into Neo4j.

Usage:
  npm run seed [-- OPTIONS]            load seed/data, the curated article data set
  npm run import -- PATH [OPTIONS]     load the folder PATH (same format, see seed/README.md)

Options:
  --dry-run          validate (and, when NEO4J_URI is set, compare with the database) without writing
  --reset            wipe the whole database first (every node and relationship), then load;
                     refused when the graph holds changes made through the curation API,
                     unless --backup DIR is given too
  --backup DIR       with --reset: first export the whole graph (curated records and change
                     log included, as npm run export -- DIR does) into DIR, a new or empty
                     folder; the reset runs only once the export is written and verified.
                     To get that graph back: npm run import -- DIR into an empty database
  --overwrite-edits  replace records changed through the curation API with the files' version
                     (default: keep the curated version and list each conflict)
  --batch-size N     records per transaction (default ${DEFAULT_BATCH_SIZE})
  --database NAME    database to load into (default: NEO4J_DATABASE, else neo4j)
  -h, --help         show this help

Environment:
  NEO4J_URI          e.g. bolt://127.0.0.1:7687 or neo4j+s://xxxx.databases.neo4j.io (required)
  NEO4J_USERNAME     default neo4j
  NEO4J_PASSWORD     (required)
  NEO4J_DATABASE     default neo4j

Loading is idempotent: records already stored with the same content are left unchanged, so
running it again reports everything unchanged. A record edited or deleted through the curation
API since it was loaded is kept as curated: the load lists it (file, row, record, who changed it
and when) and loads the rest. Each batch is one transaction; after an
interruption, run the same command again.

Exit codes: 0 done, 1 invalid input (every problem is listed, nothing is written),
2 usage, configuration or database error.`;

class UsageError extends Error {}

function parse(argv: string[]) {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      'dry-run': { type: 'boolean' },
      reset: { type: 'boolean' },
      backup: { type: 'string' },
      'overwrite-edits': { type: 'boolean' },
      'batch-size': { type: 'string' },
      database: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const [command, ...rest] = positionals;
  if (values.help) return { help: true as const };
  let dir: string;
  if (command === 'seed') {
    if (rest.length > 0) throw new UsageError(`seed takes no folder (got ${rest.join(' ')}); use npm run import -- PATH`);
    dir = SEED_DIR;
  } else if (command === 'import') {
    if (rest.length !== 1) throw new UsageError('import needs exactly one folder: npm run import -- PATH');
    dir = resolve(rest[0]);
  } else {
    throw new UsageError(`unknown command "${command ?? ''}": use seed or import`);
  }
  let batchSize = DEFAULT_BATCH_SIZE;
  if (values['batch-size'] !== undefined) {
    batchSize = Number(values['batch-size']);
    if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 100_000) {
      throw new UsageError(`--batch-size must be a whole number from 1 to 100000, got "${values['batch-size']}"`);
    }
  }
  if (values.backup !== undefined && !values.reset) throw new UsageError('--backup DIR goes with --reset (it is the export taken before the reset wipes the graph)');
  if (values.backup === '') throw new UsageError('--backup needs a folder');
  return {
    help: false as const,
    dir,
    batchSize,
    dryRun: values['dry-run'] ?? false,
    reset: values.reset ?? false,
    backup: values.backup === undefined ? undefined : resolve(values.backup),
    overwriteEdits: values['overwrite-edits'] ?? false,
    database: values.database,
  };
}

/** Progress on stderr: at most one line a second, overwritten in place on a terminal. */
function progressPrinter(verb: string): { onProgress: (p: LoadProgress) => void; finish: () => void } {
  let last = 0;
  let printed = false;
  const tty = process.stderr.isTTY;
  return {
    onProgress(p) {
      if (p.total < PROGRESS_THRESHOLD) return;
      const now = Date.now();
      if (now - last < 1000 && p.done < p.total) return;
      last = now;
      const pct = ((100 * p.done) / p.total).toFixed(0);
      const line = `${verb} ${p.kind}: ${p.done.toLocaleString('en-US')} / ${p.total.toLocaleString('en-US')} records (${pct}%), ${Math.round(p.rowsPerSecond).toLocaleString('en-US')} records/s`;
      process.stderr.write(tty ? `\r${line}\x1b[K` : `${line}\n`);
      printed = true;
    },
    finish() {
      if (printed && tty) process.stderr.write('\n');
    },
  };
}

/**
 * A reset erases curated records and the change log with everything else, so it runs on a graph
 * with changes only once a copy of that graph is written (`--backup DIR`). The copy is an export
 * (seed/export/): it works against any database, remote or embedded, while it runs, and the
 * exporter reads it back and compares every record before it hands the folder over. Returns the
 * reason for refusing, or null to go on. A --backup on a graph without changes is still taken:
 * it was asked for.
 */
async function guardReset(driver: NonNullable<ReturnType<typeof createLoaderDriver>>, database: string, backup: string | undefined): Promise<string | null> {
  const session = driver.session({ database });
  let log: Awaited<ReturnType<typeof curationSummary>>;
  try {
    log = await session.executeRead((tx) => curationSummary(tx));
  } finally {
    await session.close();
  }
  if (backup === undefined) {
    if (log.changes === 0) return null;
    const latest = log.latest ? ` (the latest by ${log.latest.who} at ${log.latest.at}, ${log.latest.operation})` : '';
    return `refusing --reset: the graph holds ${log.changes} change${log.changes === 1 ? '' : 's'} made through the curation API${latest}, and a reset would erase them with the change log. Take a copy in the same command: --reset --backup DIR. Nothing was changed.`;
  }
  let written;
  try {
    written = await exportGraph(driver, backup, { database });
  } catch (error) {
    return `--backup failed: ${(error as Error).message}. Nothing was reset.`;
  }
  process.stderr.write(`backup: ${written.records} records and ${written.changes} changes exported to ${written.dir} (restore into an empty database: npm run import -- ${written.dir})\n`);
  return null;
}

async function main(argv: string[]): Promise<number> {
  let args: ReturnType<typeof parse>;
  try {
    args = parse(argv);
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\n\nRun with --help for usage.\n`);
    return 2;
  }
  if (args.help) {
    process.stdout.write(`${HELP}\n`);
    return 0;
  }
  // A dry run without NEO4J_URI only validates; anything else needs the connection.
  const wantsDb = !args.dryRun || Boolean(process.env.NEO4J_URI);
  let settings;
  try {
    settings = wantsDb ? connectionFromEnv(process.env, args.database) : undefined;
  } catch (err) {
    if (err instanceof ConnectionConfigError) {
      process.stderr.write(`${err.message}\n`);
      return 2;
    }
    throw err;
  }
  const driver = settings ? createLoaderDriver(settings) : null;
  const progress = progressPrinter(args.dryRun ? 'checking' : 'loading');
  const target = settings ? ` ${args.dryRun ? 'against' : 'into'} ${settings.uri} (database ${settings.database})` : '';
  process.stderr.write(`${args.dryRun ? 'checking' : 'loading'} ${args.dir}${target}\n`);
  try {
    if (driver) await driver.verifyConnectivity({ database: settings!.database });
    if (driver && args.reset && !args.dryRun) {
      const refusal = await guardReset(driver, settings!.database, args.backup);
      if (refusal) {
        process.stderr.write(`${refusal}\n`);
        return 2;
      }
    }
    const summary = await loadDataset(driver, args.dir, {
      database: settings?.database,
      reset: args.reset,
      dryRun: args.dryRun,
      batchSize: args.batchSize,
      overwriteEdits: args.overwriteEdits,
      onProgress: progress.onProgress,
    });
    progress.finish();
    process.stdout.write(`${formatSummary(summary)}\n`);
    return 0;
  } catch (err) {
    progress.finish();
    if (err instanceof InvalidDatasetError) {
      process.stderr.write(`${args.dir} is not a valid data set: ${err.problems.length} problem${err.problems.length === 1 ? '' : 's'}, nothing was written.\n`);
      for (const p of err.problems) process.stderr.write(`  ${formatProblem(p)}\n`);
      return 1;
    }
    process.stderr.write(`load failed: ${(err as Error).message}\n`);
    process.stderr.write('Every completed batch is committed and no batch is half-applied: fix the cause and run the same command again.\n');
    return 2;
  } finally {
    await driver?.close();
  }
}

// export, --bulk, the embedded database when NEO4J_URI is unset, and an export's change log: cli-commands.ts.
process.exitCode = await runCommand(process.argv.slice(2), main);
