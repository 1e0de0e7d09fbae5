/**
 * The loading ceiling: the same rows as the import command, sent by a minimal UNWIND/MERGE loop
 * through the bare neo4j-driver into the same storage model (docs/data-format.md, "In
 * Neo4j": labels, properties, relationships, constraints). No validation, no change log, no staging: parse, map, send.
 *
 * Parsing is timed apart from sending, so the report can show the database ceiling (send only)
 * and the end-to-end figure (parse + send).
 *
 * CLI (used as a child process so its peak RSS is its own):
 *   `npx tsx bench/baselines/bare-load.ts DIR` with NEO4J_URI/USERNAME/PASSWORD/DATABASE set;
 *   prints one JSON line `{"bareLoad": {...}}`.
 */
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import neo4j, { type Driver } from 'neo4j-driver';
import { parse as parseCsv } from 'csv-parse/sync';
import { parse as parseYaml } from 'yaml';
import { SCHEMA_STATEMENTS } from '../../store/schema.ts';
import { ticker } from '../lib/ticker.ts';
import { ACTOR_KINDS, type ActorKind } from '../../domain/kinds.ts';
import { isRelationshipType, type RelationshipType } from '../../domain/relationship-types.ts';

type Props = Record<string, unknown>;

/** Timings and counts of one bare load. */
export interface BareLoadResult {
  rows: number;
  parseMs: number;
  sendMs: number;
  totalMs: number;
  rowsPerSecSend: number;
  rowsPerSecTotal: number;
  batchSize: number;
  perKind: Record<string, { rows: number; ms: number }>;
  maxRssMb: number;
}

const BATCH = 10_000;

/**
 * The schema: the loader's own statements (constraints, full-text and range indexes, relationship
 * key indexes), so both loads maintain the same indexes while writing.
 */
export const BARE_SCHEMA: readonly string[] = SCHEMA_STATEMENTS;

// Labels and types are spliced only from these constant maps, keyed by allow-listed values.
const ACTOR_MERGE: Record<ActorKind, string> = Object.fromEntries(
  ACTOR_KINDS.map((k) => [k, `UNWIND $rows AS r MERGE (n:Entity {id: r.id}) SET n:Actor:${k}, n += r.props`]),
) as Record<ActorKind, string>;

const relationshipMerge = (type: RelationshipType): string =>
  `UNWIND $rows AS r MATCH (a:Entity {id: r.from}) MATCH (b:Entity {id: r.to}) ` +
  `MERGE (a)-[x:${type} {key: r.key}]->(b) SET x += r.props`;

const FUNDING_MERGE =
  'UNWIND $rows AS r MATCH (d:Entity {id: r.props.donorId}) MATCH (t:Entity {id: r.props.recipientId}) ' +
  'MERGE (f:Funding {id: r.id}) SET f += r.props MERGE (d)-[:PROVIDED]->(f) MERGE (f)-[:TO]->(t) ' +
  'WITH f, r WHERE r.props.authorityId IS NOT NULL MATCH (a:Entity {id: r.props.authorityId}) MERGE (f)-[:UNDER]->(a)';
const FUNDING_PART_OF =
  'UNWIND $rows AS r MATCH (f:Funding {id: r.id}) MATCH (w:Funding {id: r.partOf}) MERGE (f)-[:PART_OF]->(w)';

const int = (v: unknown) => (v === undefined || v === null || v === '' ? null : neo4j.int(Number(v)));
const str = (v: unknown) => (v === undefined || v === null || v === '' ? null : String(v));
const ints = (v: unknown): number[] =>
  Array.isArray(v) ? v.map(Number) : v === undefined || v === null || v === '' ? [] : String(v).split(';').map(Number);

interface Cite { source?: string; section?: string; paragraph?: unknown; footnotes?: unknown }

/** Citations as the storage model keeps them: JSON, plus the union of footnotes and sections. */
function citationProps(cites: Cite[], defaultSource: string): Props {
  const list = cites.map((c) => ({
    source: c.source ?? defaultSource,
    section: c.section ?? null,
    paragraphs: ints(c.paragraph),
    footnotes: ints(c.footnotes),
  }));
  return {
    citations: JSON.stringify(list),
    footnotes: [...new Set(list.flatMap((c) => c.footnotes))].sort((a, b) => a - b).map((n) => neo4j.int(n)),
    sections: [...new Set(list.map((c) => c.section).filter((s): s is string => s !== null))],
  };
}

