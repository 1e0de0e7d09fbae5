/**
 * exportGraph: the whole graph as a data folder in the import format, curated edits included,
 * with the curation log in changes.jsonl. Importing the folder into an empty database gives the
 * same graph (the same graphChecksum): every record is written as the fields that make the
 * loader produce its stored properties again, and before the folder is handed over it is read
 * back with the importer's own readers and validation and each record's `hash` compared with
 * the stored one.
 *
 * The folder is written beside its destination and renamed into place once verified, so an
 * interrupted or refused export leaves no half folder. Anything in the graph that the format
 * cannot hold (a label, a relationship or an edge of a flow the loader would not recreate) stops
 * the export with the list of what it found.
 */
import { mkdirSync, readdirSync, renameSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import neo4j, { type Driver } from 'neo4j-driver';
import { stringify } from 'yaml';
import { ACTOR_KINDS } from '../../domain/kinds.ts';
import type { Dataset } from '../../domain/records.ts';
import { validateDataset } from '../../domain/validate/validate-dataset.ts';
import { formatProblem } from '../../domain/problems.ts';
import { actorRow, authorityRow, eventRow, fundingRow, relationshipRow, sourceRow } from '../../store/rows.ts';
import { readDataset } from '../read/read-dataset.ts';
import { CHANGE_LOG_FILE, changeLogText, type ChangeProps } from './change-log.ts';
import { entityKind, entityRecord, fundingRecord, NotExportableError, relationshipRecord, sourceRecord, type EntityKind, type FileRecord, type Stored } from './from-graph.ts';

export { NotExportableError };

/** What an export wrote. */
export interface ExportSummary {
  dir: string;
  /** Records per file name. */
  files: Record<string, number>;
  records: number;
  changes: number;
  elapsedMs: number;
}

export interface ExportOptions {
  database?: string;
  log?: (line: string) => void;
}

/** The CSV columns, as seed/data writes them (an `id` column first for relationships that have one). */
const RELATIONSHIP_COLUMNS = ['id', 'type', 'from', 'to', 'start', 'end', 'timing', 'evidence', 'note', 'source', 'section', 'paragraph', 'footnotes'] as const;
const FUNDING_COLUMNS = ['id', 'donor', 'recipient', 'authority', 'amount_usd', 'fy_start', 'fy_end', 'precision', 'basis', 'evidence', 'part_of', 'purpose', 'note', 'source', 'section', 'paragraph', 'footnotes'] as const;

const camel = (key: string) => key.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

/** A CSV cell: lists joined by `;`, quoted when it holds a comma, quote, line break or edge space. */
function cell(value: unknown): string {
  if (value === undefined || value === null) return '';
  const text = Array.isArray(value) ? value.join(';') : String(value);
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Whether a record fits one CSV row: one citation at most, and no list item the `;` would split. */
function fitsCsv(record: FileRecord): boolean {
  const cite = record.cite as FileRecord[];
  return cite.length <= 1;
}

/** CSV text of records, their one citation spread over the citation columns. */
function csvText(columns: readonly string[], records: FileRecord[]): string {
  const lines = [columns.join(',')];
  for (const record of records) {
    const { cite, ...fields } = record;
    const flat: FileRecord = { ...fields, ...((cite as FileRecord[])[0] ?? {}) };
    lines.push(columns.map((column) => cell(flat[camel(column)])).join(','));
  }
  return `${lines.join('\n')}\n`;
}

/** YAML list of records (field names in camelCase, which the readers accept as snake_case is). */
function yamlText(records: FileRecord[]): string {
  return stringify(records, { lineWidth: 0 });
}

const plain = (value: unknown): unknown => {
  if (neo4j.isInt(value)) return (value as { toNumber(): number }).toNumber();
  if (Array.isArray(value)) return value.map(plain);
  return value;
};
const plainProps = (props: Record<string, unknown>): Stored => Object.fromEntries(Object.entries(props).map(([k, v]) => [k, plain(v)]));

/** Label sets the format holds. */
const labelKey = (labels: readonly string[]) => [...labels].sort().join(':');
const KNOWN_LABELS = new Set([['Source'], ['Funding'], ['Change'], ['Entity', 'Authority'], ['Entity', 'Event'], ...ACTOR_KINDS.map((k) => ['Entity', 'Actor', k])].map(labelKey));

/** Everything read from the graph. */
interface GraphContent {
  sources: Stored[];
  entities: { kind: EntityKind; props: Stored }[];
  relationships: { type: string; from: string; to: string; props: Stored }[];
  funding: Stored[];
  changes: ChangeProps[];
}

async function readGraph(driver: Driver, database: string): Promise<GraphContent> {
  const session = driver.session({ database, defaultAccessMode: neo4j.session.READ });
  try {
    // One read transaction: the files are one consistent state of the graph.
    return await session.executeRead(async (tx) => {
      const labelSets = await tx.run('MATCH (n) WITH labels(n) AS labels RETURN labels, count(*) AS n');
      const unknown = labelSets.records
        .map((r) => ({ labels: labelKey(r.get('labels') as string[]), n: Number(r.get('n')) }))
        .filter((l) => !KNOWN_LABELS.has(l.labels));
      if (unknown.length > 0) {
        throw new NotExportableError(`the graph holds nodes the data format has no file for: ${unknown.map((l) => `${l.n} :${l.labels || '(no label)'}`).join(', ')}`);
      }
      const sources = (await tx.run('MATCH (s:Source) RETURN properties(s) AS p ORDER BY s.id')).records.map((r) => plainProps(r.get('p')));
      const entities = (await tx.run('MATCH (n:Entity) RETURN labels(n) AS labels, properties(n) AS p ORDER BY n.id')).records.map((r) => ({
        kind: entityKind(r.get('labels') as string[]) as EntityKind,
        props: plainProps(r.get('p')),
      }));
      const relationships = (
        await tx.run('MATCH (a:Entity)-[r]->(b:Entity) RETURN type(r) AS type, a.id AS from, b.id AS to, properties(r) AS p ORDER BY type, from, to, r.key')
      ).records.map((r) => ({ type: r.get('type') as string, from: r.get('from') as string, to: r.get('to') as string, props: plainProps(r.get('p')) }));
      const funding = (await tx.run('MATCH (f:Funding) RETURN properties(f) AS p ORDER BY f.id')).records.map((r) => plainProps(r.get('p')));
      const changes = (await tx.run('MATCH (c:Change) RETURN properties(c) AS p ORDER BY c.at, c.id')).records.map((r) => plainProps(r.get('p')) as ChangeProps);
      // Every other relationship must be an edge of a flow that the loader draws from the flow's own fields.
      const edges = await tx.run(`MATCH (a)-[r]->(b) WHERE NOT (a:Entity AND b:Entity)
        WITH CASE WHEN a:Funding THEN 'Funding' WHEN a:Entity THEN 'Entity' ELSE 'other' END AS from,
             CASE WHEN b:Funding THEN 'Funding' WHEN b:Entity THEN 'Entity' ELSE 'other' END AS to, type(r) AS type
        RETURN from + '-' + type + '->' + to AS key, count(*) AS n`);
      const found = new Map(edges.records.map((r) => [r.get('key') as string, Number(r.get('n'))]));
      const expected = new Map<string, number>([
        ['Entity-PROVIDED->Funding', funding.length],
        ['Funding-TO->Entity', funding.length],
        ['Funding-UNDER->Entity', funding.filter((f) => f.authorityId !== undefined).length],
        ['Funding-PART_OF->Funding', funding.filter((f) => f.partOf !== undefined).length],
      ]);
      const mismatched = [...new Set([...expected.keys(), ...found.keys()])].filter((k) => (expected.get(k) ?? 0) !== (found.get(k) ?? 0));
      if (mismatched.length > 0) {
        throw new NotExportableError(
          `the graph's funding edges do not match the flows' fields, so an import would not recreate them: ${mismatched.map((k) => `${k}: ${found.get(k) ?? 0} stored, ${expected.get(k) ?? 0} expected`).join('; ')}`,
        );
      }
      return { sources, entities, relationships, funding, changes };
    });
  } finally {
    await session.close();
  }
}

/** The files of the folder: name -> [text, records]. */
function render(content: GraphContent): Map<string, [string, number]> {
  const files = new Map<string, [string, number]>();
  const add = (name: string, text: string, n: number) => {
    if (n > 0) files.set(name, [text, n]);
  };
  add('sources.yaml', yamlText(content.sources.map(sourceRecord)), content.sources.length);
  for (const kind of ['actors', 'authorities', 'events'] as const) {
    const records = content.entities.filter((e) => e.kind === kind).map((e) => entityRecord(kind, e.props));
    add(`${kind}.yaml`, yamlText(records), records.length);
  }
  const relationships = content.relationships.map((r) => relationshipRecord(r.type, r.from, r.to, r.props));
  const relCsv = relationships.filter(fitsCsv);
  const relYaml = relationships.filter((r) => !fitsCsv(r));
  add('relationships.csv', csvText(RELATIONSHIP_COLUMNS, relCsv), relCsv.length);
  add('relationships.multi.yaml', yamlText(relYaml), relYaml.length);
  const funding = content.funding.map(fundingRecord);
  const fundCsv = funding.filter(fitsCsv);
  const fundYaml = funding.filter((f) => !fitsCsv(f));
  add('funding.csv', csvText(FUNDING_COLUMNS, fundCsv), fundCsv.length);
  add('funding.multi.yaml', yamlText(fundYaml), fundYaml.length);
  add(CHANGE_LOG_FILE, changeLogText(content.changes), content.changes.length);
  return files;
}

/** Stored hash by record id (relationships by key), from the rows the loader would build. */
function hashesOf(dataset: Dataset): Map<string, string> {
  const hashes = new Map<string, string>();
  const put = (id: unknown, hash: unknown) => hashes.set(String(id), String(hash));
  for (const r of dataset.sources) put(r.id, sourceRow(r).props.hash);
  for (const r of dataset.actors) put(r.id, actorRow(r).props.hash);
  for (const r of dataset.authorities) put(r.id, authorityRow(r).props.hash);
  for (const r of dataset.events) put(r.id, eventRow(r).props.hash);
  for (const r of dataset.funding) put(r.id, fundingRow(r).props.hash);
  for (const r of dataset.relationships) put(`rel:${r.key}`, relationshipRow(r).props.hash);
  return hashes;
}

/** Reads the written folder back as an import would and checks every record against the graph. */
function verify(dir: string, content: GraphContent): void {
  const result = validateDataset(readDataset(dir));
  if (!result.ok) {
    throw new Error(`the exported folder does not validate (a bug of the export; nothing was kept):\n${result.problems.slice(0, 20).map(formatProblem).join('\n')}`);
  }
  const hashes = hashesOf(result.dataset);
  const stored: [string, unknown][] = [
    ...content.sources.map((s) => [String(s.id), s.hash] as [string, unknown]),
    ...content.entities.map((e) => [String(e.props.id), e.props.hash] as [string, unknown]),
    ...content.funding.map((f) => [String(f.id), f.hash] as [string, unknown]),
    ...content.relationships.map((r) => [`rel:${r.props.key}`, r.props.hash] as [string, unknown]),
  ];
  const differing = stored.filter(([id, hash]) => hashes.get(id) !== hash).map(([id]) => id);
  if (differing.length > 0 || hashes.size !== stored.length) {
    throw new NotExportableError(
      `${differing.length} record(s) would not load back as stored (${differing.slice(0, 10).join(', ')}${differing.length > 10 ? ', ...' : ''}); ${hashes.size} records read back for ${stored.length} stored. A record written outside the loader and the curation API has no matching hash.`,
    );
  }
}

/**
 * Writes the graph of `database` into the folder `dir`, which must not exist or be empty.
 * Throws NotExportableError when the graph holds what the format cannot express.
 */
export async function exportGraph(driver: Driver, dir: string, options: ExportOptions = {}): Promise<ExportSummary> {
  const started = Date.now();
  const database = options.database ?? 'neo4j';
  const log = options.log ?? (() => {});
  const target = resolve(dir);
  if (existsSync(target) && readdirSync(target).length > 0) throw new Error(`${target} is not empty: export into a new or empty folder`);
  log(`reading the graph of database ${database}`);
  const content = await readGraph(driver, database);
  const files = render(content);
  const work = join(dirname(target), `.${basename(target)}.export-${process.pid}`);
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  try {
    for (const [name, [text, n]] of files) {
      writeFileSync(join(work, name), text);
      log(`wrote ${name} (${n.toLocaleString('en-US')} ${name === CHANGE_LOG_FILE ? 'changes' : 'records'})`);
    }
    log('checking the folder: reading it back as an import would');
    verify(work, content);
    if (existsSync(target)) rmSync(target, { recursive: true });
    renameSync(work, target);
  } catch (err) {
    rmSync(work, { recursive: true, force: true });
    throw err;
  }
  const counts = Object.fromEntries([...files].map(([name, [, n]]) => [name, n]));
  const records = content.sources.length + content.entities.length + content.relationships.length + content.funding.length;
  return { dir: target, files: counts, records, changes: content.changes.length, elapsedMs: Date.now() - started };
}
