/**
 * Reading and validating a data set folder: `readDataset(dir)` reads every data file,
 * `validateDataset(raw)` checks every record and every reference and reports all problems at once.
 */
import { readFileSync } from 'node:fs';
import { crossCheck, KIND_NOUN, type CrossCheckOptions, type KnownKind, type Located, type ParsedSet } from './cross-checks.ts';
import { parseRecord } from './parse-record.ts';
import { sortProblems, type Problem } from './problems.ts';
import { findDataFiles } from './read/files.ts';
import { readCsvRecords } from './read/csv-file.ts';
import { readYamlRecords } from './read/yaml-file.ts';
import { emptyDataset, RECORD_KINDS, type Dataset, type RawDataset, type RawRecord, type RecordKind } from './types.ts';

/** The outcome of validation: `ok` when there is no problem; `dataset` holds the valid records. */
export interface ValidationResult {
  ok: boolean;
  problems: Problem[];
  dataset: Dataset;
}

/** Appends in a loop: `push(...items)` overflows the call stack for a million records (size L). */
function append<T>(target: T[], items: readonly T[]): void {
  for (const item of items) target.push(item);
}

/** Reads every data file of `dir` into raw records (file order: kind, then name). */
export function readDataset(dir: string): RawDataset {
  const { files, problems } = findDataFiles(dir);
  const records: RawRecord[] = [];
  const unreadableKinds = new Set<RecordKind>();
  if (!files.some((f) => f.kind === 'sources')) unreadableKinds.add('sources');
  const order = (k: RecordKind): number => RECORD_KINDS.indexOf(k);
  for (const file of [...files].sort((a, b) => order(a.kind) - order(b.kind) || (a.name < b.name ? -1 : 1))) {
    let text: string;
    try {
      text = readFileSync(file.path, 'utf8');
    } catch (err) {
      problems.push({ file: file.name, message: `cannot read: ${(err as Error).message}` });
      continue;
    }
    const read = file.format === 'csv' ? readCsvRecords(file.name, file.kind, text) : readYamlRecords(file.name, file.kind, text);
    append(records, read.records);
    append(problems, read.problems);
    // A file that failed as a whole (syntax, shape) hides its ids: references to its kind are not checked.
    if (read.unreadable) unreadableKinds.add(file.kind);
  }
  return { dir, records, problems, unreadableKinds: [...unreadableKinds] };
}

/**
 * Validates a data set (a folder path, or what readDataset returned). Every problem is reported,
 * sorted by file and position; `dataset` is complete only when `ok`.
 */
export function validateDataset(input: string | RawDataset, options: Pick<CrossCheckOptions, 'known'> = {}): ValidationResult {
  const raw = typeof input === 'string' ? readDataset(input) : input;
  const problems: Problem[] = [...raw.problems];
  const parsed = Object.fromEntries(RECORD_KINDS.map((k) => [k, []])) as unknown as ParsedSet;
  // Records that failed their own checks still name their id, so that references to them do
  // not add a second, misleading problem.
  const failed = new Map<string, KnownKind>();
  for (const record of raw.records) {
    const { value, problems: found } = record.unusable ? { value: undefined, problems: [] } : parseRecord(record);
    append(problems, found);
    if (value !== undefined) (parsed[record.kind] as Located<unknown>[]).push({ value, loc: record.loc });
    else if (typeof record.fields.id === 'string') failed.set(record.fields.id.trim(), knownKindOf(record));
  }
  const checked = crossCheck(parsed, { ...options, failed, unreadable: new Set(raw.unreadableKinds.map((k) => KIND_NOUN[k])) });
  append(problems, checked.problems);
  const ok = problems.length === 0;
  return { ok, problems: sortProblems(problems), dataset: ok ? checked.dataset : { ...emptyDataset(), ...checked.dataset } };
}

function knownKindOf(record: RawRecord): KnownKind {
  const sub = typeof record.fields.kind === 'string' ? record.fields.kind : '';
  const kind = KIND_NOUN[record.kind];
  if (kind === 'actor') return { kind, actorKind: sub };
  if (kind === 'source') return { kind, sourceKind: sub };
  return { kind } as KnownKind;
}

/** Number of records of each kind. */
export function countRecords(dataset: Dataset): Record<RecordKind, number> {
  return Object.fromEntries(RECORD_KINDS.map((k) => [k, dataset[k].length])) as Record<RecordKind, number>;
}
