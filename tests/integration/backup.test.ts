/**
 * Issue 14 (2, 6): `npm run db:backup -- FILE` and `npm run db:restore -- FILE` on the embedded
 * database, through Neo4j's own dump and load, with NEO4J_URI unset. The database runs in the
 * background (`db:start`), as an analyst would keep it: backup and restore stop it, work on the
 * stopped files and start it again. Backup, change, restore: the checksum from before the change.
 * With NEO4J_URI set, the backup is an export, and the command says so.
 */
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import neo4j from 'neo4j-driver';
import { afterAll, describe, expect, it } from 'vitest';
import { runningEmbedded, stopPid } from '../../neo4j/embedded.ts';
import { graphDigest, type GraphDigest } from '../../seed/loader/checksum.ts';
import { EXAMPLE_DIR } from './seed-support.ts';
import { runScript } from '../helpers/run-script.ts';

const root = mkdtempSync(join(tmpdir(), 'aidgraph-backup-test-'));
const dataDir = join(root, 'neo4j');
const dumpFile = join(root, 'backups', 'graph.dump');

/** No NEO4J_URI: the commands find the embedded database by its data directory. */
const local = { NEO4J_URI: undefined, NEO4J_USERNAME: undefined, NEO4J_DATA_DIR: dataDir, NEO4J_BOLT_PORT: '0' };
const db = (args: string[]) => runScript('neo4j/cli.ts', args, local);
const loader = (args: string[]) => runScript('seed/cli.ts', args, local);

/** Digest of the background database, through the address in its launcher.json. */
async function digest(): Promise<GraphDigest> {
  const state = runningEmbedded(dataDir);
  if (!state) throw new Error('the background Neo4j is not running');
  const driver = neo4j.driver(state.uri, neo4j.auth.basic('neo4j', process.env.NEO4J_PASSWORD || 'aidgraph-dev'));
  try {
    return await graphDigest(driver, 'neo4j');
  } finally {
    await driver.close();
  }
}

afterAll(async () => {
  const state = runningEmbedded(dataDir);
  if (state) await stopPid(state.pid);
  rmSync(root, { recursive: true, force: true });
});

// Each step starts or stops a JVM (tens of seconds on a loaded 2-core machine): minutes, not the default minute.
describe('backup and restore of the embedded database', { timeout: 900_000 }, () => {
  let before: GraphDigest;

  it('seeds the background database with NEO4J_URI unset', async () => {
    const started = await db(['start']);
    expect(started.code, started.stderr).toBe(0);
    const seeded = await loader(['seed']);
    expect(seeded.code, seeded.stderr).toBe(0);
    expect(seeded.stderr).toContain('using the embedded Neo4j already running');
    before = await digest();
    expect(before.nodes).toBeGreaterThan(400);
  });

  it('backs up: Neo4j stopped, dumped and started again', async () => {
    const pid = runningEmbedded(dataDir)!.pid;
    const backup = await db(['backup', dumpFile]);
    expect(backup.code, backup.stderr + backup.stdout).toBe(0);
    expect(backup.stderr).toContain('stopping the background Neo4j');
    expect(backup.stdout).toContain(`backup written: ${dumpFile}`);
    expect(statSync(dumpFile).size).toBeGreaterThan(0);
    const after = runningEmbedded(dataDir);
    expect(after?.pid).toBeDefined();
    expect(after?.pid).not.toBe(pid);
    expect(await digest()).toEqual(before);
  });

  it('restores the graph of the backup after a change', async () => {
    const changed = await loader(['import', EXAMPLE_DIR]);
    expect(changed.code, changed.stderr).toBe(0);
    expect((await digest()).checksum).not.toBe(before.checksum);

    const restore = await db(['restore', dumpFile]);
    expect(restore.code, restore.stderr + restore.stdout).toBe(0);
    expect(await digest()).toEqual(before);
    // The replaced database was kept.
    expect(readdirSync(join(dataDir, 'backups')).some((name) => name.startsWith('before-restore-') && name.endsWith('.dump'))).toBe(true);
  });

  it('refuses a restore from a missing file, changing nothing', async () => {
    const missing = await db(['restore', join(root, 'no-such.dump')]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('no dump file at');
    expect(await digest()).toEqual(before);
  });

  it('with NEO4J_URI set, backs up by export and says so', async () => {
    // The worker's database, read only.
    const target = join(root, 'remote-backup');
    const remote = await runScript('neo4j/cli.ts', ['backup', target], { NEO4J_DATA_DIR: dataDir });
    expect(remote.code, remote.stderr).toBe(0);
    expect(remote.stdout).toContain('a remote database cannot be dumped from here, so the backup is an export');
    expect(existsSync(join(target, 'sources.yaml'))).toBe(true);
  });
});
