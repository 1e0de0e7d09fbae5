/**
 * The seed data set read straight from its files (seed/data/*.yaml|csv) with plain YAML and CSV
 * parsers, without the loader or domain/: expected values computed from it are independent of
 * the code under test.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { parse as parseYaml } from 'yaml';

const SEED = resolve('seed/data');

type Raw = Record<string, unknown>;

/** Every record of one kind (`actors`, `relationships`, ...), from all its files and parts. */
export function seedRecords(kind: string): Raw[] {
  const files = readdirSync(SEED).filter((f) => f === `${kind}.yaml` || f === `${kind}.csv` || (f.startsWith(`${kind}.`) && /\.(ya?ml|csv)$/.test(f)));
  return files.flatMap((file) => {
    const text = readFileSync(join(SEED, file), 'utf8');
    if (file.endsWith('.csv')) return parseCsv(text, { columns: true, skip_empty_lines: true }) as Raw[];
    return (parseYaml(text) as Raw[] | null) ?? [];
  });
}

/** A year field as a number; null when empty. */
export function year(value: unknown): number | null {
  if (value === undefined || value === null || value === '') return null;
  return Number(value);
}

/** Counts by `key(record)`, as { kind, count } sorted largest first, then by kind. */
export function countBy(records: Raw[], key: (r: Raw) => string): { kind: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const r of records) counts.set(key(r), (counts.get(key(r)) ?? 0) + 1);
  return [...counts].map(([kind, count]) => ({ kind, count })).sort((a, b) => b.count - a.count || (a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : 0));
}

/** The smallest and largest of the years given (nulls ignored); null when there is none. */
export function spanOf(years: (number | null)[]): { from: number; to: number } | null {
  const set = years.filter((y): y is number => y !== null);
  return set.length ? { from: Math.min(...set), to: Math.max(...set) } : null;
}

/** What the seed holds, by kind, and the years each kind names. */
export function seedSummary() {
  const actors = seedRecords('actors');
  const authorities = seedRecords('authorities');
  const events = seedRecords('events');
  const relationships = seedRecords('relationships');
  const funding = seedRecords('funding');
  const sources = seedRecords('sources');
  return {
    actors,
    authorities,
    events,
    relationships,
    funding,
    sources,
    flowYears: spanOf(funding.flatMap((f) => [year(f.fy_start), year(f.fy_end)])),
    relationshipYears: spanOf(relationships.flatMap((r) => [year(r.start), year(r.end)])),
    eventYears: spanOf(events.flatMap((e) => [year(e.year), year(e.yearEnd)])),
  };
}
