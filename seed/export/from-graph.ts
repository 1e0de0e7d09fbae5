/**
 * The inverse of store/rows.ts: a stored node or relationship back to the record fields a data
 * file gives, so that reading those fields again (domain/ schemas, then rows.ts) yields the very
 * same properties and `hash`. Only fields that differ from their defaults are written.
 */
import { derivedRelationshipKey } from '../../domain/schemas/relationship.ts';
import { ID_PATTERN } from '../../domain/schemas/fields.ts';

/** Stored properties, integers already plain numbers. */
export type Stored = Record<string, unknown>;

/** A record as a data file holds it (field names as in the files, camelCase). */
export type FileRecord = Record<string, unknown>;

/** A stored record that cannot be written as a data file record. */
export class NotExportableError extends Error {}

/** The stored citations (JSON) as `cite` items: `paragraph` and `footnotes` only when given. */
export function citeOf(stored: Stored): FileRecord[] {
  const text = stored.citations;
  if (typeof text !== 'string') return [];
  const list = JSON.parse(text) as { source: string; section: string | null; paragraphs: number[]; footnotes: number[] }[];
  return list.map((c) => {
    const item: FileRecord = { source: c.source };
    if (c.section !== null) item.section = c.section;
    if (c.paragraphs.length > 0) item.paragraph = c.paragraphs;
    if (c.footnotes.length > 0) item.footnotes = c.footnotes;
    return item;
  });
}

/** Copies the fields present (not null, not an empty list) in the given order. */
function pick(stored: Stored, fields: readonly string[]): FileRecord {
  const out: FileRecord = {};
  for (const field of fields) {
    const value = stored[field];
    if (value === null || value === undefined) continue;
    if (Array.isArray(value) && value.length === 0) continue;
    out[field] = value;
  }
  return out;
}

/** Evidence is written only when it is not the default. */
function evidence(stored: Stored): FileRecord {
  return stored.evidence !== undefined && stored.evidence !== 'STATED' ? { evidence: stored.evidence } : {};
}

export function sourceRecord(s: Stored): FileRecord {
  const out = pick(s, ['id', 'kind', 'title', 'author', 'publisher', 'date', 'url', 'partOf', 'essay', 'heading', 'paragraphs', 'footnotes', 'footnoteCount']);
  if (s.isDefault === true) out.default = true;
  if (s.note !== undefined) out.note = s.note;
  return out;
}

export type EntityKind = 'actors' | 'authorities' | 'events';

/** Which record kind an :Entity node is, from its labels. */
export function entityKind(labels: readonly string[]): EntityKind | undefined {
  if (labels.includes('Actor')) return 'actors';
  if (labels.includes('Authority')) return 'authorities';
  if (labels.includes('Event')) return 'events';
  return undefined;
}

export function entityRecord(kind: EntityKind, n: Stored): FileRecord {
  const head = kind === 'events' ? pick(n, ['id', 'name', 'aliases']) : pick(n, ['id', 'kind', 'name', 'aliases']);
  const own =
    kind === 'actors' ? pick(n, ['country']) : kind === 'authorities' ? pick(n, ['citation', 'title', 'enacted']) : pick(n, ['year', 'month', 'day', 'yearEnd']);
  return { ...head, ...own, ...pick(n, ['description', 'note']), ...evidence(n), cite: citeOf(n) };
}

/** Timing is written only when it differs from what the years imply (see the relationship schema). */
function timing(r: Stored): FileRecord {
  const implied = r.start !== undefined || r.end !== undefined ? 'PERIOD' : 'UNDATED';
  return r.timing !== undefined && r.timing !== implied ? { timing: r.timing } : {};
}

export function relationshipRecord(type: string, from: string, to: string, r: Stored): FileRecord {
  const key = String(r.key);
  const start = typeof r.start === 'number' ? r.start : null;
  const out: FileRecord = {};
  if (key !== derivedRelationshipKey(type, from, to, start)) {
    // A key that is not the derived one came from the record's own id.
    if (!ID_PATTERN.test(key)) throw new NotExportableError(`relationship ${type} ${from} -> ${to}: its key '${key}' is neither an id nor TYPE:from:to:start`);
    out.id = key;
  }
  return { ...out, type, from, to, ...pick(r, ['start', 'end']), ...timing(r), ...evidence(r), ...pick(r, ['note']), cite: citeOf(r) };
}

export function fundingRecord(f: Stored): FileRecord {
  const out: FileRecord = {
    id: f.id,
    donor: f.donorId,
    recipient: f.recipientId,
    ...(f.authorityId !== undefined ? { authority: f.authorityId } : {}),
    amountUsd: f.amountUsd,
    fyStart: f.fyStart,
    fyEnd: f.fyEnd,
    ...pick(f, ['precision', 'basis']),
    ...evidence(f),
    ...pick(f, ['partOf', 'purpose', 'note']),
    cite: citeOf(f),
  };
  return out;
}
