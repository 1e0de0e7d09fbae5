/** Reads a CSV data file with a header row; each row is remembered with the line it starts on. */
import { CsvSyntaxError, parseCsv, type CsvRecord } from './csv-parse.ts';
import type { Problem } from '../../domain/problems.ts';
import type { RawRecord } from '../../domain/records.ts';
import type { RecordKind } from '../../domain/kinds.ts';
import { camelKey } from './files.ts';
import { acceptedFields } from '../../domain/validate/fields-by-kind.ts';

/** Parses `text` (the content of `file`) into raw records of non-empty cells, keyed by header. */
export function readCsvRecords(
  file: string,
  kind: RecordKind,
  text: string,
): { records: RawRecord[]; problems: Problem[]; unreadable: boolean } {
  const records: RawRecord[] = [];
  const problems: Problem[] = [];
  let rows: CsvRecord[];
  try {
    rows = parseCsv(text);
  } catch (err) {
    if (!(err instanceof CsvSyntaxError)) throw err;
    problems.push({ file, row: err.line, message: `CSV syntax: ${err.message}` });
    return { records, problems, unreadable: true };
  }
  if (rows.length === 0) return { records, problems, unreadable: problems.length > 0 };
  const header = rows[0].cells.map((h) => camelKey(h));
  const spelling = Object.fromEntries(header.map((h, i) => [h, rows[0].cells[i].trim()]));
  const headerRow = rows[0].line;
  const seen = new Set<string>();
  for (const [i, h] of header.entries()) {
    if (h === '') problems.push({ file, row: headerRow, message: `header column ${i + 1} has no name` });
    else if (seen.has(h)) problems.push({ file, row: headerRow, message: `header column '${rows[0].cells[i]}' appears twice` });
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
  // The field each column fills (null: unknown column, ignored).
  const target = header.map((h) => (accepted.includes(h) ? h : null));
  for (let r = 1; r < rows.length; r++) {
    const row = rows[r];
    const loc = { file, row: row.line };
    const cells = row.cells;
    const fields: Record<string, unknown> = {};
    let empty = true;
    for (let i = 0; i < cells.length; i++) {
      const value = cells[i].trim();
      if (value === '') continue;
      empty = false;
      const key = i < target.length ? target[i] : null;
      if (key !== null) fields[key] = value;
    }
    if (empty) continue; // spreadsheets export blank rows as ",,,"

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

/** `amountUsd` -> `amount_usd`, the CSV spelling used in the documentation. */
function snake(name: string): string {
  return name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}
