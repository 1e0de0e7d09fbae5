/**
 * Turns validated records into the parameter rows the loading queries take: the node or
 * relationship properties of the storage model, with integers
 * as Neo4j integers, plus `hash`, a digest of those properties that tells an unchanged record
 * from an updated one without comparing property by property.
 */
import { createHash } from 'node:crypto';
import neo4j from 'neo4j-driver';
import { checkedType } from './write-statements.ts';
import type { RelationshipType } from '../domain/relationship-types.ts';
import type { ActorRecord, AuthorityRecord, Citation, EventRecord, FundingRecord, RelationshipRecord, SourceRecord } from '../domain/records.ts';

/** Property values as sent to Neo4j. */
type Value = string | number | boolean | null | ReturnType<typeof neo4j.int> | Value[];
export type Props = Record<string, Value>;

/** One row of a node batch: the properties (without nulls; `id` and `hash` among them). */
export interface NodeRow {
  props: Props;
}
/** An entity row also names its kind labels beside `:Entity`. */
export interface EntityRow extends NodeRow {
  labels: string[];
}
/** Funding rows carry the part-of link in `props.partOf` and the ends in donorId/recipientId/authorityId. */
export type FundingRow = NodeRow;
/** One row of a relationship batch: the ends' ids and the properties (`key` and `hash` among them). */
export interface RelationshipRow {
  type: RelationshipType;
  from: string;
  to: string;
  props: Props;
}

/** Drops null and undefined values: an absent property in Neo4j, and nothing to send. */
function compact(props: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key in props) if (props[key] !== null && props[key] !== undefined) out[key] = props[key];
  return out;
}

/**
 * Finishes a row's properties: drops absent values, adds `hash` (a digest of the properties
 * themselves, built here in a fixed key order, so the same content always gives the same hash)
 * and turns the integer fields into Neo4j integers (JS numbers would be stored as floats).
 */
function finish(tag: string, plain: Record<string, unknown>, intFields: readonly string[]): Props {
  const props = compact(plain);
  const hash = createHash('sha1').update(tag).update('\0').update(JSON.stringify(props)).digest('base64url');
  for (const field of intFields) {
    const v = props[field];
    if (typeof v === 'number') props[field] = neo4j.int(v);
    else if (Array.isArray(v)) props[field] = v.map((n) => neo4j.int(n as number));
  }
  props.hash = hash;
  return props as Props;
}

/** The provenance properties: citations as JSON, the union of footnotes, the section ids. */
function provenance(cite: Citation[]): { citations: string; footnotes: number[]; sections: string[] } {
  const footnotes: number[] = [];
  const sections: string[] = [];
  for (const c of cite) {
    for (const f of c.footnotes) if (!footnotes.includes(f)) footnotes.push(f);
    if (c.section !== null && !sections.includes(c.section)) sections.push(c.section);
  }
  footnotes.sort((a, b) => a - b);
  return {
    citations: JSON.stringify(cite.map((c) => ({ source: c.source, section: c.section, paragraphs: c.paragraphs, footnotes: c.footnotes }))),
    footnotes,
    sections,
  };
}

const ENTITY_INTS = ['footnotes'] as const;

function entityProps(r: ActorRecord | AuthorityRecord | EventRecord, kind: string): Record<string, unknown> {
  return {
    id: r.id,
    name: r.name,
    aliases: r.aliases,
    aliasText: r.aliases.join(' | '),
    description: r.description,
    note: r.note,
    kind,
    evidence: r.evidence,
    ...provenance(r.cite),
  };
}

export function actorRow(r: ActorRecord): EntityRow {
  return { labels: ['Actor', r.kind], props: finish('actor', { ...entityProps(r, r.kind), country: r.country }, ENTITY_INTS) };
}

export function authorityRow(r: AuthorityRecord): EntityRow {
  return {
    labels: ['Authority'],
    props: finish('authority', { ...entityProps(r, r.kind), citation: r.citation, title: r.title, enacted: r.enacted }, [...ENTITY_INTS, 'title', 'enacted']),
  };
}

export function eventRow(r: EventRecord): EntityRow {
  return { labels: ['Event'], props: finish('event', { ...entityProps(r, 'Event'), year: r.year, month: r.month, day: r.day, yearEnd: r.yearEnd }, [...ENTITY_INTS, 'year', 'month', 'day', 'yearEnd']) };
}

const SOURCE_INTS = ['essay', 'paragraphs', 'footnotes', 'footnoteCount'] as const;

export function sourceRow(r: SourceRecord): NodeRow {
  return {
    props: finish(
      'source',
      {
        id: r.id,
        kind: r.kind,
        title: r.title,
        author: r.author,
        publisher: r.publisher,
        date: r.date,
        url: r.url,
        partOf: r.partOf,
        essay: r.essay,
        heading: r.heading,
        paragraphs: r.paragraphs,
        footnotes: r.footnotes,
        footnoteCount: r.footnoteCount,
        isDefault: r.isDefault,
        note: r.note,
      },
      SOURCE_INTS,
    ),
  };
}

const FUNDING_INTS = ['fyStart', 'fyEnd', 'footnotes'] as const;

export function fundingRow(r: FundingRecord): FundingRow {
  return {
    props: finish(
      'funding',
      {
        id: r.id,
        amountUsd: r.amountUsd, // stays a JS number: a float, as the model wants
        fyStart: r.fyStart,
        fyEnd: r.fyEnd,
        precision: r.precision,
        basis: r.basis,
        partOf: r.partOf,
        purpose: r.purpose,
        note: r.note,
        evidence: r.evidence,
        donorId: r.donor,
        recipientId: r.recipient,
        authorityId: r.authority,
        ...provenance(r.cite),
      },
      FUNDING_INTS,
    ),
  };
}

const RELATIONSHIP_INTS = ['start', 'end', 'footnotes'] as const;

export function relationshipRow(r: RelationshipRecord): RelationshipRow {
  return {
    // Spliced into no statement text: checked here because statements take it as a dynamic type.
    type: checkedType(r.type) as RelationshipType,
    from: r.from,
    to: r.to,
    // type, from and to are in the hash: a relationship that changes ends is an update.
    props: finish(`relationship:${r.type}:${r.from}:${r.to}`, { key: r.key, start: r.start, end: r.end, timing: r.timing, note: r.note, evidence: r.evidence, ...provenance(r.cite) }, RELATIONSHIP_INTS),
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
