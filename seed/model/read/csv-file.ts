/** Reads a CSV data file with a header row; each row is remembered with the line it starts on. */
import { parse } from 'csv-parse/sync';
import type { Problem } from '../problems.ts';
import type { RawRecord, RecordKind } from '../types.ts';
import { camelKey } from './files.ts';
import { acceptedFields } from '../fields-by-kind.ts';

interface ParsedRow {
  record: string[];
  info: { lines: number };
}

/** Parses `text` (the content of `file`) into raw records of non-empty cells, keyed by header. */
export function readCsvRecords(
  file: string,
  kind: RecordKind,
  text: string,
): { records: RawRecord[]; problems: Problem[]; unreadable: boolean } {
  const records: RawRecord[] = [];
  const problems: Problem[] = [];
  let rows: ParsedRow[];
  try {
    rows = parse(text, {
      bom: true,
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
    }) as unknown as ParsedRow[];
  } catch (err) {
    const e = err as Error & { lines?: number };
    const message = `CSV syntax: ${e.message}`;
    problems.push(e.lines !== undefined ? { file, row: e.lines, message } : { file, message });
    return { records, problems, unreadable: problems.length > 0 };
  }
  if (rows.length === 0) return { records, problems, unreadable: problems.length > 0 };
  const header = rows[0].record.map((h) => camelKey(h));
  const spelling = Object.fromEntries(header.map((h, i) => [h, rows[0].record[i].trim()]));
  const headerRow = startLine(rows[0]);
  const seen = new Set<string>();
  for (const [i, h] of header.entries()) {
    if (h === '') problems.push({ file, row: headerRow, message: `header column ${i + 1} has no name` });
    else if (seen.has(h)) problems.push({ file, row: headerRow, message: `header column '${rows[0].record[i]}' appears twice` });
    seen.add(h);
  }
  if (problems.length > 0) return { records, problems, unreadable: problems.length > 0 };
  // Unknown columns are reported once, at the header, and their cells ignored.
  const accepted = acceptedFields(kind);
  const unknown = header.filter((h) => !accepted.includes(h));
  if (unknown.length > 0) {
    const names = unknown.map((h) => `'${spelling[h]}'`).join(', ');
    problems.push({ file, row: headerRow, message: `unknown column${unknown.length > 1 ? 's' : ''} ${names} (allowed: ${accepted.map((a) => snake(a)).join(', ')})` });
  }
  for (const row of rows.slice(1)) {
    const loc = { file, row: startLine(row) };
    const cells = row.record;
    if (cells.every((c) => c.trim() === '')) continue; // spreadsheets export blank rows as ",,,"
    const fields: Record<string, unknown> = {};
    cells.forEach((cell, i) => {
      const value = cell.trim();
      if (i < header.length && value !== '' && accepted.includes(header[i])) fields[header[i]] = value;
    });
    if (cells.length !== header.length) {
      const id = typeof fields.id === 'string' ? { id: fields.id } : {};
      problems.push({ ...loc, ...id, message: `row has ${cells.length} cells but the header has ${header.length} columns` });
      records.push({ kind, loc, fields, format: 'csv', spelling, unusable: true });
      continue;
    }
    records.push({ kind, loc, fields, format: 'csv', spelling });
  }
  return { records, problems, unreadable: false };
}

/** csv-parse reports the line a record ends on; quoted newlines move its start up. */
function startLine(row: ParsedRow): number {
  const newlines = row.record.reduce((n, cell) => n + (cell.match(/\n/g)?.length ?? 0), 0);
  return row.info.lines - newlines;
}

/** `amountUsd` -> `amount_usd`, the CSV spelling used in the documentation. */
function snake(name: string): string {
  return name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}
