/**
 * A class-data-sharing archive of the Neo4j JVM (Java's AppCDS): the classes Neo4j loads while
 * it starts, kept parsed and verified in one file that later JVMs map instead of loading them
 * again. A start takes about 2 s less on this project's 2-core machines.
 *
 * The archive is recorded once per build of the launcher, by a short training start (a JVM that
 * starts on an empty store and stops at once, writing the archive as it exits) before the first
 * real start. One process records at a time (a lock file names it); a start that finds another
 * process recording goes on without an archive. An archive older than the launcher jar belongs to
 * an earlier build and is recorded again. A JVM that cannot use it (another Java) ignores it.
 */
import { existsSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isAlive } from './pid.ts';

const ARCHIVE_NAME = 'neo4j-classes.jsa';
/** The JVM's own notes about the archive (mapped or not) stay out of the launcher's output. */
const QUIET = '-Xlog:cds=off,cds+dynamic=off';

const archiveOf = (targetDir: string) => join(targetDir, ARCHIVE_NAME);

/** True when the archive exists and is at least as new as the launcher jar. */
function current(targetDir: string): boolean {
  const archive = archiveOf(targetDir);
  return existsSync(archive) && statSync(archive).mtimeMs >= statSync(join(targetDir, 'launcher.jar')).mtimeMs;
}

/** The flags that make a JVM started from `targetDir` map the archive (none while there is none). */
export function archiveFlags(targetDir: string): string[] {
  return current(targetDir) ? [`-XX:SharedArchiveFile=${archiveOf(targetDir)}`, QUIET] : [];
}

/** Takes the lock file, unless a live process holds it (a dead holder's lock is taken over). */
function takeLock(lock: string): boolean {
  const create = () => {
    try {
      writeFileSync(lock, String(process.pid), { flag: 'wx' });
      return true;
    } catch {
      return false;
    }
  };
  if (create()) return true;
  const holder = Number(readFileSync(lock, 'utf8'));
  if (Number.isInteger(holder) && holder > 0 && isAlive(holder)) return false;
  rmSync(lock, { force: true });
  return create();
}

/** The recording under way in this process, so that concurrent starts wait for one recording. */
let recording: Promise<void> | undefined;

/**
 * Records the archive when it is missing or stale. `train` starts a JVM with the given flags,
 * waits until it is ready, stops it and resolves true when it exited by itself (a killed JVM may
 * have left half a file). A failure is logged, never thrown: Neo4j then starts without an archive.
 */
export function ensureClassArchive(targetDir: string, train: (flags: string[]) => Promise<boolean>, log: (line: string) => void): Promise<void> {
  if (current(targetDir)) return Promise.resolve();
  recording ??= (async () => {
    const lock = `${archiveOf(targetDir)}.lock`;
    if (!takeLock(lock)) return;
    const file = `${archiveOf(targetDir)}.${process.pid}.recording`;
    try {
      log('aidgraph: recording a class archive of the Neo4j JVM (once per build; later starts are about 2 s faster)...');
      const started = Date.now();
      const clean = await train([`-XX:ArchiveClassesAtExit=${file}`, QUIET]);
      if (!clean || !existsSync(file) || statSync(file).size === 0) throw new Error('the training JVM wrote no archive');
      // A rename is atomic: a concurrent start sees either no archive or a whole one.
      renameSync(file, archiveOf(targetDir));
      log(`aidgraph: class archive recorded in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    } catch (error) {
      log(`aidgraph: no class archive (${(error as Error).message.split('\n')[0]}); Neo4j starts without one`);
    } finally {
      rmSync(file, { force: true });
      rmSync(lock, { force: true });
    }
  })().finally(() => {
    recording = undefined;
  });
  return recording;
}
