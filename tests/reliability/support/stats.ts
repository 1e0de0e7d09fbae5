/** Latency statistics for the drills: percentiles over raw samples, printed as one table row. */

/** Summary of a set of latencies (ms). */
export interface LatencySummary {
  count: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  mean: number;
}

/** Nearest-rank percentile of already sorted values (`q` in 0..1). */
export function percentile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[rank];
}

/** Summarises latencies in ms. */
export function summarize(samples: readonly number[]): LatencySummary {
  const sorted = [...samples].sort((a, b) => a - b);
  const sum = sorted.reduce((a, b) => a + b, 0);
  return {
    count: sorted.length,
    p50: percentile(sorted, 0.5),
    p95: percentile(sorted, 0.95),
    p99: percentile(sorted, 0.99),
    max: sorted.length ? sorted[sorted.length - 1] : Number.NaN,
    mean: sorted.length ? sum / sorted.length : Number.NaN,
  };
}

const ms = (value: number) => (Number.isFinite(value) ? value.toFixed(1) : '-');

/** A fixed-width table of summaries, one row per name. */
export function formatTable(rows: Record<string, LatencySummary>): string {
  const header = ['query', 'n', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms', 'mean ms'];
  const body = Object.entries(rows).map(([name, s]) => [name, String(s.count), ms(s.p50), ms(s.p95), ms(s.p99), ms(s.max), ms(s.mean)]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  return [line(header), ...body.map(line)].join('\n');
}
