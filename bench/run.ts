/**
 * `npm run bench -- [--size S|M|L|seed] [--only load,api,browser] [--seed 42] [--duration MS] [--warmup MS]
 *                    [--loads bare,bulk,loader] [--port 7704] [--data-dir DIR] [--out bench/out]
 *                    [--regenerate] [--resume]`
 *
 * Generates (or reuses) the synthetic data set of the size, starts its own Neo4j (or uses
 * NEO4J_URI, which it WIPES), and measures loading, the API and the browser beside their
 * baselines in the same run. Prints a table and writes JSON to bench/out/. Size `seed` loads the
 * project's seed/data instead (browser part only: its speed targets on the real data).
 * An interrupted run keeps its store and the figures of its finished phases: `--resume` goes on
 * from there (bench/lib/progress.ts).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { defaultDatasetDir, generateDataset, type BenchTargets } from './generate.ts';
import { openBenchNeo4j, type BenchNeo4j } from './lib/bench-neo4j.ts';
import { killChildren, runTsChild } from './lib/child.ts';
import { machineInfo } from './lib/machine.ts';
import { formatReport, type BenchReport } from './lib/report.ts';
import { loadPhaseMemory, memoryRecorder } from './lib/memory.ts';
import { clearProgress, progressFile, readProgress, writeProgress } from './lib/progress.ts';
import { parseSize, type SizeName } from './lib/sizes.ts';
import { SEED_DATA_DIR, seedCounts, seedTargets, type SeedLoaderOutput } from './lib/seed-size.ts';
import { benchLoad, LOAD_RUNS, type LoadRunName } from './load/run-load.ts';
import { bulkRun } from './load/bulk-run.ts';
import { AUTO_BULK_RECORDS } from '../seed/cli-commands.ts';
import { graphCensus } from './load/graph-census.ts';
import { benchApi } from './api/run-api.ts';
import { benchBrowser } from './browser/run-browser.ts';

const here = path.dirname(fileURLToPath(import.meta.url));

/** The database to stop if the command-line run is interrupted. */
let stopOnSignal: BenchNeo4j | undefined;

export type Phase = 'load' | 'api' | 'browser';
export const PHASES: readonly Phase[] = ['load', 'api', 'browser'];

/** A generated size, or the project's own seed data. */
export type BenchSize = SizeName | 'seed';

/** Everything a run can be told. */
export interface BenchOptions {
  size: BenchSize;
  seed: number;
  only: Phase[];
  /** The load runs the load phase measures. */
  loads: LoadRunName[];
  durationMs: number;
  warmupMs: number;
  port: number;
  dataDir: string;
  outDir: string;
  datasetDir: string;
  regenerate: boolean;
  /** Go on from an interrupted run of the same data set (its store and finished phases). */
  resume: boolean;
  heapMb: number;
  pageCacheMb: number;
  resetMode: 'restart' | 'wipe';
  /** Benchmark this existing database (it is WIPED) instead of starting an own Neo4j. */
  external?: { uri: string; username: string; password: string; database: string };
  /** Cap on measured requests per API cell (keeps smoke runs short); 0 = none. */
  maxRequests: number;
  /** Variable sets per API operation. */
  variableSets: number;
  browserSizes: number[];
  fpsSizes: number[];
  overviewLimits: number[];
  panMs: number;
  responsivenessRuns: number;
  log: (line: string) => void;
}

