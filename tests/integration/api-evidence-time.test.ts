/**
 * Evidence and timing against the seeded graph: every node, edge and flow says how it stands to
 * its text; year windows follow each edge's timing (a 1966 purge no longer answers "as of 2013");
 * events list by year with month and day; totals can count stated figures only. Expectations are
 * literal facts of seed/data or raw reads of the stored properties.
 */
import { describe, expect, it } from 'vitest';
import { oneRoundTrip, useApi } from './api-harness.ts';

const api = useApi();

const one = oneRoundTrip(api);

const KY = `query($from: Int, $to: Int) { actor(id: "nguyen_cao_ky") { evidence
  relationships(yearFrom: $from, yearTo: $to, first: 200) { type other { id } start end timing evidence } } }`;
// Several requests per test on a loaded machine: those tests get a minute, not the default.
const edgesOf = async (from: number | null, to: number | null) =>
  (await one(KY, { from, to })).actor.relationships.map((e: any) => `${e.type}:${e.other.id}`);

describe('year windows follow timing', () => {
  it('the 1966 purge of Nguyen Chanh Thi (POINT) answers 1966, not 2013', async () => {
    const all = (await one(KY, { from: null, to: null })).actor.relationships;
    expect(all.find((e: any) => e.type === 'PURGED')).toMatchObject({ other: { id: 'nguyen_chanh_thi' }, start: 1966, end: null, timing: 'POINT', evidence: 'STATED' });
    expect(await edgesOf(1966, 1966)).toContain('PURGED:nguyen_chanh_thi');
    expect(await edgesOf(2013, 2013)).not.toContain('PURGED:nguyen_chanh_thi');
    expect(await edgesOf(1960, 1970)).toContain('PURGED:nguyen_chanh_thi');
    expect(await edgesOf(1967, null)).not.toContain('PURGED:nguyen_chanh_thi');
    expect(await edgesOf(null, 1965)).not.toContain('PURGED:nguyen_chanh_thi');
  }, 60_000);

  it('an undated edge is shown only without a window; an open PERIOD holds from its start on', async () => {
    const all = (await one(KY, { from: null, to: null })).actor.relationships;
    // LEADS south_vietnam: the article gives no dates. SUPPORTS from the US: from 1966, no end.
    expect(all.find((e: any) => e.type === 'LEADS' && e.other.id === 'south_vietnam')).toMatchObject({ timing: 'UNDATED', start: null });
    expect(all.find((e: any) => e.type === 'SUPPORTS' && e.other.id === 'united_states')).toMatchObject({ timing: 'PERIOD', start: 1966, end: null });
    const in1966 = await edgesOf(1966, 1966);
    expect(in1966).not.toContain('LEADS:south_vietnam');
    expect(in1966).toContain('SUPPORTS:united_states');
    expect(await edgesOf(1970, 1970)).toContain('SUPPORTS:united_states');
    expect(await edgesOf(1965, 1965)).not.toContain('SUPPORTS:united_states');
  });

  it('an ALWAYS edge holds at every year, in neighborhoods too', async () => {
    const q = `query($y: Int) { neighborhood(id: "arvn_buddhist_units", yearFrom: $y, yearTo: $y) { edges { type source target timing evidence } } }`;
    for (const y of [1900, 1966, 2013]) {
      const { neighborhood } = await one(q, { y });
      expect(neighborhood.edges.find((e: any) => e.type === 'PART_OF' && e.target === 'arvn')).toMatchObject({ timing: 'ALWAYS', evidence: 'STATED' });
    }
    const in2013 = (await one(q, { y: 2013 })).neighborhood.edges;
    expect(in2013.some((e: any) => e.type === 'PARTICIPATED_IN' && e.target === 'buddhist_uprising_1966')).toBe(false);
  }, 60_000);
});

