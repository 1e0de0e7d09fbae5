/**
 * Checks one raw record against the schema of its kind and turns zod's issues into problems
 * that name the field as the file spells it.
 */
import type { z } from 'zod';
import { problemAt, type Problem } from './problems.ts';
import type { RawRecord, RecordKind } from './types.ts';
import { foldFlatCitation } from './schemas/citation.ts';
import { actorSchema, authoritySchema, eventSchema } from './schemas/entity.ts';
import { fundingSchema } from './schemas/funding.ts';
import { relationshipSchema } from './schemas/relationship.ts';
import { sourceSchema } from './schemas/source.ts';
import { describe } from './schemas/fields.ts';
import { ALLOWED_FIELDS, FIELD_TYPES, FLAT_CITATION, coerceFields } from './fields-by-kind.ts';

/** The schema of each record kind. */
export const RECORD_SCHEMAS = {
  sources: sourceSchema,
  actors: actorSchema,
  authorities: authoritySchema,
  events: eventSchema,
  relationships: relationshipSchema,
  funding: fundingSchema,
} as const;

export type ParsedRecordOf<K extends RecordKind> = z.output<(typeof RECORD_SCHEMAS)[K]>;


/** Parses a raw record; returns the typed record, or the problems that stop it. */
export function parseRecord<K extends RecordKind>(
  raw: RawRecord & { kind: K },
): { value?: ParsedRecordOf<K>; problems: Problem[] } {
  const isSource = raw.kind === 'sources';
  const hadCite = raw.fields.cite !== undefined;
  const fields = coerceFields(isSource ? raw.fields : foldFlatCitation(raw.fields), FIELD_TYPES[raw.kind]);
  const folded = !isSource && ['source', 'section', 'paragraph', 'footnotes'].some((k) => raw.fields[k] !== undefined);
  // The flat citation is appended after any `cite` entries.
  const flatIndex = folded ? (hadCite ? (Array.isArray(raw.fields.cite) ? raw.fields.cite.length : 1) : 0) : -1;
  const schema = RECORD_SCHEMAS[raw.kind] as z.ZodType;
  const result = schema.safeParse(fields, { reportInput: true });
  const id = typeof raw.fields.id === 'string' ? raw.fields.id : undefined;
  if (result.success) return { value: result.data as ParsedRecordOf<K>, problems: [] };

  const spell = (key: string): string => raw.spelling?.[key] ?? key;
  /** `footnotes[2]`, `cite[1].section`: 1-based list positions, names as the file spells them. */
  const joinPath = (path: PropertyKey[]): string =>
    path.reduce<string>((out, p) => (typeof p === 'number' ? `${out}[${p + 1}]` : `${out}${out ? '.' : ''}${spell(String(p))}`), '');
  const fieldName = (path: PropertyKey[]): string => {
    if (path[0] === 'cite' && typeof path[1] === 'number' && path[1] === flatIndex) {
      return joinPath(path.slice(2)) || 'citation';
    }
    return joinPath(path);
  };
  const allowed = [...ALLOWED_FIELDS[raw.kind], ...(isSource ? [] : FLAT_CITATION)].map(spell);
  const problems: Problem[] = [];
  for (const issue of result.error.issues) {
    let message: string;
    if (issue.code === 'unrecognized_keys') {
      const where = issue.path.length ? ` in ${fieldName(issue.path)}` : '';
      const keys = issue.keys.map((k) => `'${spell(k)}'`).join(', ');
      const list = issue.path.length ? FLAT_CITATION.join(', ') : allowed.join(', ');
      message = `unknown field${issue.keys.length > 1 ? 's' : ''} ${keys}${where} (allowed: ${list})`;
    } else if (issue.code === 'invalid_type' && issue.input === undefined) {
      message = `missing required field '${fieldName(issue.path)}'`;
    } else if (issue.path.length > 0) {
      message = `${fieldName(issue.path)}: ${issue.message}`;
    } else {
      message = issue.message || `invalid record ${describe(issue.input)}`;
    }
    problems.push(problemAt(raw.loc, message, id));
  }
  return { problems };
}
