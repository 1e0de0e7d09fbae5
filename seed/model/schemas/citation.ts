/**
 * Citation schema: where a fact comes from. YAML records list them under `cite`; any record may
 * instead (or also) give one citation in the flat fields `source`, `section`, `paragraph`,
 * `footnotes` (the CSV columns).
 */
import { z } from 'zod';
import { describe, idField, intListField } from './fields.ts';

/** A citation as written: `source` may be left to the data set's default source. */
export interface CitationInput {
  source: string | null;
  section: string | null;
  paragraphs: number[];
  footnotes: number[];
}

export const citationSchema = z
  .strictObject(
    {
      source: idField.optional(),
      section: idField.optional(),
      paragraph: intListField('paragraph numbers').optional(),
      footnotes: intListField('footnote numbers').optional(),
    },
    { error: (iss) => (iss.code === 'invalid_type' ? `expected a citation mapping {section, paragraph, footnotes}, got ${describe(iss.input)}` : undefined) },
  )
  .refine((c) => c.source !== undefined || c.section !== undefined || c.paragraph !== undefined || c.footnotes !== undefined, {
    error: 'an empty citation: give at least a source or a section',
  })
  .transform(
    (c): CitationInput => ({
      source: c.source ?? null,
      section: c.section ?? null,
      paragraphs: c.paragraph ?? [],
      footnotes: c.footnotes ?? [],
    }),
  );

/** `cite`: a list of citations (a single mapping was made a list of one by coercion). */
export const citeField = z.array(citationSchema, { error: (iss) => `expected a list of citations, got ${describe(iss.input)}` });

const FLAT_KEYS = ['source', 'section', 'paragraph', 'footnotes'] as const;

/**
 * Moves the flat citation fields of a record into its `cite` list, so one schema serves YAML and
 * CSV. Not used for sources, whose `footnotes` is a field of their own.
 */
export function foldFlatCitation(fields: Record<string, unknown>): Record<string, unknown> {
  if (!FLAT_KEYS.some((k) => fields[k] !== undefined)) return fields;
  const out: Record<string, unknown> = {};
  const flat: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(fields)) {
    if ((FLAT_KEYS as readonly string[]).includes(k)) flat[k] = v;
    else out[k] = v;
  }
  const cite = out.cite;
  if (cite === undefined) out.cite = [flat];
  else if (Array.isArray(cite)) out.cite = [...cite, flat];
  else out.cite = [cite, flat];
  return out;
}
