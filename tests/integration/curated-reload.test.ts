/**
 * Issue 14 (3): reloads keep curated edits. An editor changes an actor and deletes a relationship
 * through the API; `npm run seed` keeps both, naming file, row, record, editor and time; with
 * --overwrite-edits the files' version comes back and the change log says so; a later reload finds
 * nothing to report; --reset refuses on a graph with changes unless --backup DIR is exported first.
 * The last step resets and reloads the seed, so the database is left as the other files expect.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphChecksum } from '../../seed/loader/checksum.ts';
import { editorLine } from '../../server/auth/editors.ts';
import { createApi, dataOf, type Api } from './api-harness.ts';
import { connectTestDatabase, restoreSeed } from './seed-support.ts';
import { runScript } from '../helpers/run-script.ts';

const TOKEN = 'curated-reload-jane-token-0123456789';
const ACTOR = 'somalia';
const CURATED_NAME = 'Somalia (name curated through the API)';
const REL = { type: 'LEADS', from: 'maliki_son', to: 'iraqi_special_forces_maliki_son', start: 2011 };
const REL_KEY = 'LEADS:maliki_son:iraqi_special_forces_maliki_son:2011';

let driver: Driver;
let database: string;
let env: Record<string, string>;
let api: Api;
const scratch = mkdtempSync(join(tmpdir(), 'aidgraph-curated-reload-'));

const cli = (args: string[]) => runScript('seed/cli.ts', args, env);

const AUTH = { authorization: `Bearer ${TOKEN}`, 'x-aidgraph-actor': 'not jane' };

async function actorName(): Promise<string> {
  return dataOf(await api.gql(`{ actor(id: "${ACTOR}") { name } }`)).actor.name;
}
async function relationshipCount(): Promise<number> {
  const session = driver.session({ database });
  try {
    const res = await session.run('MATCH ()-[r:LEADS {key: $key}]->() RETURN count(r) AS n', { key: REL_KEY });
    return Number(res.records[0]!.get('n'));
  } finally {
    await session.close();
  }
}
async function changeLog(): Promise<{ who: string; operation: string; targetId: string; at: string; before: string | null }[]> {
  return dataOf(await api.gql(`{ changes(first: 500) { who operation targetId at before } }`)).changes;
}

beforeAll(async () => {
  ({ driver, database, env } = connectTestDatabase());
  const editors = join(scratch, 'editors');
  writeFileSync(editors, `${editorLine('jane', TOKEN)}\n`);
  api = createApi({ AIDGRAPH_ADMIN_TOKEN: undefined, AIDGRAPH_EDITORS: editors });
});
afterAll(async () => {
  try {
    // Whatever happened above, leave the seed as the other test files expect it.
    await restoreSeed(driver, database);
  } finally {
    await api?.close();
    await driver?.close();
    rmSync(scratch, { recursive: true, force: true });
  }
});

describe('a reload without curation', () => {
  it('brings back a relationship deleted outside the API (no change log entry, so nothing to keep)', async () => {
    // A relationship without a start year has a key ending in ':'.
    const key = 'FAMILY_OF:maliki_son:nouri_al_maliki:';
    const session = driver.session({ database });
    try {
      const gone = await session.run('MATCH ()-[r:FAMILY_OF {key: $key}]->() DELETE r RETURN count(*) AS n', { key });
      expect(Number(gone.records[0]!.get('n'))).toBe(1);
      const run = await cli(['seed']);
      expect(run.code, run.stderr).toBe(0);
      expect(run.stdout).toMatch(/relationships\s+1\s+0\s+\d+/);
      const found = await session.run('MATCH (:Entity {id: $from})-[r:FAMILY_OF {key: $key}]->(:Entity {id: $to}) RETURN count(r) AS n', { key, from: 'maliki_son', to: 'nouri_al_maliki' });
      expect(Number(found.records[0]!.get('n'))).toBe(1);
    } finally {
      await session.close();
    }
  });
});

describe('a reload after curation', () => {
  let editedAt: string;
  let deletedAt: string;

  it('the edits go through the API under the editor\'s name', async () => {
    const upsert = await api.gql(
      `mutation($input: ActorInput!) { upsertActor(input: $input) { ok change { who at } } }`,
      { input: { id: ACTOR, kind: 'State', name: CURATED_NAME, description: 'Edited by an analyst.', cite: [{ section: 's1_looking_back', paragraph: [3] }] } },
      AUTH,
    );
    expect(upsert.body.errors).toBeUndefined();
    expect(upsert.body.data!.upsertActor.change.who).toBe('jane');
    editedAt = upsert.body.data!.upsertActor.change.at;
    const del = await api.gql(
      `mutation($type: RelationshipType!, $from: ID!, $to: ID!, $start: Int) { deleteRelationship(type: $type, from: $from, to: $to, start: $start) { ok change { who at targetId } } }`,
      REL,
      AUTH,
    );
    expect(del.body.errors).toBeUndefined();
    expect(del.body.data!.deleteRelationship.change).toMatchObject({ who: 'jane', targetId: REL_KEY });
    deletedAt = del.body.data!.deleteRelationship.change.at;
    expect(await actorName()).toBe(CURATED_NAME);
    expect(await relationshipCount()).toBe(0);
  });

  it('a dry run lists the conflicts it would keep and writes nothing', async () => {
    const before = await graphChecksum(driver, database);
    const run = await cli(['seed', '--dry-run']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('would keep 2 records changed through the curation API');
    expect(await graphChecksum(driver, database)).toBe(before);
  });

  it('npm run seed keeps the curated versions and reports each conflict: file, row, record, who, when', async () => {
    const run = await cli(['seed']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('kept 2 records changed through the curation API');
    const lines = run.stdout.split('\n');
    const actorLine = lines.find((l) => l.includes(`actor '${ACTOR}'`));
    expect(actorLine).toMatch(/actors\.yaml:\d+: actor 'somalia' changed by jane at /);
    expect(actorLine).toContain(editedAt);
    expect(actorLine).toContain('upsertActor');
    const relLine = lines.find((l) => l.includes(REL_KEY));
    expect(relLine).toMatch(/relationships\.csv.*\d+: relationship 'LEADS:maliki_son:iraqi_special_forces_maliki_son:2011' deleted by jane at /);
    expect(relLine).toContain(deletedAt);
    expect(relLine).toContain('would create it');
    expect(await actorName()).toBe(CURATED_NAME);
    expect(await relationshipCount()).toBe(0);

    // Still kept on the next reload: nothing was marked as settled.
    const again = await cli(['seed']);
    expect(again.stdout).toContain('kept 2 records');
    expect(await actorName()).toBe(CURATED_NAME);
  });

  it('--overwrite-edits loads the files\' version and records what it replaced', async () => {
    const run = await cli(['seed', '--overwrite-edits']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('replaced 2 records changed through the curation API');
    expect(await actorName()).toBe('Somalia');
    expect(await relationshipCount()).toBe(1);
    const log = await changeLog();
    const overwrite = log.find((c) => c.operation === 'reloadOverwrite' && c.targetId === ACTOR);
    expect(overwrite?.who).toBe('loader (--overwrite-edits)');
    expect(JSON.parse(overwrite!.before!).name).toBe(CURATED_NAME);
    expect(log.some((c) => c.operation === 'reloadOverwrite' && c.targetId === REL_KEY)).toBe(true);

    // The files own both records again: a reload has nothing to report or change.
    const next = await cli(['seed']);
    expect(next.code).toBe(0);
    expect(next.stdout).not.toContain('curation API');
    expect(next.stdout).toMatch(/total\s+0\s+0\s+\d+/);
  });

  it('--reset refuses while the graph holds changes, and changes nothing', async () => {
    const before = await graphChecksum(driver, database);
    const run = await cli(['seed', '--reset']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('refusing --reset');
    expect(run.stderr).toContain('--reset --backup DIR');
    expect(run.stderr).toContain('by jane at');
    expect(await graphChecksum(driver, database)).toBe(before);
    expect((await changeLog()).length).toBeGreaterThan(0);
  });

  it('--reset --backup DIR exports the whole graph first (curated records and change log), then resets and loads', async () => {
    const dir = join(scratch, 'before-reset');
    const run = await cli(['seed', '--reset', '--backup', dir]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/backup: \d+ records and \d+ changes exported to .*before-reset/);
    const changes = readFileSync(join(dir, 'changes.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(changes.some((c) => c.who === 'jane' && c.operation === 'upsertActor' && c.targetId === ACTOR)).toBe(true);
    expect(changes.some((c) => c.operation === 'reloadOverwrite' && c.targetId === REL_KEY)).toBe(true);
    expect(readdirSync(dir)).toEqual(expect.arrayContaining(['actors.yaml', 'relationships.csv']));
    expect(run.stdout).toMatch(/reset: deleted \d+ nodes/);
    expect(await changeLog()).toEqual([]);

    // A folder that is not empty is never written into, and then nothing is reset.
    const curated = await api.gql(
      `mutation($input: ActorInput!) { upsertActor(input: $input) { ok } }`,
      { input: { id: ACTOR, kind: 'State', name: CURATED_NAME, cite: [{ section: 's1_looking_back', paragraph: [3] }] } },
      AUTH,
    );
    expect(curated.body.errors).toBeUndefined();
    const before = await graphChecksum(driver, database);
    const twice = await cli(['seed', '--reset', '--backup', dir]);
    expect(twice.code).toBe(2);
    expect(twice.stderr).toContain('--backup failed');
    expect(twice.stderr).toContain('Nothing was reset');
    expect(await graphChecksum(driver, database)).toBe(before);
  });
});
