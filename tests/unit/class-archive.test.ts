/** When the Neo4j JVM records its class archive, when it uses it, and when it records it again. */
import { existsSync, mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { classArchive } from '../../neo4j/class-archive.ts';

let dir: string;
const archive = () => join(dir, 'neo4j-classes.jsa');
/** The file a recording JVM would write, from its flags. */
const recordingOf = (flags: string[]) => flags.find((f) => f.startsWith('-XX:ArchiveClassesAtExit='))?.split('=')[1];

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'aidgraph-cds-'));
  writeFileSync(join(dir, 'launcher.jar'), 'jar');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('the class archive of the Neo4j JVM', () => {
  it('is recorded by a JVM started without one, and kept once that JVM has exited', () => {
    const first = classArchive(dir, true);
    const recording = recordingOf(first.flags);
    expect(recording).toBeDefined();
    expect(first.flags.some((f) => f.startsWith('-XX:SharedArchiveFile='))).toBe(false);
    writeFileSync(recording!, 'classes');
    first.afterExit();
    expect(existsSync(archive())).toBe(true);
    expect(existsSync(recording!)).toBe(false);
    expect(classArchive(dir, true).flags).toContain(`-XX:SharedArchiveFile=${archive()}`);
  });

  it('keeps nothing when the JVM wrote nothing (it was killed)', () => {
    classArchive(dir, true).afterExit();
    expect(existsSync(archive())).toBe(false);
  });

  it('gives two JVMs of one process different recordings', () => {
    expect(recordingOf(classArchive(dir, true).flags)).not.toEqual(recordingOf(classArchive(dir, true).flags));
  });

  it('is recorded again after a new build of the launcher', () => {
    writeFileSync(archive(), 'classes');
    const old = new Date(Date.now() - 60_000);
    utimesSync(archive(), old, old);
    expect(recordingOf(classArchive(dir, true).flags)).toBeDefined();
  });

  it('is neither used nor recorded by a detached JVM when missing or stale', () => {
    expect(classArchive(dir, false).flags).toEqual([]);
  });

  it('clears recordings left by processes that are gone, not those of live ones', () => {
    const gone = join(dir, 'neo4j-classes.jsa.999999999.1.recording');
    const live = join(dir, `neo4j-classes.jsa.${process.ppid}.1.recording`);
    writeFileSync(gone, 'x');
    writeFileSync(live, 'x');
    classArchive(dir, true);
    expect(readdirSync(dir)).not.toContain('neo4j-classes.jsa.999999999.1.recording');
    expect(existsSync(live)).toBe(true);
  });
});
