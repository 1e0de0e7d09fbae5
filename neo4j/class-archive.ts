/**
 * A class-data-sharing archive of the Neo4j JVM (Java's AppCDS): the classes Neo4j and Cypher
 * load, kept parsed and verified in one file that later JVMs map instead of loading them again.
 * It takes about 2 s off each start and a few hundred ms off the first statements on a cold
 * database, on this project's 2-core machines.
 *
 * The archive is recorded by a JVM that runs without one (the first start after a build): that
 * JVM writes it when it exits, and `stop()` moves it into place. An archive older than the
 * launcher jar belongs to an earlier build and is recorded again. A JVM that cannot use the
 * archive (another Java) ignores it and starts as before.
 */
import { existsSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { isAlive } from './pid.ts';

const ARCHIVE_NAME = 'neo4j-classes.jsa';
const RECORDING = /^neo4j-classes\.jsa\.(\d+)\.\d+\.recording$/;
/** Numbers this process's recordings, so that two JVMs it starts at once never share a file. */
let recordings = 0;

/** What a JVM start adds for the archive, and what its stop does afterwards. */
export interface ClassArchiveUse {
  flags: string[];
  /** After the JVM has exited: keeps what it recorded (a no-op when it only used the archive). */
  afterExit(): void;
}

/**
 * The flags for a JVM started from `targetDir` (where launcher.jar is). `record` false (a
 * detached JVM nobody stops from here) only uses an archive, never records one.
 */
export function classArchive(targetDir: string, record: boolean): ClassArchiveUse {
  const archive = join(targetDir, ARCHIVE_NAME);
  const quiet = '-Xlog:cds=off,cds+dynamic=off';
  const built = statSync(join(targetDir, 'launcher.jar')).mtimeMs;
  if (existsSync(archive) && statSync(archive).mtimeMs >= built) {
    return { flags: [`-XX:SharedArchiveFile=${archive}`, quiet], afterExit: () => {} };
  }
  if (!record) return { flags: [], afterExit: () => {} };
  // Recordings left by JVMs whose owner is gone (killed before its stop) are only clutter.
  for (const name of readdirSync(targetDir)) {
    const match = RECORDING.exec(name);
    if (match && Number(match[1]) !== process.pid && !isAlive(Number(match[1]))) rmSync(join(targetDir, name), { force: true });
  }
  const recording = join(targetDir, `${ARCHIVE_NAME}.${process.pid}.${++recordings}.recording`);
  return {
    flags: [`-XX:ArchiveClassesAtExit=${recording}`, quiet],
    afterExit: () => {
      // Only a JVM that exited normally wrote it; a rename is atomic, so a concurrent start sees
      // either no archive or a whole one.
      if (existsSync(recording) && statSync(recording).size > 0) renameSync(recording, archive);
    },
  };
}