/** Per-size defaults: S is a smoke run, M and L are the measured sizes. */
export function defaultOptions(size: BenchSize): Omit<BenchOptions, 'log'> {
  if (size === 'seed') {
    // Small real data: only the page's speed targets, 5 repetitions each; M's database sizes.
    return {
      ...defaultOptions('M'), size, only: ['browser'], dataDir: path.join(tmpdir(), 'neo4j-bench-run-seed'), datasetDir: SEED_DATA_DIR,
      resetMode: 'wipe', browserSizes: [], fpsSizes: [], overviewLimits: [], responsivenessRuns: 5,
    };
  }
  const envInt = (name: string, fallback: number) => (process.env[name] ? Number(process.env[name]) : fallback);
  const small = size === 'S';
  return {
    size,
    seed: 42,
    only: [...PHASES],
    loads: [...LOAD_RUNS],
    durationMs: small ? 500 : 4_000,
    warmupMs: small ? 200 : 500,
    port: 7704,
    dataDir: path.join(tmpdir(), `neo4j-bench-run-${size}`),
    outDir: path.join(here, 'out'),
    datasetDir: defaultDatasetDir(size),
    regenerate: false,
    resume: false,
    heapMb: envInt('NEO4J_HEAP', size === 'L' ? 4096 : size === 'M' ? 2048 : 512),
    pageCacheMb: envInt('NEO4J_PAGECACHE', size === 'L' ? 4096 : size === 'M' ? 1024 : 256),
    resetMode: small ? 'wipe' : 'restart',
    maxRequests: small ? 20 : 0,
    variableSets: small ? 3 : 20,
    browserSizes: small ? [500] : [500, 2_000, 5_000, 10_000],
    fpsSizes: small ? [500] : [2_000, 5_000],
    overviewLimits: small ? [300] : [300, 2_000],
    panMs: small ? 500 : 3_000,
    responsivenessRuns: 0,
  };
}

/** A comma-separated option whose every entry must be one of `allowed`. */
function listOption<T extends string>(name: string, value: string, allowed: readonly T[]): T[] {
  return value.split(',').map((entry) => {
    const v = entry.trim() as T;
    if (!allowed.includes(v)) throw new Error(`${name} takes ${allowed.join(', ')}; got "${entry}"`);
    return v;
  });
}

/** Reads the command line into options. */
export function parseCli(argv: string[]): BenchOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      size: { type: 'string' },
      only: { type: 'string' },
      loads: { type: 'string' },
      seed: { type: 'string' },
      duration: { type: 'string' },
      warmup: { type: 'string' },
      port: { type: 'string' },
      'data-dir': { type: 'string' },
      out: { type: 'string' },
      regenerate: { type: 'boolean' },
      resume: { type: 'boolean' },
    },
  });
  const size: BenchSize = values.size?.toLowerCase() === 'seed' ? 'seed' : parseSize(values.size ?? 'M');
  const base = defaultOptions(size);
  const only = values.only ? listOption('--only', values.only, PHASES) : base.only;
  if (size === 'seed' && only.some((p) => p !== 'browser')) throw new Error('--size seed measures the browser part only: use --only browser');
  const seed = values.seed ? Number(values.seed) : base.seed;
  const loads = values.loads ? listOption('--loads', values.loads, LOAD_RUNS) : base.loads;
  return {
    ...base,
    seed,
    only,
    loads,
    durationMs: values.duration ? Number(values.duration) : base.durationMs,
    warmupMs: values.warmup ? Number(values.warmup) : base.warmupMs,
    port: values.port ? Number(values.port) : base.port,
    dataDir: values['data-dir'] ?? base.dataDir,
    outDir: values.out ?? base.outDir,
    datasetDir: size === 'seed' ? base.datasetDir : defaultDatasetDir(size, seed),
    regenerate: values.regenerate ?? false,
    resume: values.resume ?? false,
    ...(process.env.NEO4J_URI
      ? {
          external: {
            uri: process.env.NEO4J_URI,
            username: process.env.NEO4J_USERNAME ?? 'neo4j',
            password: process.env.NEO4J_PASSWORD ?? 'aidgraph-dev',
            database: process.env.NEO4J_DATABASE ?? 'neo4j',
          },
        }
      : {}),
    log: (line) => process.stderr.write(`${line}\n`),
  };
}

/** Generates the data set unless it is already there. */
async function ensureDataset(o: BenchOptions): Promise<{ targets: BenchTargets; generateMs: number | null }> {
  if (o.size === 'seed') return { targets: seedTargets(o.seed), generateMs: null };
  const targetsFile = `${o.datasetDir.replace(/\/+$/, '')}.targets.json`;
  if (!o.regenerate && existsSync(targetsFile)) {
    return { targets: JSON.parse(readFileSync(targetsFile, 'utf8')) as BenchTargets, generateMs: null };
  }
  o.log(`generating data set ${o.size} (seed ${o.seed}) into ${o.datasetDir}`);
  const t0 = performance.now();
  const { targets } = await generateDataset(o.size, o.datasetDir, o.seed);
  return { targets, generateMs: performance.now() - t0 };
}

