/**
 * Checks one raw record against the schema of its kind (which also coerces and normalises it)
 * and turns zod's issues into problems that name the field as the file spells it.
 */
import type { z } from 'zod';
import { problemAt, type Problem } from '../problems.ts';
import type { ParsedRecord, RawRecord } from '../records.ts';
import type { RecordKind } from '../kinds.ts';
import { acceptedFields, CITATION_FIELD_NAMES, RECORD_SCHEMAS } from '../schemas/index.ts';
import { describe } from '../schemas/fields.ts';

/** Parses a raw record; returns the normalised record, or the problems that stop it. */
export function parseRecord<K extends RecordKind>(raw: RawRecord & { kind: K }): { value?: ParsedRecord<K>; problems: Problem[] } {
  const schema = RECORD_SCHEMAS[raw.kind] as z.ZodType;
  const result = schema.safeParse(raw.fields);
  if (result.success) return { value: result.data as ParsedRecord<K>, problems: [] };

  const id = typeof raw.fields.id === 'string' ? raw.fields.id : undefined;
  const spell = (key: string): string => raw.spelling?.[key] ?? key;
  /** `footnotes[2]`, `cite[1].section`: 1-based list positions, names as the file spells them. */
  const fieldName = (path: PropertyKey[]): string =>
    path.reduce<string>((out, p) => (typeof p === 'number' ? `${out}[${p + 1}]` : `${out}${out ? '.' : ''}${spell(String(p))}`), '');

  // Parse again with the offending values in the issues, for the messages.
  const issues = (schema.safeParse(raw.fields, { reportInput: true }).error ?? result.error).issues;
  const problems: Problem[] = [];
  for (const issue of issues) {
    let message: string;
    if (issue.code === 'unrecognized_keys') {
      const where = issue.path.length ? ` in ${fieldName(issue.path)}` : '';
      const keys = issue.keys.map((k) => `'${spell(k)}'`).join(', ');
      const list = issue.path.length ? CITATION_FIELD_NAMES : acceptedFields(raw.kind).map(spell);
      message = `unknown field${issue.keys.length > 1 ? 's' : ''} ${keys}${where} (allowed: ${list.join(', ')})`;
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
