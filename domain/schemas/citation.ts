/**
 * Citation schema: where a fact comes from. YAML records list them under `cite`; any record but
 * a source may instead (or also) give one citation in the flat fields `source`, `section`,
 * `paragraph`, `footnotes` (the CSV columns), which the record schemas add after the `cite` list.
 */
import { z } from 'zod';
import { describe, idField, intListField } from './fields.ts';

/** Message for a citation that names nothing. */
const EMPTY_CITATION = 'an empty citation: give at least a source or a section';

/** The fields of a citation as written; also the flat citation fields of a record. */
export const citationFields = {
  source: idField.optional(),
  section: idField.optional(),
  paragraph: intListField('paragraph numbers').optional(),
  footnotes: intListField('footnote numbers').optional(),
};
type WrittenCitation = z.output<z.ZodObject<typeof citationFields>>;

/** The normalised citation of the fields as written; null when none of them is written. */
function toCitation(c: WrittenCitation) {
  if (c.source === undefined && c.section === undefined && c.paragraph === undefined && c.footnotes === undefined) return null;
  return { source: c.source ?? null, section: c.section ?? null, paragraphs: c.paragraph ?? [], footnotes: c.footnotes ?? [] };
}

/** One item of `cite`, normalised. */
const citationSchema = z
  .strictObject(citationFields, {
    error: (iss) => (iss.code === 'invalid_type' ? `expected a citation mapping {section, paragraph, footnotes}, got ${describe(iss.input)}` : undefined),
  })
  .transform((written, ctx) => {
    const citation = toCitation(written);
    if (citation) return citation;
    ctx.issues.push({ code: 'custom', message: EMPTY_CITATION, input: written });
    return z.NEVER;
  });

/** A citation before its source is resolved: a null source is the data set's default source. */
export type CitationInput = z.output<typeof citationSchema>;

/** A resolved citation, as stored: `source` is always set. */
export type Citation = Omit<CitationInput, 'source'> & { source: string };

/** `cite`: a list of citations; a single mapping counts as a list of one. */
export const citeField = z
  .preprocess(
    (v) => (v !== null && typeof v === 'object' && !Array.isArray(v) ? [v] : v),
    z.array(citationSchema, { error: (iss) => `expected a list of citations, got ${describe(iss.input)}` }),
  )
  .default([]);

/** Moves a record's flat citation fields (the CSV columns) into `cite`, after its items. */
export function gatherCitations<T extends WrittenCitation & { cite: CitationInput[] }>(record: T): Omit<T, keyof WrittenCitation> {
  const { source, section, paragraph, footnotes, cite, ...rest } = record;
  const flat = toCitation({ source, section, paragraph, footnotes });
  return { ...rest, cite: flat ? [...cite, flat] : cite } as Omit<T, keyof WrittenCitation>;
}
