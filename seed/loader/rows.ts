/**
 * Turns validated records into the parameter rows the loading queries take: the node or
 * relationship properties of the storage model (brief: "Storage model in Neo4j"), with integers
 * as Neo4j integers, plus `hash`, a digest of the record that tells an unchanged record from an
 * updated one without comparing property by property.
 */
import { createHash } from 'node:crypto';
import neo4j from 'neo4j-driver';
import type { ActorRecord, AuthorityRecord, Citation, EventRecord, FundingRecord, RelationshipRecord, SourceRecord } from '../model/types.ts';

/** Property values as sent to Neo4j. */
type Value = string | number | boolean | null | ReturnType<typeof neo4j.int> | Value[];
export type Props = Record<string, Value>;

/** One row of a node batch: the properties (without nulls; `id` and `hash` among them). */
export interface NodeRow {
  props: Props;
}
/** Funding rows carry the part-of link in `props.partOf` and the ends in donorId/recipientId/authorityId. */
export type FundingRow = NodeRow;
/** One row of a relationship batch: the ends' ids and the properties (`key` and `hash` among them). */
export interface RelationshipRow {
  from: string;
  to: string;
  props: Props;
}

const int = (n: number | null): Value => (n === null ? null : neo4j.int(n));
const ints = (ns: number[]): Value[] => ns.map((n) => neo4j.int(n));

/** The properties without null values: a null property is an absent one in Neo4j, and sends nothing. */
function compact(props: Props): Props {
  const out: Props = {};
  for (const key in props) if (props[key] !== null) out[key] = props[key];
  return out;
}

/** Canonical JSON (sorted keys) of plain data, for hashing. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

/** Digest of a record (with its kind, so that a kind change is an update). */
export function recordHash(kind: string, record: unknown): string {
  return createHash('sha1').update(kind).update('\0').update(canonicalJson(record)).digest('base64url');
}

/** The provenance properties: citations as JSON, the union of footnotes, the section ids. */
function provenance(cite: Citation[]): Props {
  const footnotes = [...new Set(cite.flatMap((c) => c.footnotes))].sort((a, b) => a - b);
  const sections = [...new Set(cite.map((c) => c.section).filter((s): s is string => s !== null))];
  return {
    citations: JSON.stringify(cite.map((c) => ({ source: c.source, section: c.section, paragraphs: c.paragraphs, footnotes: c.footnotes }))),
    footnotes: ints(footnotes),
    sections,
  };
}

function entityProps(r: ActorRecord | AuthorityRecord | EventRecord, kind: string): Props {
  return {
    id: r.id,
    name: r.name,
    aliases: r.aliases,
    aliasText: r.aliases.join(' | '),
    description: r.description,
    note: r.note,
    kind,
    ...provenance(r.cite),
  };
}

export function actorRow(r: ActorRecord): NodeRow {
  const hash = recordHash('actor', r);
  return { props: compact({ ...entityProps(r, r.kind), country: r.country, hash }) };
}

export function authorityRow(r: AuthorityRecord): NodeRow {
  const hash = recordHash('authority', r);
  return { props: compact({ ...entityProps(r, r.kind), citation: r.citation, title: int(r.title), enacted: int(r.enacted), hash }) };
}

export function eventRow(r: EventRecord): NodeRow {
  const hash = recordHash('event', r);
  return { props: compact({ ...entityProps(r, 'Event'), year: int(r.year), yearEnd: int(r.yearEnd), hash }) };
}

export function sourceRow(r: SourceRecord): NodeRow {
  const hash = recordHash('source', r);
  return {
    props: compact({
      id: r.id,
      kind: r.kind,
      title: r.title,
      author: r.author,
      publisher: r.publisher,
      date: r.date,
      url: r.url,
      partOf: r.partOf,
      essay: int(r.essay),
      heading: r.heading,
      paragraphs: int(r.paragraphs),
      footnotes: ints(r.footnotes),
      footnoteCount: int(r.footnoteCount),
      isDefault: r.isDefault,
      note: r.note,
      hash,
    }),
  };
}

export function fundingRow(r: FundingRecord): FundingRow {
  const hash = recordHash('funding', r);
  return {
    props: compact({
      id: r.id,
      amountUsd: r.amountUsd, // JS numbers travel as floats, as the model wants
      fyStart: int(r.fyStart),
      fyEnd: int(r.fyEnd),
      precision: r.precision,
      basis: r.basis,
      partOf: r.partOf,
      purpose: r.purpose,
      note: r.note,
      donorId: r.donor,
      recipientId: r.recipient,
      authorityId: r.authority,
      ...provenance(r.cite),
      hash,
    }),
  };
}

export function relationshipRow(r: RelationshipRecord): RelationshipRow {
  const hash = recordHash('relationship', r);
  return {
    from: r.from,
    to: r.to,
    props: compact({ key: r.key, start: int(r.start), end: int(r.end), note: r.note, ...provenance(r.cite), hash }),
  };
}

/**
 * Orders flows so that every wider flow (part_of target) comes before the flows that break it
 * down: a batch can then link each flow to a wider flow already written.
 */
export function parentsFirst(records: FundingRecord[]): FundingRecord[] {
  const byId = new Map(records.map((r) => [r.id, r]));
  const done = new Set<string>();
  const out: FundingRecord[] = [];
  const visit = (r: FundingRecord, depth: number): void => {
    if (done.has(r.id) || depth > records.length) return;
    const parent = r.partOf !== null ? byId.get(r.partOf) : undefined;
    if (parent) visit(parent, depth + 1);
    if (!done.has(r.id)) {
      done.add(r.id);
      out.push(r);
    }
  };
  for (const r of records) visit(r, 0);
  return out;
}
