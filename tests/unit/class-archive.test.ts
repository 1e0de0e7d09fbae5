/** When the Neo4j JVM's class archive is recorded, when it is used, and when it is recorded again. */
import { existsSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { archiveFlags, ensureClassArchive } from '../../neo4j/class-archive.ts';

let dir: string;
let trainings: string[][];
const archive = () => join(dir, 'neo4j-classes.jsa');
const lock = () => `${archive()}.lock`;
const quiet = () => {};

/** A training run that writes the file its flags name, as a JVM does when it exits. */
const writes = (clean = true) => async (flags: string[]) => {
  trainings.push(flags);
  const file = flags.find((f) => f.startsWith('-XX:ArchiveClassesAtExit='))!.split('=')[1];
  writeFileSync(file, 'classes');
  return clean;
};

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'aidgraph-cds-'));
  writeFileSync(join(dir, 'launcher.jar'), 'jar');
  trainings = [];
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('the class archive of the Neo4j JVM', () => {
  it('is recorded once by a training run, then mapped by every start', async () => {
    expect(archiveFlags(dir)).toEqual([]);
    await ensureClassArchive(dir, writes(), quiet);
    await ensureClassArchive(dir, writes(), quiet);
    expect(trainings).toHaveLength(1);
    expect(archiveFlags(dir)).toContain(`-XX:SharedArchiveFile=${archive()}`);
    expect(existsSync(lock())).toBe(false);
  });

  it('is recorded once for starts that ask at the same time', async () => {
    await Promise.all([ensureClassArchive(dir, writes(), quiet), ensureClassArchive(dir, writes(), quiet)]);
    expect(trainings).toHaveLength(1);
  });

  it('is not kept from a training JVM that was killed, and a failure only logs', async () => {
    const lines: string[] = [];
    await ensureClassArchive(dir, writes(false), (line) => lines.push(line));
    expect(existsSync(archive())).toBe(false);
    await ensureClassArchive(dir, () => Promise.reject(new Error('no java')), (line) => lines.push(line));
    expect(lines.at(-1)).toMatch(/no class archive \(no java\)/);
    expect(archiveFlags(dir)).toEqual([]);
  });

  it('is recorded again after a new build of the launcher', async () => {
    writeFileSync(archive(), 'classes');
    const old = new Date(Date.now() - 60_000);
    utimesSync(archive(), old, old);
    expect(archiveFlags(dir)).toEqual([]);
    await ensureClassArchive(dir, writes(), quiet);
    expect(trainings).toHaveLength(1);
  });

  it('is left to a live process that is recording it; a dead one\'s lock is taken over', async () => {
    writeFileSync(lock(), String(process.ppid));
    await ensureClassArchive(dir, writes(), quiet);
    expect(trainings).toHaveLength(0);
    writeFileSync(lock(), '999999999');
    await ensureClassArchive(dir, writes(), quiet);
    expect(trainings).toHaveLength(1);
  });
});