describe('events by year', () => {
  it('lists the events of a window in date order with month and day', async () => {
    const want = await api.db.read<{ id: string }>(
      'MATCH (e:Event) WHERE e.year <= 2013 AND coalesce(e.yearEnd, e.year) >= 2001 RETURN e.id AS id',
    );
    const q = `query($after: String) { events(yearFrom: 2001, yearTo: 2013, first: 4, after: $after) {
      totalCount pageInfo { hasNextPage endCursor } nodes { id year month day yearEnd evidence kind } } }`;
    const seen: any[] = [];
    let after: string | null = null;
    for (let page = 0; page < 50; page++) {
      const { events }: any = await one(q, { after });
      expect(events.totalCount).toBe(want.length);
      seen.push(...events.nodes);
      if (!events.pageInfo.hasNextPage) break;
      after = events.pageInfo.endCursor;
    }
    expect(seen.map((e) => e.id).sort()).toEqual(want.map((w) => w.id).sort());
    const key = (e: any) => e.year * 10000 + (e.month ?? 0) * 100 + (e.day ?? 0);
    for (let i = 1; i < seen.length; i++) expect(key(seen[i])).toBeGreaterThanOrEqual(key(seen[i - 1]));
    expect(seen.find((e) => e.id === 'september_11_attacks_2001')).toMatchObject({ year: 2001, month: 9, day: 11, kind: 'Event', evidence: 'STATED' });
    expect(seen.find((e) => e.id === 'westgate_mall_attack_2013')).toMatchObject({ year: 2013, month: 9 });
  }, 60_000);

  it('without a window lists every event, the undated last', async () => {
    const [{ n }] = await api.db.read<{ n: number }>('MATCH (e:Event) RETURN count(e) AS n');
    const { events } = await one('{ events(first: 500) { totalCount nodes { id year } } }');
    expect(events.totalCount).toBe(Number(n));
    const firstUndated = events.nodes.findIndex((e: any) => e.year === null);
    if (firstUndated >= 0) expect(events.nodes.slice(firstUndated).every((e: any) => e.year === null)).toBe(true);
  });
});

describe('evidence', () => {
  it('flows say their evidence, and fundingFlows and fundingTotals can keep stated figures only', async () => {
    const raw = await api.db.read<{ id: string; e: string | null }>('MATCH (f:Funding) RETURN f.id AS id, f.evidence AS e');
    const notStated = raw.filter((r) => (r.e ?? 'STATED') !== 'STATED').map((r) => r.id).sort();
    expect(notStated.length).toBeGreaterThan(0);

    const { fundingFlows } = await one('{ fundingFlows(first: 500, filter: { evidence: [INFERRED, ASSUMED] }) { totalCount nodes { id evidence } } }');
    expect(fundingFlows.nodes.map((f: any) => f.id).sort()).toEqual(notStated);
    expect(fundingFlows.totalCount).toBe(notStated.length);

    const totals = `query($ev: [Evidence!]) { fundingTotals(groupBy: DONOR, filter: { evidence: $ev }) {
      amountUsd flowCount excludedCount exclusions { flow { evidence } } } }`;
    const stated = (await one(totals, { ev: ['STATED'] })).fundingTotals;
    const every = (await one(totals, { ev: null })).fundingTotals;
    for (const x of stated.exclusions) expect(x.flow.evidence).toBe('STATED');
    expect(stated.flowCount).toBeLessThanOrEqual(every.flowCount);
    const statedFlows = (await one('{ fundingFlows(filter: { evidence: [STATED] }) { totalCount } }')).fundingFlows;
    expect(statedFlows.totalCount).toBe(raw.length - notStated.length);
  }, 60_000);

  it('entities and graph nodes carry evidence', async () => {
    const { node } = await one('{ node(id: "danab") { id evidence } }');
    expect(node.evidence).toMatch(/^(STATED|INFERRED|ASSUMED)$/);
    const { neighborhood } = await one('{ neighborhood(id: "us_congress") { nodes { id evidence } edges { type source evidence timing } } }');
    for (const n of neighborhood.nodes) expect(n.evidence).toMatch(/^(STATED|INFERRED|ASSUMED)$/);
    expect(neighborhood.edges.find((e: any) => e.type === 'ENACTED_BY' && e.source === 'usc10_333')).toMatchObject({ evidence: 'INFERRED' });
  });
});
