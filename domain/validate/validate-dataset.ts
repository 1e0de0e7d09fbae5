/**
 * Validating a data set: `validateDataset(raw)` checks every record read from files (or sent
 * through curation) and every reference, and reports all problems at once.
 */
import { crossCheck, KIND_NOUN, type CrossCheckOptions, type KnownKind, type Located, type ParsedSet } from './cross-checks.ts';
import { parseRecord } from './parse-record.ts';
import { sortProblems, type Problem } from '../problems.ts';
import { RECORD_KINDS } from '../kinds.ts';
import { emptyDataset, type Dataset, type RawDataset, type RawRecord } from '../records.ts';

/** The outcome of validation: `ok` when there is no problem; `dataset` holds the valid records. */
export interface ValidationResult {
  ok: boolean;
  problems: Problem[];
  dataset: Dataset;
}

/** Appends in a loop: `push(...items)` overflows the call stack for a million records. */
export function append<T>(target: T[], items: readonly T[]): void {
  for (const item of items) target.push(item);
}

/**
 * Validates raw records (read from a folder, or one record sent through curation). Every problem
 * is reported, sorted by file and position; `dataset` is complete only when `ok`.
 */
export function validateDataset(raw: RawDataset, options: Pick<CrossCheckOptions, 'known'> = {}): ValidationResult {
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