const csvCite = (r: Record<string, string>): Cite[] =>
  r.section || r.source ? [{ source: r.source || undefined, section: r.section || undefined, paragraph: r.paragraph, footnotes: r.footnotes }] : [];

/** Parsed, mapped rows ready to send, grouped by statement. */
interface Prepared {
  sources: Props[];
  actors: Map<ActorKind, Props[]>;
  authorities: Props[];
  events: Props[];
  relationships: Map<RelationshipType, { from: string; to: string; key: string; props: Props }[]>;
  funding: Props[];
  partOf: { id: string; partOf: string }[];
  rows: number;
}

function readYamlList(file: string): Record<string, unknown>[] {
  try {
    return (parseYaml(readFileSync(file, 'utf8')) as Record<string, unknown>[] | null) ?? [];
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw err;
  }
}

function readCsv(file: string): Record<string, string>[] {
  try {
    return parseCsv(readFileSync(file, 'utf8'), { columns: true, skip_empty_lines: true }) as Record<string, string>[];
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw err;
  }
}

/** Reads a data set folder (the six standard files) and maps it to the storage model. */
export function prepareDataset(dir: string): Prepared {
  const names = new Set(readdirSync(dir));
  const file = (n: string) => path.join(dir, n);
  const sources = names.has('sources.yaml') ? readYamlList(file('sources.yaml')) : [];
  const defaultSource = String(sources.find((s) => s.default === true)?.id ?? '');
  const entity = (r: Record<string, unknown>): Props => {
    const aliases = ((r.aliases as string[] | undefined) ?? []).map(String);
    return {
      id: String(r.id),
      name: String(r.name),
      aliases,
      aliasText: aliases.join(' | '),
      description: str(r.description),
      note: str(r.note),
      ...citationProps((r.cite as Cite[] | undefined) ?? [], defaultSource),
    };
  };

  const p: Prepared = {
    sources: sources.map((s) => ({
      id: String(s.id),
      kind: String(s.kind),
      title: str(s.title),
      author: str(s.author),
      publisher: str(s.publisher),
      date: str(s.date),
      url: str(s.url),
      partOf: str(s.partOf ?? s.part_of),
      essay: int(s.essay),
      heading: str(s.heading),
      paragraphs: int(s.paragraphs),
      footnotes: ints(s.footnotes).map((n) => neo4j.int(n)),
      footnoteCount: int(s.footnoteCount),
      isDefault: s.default === true,
    })),
    actors: new Map(),
    authorities: [],
    events: [],
    relationships: new Map(),
    funding: [],
    partOf: [],
    rows: sources.length,
  };

  for (const a of readYamlList(file('actors.yaml'))) {
    const kind = String(a.kind) as ActorKind;
    if (!ACTOR_MERGE[kind]) throw new Error(`actors.yaml: unknown kind ${kind}`);
    const list = p.actors.get(kind) ?? [];
    list.push({ ...entity(a), kind, country: str(a.country) });
    p.actors.set(kind, list);
    p.rows++;
  }
  for (const a of readYamlList(file('authorities.yaml'))) {
    p.authorities.push({ ...entity(a), kind: String(a.kind), citation: str(a.citation), title: int(a.title), enacted: int(a.enacted) });
    p.rows++;
  }
  for (const e of readYamlList(file('events.yaml'))) {
    p.events.push({ ...entity(e), kind: 'Event', year: int(e.year), yearEnd: int(e.yearEnd) });
    p.rows++;
  }
  for (const r of readCsv(file('relationships.csv'))) {
    if (!isRelationshipType(r.type)) throw new Error(`relationships.csv: type ${r.type} is not allowed`);
    const key = r.id || `${r.type}:${r.from}:${r.to}:${r.start ?? ''}`;
    const list = p.relationships.get(r.type) ?? [];
    list.push({
      from: r.from,
      to: r.to,
      key,
      props: withHash({ key, start: int(r.start), end: int(r.end), note: str(r.note), ...citationProps(csvCite(r), defaultSource) }),
    });
    p.relationships.set(r.type, list);
    p.rows++;
  }
  for (const f of readCsv(file('funding.csv'))) {
    p.funding.push({
      id: f.id,
      amountUsd: Number(f.amount_usd),
      fyStart: int(f.fy_start),
      fyEnd: int(f.fy_end),
      precision: f.precision || 'EXACT',
      basis: f.basis || 'TOTAL',
      partOf: str(f.part_of),
      purpose: str(f.purpose),
      note: str(f.note),
      donorId: f.donor,
      recipientId: f.recipient,
      authorityId: str(f.authority),
      ...citationProps(csvCite(f), defaultSource),
    });
    if (f.part_of) p.partOf.push({ id: f.id, partOf: f.part_of });
    p.rows++;
  }
  return p;
}

