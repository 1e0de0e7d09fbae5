/**
 * A problem found in a data set: where it is (file, YAML line or CSV row, record id) and why.
 * Validation collects every problem at once; nothing is written while any exists.
 */
export interface Problem {
  /** File name relative to the data set folder, e.g. `actors.yaml` (or `.` for the folder). */
  file: string;
  /** YAML: 1-based line where the record starts. */
  line?: number;
  /** CSV: 1-based line where the row starts (the header is row 1). */
  row?: number;
  /** Id of the record, when it has one. */
  id?: string;
  message: string;
}

/** Where a record was read from. */
export interface Location {
  file: string;
  line?: number;
  row?: number;
}

/** Builds a problem at a record's location. */
export function problemAt(loc: Location, message: string, id?: string): Problem {
  const p: Problem = { file: loc.file, message };
  if (loc.line !== undefined) p.line = loc.line;
  if (loc.row !== undefined) p.row = loc.row;
  if (id !== undefined) p.id = id;
  return p;
}

/** Formats a location as `file:line` / `file row N`, for messages and CLI output. */
export function formatLocation(loc: Location): string {
  if (loc.line !== undefined) return `${loc.file}:${loc.line}`;
  if (loc.row !== undefined) return `${loc.file} row ${loc.row}`;
  return loc.file;
}

/** One line per problem: `actors.yaml:12 [danab] country: no actor 'somalai'`. */
export function formatProblem(p: Problem): string {
  const id = p.id !== undefined ? ` [${p.id}]` : '';
  return `${formatLocation(p)}${id}: ${p.message}`;
}

/** Orders problems by file, then position, keeping discovery order for ties. */
export function sortProblems(problems: Problem[]): Problem[] {
  return problems
    .map((p, i) => ({ p, i }))
    .sort((a, b) => {
      if (a.p.file !== b.p.file) return a.p.file < b.p.file ? -1 : 1;
      const pa = a.p.line ?? a.p.row ?? 0;
      const pb = b.p.line ?? b.p.row ?? 0;
      return pa - pb || a.i - b.i;
    })
    .map(({ p }) => p);
}
