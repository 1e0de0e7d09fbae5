/**
 * The YAML format: a list of mappings, one record each, remembered with the line it starts on
 * (from the node ranges of `yaml`'s document). The core schema gives strings, numbers, booleans
 * and null only: no dates, no custom types.
 */
import { LineCounter, parseDocument, isSeq, type YAMLError } from 'yaml';
import type { Problem } from '../../domain/problems.ts';
import type { RawRecord } from '../../domain/records.ts';
import type { RecordKind } from '../../domain/kinds.ts';
import { camelKey, type Reader, type ReadResult } from './reader.ts';

/** Messages reworded where `yaml`'s own would puzzle someone editing a data file. */
const SYNTAX_MESSAGES: Partial<Record<string, string>> = {
  DUPLICATE_KEY: 'duplicated mapping key',
  MULTIPLE_DOCS: 'more than one YAML document in the file (a line "---" starts another)',
};

/**
 * Aliases resolve to the anchored value itself, shared, never copied, so an "alias bomb" (nine
 * levels of nine aliases) costs what its text costs. yaml's alias counter (maxAliasCount) is
 * turned off because it would refuse the whole file, where the schemas report the offending
 * field of the one record, and because nothing reads values deeper than the schemas allow (a
 * nested list is refused as "a list" without being walked).
 */
const TO_JS = { maxAliasCount: -1 } as const;

/** Parses `text` (the content of `file`) into raw records; syntax and shape errors become problems. */
export function readYamlRecords(file: string, kind: RecordKind, text: string): ReadResult {
  const records: RawRecord[] = [];
  const problems: Problem[] = [];
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, schema: 'core', uniqueKeys: true });
  const lineOf = (offset: number): number => lineCounter.linePos(offset).line;

  // An unknown tag (`!secret`) is only a warning to `yaml`, which would read the value as plain
  // text; a data file has no use for tags, so it stops the file. Other warnings (style) do not.
  const error: YAMLError | undefined = doc.errors[0] ?? doc.warnings.find((w) => w.code === 'TAG_RESOLVE_FAILED');
  if (error) {
    problems.push({ file, line: lineOf(error.pos[0]), message: `YAML syntax: ${SYNTAX_MESSAGES[error.code] ?? error.message.split('\n')[0]}` });
    return { records, problems, unreadable: true };
  }
  const root = doc.contents;
  const data: unknown = doc.toJS(TO_JS);
  if (data === null || data === undefined) return { records, problems, unreadable: false }; // an empty file
  if (!isSeq(root) || !Array.isArray(data)) {
    problems.push({ file, line: root?.range ? lineOf(root.range[0]) : 1, message: 'expected a YAML list of records (each item starting with "- ")' });
    return { records, problems, unreadable: true };
  }
  data.forEach((item: unknown, i) => {
    const range = root.items[i]?.range;
    const loc = range ? { file, line: lineOf(range[0]) } : { file };
    if (item === null || typeof item !== 'object' || Array.isArray(item)) {
      problems.push({ ...loc, message: 'expected a record (a mapping of field: value)' });
      return;
    }
    const js = item as Record<string, unknown>;
    const fields: Record<string, unknown> = {};
    const spelling: Record<string, string> = {};
    let bad = false;
    for (const rawKey of Object.keys(js)) {
      const key = camelKey(rawKey);
      if (key in fields) {
        problems.push({ ...loc, ...(typeof js.id === 'string' ? { id: js.id } : {}), message: `field '${rawKey}' given twice (as snake_case and camelCase)` });
        bad = true;
      }
      fields[key] = js[rawKey];
      spelling[key] = rawKey;
    }
    records.push({ kind, loc, fields, spelling, ...(bad ? { unusable: true } : {}) });
  });
  return { records, problems, unreadable: false };
}

export const yamlReader: Reader = { read: readYamlRecords };
