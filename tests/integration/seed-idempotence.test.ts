/**
 * Loading is idempotent: the seed loads into an empty database with every record created, a
 * second load reports every record unchanged and leaves the graph (nodes, relationships and all
 * their properties) exactly as it was; an edited record is updated, and only it.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphDigest, type GraphDigest } from '../../seed/loader/checksum.ts';
import { loadDataset } from '../../seed/loader/load.ts';
import { validateFolder } from '../../seed/read/read-dataset.ts';
import { RECORD_KINDS } from '../../domain/kinds.ts';
import { type Dataset } from '../../domain/records.ts';
import { EXAMPLE_DIR, SEED_DIR, connectTestDatabase, removeScratch, replaceIn, restoreSeed, scratchCopy, writeFile } from './seed-support.ts';

let driver: Driver;
let database: string;
let seed: Dataset;

async function read<T = Record<string, unknown>>(cypher: string, params: Record<string, unknown> = {}): Promise<T[]> {
  const result = await driver.executeQuery(cypher, params, { database });
  return result.records.map((r) => r.toObject() as T);
}

beforeAll(async () => {
  ({ driver, database } = connectTestDatabase());
  const validated = validateFolder(SEED_DIR);
  expect(validated.problems).toEqual([]);
  seed = validated.dataset;
});
afterAll(async () => {
  removeScratch();
  if (driver) {
    await restoreSeed(driver, database); // the files after this one expect the seed, as loaded by the setup
    await driver.close();
  }
});

describe('the seed, loaded twice', () => {
  let first: GraphDigest;

  it('loads into an empty database with every record created, each as the storage model says', async () => {
    const summary = await loadDataset(driver, SEED_DIR, { database, reset: true });
    for (const kind of RECORD_KINDS) {
      expect(summary.counts[kind], kind).toEqual({ created: seed[kind].length, updated: 0, unchanged: 0 });
    }
    expect(summary.deleted?.nodes).toBeGreaterThan(0);
    const [counts] = await read<Record<string, number>>(
      `CALL () { MATCH (n:Entity) RETURN count(n) AS entities }
       CALL () { MATCH (n:Source) RETURN count(n) AS sources }
       CALL () { MATCH (n:Funding) RETURN count(n) AS funding }
       CALL () { MATCH (:Entity)-[r]->(:Entity) RETURN count(r) AS typed }
       CALL () { MATCH (:Actor)-[r:PROVIDED]->(:Funding)-[t:TO]->(:Actor) RETURN count(r) AS provided }
       CALL () { MATCH (:Funding)-[r:UNDER]->(:Authority) RETURN count(r) AS under }
       CALL () { MATCH (:Funding)-[r:PART_OF]->(:Funding) RETURN count(r) AS partOf }
       RETURN entities, sources, funding, typed, provided, under, partOf`,
    );
    expect(counts).toEqual({
      entities: seed.actors.length + seed.authorities.length + seed.events.length,
      sources: seed.sources.length,
      funding: seed.funding.length,
      typed: seed.relationships.length,
      provided: seed.funding.length,
      under: seed.funding.filter((f) => f.authority !== null).length,
      partOf: seed.funding.filter((f) => f.partOf !== null).length,
    });
    first = await graphDigest(driver, database);
  });

  it('stores each record with its labels and properties', async () => {
    const actor = seed.actors.find((a) => a.aliases.length > 0 && a.cite.some((c) => c.footnotes.length > 0))!;
    const [node] = await read<{ labels: string[]; props: Record<string, unknown> }>('MATCH (n:Entity {id: $id}) RETURN labels(n) AS labels, properties(n) AS props', { id: actor.id });
    expect(node.labels.sort()).toEqual(['Actor', 'Entity', actor.kind].sort());
    expect(node.props).toMatchObject({
      id: actor.id,
      name: actor.name,
      kind: actor.kind,
      aliases: actor.aliases,
      aliasText: actor.aliases.join(' | '),
      footnotes: [...new Set(actor.cite.flatMap((c) => c.footnotes))].sort((a, b) => a - b),
    });
    expect(JSON.parse(node.props.citations as string)).toEqual(actor.cite);
    const flow = seed.funding.find((f) => f.authority !== null && f.partOf !== null)!;
    const [stored] = await read(
      `MATCH (d:Actor)-[:PROVIDED]->(f:Funding {id: $id})-[:TO]->(r:Actor), (f)-[:UNDER]->(a:Authority), (f)-[:PART_OF]->(w:Funding)
       RETURN d.id AS donor, r.id AS recipient, a.id AS authority, w.id AS wider, f.amountUsd AS amount, f.fyStart AS fyStart, f.fyEnd AS fyEnd, f.precision AS precision, f.basis AS basis`,
      { id: flow.id },
    );
    expect(stored).toEqual({
      donor: flow.donor,
      recipient: flow.recipient,
      authority: flow.authority,
      wider: flow.partOf,
      amount: flow.amountUsd,
      fyStart: flow.fyStart,
      fyEnd: flow.fyEnd,
      precision: flow.precision,
      basis: flow.basis,
    });
  });

  it('a second load reports every record unchanged and changes nothing', async () => {
    const summary = await loadDataset(driver, SEED_DIR, { database });
    for (const kind of RECORD_KINDS) {
      expect(summary.counts[kind], kind).toEqual({ created: 0, updated: 0, unchanged: seed[kind].length });
    }
    expect(await graphDigest(driver, database)).toEqual(first);
  });

  it('a dry run compares with the database and writes nothing', async () => {
    const summary = await loadDataset(driver, SEED_DIR, { database, dryRun: true });
    expect(summary.dryRun).toBe(true);
    expect(summary.total).toEqual({ created: 0, updated: 0, unchanged: seed.sources.length + seed.actors.length + seed.authorities.length + seed.events.length + seed.relationships.length + seed.funding.length });
    expect(await graphDigest(driver, database)).toEqual(first);
  });
});

describe('an edited data set', () => {
  it('updates exactly the edited records, and loading the original again restores the graph', async () => {
    const created = await loadDataset(driver, EXAMPLE_DIR, { database, batchSize: 2 });
    expect(created.total).toEqual({ created: 23, updated: 0, unchanged: 0 });
    const original = await graphDigest(driver, database);

    const edited = scratchCopy(
      EXAMPLE_DIR,
      replaceIn('actors.yaml', 'Invented coastal state', 'Invented coastal republic'),
      replaceIn('actors.yaml', 'kind: ArmedGroup', 'kind: Company'),
      replaceIn('relationships.csv', 'TRAINED,borealia,arden_coast_guard,2011,2016', 'TRAINED,borealia,arden_coast_guard,2011,2017'),
      replaceIn('funding.csv', ',10000000,', ',12000000,'),
      replaceIn('funding.csv', 'TOTAL,ctp_arden_2011_2016,', 'TOTAL,,'),
    );
    const summary = await loadDataset(driver, edited, { database, batchSize: 2 });
    expect(summary.counts).toEqual({
      sources: { created: 0, updated: 0, unchanged: 5 },
      actors: { created: 0, updated: 2, unchanged: 3 },
      authorities: { created: 0, updated: 0, unchanged: 3 },
      events: { created: 0, updated: 0, unchanged: 1 },
      relationships: { created: 0, updated: 1, unchanged: 5 },
      funding: { created: 0, updated: 2, unchanged: 1 },
    });
    const [state] = await read(
      `MATCH (t:Entity {id: 'tide_front'}), (a:Entity {id: 'arden'}), (:Entity {id: 'borealia'})-[tr:TRAINED]->(:Entity {id: 'arden_coast_guard'})
       MATCH (m:Funding {id: 'msf_arden_2017'}), (c:Funding {id: 'ctp_arden_2014'})
       RETURN labels(t) AS labels, t.kind AS kind, a.description AS description, tr.end AS end, m.amountUsd AS amount,
              c.partOf AS partOf, COUNT { (c)-[:PART_OF]->() } AS partOfEdges, COUNT { ()-[:PROVIDED]->(m) } AS provided,
              COUNT { (:Entity {id: 'borealia'})-[:TRAINED]->(:Entity {id: 'arden_coast_guard'}) } AS trained`,
    );
    expect(state).toMatchObject({ kind: 'Company', description: 'Invented coastal republic that receives training and money.', end: 2017, amount: 12_000_000, partOf: null, partOfEdges: 0, provided: 1, trained: 1 });
    expect((state.labels as string[]).sort()).toEqual(['Actor', 'Company', 'Entity']);

    const back = await loadDataset(driver, EXAMPLE_DIR, { database });
    expect(back.total).toEqual({ created: 0, updated: 5, unchanged: 18 });
    expect(await graphDigest(driver, database)).toEqual(original);
  });

  it('a folder may refer to records already in the database', async () => {
    const dir = scratchCopy(
      EXAMPLE_DIR,
      writeFile('events.yaml', ''),
      writeFile('relationships.csv', 'type,from,to,start,end,note,source,section,paragraph,footnotes\nDEPENDS_ON,arden,borealia,2012,,,,ex_background,1,\n'),
      writeFile('funding.csv', 'id,donor,recipient,amount_usd,fy_start,section\nextra_flow,borealia,arden,5000,2013,ex_money\n'),
    );
    // No actors.yaml or authorities.yaml: the actors it refers to are in the database already.
    rmSync(join(dir, 'actors.yaml'));
    rmSync(join(dir, 'authorities.yaml'));
    const summary = await loadDataset(driver, dir, { database });
    expect(summary.counts.relationships.created).toBe(1);
    expect(summary.counts.funding.created).toBe(1);
    const [row] = await read("MATCH (:Actor {id: 'borealia'})-[:PROVIDED]->(:Funding {id: 'extra_flow'})-[:TO]->(a:Actor {id: 'arden'}) RETURN a.name AS name");
    expect(row).toEqual({ name: 'Republic of Arden' });
  });
});
