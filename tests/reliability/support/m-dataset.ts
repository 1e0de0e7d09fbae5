/**
 * The M-size synthetic data set (bench/generate.ts, seed 42) and a database with it loaded,
 * cached under RELIABILITY_DIR between drill runs. Both caches are keyed by a hash of the code
 * that produced them (generator; loader and model), so a change of that code rebuilds them; the
 * database cache is guarded by a lock directory, and a second run that finds it locked builds
 * its own private copy instead.
 */
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isAlive } from '../../../neo4j/pid.ts';
import { generateDataset, type BenchTargets } from '../../../bench/generate.ts';
import { openGraph, type GraphDigest } from './graph.ts';
import { runImport } from './import-cli.ts';
import { ownNeo4j, privateDir, RELIABILITY_DIR, type OwnNeo4j } from './own-neo4j.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
/** The generator and what it imports (bench/generate.ts): a change of any rebuilds the data set. */
const GENERATOR_FILES = ['bench/generate.ts', 'bench/lib/prng.ts', 'bench/lib/stream-writer.ts', 'bench/lib/names.ts', 'bench/lib/sizes.ts', 'domain/relationship-types.ts'];
const note = (line: string) => process.stderr.write(`[M data set] ${line}\n`);

/** sha256 (8 hex) of the given project files and every .ts file under the given folders. */
function codeHash(...folders: string[]): string {
  const hash = createHash('sha256');
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith('.ts')) hash.update(path).update(readFileSync(path));
    }
  };
  for (const folder of folders) {
    const path = join(ROOT, folder);
    if (statSync(path).isDirectory()) walk(path);
    else hash.update(path).update(readFileSync(path));
  }
  return hash.digest('hex').slice(0, 8);
}

/** The generated data set. */
export interface MDataset {
  dir: string;
  targets: BenchTargets;
}

/** Generates M (seed 42) once per generator version; concurrent callers converge on one folder. */
export async function mDataset(seed = 42): Promise<MDataset> {
  mkdirSync(RELIABILITY_DIR, { recursive: true });
  const dir = join(RELIABILITY_DIR, `dataset-M-${seed}-${codeHash(...GENERATOR_FILES)}`);
  const targetsFile = `${dir}.targets.json`;
  if (!existsSync(targetsFile)) {
    const started = performance.now();
    const scratch = `${dir}.tmp-${process.pid}`;
    const generated = await generateDataset('M', scratch, seed);
    try {
      renameSync(generated.dir, dir);
      renameSync(generated.targetsFile, targetsFile);
    } catch {
      // Another run got there first: its (identical) folder stays.
      rmSync(scratch, { recursive: true, force: true });
      rmSync(generated.targetsFile, { force: true });
    }
    note(`generated ${dir} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }
  return { dir, targets: JSON.parse(readFileSync(targetsFile, 'utf8')) as BenchTargets };
}

/** A running Neo4j holding M, with the digest of its clean load. */
export interface MDatabase {
  db: OwnNeo4j;
  dataset: MDataset;
  digest: GraphDigest;
  /** ms the import command took, when this call loaded it (undefined: from the cache). */
  importMs?: number;
  release(): Promise<void>;
}


/** Takes the lock directory `lock`; false when a live process holds it. */
function tryLock(lock: string): boolean {
  try {
    mkdirSync(lock);
  } catch {
    const owner = Number(readFileSync(join(lock, 'pid'), 'utf8').trim() || 0);
    if (owner && isAlive(owner)) return false;
    rmSync(lock, { recursive: true, force: true });
    mkdirSync(lock);
  }
  writeFileSync(join(lock, 'pid'), String(process.pid));
  return true;
}

/**
 * Starts a Neo4j holding the M data set: the cached one when it is free and current, else a new
 * one loaded with the import command (and cached for the next run when the cache was free).
 */
export async function mDatabase(options: { heapMb?: number; pageCacheMb?: number } = {}): Promise<MDatabase> {
  const dataset = await mDataset();
  const key = `${codeHash(...GENERATOR_FILES)}-${codeHash('seed/loader', 'seed/read', 'store', 'domain')}`;
  const cache = join(RELIABILITY_DIR, `db-M-42-${key}`);
  const lock = `${cache}.lock`;
  const locked = tryLock(lock);
  if (locked) {
    // Caches of older code are dead weight (a few hundred MB each).
    for (const name of readdirSync(RELIABILITY_DIR)) {
      const path = join(RELIABILITY_DIR, name);
      if (name.startsWith('db-M-42-') && !name.includes(key) && !existsSync(`${path.replace(/\.lock$/, '')}.lock`)) rmSync(path, { recursive: true, force: true });
    }
  }
  const home = locked ? cache : privateDir('private-db-M');
  const stamp = join(home, 'loaded.json');
  if (!existsSync(stamp)) rmSync(join(home, 'neo4j'), { recursive: true, force: true });
  const db = await ownNeo4j({ dataDir: join(home, 'neo4j'), heapMb: options.heapMb, pageCacheMb: options.pageCacheMb });
  const release = async () => {
    await db.stop();
    if (locked) rmSync(lock, { recursive: true, force: true });
    else rmSync(home, { recursive: true, force: true });
  };
  try {
    const graph = openGraph(db.env());
    try {
      if (existsSync(stamp)) {
        const digest = JSON.parse(readFileSync(stamp, 'utf8')) as GraphDigest;
        const counts = await graph.counts();
        if (counts.nodes === digest.nodes && counts.relationships === digest.relationships) {
          note(`using the cached database ${home}`);
          return { db, dataset, digest, release };
        }
        rmSync(stamp);
        await graph.reset();
      }
      note(`importing ${dataset.dir} (npm run import) into ${db.uri}...`);
      const run = await runImport(dataset.dir, { env: db.env(), timeoutMs: 60 * 60_000 });
      if (run.code !== 0) throw new Error(`the import of M failed (exit ${run.code}):\n${run.stderr.slice(-3000)}`);
      note(`imported in ${(run.ms / 1000).toFixed(1)} s; computing the checksum...`);
      const digest = await graph.digest();
      writeFileSync(stamp, JSON.stringify(digest));
      return { db, dataset, digest, importMs: run.ms, release };
    } finally {
      await graph.close();
    }
  } catch (error) {
    await release();
    throw error;
  }
}

/**
 * A private copy of the M database, for a drill that writes (the soak): the cache stays as
 * loaded, so the next drill does not import M again. Copied while stopped, so the copy is clean.
 */
export async function mDatabaseCopy(options: { heapMb?: number; pageCacheMb?: number } = {}): Promise<MDatabase> {
  const source = await mDatabase(options);
  const home = privateDir('copy-db-M');
  try {
    await source.db.stop();
    cpSync(source.db.dataDir, join(home, 'neo4j'), { recursive: true });
  } finally {
    await source.release();
  }
  const db = await ownNeo4j({ dataDir: join(home, 'neo4j'), heapMb: options.heapMb, pageCacheMb: options.pageCacheMb }).catch((error: unknown) => {
    rmSync(home, { recursive: true, force: true });
    throw error;
  });
  const release = async () => {
    await db.stop();
    rmSync(home, { recursive: true, force: true });
  };
  return { db, dataset: source.dataset, digest: source.digest, importMs: source.importMs, release };
}
