/**
 * Turns the provenance of a projected row into Citation objects: parses the stored citations
 * JSON and attaches section headings and the cited works that Cypher fetched alongside.
 */
import type { GraphQLResolveInfo } from 'graphql';
import type { ProvenanceWants } from '../repositories/cypher.ts';
import { Kind, visit } from 'graphql';

interface StoredCitation {
  source: string;
  section: string | null;
  paragraphs?: number[];
  footnotes?: number[];
}

interface WorkRow {
  id: string;
  partOf: string | null;
  footnotes: number[] | null;
  [k: string]: unknown;
}

/** The citations of a row, each with its section heading and works (when fetched). */
export function citationsOf(row: Record<string, unknown>): Record<string, unknown>[] {
  let list: StoredCitation[] = [];
  if (typeof row.citations === 'string' && row.citations.length > 0) {
    try {
      list = JSON.parse(row.citations) as StoredCitation[];
    } catch {
      list = [];
    }
  }
  const headings = new Map(((row.__sections as { id: string; heading: string | null }[] | undefined) ?? []).map((s) => [s.id, s.heading]));
  const works = (row.__works as WorkRow[] | undefined) ?? [];
  return list.map((c) => {
    const footnotes = c.footnotes ?? [];
    return {
      source: c.source,
      section: c.section,
      sectionHeading: c.section ? headings.get(c.section) ?? null : null,
      paragraphs: c.paragraphs ?? [],
      footnotes,
      works: works
        .filter((w) => (w.partOf ?? c.source) === c.source && (w.footnotes ?? []).some((n) => footnotes.includes(n)))
        .map((w) => ({ ...w, footnotes: (w.footnotes ?? []).filter((n) => footnotes.includes(n)) })),
    };
  });
}

const cache = new WeakMap<object, ProvenanceWants>();

/**
 * Whether the operation asks for section headings or works anywhere (fields that only Citation
 * has), so that repositories fetch them only then.
 */
export function provenanceWants(info: GraphQLResolveInfo): ProvenanceWants {
  const hit = cache.get(info.operation);
  if (hit) return hit;
  const wants: ProvenanceWants = { headings: false, works: false };
  const scan = (node: Parameters<typeof visit>[0]) =>
    visit(node, {
      [Kind.FIELD](field) {
        if (field.name.value === 'sectionHeading') wants.headings = true;
        if (field.name.value === 'works') wants.works = true;
      },
    });
  scan(info.operation);
  for (const frag of Object.values(info.fragments)) scan(frag);
  cache.set(info.operation, wants);
  return wants;
}
