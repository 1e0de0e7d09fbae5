/**
 * Provenance: citations are stored as JSON on each item, so the section headings, works and cited
 * documents they point to are fetched once per statement (one COLLECT each, in the same round
 * trip) and joined here, turning every stored `citations` below a row into typed `sources`.
 */
import type { CitationRow, WorkRow } from './rows.ts';
import type { ProvenancePlan } from './plan.ts';

/** The column the wrapper adds; it never leaves this module. */
const COLUMN = 'provenanceRecords';

interface StoredCitation {
  source: string;
  section: string | null;
  paragraphs?: number[];
  footnotes?: number[];
}

interface StoredWork extends Omit<WorkRow, 'footnotes'> {
  partOf: string | null;
  footnotes: number[] | null;
}

/** The source records a statement's citations may need. */
export interface ProvenanceRecords {
  works: StoredWork[];
  sections: { id: string; heading: string | null }[];
  /** Any source a citation may name as its document (every kind but SECTION); absent unless asked. */
  documents?: { id: string; title: string | null; url: string | null }[];
}

const NONE: ProvenanceRecords = { works: [], sections: [] };

/** Wraps a statement so that its round trip also returns the SECTION and WORK records asked for. */
export function withProvenance(cypher: string, prov: ProvenancePlan): string {
  if (!prov.headings && !prov.works && !prov.documents) return cypher;
  const works = prov.works
    ? `COLLECT { MATCH (src_w:Source) WHERE src_w.kind = 'WORK' RETURN src_w { .id, .title, .author, .publisher, .date, .url, .footnotes, .partOf } }`
    : '[]';
  const sections = prov.headings ? `COLLECT { MATCH (src_s:Source) WHERE src_s.kind = 'SECTION' RETURN src_s { .id, .heading } }` : '[]';
  // Only when asked, so statements that never show a document's title keep their cached plans.
  const documents = prov.documents ? `, documents: COLLECT { MATCH (src_d:Source) WHERE src_d.kind <> 'SECTION' RETURN src_d { .id, .title, .url } }` : '';
  return `CALL () {
${cypher}
}
RETURN *, { works: ${works}, sections: ${sections}${documents} } AS ${COLUMN}`;
}

function parse(stored: unknown): StoredCitation[] {
  if (typeof stored !== 'string' || stored.length === 0) return [];
  try {
    const list: unknown = JSON.parse(stored);
    return Array.isArray(list) ? (list as StoredCitation[]) : [];
  } catch {
    return [];
  }
}

/** The citations of one item, each with its section heading and the works its footnotes cite. */
export function citationsOf(stored: unknown, records: ProvenanceRecords = NONE): CitationRow[] {
  const headings = new Map(records.sections.map((s) => [s.id, s.heading]));
  const documents = new Map((records.documents ?? []).map((d) => [d.id, d]));
  return parse(stored).map((c) => {
    const footnotes = c.footnotes ?? [];
    const cited = (w: StoredWork) => (w.partOf ?? c.source) === c.source && (w.footnotes ?? []).some((n) => footnotes.includes(n));
    return {
      source: c.source,
      sourceTitle: documents.get(c.source)?.title ?? null,
      sourceUrl: documents.get(c.source)?.url ?? null,
      section: c.section,
      sectionHeading: c.section ? headings.get(c.section) ?? null : null,
      paragraphs: c.paragraphs ?? [],
      footnotes,
      works: records.works.filter(cited).map(({ partOf: _partOf, ...w }) => ({ ...w, footnotes: (w.footnotes ?? []).filter((n) => footnotes.includes(n)) })),
    };
  });
}

/** Replaces every stored `citations` below `value` by decoded `sources`, in place. */
function decode(value: unknown, records: ProvenanceRecords): void {
  if (Array.isArray(value)) {
    for (const v of value) decode(v, records);
    return;
  }
  if (value === null || typeof value !== 'object') return;
  const obj = value as Record<string, unknown>;
  if ('citations' in obj) {
    obj.sources = citationsOf(obj.citations, records);
    delete obj.citations;
  }
  for (const v of Object.values(obj)) if (v !== null && typeof v === 'object') decode(v, records);
}

/**
 * Decodes the provenance of rows read from a statement built with {@link withProvenance}. Rows of
 * a statement that asked for no headings, works or documents are left as read: their items keep
 * the stored `citations` and {@link sourcesOf} decodes an item's only when its sources are
 * selected. Decoding every item eagerly cost more than the rest of the server's work on large
 * subgraphs whose citations nobody asked for (the canvas's overview and neighbourhoods).
 */
export function decodeRows(rows: Record<string, unknown>[]): void {
  for (const row of rows) {
    const records = row[COLUMN] as ProvenanceRecords | undefined;
    if (records === undefined) continue;
    delete row[COLUMN];
    decode(row, records);
  }
}

/** An item's sources: decoded by {@link decodeRows}, else from its stored citations alone. */
export function sourcesOf(item: { sources?: CitationRow[]; citations?: unknown }): CitationRow[] {
  return item.sources ?? citationsOf(item.citations);
}