/** `{id, props}`: MERGE reads `r.id` while SET writes `r.props`, so the planner needs no Eager. */
const wrap = (props: Props) => ({ id: props.id, props: withHash(props) });

/** A content digest like the loader's `hash` property, so both graphs store the same bytes. */
const withHash = (props: Props): Props => ({ ...props, hash: createHash('sha1').update(JSON.stringify(props)).digest('base64url') });

/** Sends the prepared rows in UNWIND batches, one auto-committed transaction per batch. */
export async function sendPrepared(driver: Driver, p: Prepared, database = 'neo4j', batchSize = BATCH): Promise<Record<string, { rows: number; ms: number }>> {
  const perKind: Record<string, { rows: number; ms: number }> = {};
  const tick = ticker('bare loop');
  let sent = 0;
  const started = performance.now();
  const send = async (label: string, cypher: string, rows: unknown[], counted = true) => {
    const t0 = performance.now();
    for (let i = 0; i < rows.length; i += batchSize) {
      await driver.executeQuery(cypher, { rows: rows.slice(i, i + batchSize) }, { database });
      sent += Math.min(batchSize, rows.length - i);
      tick(() => `${sent.toLocaleString('en-US')} rows sent (${label}), ${Math.round(sent / ((performance.now() - started) / 1000)).toLocaleString('en-US')} rows/s`);
    }
    const entry = (perKind[label] ??= { rows: 0, ms: 0 });
    if (counted) entry.rows += rows.length;
    entry.ms += performance.now() - t0;
  };
  for (const statement of BARE_SCHEMA) await driver.executeQuery(statement, {}, { database });
  await driver.executeQuery('CALL db.awaitIndexes(300)', {}, { database });
  await send('sources', 'UNWIND $rows AS r MERGE (s:Source {id: r.id}) SET s += r.props', p.sources.map(wrap));
  for (const [kind, rows] of p.actors) await send('actors', ACTOR_MERGE[kind], rows.map(wrap));
  await send('authorities', 'UNWIND $rows AS r MERGE (n:Entity {id: r.id}) SET n:Authority, n += r.props', p.authorities.map(wrap));
  await send('events', 'UNWIND $rows AS r MERGE (n:Entity {id: r.id}) SET n:Event, n += r.props', p.events.map(wrap));
  for (const [type, rows] of p.relationships) await send('relationships', relationshipMerge(type), rows);
  await send('funding', FUNDING_MERGE, p.funding.map(wrap));
  await send('funding', FUNDING_PART_OF, p.partOf, false);
  return perKind;
}

/** Parses and sends a data set folder; the database should be empty. */
export async function bareLoad(driver: Driver, dir: string, database = 'neo4j', batchSize = BATCH): Promise<BareLoadResult> {
  const t0 = performance.now();
  const prepared = prepareDataset(dir);
  const t1 = performance.now();
  const perKind = await sendPrepared(driver, prepared, database, batchSize);
  const t2 = performance.now();
  const rows = prepared.rows;
  return {
    rows,
    parseMs: t1 - t0,
    sendMs: t2 - t1,
    totalMs: t2 - t0,
    rowsPerSecSend: rows / ((t2 - t1) / 1000),
    rowsPerSecTotal: rows / ((t2 - t0) / 1000),
    batchSize,
    perKind,
    maxRssMb: process.resourceUsage().maxRSS / 1024,
  };
}

async function main(): Promise<void> {
  const dir = process.argv[2];
  if (!dir) throw new Error('usage: bare-load.ts DIR (NEO4J_URI, NEO4J_USERNAME, NEO4J_PASSWORD in the environment)');
  const driver = neo4j.driver(
    process.env.NEO4J_URI ?? 'bolt://127.0.0.1:7687',
    neo4j.auth.basic(process.env.NEO4J_USERNAME ?? 'neo4j', process.env.NEO4J_PASSWORD ?? 'aidgraph-dev'),
    { disableLosslessIntegers: true },
  );
  try {
    const batch = Number(process.env.BENCH_BATCH ?? BATCH);
    const result = await bareLoad(driver, dir, process.env.NEO4J_DATABASE ?? 'neo4j', batch);
    process.stdout.write(`${JSON.stringify({ bareLoad: result })}\n`);
  } finally {
    await driver.close();
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  main().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