/** True when the database holds exactly the data set's actors and flows (an earlier run's load). */
async function holdsDataset(db: BenchNeo4j, targets: BenchTargets): Promise<boolean> {
  const census = await graphCensus(db);
  return census.nodes.Actor === targets.counts.actors && census.nodes.Funding === targets.counts.funding &&
    census.nodes.Authority === targets.counts.authorities;
}

/** Runs the benchmark; returns the report and the path of the JSON written. */
export async function runBench(o: BenchOptions): Promise<{ report: BenchReport; jsonFile: string; text: string }> {
  const started = performance.now();
  const machine = machineInfo();
  const { targets, generateMs } = await ensureDataset(o);
  let db: BenchNeo4j | undefined;
  const progressPath = progressFile(o.outDir, o.size, o.seed);
  const previous = o.resume ? readProgress(progressPath, o.datasetDir) : undefined;
  if (o.resume && !previous) o.log(`--resume: no unfinished run of ${o.datasetDir} in ${progressPath}; starting over`);
  const done = new Set(previous?.done ?? []);
  const mem = memoryRecorder(previous?.report.memory.byPhase);
  const report: BenchReport = {
    machine,
    size: o.size,
    seed: o.seed,
    dataset: { dir: o.datasetDir, counts: targets.counts, generateMs },
    neo4j: { own: !o.external, heapMb: o.heapMb, pageCacheMb: o.pageCacheMb, peakRssMb: null },
    memory: { loaderPeakRssMb: null, barePeakRssMb: null, serverPeakRssMb: null, byPhase: mem.rows() },
    totalMs: 0,
    errors: {},
    loadAvgEnd: [],
  };
  if (previous) {
    // The finished phases' figures come from the interrupted run, which says when it measured them.
    Object.assign(report, { load: previous.report.load, api: previous.report.api, browser: previous.report.browser });
    report.memory = { ...previous.report.memory, byPhase: mem.rows() };
    report.resumed = { from: previous.report.machine.date, commit: previous.report.machine.gitCommit, phases: [...done] };
    o.log(`--resume: phases ${[...done].join(', ') || '(none)'} done on ${previous.report.machine.date}; reusing the store in ${o.dataDir}`);
  }
  const finished = (name: Phase) => {
    done.add(name);
    writeProgress(progressPath, { report, done: [...done], datasetDir: o.datasetDir });
  };
  let completed = false;
  /** Runs one phase; a failure is recorded and the next phase still runs. */
  const phase = async (name: Phase, run: () => Promise<void>) => {
    if (done.has(name)) return;
    try {
      db?.beginPhase();
      await run();
      finished(name);
    } catch (err) {
      report.errors[name] = ((err as Error).stack ?? String(err)).slice(0, 2000);
      o.log(`${name}: FAILED: ${(err as Error).message}`);
    }
  };
  try {
    db = await openBenchNeo4j({
      port: o.port, dataDir: o.dataDir, heapMb: o.heapMb, pageCacheMb: o.pageCacheMb, resetMode: o.resetMode, external: o.external, log: o.log,
      reuseStore: Boolean(previous),
    });
    stopOnSignal = db;
    if (o.only.includes('load') && !done.has('load')) {
      db.beginPhase();
      report.load = await benchLoad(db, o.datasetDir, targets.counts.total, o.log, o.loads);
      report.memory.loaderPeakRssMb = report.load.runs.find((r) => r.name === 'loader')?.peakRssMb ?? null;
      report.memory.barePeakRssMb = report.load.runs.find((r) => r.name === 'bare')?.peakRssMb ?? null;
      loadPhaseMemory((proc, mb) => mem.add('load', proc, mb), report.load, db.phasePeakRssMb());
      finished('load');
    } else if (o.size !== 'seed' && (await holdsDataset(db, targets))) {
      o.log(`the database already holds this data set: reusing it (${done.has('load') ? 'loaded by the resumed run' : '--only without load'})`);
    } else if (db.own && o.size !== 'seed' && targets.counts.total >= AUTO_BULK_RECORDS) {
      // As `npm run import` would: a large folder into an empty embedded store goes in bulk.
      o.log('loading the data set in bulk (not measured: --only without load)');
      const bulk = await bulkRun(db, o.datasetDir, targets.counts.total, o.log);
      if (bulk.error) throw new Error(`the bulk load failed: ${bulk.error.split('\n')[0]}`);
      o.log(`loaded ${bulk.rows} rows in bulk in ${(bulk.wallMs / 1000).toFixed(1)} s`);
    } else {
      o.log('loading the data set (not measured: --only without load)');
      await db.reset();
      const loaded = await runTsChild<SeedLoaderOutput>(path.join(here, 'load/loader-child.ts'), [o.datasetDir], db.env()).catch(async (err: Error) => {
        // The bare loop reads only the generator's six files, not the seed's split ones.
        if (o.size === 'seed') throw err;
        o.log(`the loader failed (${err.message.split('\n')[0]}); loading with the bare baseline instead`);
        await db!.reset();
        await runTsChild(path.join(here, 'baselines/bare-load.ts'), [o.datasetDir], db!.env());
        return undefined;
      });
      if (loaded) {
        const { ms, readyMs, phases } = loaded.result.loader;
        report.dataset.loadMs = readyMs;
        report.dataset.indexedMs = ms;
        o.log(`loaded in ${(readyMs / 1000).toFixed(2)} s (read + validate ${(phases.readValidateMs / 1000).toFixed(2)} s, schema ${(phases.schemaMs / 1000).toFixed(2)} s, writes ${(phases.writeMs / 1000).toFixed(2)} s); every index online at ${(ms / 1000).toFixed(2)} s`);
        if (o.size === 'seed') report.dataset.counts = seedCounts(loaded.result);
      }
    }
    const database = db;
    if (o.only.includes('api')) {
      await phase('api', async () => {
        report.api = await benchApi(database, targets, {
          durationMs: o.durationMs,
          warmupMs: o.warmupMs,
          concurrencies: [1, 10],
          maxRequests: o.maxRequests || undefined,
          variableSets: o.variableSets,
          log: o.log,
        });
        report.memory.serverPeakRssMb = report.api.serverPeakRssMb;
        mem.add('api', 'server (node)', report.api.serverPeakRssMb);
        mem.add('api', 'neo4j-graphql (node)', report.api.neo4jGraphqlPeakRssMb);
        mem.add('api', 'Neo4j JVM (bench)', database.phasePeakRssMb());
      });
    }
    if (o.only.includes('browser')) {
      await phase('browser', async () => {
        report.browser = await benchBrowser(database, {
          sizes: o.browserSizes,
          fpsSizes: o.fpsSizes,
          overviewLimits: o.overviewLimits,
          panMs: o.panMs,
          responsivenessRuns: o.responsivenessRuns,
          log: o.log,
        });
        mem.add('browser', 'server (node)', report.browser.serverPeakRssMb);
        mem.add('browser', 'Neo4j JVM (bench)', database.phasePeakRssMb());
      });
    }
    report.neo4j.peakRssMb = db.peakRssMb();
    completed = Object.keys(report.errors).length === 0;
  } finally {
    stopOnSignal = undefined;
    // A run that did not finish keeps its store for --resume (an own instance's data directory).
    await db?.stop(!completed);
    if (!completed && db?.own) o.log(`the store stays in ${o.dataDir} and the finished phases in ${progressPath}: go on with --resume`);
  }
  if (completed) clearProgress(progressPath);
  report.totalMs = performance.now() - started;
  report.loadAvgEnd = loadavg().map((v) => Math.round(v * 100) / 100);
  mkdirSync(o.outDir, { recursive: true });
  const stamp = machine.date.replace(/[:.]/g, '-');
  const jsonFile = path.join(o.outDir, `bench-${o.size}-${stamp}.json`);
  writeFileSync(jsonFile, `${JSON.stringify(report, null, 2)}\n`);
  writeFileSync(path.join(o.outDir, `latest-${o.size}.json`), `${JSON.stringify(report, null, 2)}\n`);
  return { report, jsonFile, text: formatReport(report) };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      killChildren();
      // Interrupted: the store stays for --resume.
      void (stopOnSignal?.stop(true) ?? Promise.resolve()).finally(() => process.exit(130));
    });
  }
  const options = parseCli(process.argv.slice(2));
  runBench(options)
    .then(({ text, jsonFile }) => {
      process.stdout.write(`${text}\n\nJSON: ${jsonFile}\n`);
    })
    .catch((err) => {
      console.error(err);
      process.exit(1);
    });
}
