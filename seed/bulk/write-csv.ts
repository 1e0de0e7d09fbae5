/**
 * The validated rows as the CSV files Neo4j's offline importer (`neo4j-admin database import
 * full`) reads: one file per node group and per relationship shape, the header on the first
 * line (`id:ID(Group)`, `:LABEL`, `:START_ID(Group)`, `:END_ID(Group)`, `:TYPE`, typed
 * properties). The properties are store/rows.ts's, `hash` included, so the imported graph is the
 * one the transactional loader writes (the same graphChecksum), with one exception the importer
 * cannot express: an empty list is no value to it, so such properties are left out here and set
 * afterwards (`emptyLists`, applied by finish.ts).
 */
import { createWriteStream, type WriteStream } from 'node:fs';
import { join } from 'node:path';
import neo4j from 'neo4j-driver';
import type { Dataset } from '../../domain/records.ts';
import { actorRow, authorityRow, eventRow, fundingRow, relationshipRow, sourceRow, type Props } from '../../store/rows.ts';
import type { ChangeProps } from '../export/change-log.ts';

/** Separates list items and labels in a cell (the launcher passes it as --array-delimiter). */
export const ARRAY_DELIMITER = '\u001f';

/** List properties left empty by the importer: set to [] on these labels (nodes) or on record relationships. */
export interface EmptyLists {
  nodes: { label: string; property: string }[];
  /** Properties of the records' relationships (the ones with a `key`). */
  relationships: string[];
}

export interface BulkFiles {
  dir: string;
  nodes: number;
  relationships: number;
  emptyLists: EmptyLists;
}

/** A value the CSV cannot carry. */
export class BulkValueError extends Error {}

type Kind = 'long' | 'double' | 'boolean' | 'string';

function kindOf(value: unknown): Kind {
  if (neo4j.isInt(value)) return 'long';
  if (typeof value === 'number') return 'double';
  if (typeof value === 'boolean') return 'boolean';
  return 'string';
}

function text(value: unknown, where: string): string {
  const s = neo4j.isInt(value) ? value.toString() : String(value);
  if (s.includes(ARRAY_DELIMITER)) throw new BulkValueError(`${where}: the value holds the control character U+001F, which the bulk import uses as its list separator; load it without --bulk`);
  return s;
}

/** A quoted cell (quotes doubled); lists joined by the delimiter; absent and empty lists as an empty cell. */
function cell(value: unknown, where: string): string {
  if (value === undefined || value === null) return '';
  if (Array.isArray(value)) {
    if (value.length === 0) return '';
    return `"${value.map((v) => text(v, where).replace(/"/g, '""')).join(ARRAY_DELIMITER)}"`;
  }
  if (neo4j.isInt(value) || typeof value === 'number' || typeof value === 'boolean') return text(value, where);
  return `"${text(value, where).replace(/"/g, '""')}"`;
}

/** Writes a file line by line, respecting back-pressure. */
class CsvOut {
  private readonly stream: WriteStream;
  private buffer: string[] = [];
  count = 0;
  constructor(path: string, header: string[]) {
    this.stream = createWriteStream(path);
    this.buffer.push(header.join(','));
  }
  async line(cells: string[]): Promise<void> {
    this.buffer.push(cells.join(','));
    this.count++;
    if (this.buffer.length >= 2_000) await this.flush();
  }
  private async flush(): Promise<void> {
    const chunk = `${this.buffer.join('\n')}\n`;
    this.buffer = [];
    if (!this.stream.write(chunk)) await new Promise<void>((r) => this.stream.once('drain', () => r()));
  }
  async close(): Promise<void> {
    await this.flush();
    await new Promise<void>((resolve, reject) => this.stream.end((err?: Error | null) => (err ? reject(err) : resolve())));
  }
}

/** The typed property columns of a set of rows (union of keys; a list's type from its items). */
function columnsOf(rows: Iterable<Props>, skip: string[]): { name: string; header: string; list: boolean }[] {
  const types = new Map<string, { kind?: Kind; list: boolean }>();
  for (const props of rows) {
    for (const [key, value] of Object.entries(props)) {
      if (skip.includes(key) || value === null || value === undefined) continue;
      const list = Array.isArray(value);
      const seen = types.get(key) ?? { list };
      const sample = list ? (value as unknown[])[0] : value;
      if (sample !== undefined && seen.kind === undefined) seen.kind = kindOf(sample);
      types.set(key, seen);
    }
  }
  return [...types].map(([name, t]) => ({ name, list: t.list, header: `${name}:${t.kind ?? 'string'}${t.list ? '[]' : ''}` }));
}

