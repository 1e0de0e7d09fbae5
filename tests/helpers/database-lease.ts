/**
 * Which test database a test file gets: the first one no other live test file holds. Each file
 * takes a lease (a file created exclusively in the run's lease folder) and gives it back when it
 * ends, or when its process dies. Vitest's VITEST_POOL_ID cannot decide this: in this setup it
 * reads 1 in files that run at the same time, so two files wrote into one database.
 */
import { readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isAlive } from '../../neo4j/pid.ts';

interface Holder {
  pid: number;
  file: string;
  since: string;
}

function holderOf(path: string): Holder | undefined {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as Holder;
  } catch {
    // Gone, or being written by the process taking it right now: look again later.
    return undefined;
  }
}

/** Takes the lease at `path` for `me`, taking over one left by a dead process; false when held. */
function tryTake(path: string, me: Holder, log: (line: string) => void): boolean {
  try {
    writeFileSync(path, JSON.stringify(me), { flag: 'wx' });
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  const holder = holderOf(path);
  if (!holder || isAlive(holder.pid)) return false;
  log(`test databases: taking over the lease of pid ${holder.pid} (${holder.file}), which has ended`);
  try { unlinkSync(path); } catch { /* another file took it over first */ }
  return tryTake(path, me, log);
}

/**
 * Leases one of `count` databases to this process (`file` names it in messages), waiting up to
 * `waitMs` while all are held. Returns its index and the release; process exit releases too.
 */
export async function leaseDatabase(folder: string, count: number, file: string, log: (line: string) => void, waitMs = 10 * 60_000): Promise<{ index: number; release: () => void }> {
  const me: Holder = { pid: process.pid, file, since: new Date().toISOString() };
  const started = Date.now();
  let reported = false;
  for (;;) {
    for (let index = 0; index < count; index += 1) {
      const path = join(folder, `database-${index + 1}.json`);
      if (!tryTake(path, me, log)) continue;
      const release = () => {
        if (holderOf(path)?.pid === process.pid) {
          try { unlinkSync(path); } catch { /* already gone */ }
        }
      };
      process.once('exit', release);
      return { index, release };
    }
    const holders = Array.from({ length: count }, (_, i) => holderOf(join(folder, `database-${i + 1}.json`)));
    const who = holders.map((h, i) => `${i + 1}: pid ${h?.pid} (${h?.file})`).join('; ');
    if (!reported) {
      log(`test databases: all ${count} in use (${who}); ${file} waits`);
      reported = true;
    }
    if (Date.now() - started > waitMs) throw new Error(`test databases: none came free in ${waitMs / 1000} s (${who}); more files ran at once than databases were started`);
    await new Promise((resolveWait) => setTimeout(resolveWait, 200));
  }
}
