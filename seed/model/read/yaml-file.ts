/** Reads a YAML data file: a list of mappings, each remembered with its line number. */
import { LineCounter, parseDocument, isMap, isSeq, isScalar } from 'yaml';
import type { Problem } from '../problems.ts';
import type { RawRecord, RecordKind } from '../types.ts';
import { camelKey } from './files.ts';

/** Parses `text` (the content of `file`) into raw records; syntax and shape errors become problems. */
export function readYamlRecords(
  file: string,
  kind: RecordKind,
  text: string,
): { records: RawRecord[]; problems: Problem[]; unreadable: boolean } {
  const records: RawRecord[] = [];
  const problems: Problem[] = [];
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    for (const err of doc.errors) {
      const line = err.linePos?.[0]?.line ?? (err.pos ? lineCounter.linePos(err.pos[0]).line : undefined);
      const message = `YAML syntax: ${err.message.split('\n')[0]}`;
      problems.push(line !== undefined ? { file, line, message } : { file, message });
    }
    return { records, problems, unreadable: problems.length > 0 };
  }
  const root = doc.contents;
  if (root === null || (isScalar(root) && (root.value === null || root.value === undefined))) {
    return { records, problems, unreadable: problems.length > 0 }; // an empty file holds no records
  }
  if (!isSeq(root)) {
    const line = root.range ? lineCounter.linePos(root.range[0]).line : 1;
    problems.push({ file, line, message: 'expected a YAML list of records (each item starting with "- ")' });
    return { records, problems, unreadable: problems.length > 0 };
  }
  for (const item of root.items) {
    const line = (item as { range?: [number, number, number] }).range
      ? lineCounter.linePos((item as { range: [number, number, number] }).range[0]).line
      : undefined;
    const loc = line !== undefined ? { file, line } : { file };
    if (!isMap(item)) {
      problems.push({ ...loc, message: 'expected a record (a mapping of field: value)' });
      continue;
    }
    const js = item.toJS(doc) as Record<string, unknown>;
    const fields: Record<string, unknown> = {};
    const spelling: Record<string, string> = {};
    let bad = false;
    for (const [rawKey, value] of Object.entries(js)) {
      const key = camelKey(rawKey);
      if (key in fields) {
        problems.push({ ...loc, ...idOf(js), message: `field '${rawKey}' given twice (as snake_case and camelCase)` });
        bad = true;
      }
      fields[key] = value;
      spelling[key] = rawKey;
    }
    records.push({ kind, loc, fields, format: 'yaml', spelling, ...(bad ? { unusable: true } : {}) });
  }
  return { records, problems, unreadable: false };
}

function idOf(js: Record<string, unknown>): { id?: string } {
  return typeof js.id === 'string' ? { id: js.id } : {};
}
