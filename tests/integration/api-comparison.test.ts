/**
 * graphComparison against the seed files: which relationships and which donor -> recipient
 * funding were added, removed, changed or kept between two year windows, and the amounts each
 * window counts. The expected statuses and amounts are computed here from seed/data with plain
 * parsers and the counting rules written out again in a few lines, not by the server's code.
 */
import { describe, expect, it } from 'vitest';
import { oneRoundTrip, useApi } from './api-harness.ts';
import { seedRecords, year } from '../helpers/seed-files.ts';

const api = useApi();
const one = oneRoundTrip(api);

type Window = { from: number; to: number };
type Raw = Record<string, unknown>;

const QUERY = `query($a: YearSpanInput!, $b: YearSpanInput!, $types: [RelationshipType!], $min: Float) {
  graphComparison(a: $a, b: $b, types: $types, minAmountUsd: $min, limit: 2000) {
    a { from to } b { from to }
    nodes { id }
    edges { id source target type status countA countB amountA amountB }
    counts { added removed changed same }
    truncated omittedNodes omittedEdges
  } }`;

/** Whether a relationship of the seed holds in `w`, by its timing (the data format's rules). */
function holds(r: Raw, w: Window): boolean {
  const start = year(r.start);
  const end = year(r.end);
  const timing = (r.timing as string) || (start === null && end === null ? 'UNDATED' : 'PERIOD');
  if (timing === 'ALWAYS') return true;
  if (timing === 'UNDATED') return false;
  if (timing === 'POINT') return start !== null && start >= w.from && start <= w.to;
  return (start === null || start <= w.to) && (end === null || end >= w.from);
}

const flowEnd = (f: Raw) => year(f.fy_end) ?? (year(f.fy_start) as number);
const overlaps = (f: Raw, w: Window) => (year(f.fy_start) as number) <= w.to && flowEnd(f) >= w.from;
const inside = (f: Raw, w: Window) => f.basis !== 'TOTAL' || ((year(f.fy_start) as number) >= w.from && flowEnd(f) <= w.to);
/** A flow's full amount in `w`: an ANNUAL one once per year of it inside the window. */
function full(f: Raw, w: Window): number {
  const amount = Number(f.amount_usd);
  if (f.basis !== 'ANNUAL') return amount;
  return amount * (Math.min(flowEnd(f), w.to) - Math.max(year(f.fy_start) as number, w.from) + 1);
}

/** What each flow of `flows` that overlaps `w` adds to a total: averages and TOTALs reaching outside add nothing, a flow with parts only what they leave. */
function counted(flows: Raw[], w: Window): Map<string, number> {
  const matched = flows.filter((f) => overlaps(f, w));
  const out = new Map<string, number>();
  for (const f of matched) {
    if (f.basis === 'AVERAGE' || !inside(f, w)) {
      out.set(f.id as string, 0);
      continue;
    }
    const parts = matched.filter((p) => p.part_of === f.id && p.basis !== 'AVERAGE' && inside(p, w));
    const partsSum = parts.reduce((s, p) => s + full(p, w), 0);
    out.set(f.id as string, parts.length ? Math.max(full(f, w) - partsSum, 0) : full(f, w));
  }
  return out;
}

interface Expected {
  status: string;
  amountA?: number;
  amountB?: number;
}

/** The expected edges, keyed type:source>target (parallel relationships listed once each). */
function expected(a: Window, b: Window, min: number | null): { typed: string[]; funded: Map<string, Expected> } {
  const status = (inA: boolean, inB: boolean) => (!inA ? 'ADDED' : !inB ? 'REMOVED' : 'SAME');
  const funding = seedRecords('funding').filter((f) => min === null || Number(f.amount_usd) >= min);
  const countedA = counted(funding, a);
  const countedB = counted(funding, b);
  const funded = new Map<string, Expected>();
  for (const f of funding) {
    if (!countedA.has(f.id as string) && !countedB.has(f.id as string)) continue;
    const key = `FUNDED:${f.donor}>${f.recipient}`;
    const e = funded.get(key) ?? { status: '', amountA: 0, amountB: 0, inA: false, inB: false };
    const m = e as Expected & { inA: boolean; inB: boolean };
    m.amountA! += countedA.get(f.id as string) ?? 0;
    m.amountB! += countedB.get(f.id as string) ?? 0;
    m.inA ||= countedA.has(f.id as string);
    m.inB ||= countedB.has(f.id as string);
    funded.set(key, m);
  }
  for (const e of funded.values() as Iterable<Expected & { inA: boolean; inB: boolean }>) {
    e.status = e.inA && e.inB && Math.abs(e.amountA! - e.amountB!) >= 0.5 ? 'CHANGED' : status(e.inA, e.inB);
  }
  const typed = seedRecords('relationships')
    .filter((r) => holds(r, a) || holds(r, b))
    .map((r) => `${r.type}:${r.from}>${r.to}:${status(holds(r, a), holds(r, b))}`)
    .sort();
  return { typed, funded };
}

