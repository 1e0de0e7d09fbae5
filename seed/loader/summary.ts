/** What a load did, per record kind, and how to print it. */
import { RECORD_KINDS, type RecordKind } from '../../domain/kinds.ts';
import { formatLocation } from '../../domain/problems.ts';
import type { Conflict } from './curated.ts';

/** Counts of one kind of record. */
export interface Counts {
  created: number;
  updated: number;
  unchanged: number;
}

/** The result of loadDataset. */
export interface LoadSummary {
  /** Per record kind (sources, actors, authorities, events, relationships, funding). */
  counts: Record<RecordKind, Counts>;
  total: Counts;
  /** Rows written or compared (= records). */
  rows: number;
  elapsedMs: number;
  rowsPerSecond: number;
  /** True when nothing was written (validation, and a comparison with the database when one was given). */
  dryRun: boolean;
  /** With `reset`: what was wiped before loading. */
  deleted?: { nodes: number; relationships: number };
  /** Where the time went (ms): reading and validating, schema, reset, writing (or comparing). */
  phases: { readValidateMs: number; schemaMs: number; resetMs: number; writeMs: number };
  /** Records of the files left out because they were curated through the API (not in `counts`). */
  conflicts?: Conflict[];
  /** With `overwriteEdits`: curated records replaced by the files' version (counted in `counts`). */
  overwritten?: Conflict[];
}

export function zeroCounts(): Counts {
  return { created: 0, updated: 0, unchanged: 0 };
}

export function addCounts(into: Counts, more: Counts): void {
  into.created += more.created;
  into.updated += more.updated;
  into.unchanged += more.unchanged;
}

/** A plain-text table of the summary, one line per kind, then the total and timing. */
export function formatSummary(s: LoadSummary): string {
  const rows: string[][] = [['kind', 'created', 'updated', 'unchanged']];
  for (const kind of RECORD_KINDS) {
    const c = s.counts[kind];
    rows.push([kind, String(c.created), String(c.updated), String(c.unchanged)]);
  }
  rows.push(['total', String(s.total.created), String(s.total.updated), String(s.total.unchanged)]);
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  const line = (r: string[]) => r.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  ');
  const out = [line(rows[0]), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.slice(1, -1).map(line), widths.map((w) => '-'.repeat(w)).join('  '), line(rows[rows.length - 1])];
  if (s.deleted) out.unshift(`reset: deleted ${s.deleted.nodes} nodes and ${s.deleted.relationships} relationships in ${(s.phases.resetMs / 1000).toFixed(2)} s`);
  const secs = (s.elapsedMs / 1000).toFixed(2);
  out.push(`${s.dryRun ? 'dry run (nothing written): ' : ''}${s.rows} records in ${secs} s (${Math.round(s.rowsPerSecond)} records/s)`);
  const p = s.phases;
  const sec = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
  out.push(`  read and validate ${sec(p.readValidateMs)}, schema ${sec(p.schemaMs)}${s.deleted ? `, reset ${sec(p.resetMs)}` : ''}, ${s.dryRun ? 'compare' : 'write'} ${sec(p.writeMs)}`);
  if (s.conflicts?.length) {
    out.push(
      `${s.dryRun ? 'would keep' : 'kept'} ${s.conflicts.length} record${s.conflicts.length === 1 ? '' : 's'} changed through the curation API (the files' version is not loaded; rerun with --overwrite-edits to replace them):`,
      ...s.conflicts.map((c) => `  ${formatConflict(c)}`),
    );
  }
  if (s.overwritten?.length) {
    out.push(
      `${s.dryRun ? 'would replace' : 'replaced'} ${s.overwritten.length} record${s.overwritten.length === 1 ? '' : 's'} changed through the curation API with the files' version (--overwrite-edits; the change log keeps the replaced version):`,
      ...s.overwritten.map((c) => `  ${formatConflict(c)}`),
    );
  }
  return out.join('\n');
}

const NOUN: Record<RecordKind, string> = { sources: 'source', actors: 'actor', authorities: 'authority', events: 'event', relationships: 'relationship', funding: 'funding flow' };

/** One conflict: where the record is in the files, which record, and who changed what when. */
export function formatConflict(c: Conflict): string {
  const where = c.loc ? formatLocation(c.loc) : '(file unknown)';
  const deleted = c.change.operation.startsWith('delete');
  const what = c.via
    ? `needs '${c.via}', deleted by ${c.change.who} at ${c.change.at} (${c.change.operation})`
    : `${deleted ? 'deleted' : 'changed'} by ${c.change.who} at ${c.change.at} (${c.change.operation})`;
  return `${where}: ${NOUN[c.kind]} '${c.key}' ${what}; the files would ${c.action} it`;
}
