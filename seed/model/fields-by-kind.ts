/** The field names (normalised to camelCase) each record kind accepts, in documentation order. */
import type { RecordKind } from './types.ts';

/** Fields of each kind, for "unknown field" messages and CSV header checks. */
export const ALLOWED_FIELDS: Record<RecordKind, string[]> = {
  sources: ['id', 'kind', 'title', 'author', 'publisher', 'date', 'url', 'partOf', 'essay', 'heading', 'paragraphs', 'footnotes', 'footnoteCount', 'default', 'note'],
  actors: ['id', 'kind', 'name', 'aliases', 'country', 'description', 'note', 'cite'],
  authorities: ['id', 'kind', 'name', 'aliases', 'citation', 'title', 'enacted', 'description', 'note', 'cite'],
  events: ['id', 'name', 'aliases', 'year', 'yearEnd', 'description', 'note', 'cite'],
  relationships: ['id', 'type', 'from', 'to', 'start', 'end', 'note', 'cite'],
  funding: ['id', 'donor', 'recipient', 'authority', 'amountUsd', 'fyStart', 'fyEnd', 'precision', 'basis', 'partOf', 'purpose', 'note', 'cite'],
};
export const FLAT_CITATION = ['source', 'section', 'paragraph', 'footnotes'];

/** Every field a record of `kind` may have, in either format. */
export function acceptedFields(kind: RecordKind): string[] {
  return kind === 'sources' ? ALLOWED_FIELDS[kind] : [...ALLOWED_FIELDS[kind], ...FLAT_CITATION];
}