/** Writes one node group: `id:ID(group)`, `:LABEL`, then the properties. */
async function writeNodes(
  path: string,
  group: string,
  rows: { labels: string[]; props: Props }[],
  empty: EmptyLists,
): Promise<number> {
  const columns = columnsOf(rows.map((r) => r.props), ['id']);
  const out = new CsvOut(path, [`id:ID(${group})`, ':LABEL', ...columns.map((c) => c.header)]);
  const emptied = new Set<string>();
  for (const { labels, props } of rows) {
    const where = `${group} ${String(props.id)}`;
    for (const c of columns) {
      if (!c.list) continue;
      const value = props[c.name];
      if (Array.isArray(value) && value.length === 0) emptied.add(c.name);
      // Every row of a group carries its list properties (rows.ts): absent after the import means empty.
      else if (value === undefined) throw new BulkValueError(`${where}: no ${c.name}, where every ${group} has one`);
    }
    // Labels come from the allow-lists (rows.ts, kinds.ts), so they are written as they are.
    await out.line([cell(props.id, where), `"${labels.join(ARRAY_DELIMITER)}"`, ...columns.map((c) => cell(props[c.name], where))]);
  }
  await out.close();
  for (const property of emptied) empty.nodes.push({ label: group, property });
  return out.count;
}

/**
 * Writes the CSV files of `dataset` (and the change log) into `dir`. Memory stays at one row
 * list per node group; relationships of flows are derived from the flow rows.
 */
export async function writeBulkFiles(dataset: Dataset, changes: readonly ChangeProps[], dir: string): Promise<BulkFiles> {
  const empty: EmptyLists = { nodes: [], relationships: [] };
  let nodes = 0;
  let relationships = 0;

  nodes += await writeNodes(join(dir, 'nodes-sources.csv'), 'Source', dataset.sources.map((r) => ({ labels: ['Source'], props: sourceRow(r).props })), empty);
  const entities = [...dataset.actors.map(actorRow), ...dataset.authorities.map(authorityRow), ...dataset.events.map(eventRow)];
  nodes += await writeNodes(join(dir, 'nodes-entities.csv'), 'Entity', entities.map((r) => ({ labels: ['Entity', ...r.labels], props: r.props })), empty);
  const flows = dataset.funding.map((r) => fundingRow(r).props);
  nodes += await writeNodes(join(dir, 'nodes-funding.csv'), 'Funding', flows.map((props) => ({ labels: ['Funding'], props })), empty);
  if (changes.length > 0) {
    const changeRows = changes.map((c) => ({ labels: ['Change'], props: Object.fromEntries(Object.entries(c).filter(([, v]) => v !== null).map(([k, v]) => [k, typeof v === 'number' && Number.isInteger(v) ? neo4j.int(v) : v])) as Props }));
    nodes += await writeNodes(join(dir, 'nodes-changes.csv'), 'Change', changeRows, empty);
  }

  // The records' relationships: between entities, typed by the row.
  const relRows = dataset.relationships.map(relationshipRow);
  const relColumns = columnsOf(relRows.map((r) => r.props), []);
  const rels = new CsvOut(join(dir, 'relationships-records.csv'), [':START_ID(Entity)', ':END_ID(Entity)', ':TYPE', ...relColumns.map((c) => c.header)]);
  const emptiedRel = new Set<string>();
  for (const r of relRows) {
    const where = `relationship ${String(r.props.key)}`;
    for (const c of relColumns) {
      if (!c.list) continue;
      const value = r.props[c.name];
      if (Array.isArray(value) && value.length === 0) emptiedRel.add(c.name);
      else if (value === undefined) throw new BulkValueError(`${where}: no ${c.name}, where every relationship has one`);
    }
    await rels.line([cell(r.from, where), cell(r.to, where), r.type, ...relColumns.map((c) => cell(r.props[c.name], where))]);
  }
  await rels.close();
  relationships += rels.count;
  empty.relationships.push(...emptiedRel);

  // The edges of each flow, as FUNDING_INSERT draws them from the flow's own fields.
  const provided = new CsvOut(join(dir, 'relationships-provided.csv'), [':START_ID(Entity)', ':END_ID(Funding)', ':TYPE']);
  const toUnder = new CsvOut(join(dir, 'relationships-to-under.csv'), [':START_ID(Funding)', ':END_ID(Entity)', ':TYPE']);
  const partOf = new CsvOut(join(dir, 'relationships-part-of.csv'), [':START_ID(Funding)', ':END_ID(Funding)', ':TYPE']);
  for (const f of flows) {
    const where = `funding ${String(f.id)}`;
    await provided.line([cell(f.donorId, where), cell(f.id, where), 'PROVIDED']);
    await toUnder.line([cell(f.id, where), cell(f.recipientId, where), 'TO']);
    if (f.authorityId !== undefined) await toUnder.line([cell(f.id, where), cell(f.authorityId, where), 'UNDER']);
    if (f.partOf !== undefined) await partOf.line([cell(f.id, where), cell(f.partOf, where), 'PART_OF']);
  }
  for (const out of [provided, toUnder, partOf]) {
    await out.close();
    relationships += out.count;
  }
  return { dir, nodes, relationships, emptyLists: empty };
}