const compare = (a: Window, b: Window, extra: Record<string, unknown> = {}) => one(QUERY, { a, b, ...extra }).then((d: any) => d.graphComparison);

describe('graphComparison', () => {
  const cases: [Window, Window][] = [
    [{ from: 2011, to: 2011 }, { from: 2016, to: 2016 }],
    [{ from: 2006, to: 2010 }, { from: 2011, to: 2018 }],
    [{ from: 1960, to: 1966 }, { from: 2013, to: 2013 }],
  ];

  it.each(cases)('statuses and amounts of %o -> %o match the seed files', async (a, b) => {
    const answer = await compare(a, b);
    expect(answer.a).toEqual(a);
    expect(answer.b).toEqual(b);
    expect(answer.truncated).toBe(false);
    const want = expected(a, b, null);
    const typed = answer.edges.filter((e: any) => e.type !== 'FUNDED').map((e: any) => `${e.type}:${e.source}>${e.target}:${e.status}`).sort();
    expect(typed).toEqual(want.typed);
    const funded = answer.edges.filter((e: any) => e.type === 'FUNDED');
    expect(funded.map((e: any) => e.id).sort()).toEqual([...want.funded.keys()].sort());
    for (const e of funded) {
      const w = want.funded.get(e.id)!;
      expect({ id: e.id, status: e.status }).toEqual({ id: e.id, status: w.status });
      expect(e.amountA).toBeCloseTo(w.amountA!, 0);
      expect(e.amountB).toBeCloseTo(w.amountB!, 0);
    }
    // Every status occurs in the first window pair, so each branch of the rule is exercised.
    if (a.from === 2011) for (const s of ['ADDED', 'REMOVED', 'CHANGED', 'SAME']) expect(answer.edges.some((e: any) => e.status === s), s).toBe(true);
    const byStatus = (s: string) => answer.edges.filter((e: any) => e.status === s).length;
    expect(answer.counts).toEqual({ added: byStatus('ADDED'), removed: byStatus('REMOVED'), changed: byStatus('CHANGED'), same: byStatus('SAME') });
    const ends = new Set(answer.edges.flatMap((e: any) => [e.source, e.target]));
    expect(new Set(answer.nodes.map((n: any) => n.id))).toEqual(ends);
  }, 60_000);

  it('a changed FUNDED edge carries the amounts fundingTotals counts for the same donor, recipient and years', async () => {
    const a = { from: 2011, to: 2011 };
    const b = { from: 2016, to: 2016 };
    const changed = (await compare(a, b)).edges.filter((e: any) => e.status === 'CHANGED');
    expect(changed.length).toBeGreaterThan(0);
    const totals = `query($f: FundingFilter) { fundingTotals(groupBy: DONOR, filter: $f) { amountUsd } }`;
    for (const e of changed.slice(0, 3)) {
      for (const [w, amount] of [[a, e.amountA], [b, e.amountB]] as const) {
        const { fundingTotals } = await one(totals, { f: { donor: e.source, recipient: e.target, yearFrom: w.from, yearTo: w.to } });
        expect(fundingTotals.amountUsd).toBeCloseTo(amount, 0);
      }
    }
  }, 60_000);

  it('types and a minimum amount narrow it as the overview does', async () => {
    const a = { from: 2006, to: 2010 };
    const b = { from: 2011, to: 2018 };
    const onlyFunded = await compare(a, b, { types: ['FUNDED'], min: 100_000_000 });
    const want = expected(a, b, 100_000_000);
    expect(onlyFunded.edges.every((e: any) => e.type === 'FUNDED')).toBe(true);
    expect(onlyFunded.edges.map((e: any) => `${e.id}:${e.status}`).sort()).toEqual([...want.funded].map(([id, e]) => `${id}:${e.status}`).sort());
  }, 60_000);

  it('refuses a window whose from is after its to', async () => {
    const answer = await api.gql(QUERY, { a: { from: 2016, to: 2011 }, b: { from: 2011 } });
    expect(answer.body.errors?.[0]?.message).toMatch(/a\.from/);
  });
});
