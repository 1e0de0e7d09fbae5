/**
 * Reads a YAML data file: a list of mappings, each remembered with the line it starts on.
 * js-yaml (core schema: no dates, no implicit types beyond null/bool/numbers) is used for speed;
 * its listener reports where each top-level item starts.
 */
import jsyaml from 'js-yaml';
import type { Problem } from '../../domain/problems.ts';
import type { RawRecord } from '../../domain/records.ts';
import type { RecordKind } from '../../domain/kinds.ts';
import { camelKey } from './files.ts';

/** Parses `text` (the content of `file`) into raw records; syntax and shape errors become problems. */
export function readYamlRecords(
  file: string,
  kind: RecordKind,
  text: string,
): { records: RawRecord[]; problems: Problem[]; unreadable: boolean } {
  const records: RawRecord[] = [];
  const problems: Problem[] = [];
  const itemLines: number[] = [];
  let depth = 0;
  let data: unknown;
  try {
    data = jsyaml.load(text, {
      schema: jsyaml.CORE_SCHEMA,
      filename: file,
      listener(event, state) {
        if (event === 'open') {
          if (depth === 1) itemLines.push(state.line + 1);
          depth += 1;
        } else depth -= 1;
      },
    });
  } catch (err) {
    const e = err as Error & { reason?: string; mark?: { line: number } };
    const message = `YAML syntax: ${e.reason ?? e.message.split('\n')[0]}`;
    problems.push(e.mark ? { file, line: e.mark.line + 1, message } : { file, message });
    return { records, problems, unreadable: true };
  }
  if (data === null || data === undefined) return { records, problems, unreadable: false }; // an empty file
  if (!Array.isArray(data)) {
    problems.push({ file, line: firstContentLine(text), message: 'expected a YAML list of records (each item starting with "- ")' });
    return { records, problems, unreadable: true };
  }
  data.forEach((item: unknown, i) => {
    const line = itemLines[i];
    const loc = line !== undefined ? { file, line } : { file };
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
    records.push({ kind, loc, fields, format: 'yaml', spelling, ...(bad ? { unusable: true } : {}) });
  });
  return { records, problems, unreadable: false };
}

/** 1-based line of the first line that is neither blank nor a comment. */
function firstContentLine(text: string): number {
  const lines = text.split('\n');
  const i = lines.findIndex((l) => l.trim() !== '' && !l.trimStart().startsWith('#') && l.trim() !== '---');
  return i < 0 ? 1 : i + 1;
}
