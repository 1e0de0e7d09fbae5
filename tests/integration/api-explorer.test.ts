/**
 * What the explorer reads from the API, checked against the seeded graph read with plain Cypher
 * and worked out here in the test's own code: the funding graph's counted figures (the counting
 * rules re-implemented below), edges and flows by id, neighbourhood filters, exact truncation
 * counts, and paths (enumerated here by a plain depth-first search).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { dataOf, oneRoundTrip, pathRoundTrips, useApi } from './api-harness.ts';

const api = useApi({ warm: true });

const one = oneRoundTrip(api);

interface RawFlow { id: string; donorId: string; recipientId: string; authorityId: string | null; amountUsd: number; fyStart: number; fyEnd: number; basis: string; partOf: string | null }

/** The counting rules of docs/api.md, written from the prose: what each matched flow adds. */
function counted(all: RawFlow[], from: number | null, to: number | null, match: (f: RawFlow) => boolean): Map<string, { flow: RawFlow; counted: number; reason: string | null }> {
  const windowed = from !== null || to !== null;
  const overlaps = (f: RawFlow) => (to === null || f.fyStart <= to) && (from === null || f.fyEnd >= from);
  const matched = all.filter((f) => overlaps(f) && match(f));
  const inside = (f: RawFlow) => !windowed || f.basis !== 'TOTAL' || ((from === null || f.fyStart >= from) && (to === null || f.fyEnd <= to));
  const full = (f: RawFlow) => {
    if (f.basis !== 'ANNUAL') return f.amountUsd;
    const lo = Math.max(f.fyStart, from ?? f.fyStart);
    const hi = Math.min(f.fyEnd, to ?? f.fyEnd);
    return f.amountUsd * (hi - lo + 1);
  };
  const out = new Map<string, { flow: RawFlow; counted: number; reason: string | null }>();
  for (const f of matched) {
    const parts = matched.filter((p) => p.partOf === f.id && p.basis !== 'AVERAGE' && inside(p));
    if (f.basis === 'AVERAGE') out.set(f.id, { flow: f, counted: 0, reason: 'AVERAGE' });
    else if (!inside(f)) out.set(f.id, { flow: f, counted: 0, reason: 'OUTSIDE_WINDOW' });
    else if (parts.length > 0) out.set(f.id, { flow: f, counted: Math.max(0, full(f) - parts.reduce((s, p) => s + full(p), 0)), reason: 'PARTS_COUNTED' });
    else out.set(f.id, { flow: f, counted: full(f), reason: null });
  }
  return out;
}

function sumBy(rows: Iterable<{ flow: RawFlow; counted: number }>, key: (f: RawFlow) => string): Map<string, number> {
  const sums = new Map<string, number>();
  for (const r of rows) sums.set(key(r.flow), (sums.get(key(r.flow)) ?? 0) + r.counted);
  return sums;
}

const WINDOWS: [number | null, number | null][] = [[null, null], [2011, 2011], [2016, 2016], [2009, 2013], [2014, 2018], [2017, 2020]];

describe('fundingGraph: every figure as the counting rules give it', () => {
  let flows: RawFlow[];
  beforeAll(async () => {
    flows = await api.db.read<RawFlow & Record<string, unknown>>(
      'MATCH (f:Funding) RETURN f.id AS id, f.donorId AS donorId, f.recipientId AS recipientId, f.authorityId AS authorityId, f.amountUsd AS amountUsd, f.fyStart AS fyStart, f.fyEnd AS fyEnd, f.basis AS basis, f.partOf AS partOf');
    expect(flows.length).toBeGreaterThan(10);
  });

  const GRAPH = `query($filter: FundingFilter) {
    fundingGraph(filter: $filter, flowsPerEdge: 200) {
      amountUsd flowCount excludedCount omittedEdges
      nodes { id entityId role label amountUsd flowCount }
      edges { id source target leg amountUsd flowCount excludedCount matchedCount flows { countedUsd reason flow { id amountUsd } } }
    }
    byDonor: fundingTotals(groupBy: DONOR, filter: $filter) { amountUsd groups { key amountUsd } }
    byAuthority: fundingTotals(groupBy: AUTHORITY, filter: $filter) { groups { key amountUsd } }
    byRecipient: fundingTotals(groupBy: RECIPIENT, filter: $filter) { groups { key amountUsd } }
  }`;

  it.each(WINDOWS)('years %s to %s: nodes, edges and flows', async (yearFrom, yearTo) => {
    const filter = { yearFrom, yearTo };
    const answer = await api.gql(GRAPH, { filter });
    const data = dataOf(answer);
    expect(answer.dbCalls).toBe(4);
    const g = data.fundingGraph;
    const mine = counted(flows, yearFrom, yearTo, () => true);
    const rows = [...mine.values()];
    const auth = (f: RawFlow) => f.authorityId ?? '-';
    expect(g.amountUsd).toBeCloseTo(rows.reduce((s, r) => s + r.counted, 0), 2);
    expect(g.flowCount).toBe(rows.filter((r) => r.counted > 0).length);
    expect(g.excludedCount).toBe(rows.filter((r) => r.reason !== null).length);
    expect(g.omittedEdges).toBe(0);
    // Nodes: one per role and entity with a matched flow, amounts as summed here and as fundingTotals says.
    const expectNodes = new Map<string, number>();
    for (const [role, key] of [['DONOR', (f: RawFlow) => f.donorId], ['AUTHORITY', auth], ['RECIPIENT', (f: RawFlow) => f.recipientId]] as const) {
      for (const [k, v] of sumBy(rows, key)) expectNodes.set(`${role}:${k}`, v);
    }
    expect(g.nodes.map((n: any) => n.id).sort()).toEqual([...expectNodes.keys()].sort());
    for (const n of g.nodes) expect(n.amountUsd, n.id).toBeCloseTo(expectNodes.get(n.id)!, 2);
    const totalsOf = (t: any) => new Map<string, number>(t.groups.map((x: any) => [x.key, x.amountUsd]));
    const tables = { DONOR: totalsOf(data.byDonor), AUTHORITY: totalsOf(data.byAuthority), RECIPIENT: totalsOf(data.byRecipient) } as Record<string, Map<string, number>>;
    for (const n of g.nodes) expect(n.amountUsd, n.id).toBeCloseTo(tables[n.role]!.get(n.entityId) ?? 0, 2);
    expect(g.amountUsd).toBeCloseTo(data.byDonor.amountUsd, 2);
    // Edges: donor -> authority and authority -> recipient, each with all its flows and reasons.
    const expectEdges = new Map<string, typeof rows>();
    for (const r of rows) {
      for (const id of [`DONOR_AUTHORITY:DONOR:${r.flow.donorId}>AUTHORITY:${auth(r.flow)}`, `AUTHORITY_RECIPIENT:AUTHORITY:${auth(r.flow)}>RECIPIENT:${r.flow.recipientId}`]) {
        expectEdges.set(id, [...(expectEdges.get(id) ?? []), r]);
      }
    }
    expect(g.edges.map((e: any) => e.id).sort()).toEqual([...expectEdges.keys()].sort());
    for (const e of g.edges) {
      const want = expectEdges.get(e.id)!;
      expect(e.amountUsd, e.id).toBeCloseTo(want.reduce((s, r) => s + r.counted, 0), 2);
      expect(e.matchedCount).toBe(want.length);
      expect(e.excludedCount).toBe(want.filter((r) => r.reason !== null).length);
      const listed = Object.fromEntries(e.flows.map((x: any) => [x.flow.id, [x.countedUsd, x.reason]]));
      expect(listed).toEqual(Object.fromEntries(want.map((r) => [r.flow.id, [r.counted, r.reason]])));
    }
  });

  it('a donor filter: Somalia in 2016 counts its $67M once', async () => {
    const { fundingGraph: g } = await one(`{ fundingGraph(filter: { recipientCountry: "somalia", yearFrom: 2016, yearTo: 2016 }) { amountUsd lowerBound
      edges { flows { reason flow { id } } } } }`);
    expect(g.amountUsd).toBe(117_000_000);
    expect(g.lowerBound).toBe(true);
    const reasons = Object.fromEntries(g.edges.flatMap((e: any) => e.flows.map((x: any) => [x.flow.id, x.reason])));
    expect(reasons.somalia_capacity_building_fy2016).toBe('PARTS_COUNTED');
    expect(reasons.sna_stipends).toBe('OUTSIDE_WINDOW');
  });
});

describe('edges and flows by id', () => {
  it('returns the edges asked for, in order, with sources; unknown ids are left out', async () => {
    const { neighborhood } = await one(`{ neighborhood(id: "danab") { edges { id type amountUsd sources { section } } } }`);
    const typed = neighborhood.edges.find((e: any) => e.type !== 'FUNDED');
    const funded = neighborhood.edges.find((e: any) => e.type === 'FUNDED');
    expect(typed && funded).toBeTruthy();
    const { edges } = await one(`query($ids: [ID!]!) { edges(ids: $ids) { id type amountUsd sources { section } } }`, { ids: [funded.id, 'no_such_edge', typed.id] });
    expect(edges).toEqual([funded, typed]);
    const { fundingFlow } = await one(`query($id: ID!) { fundingFlow(id: $id) { id amountUsd donor { id } } }`, { id: funded.id.replace(/^FUNDED:/, '') });
    expect(fundingFlow.amountUsd).toBe(funded.amountUsd);
    expect((await one(`{ fundingFlow(id: "no_such_flow") { id } }`)).fundingFlow).toBeNull();
  });
});

describe('neighbourhood filters', () => {
  it('kinds: only nodes of those kinds besides the start', async () => {
    const { neighborhood } = await one(`{ neighborhood(id: "amisom", kinds: [State]) { nodes { id kind } edges { source target } } }`);
    const others = neighborhood.nodes.filter((n: any) => n.id !== 'amisom');
    expect(others.length).toBeGreaterThan(3);
    expect(others.every((n: any) => n.kind === 'State')).toBe(true);
    const want = await api.db.read<{ id: string }>(`MATCH (a:Entity {id: 'amisom'})
      CALL (a) { MATCH (a)-[r]-(b:Actor {kind: 'State'}) WHERE NOT type(r) IN ['PROVIDED', 'TO', 'UNDER'] RETURN b.id AS id
        UNION MATCH (a)-[:PROVIDED|TO]-(f:Funding)-[:PROVIDED|TO]-(b:Actor {kind: 'State'}) WHERE b <> a RETURN b.id AS id }
      RETURN DISTINCT id`);
    expect(others.map((n: any) => n.id).sort()).toEqual(want.map((w) => w.id).sort());
  });

  it('minAmountUsd: only flows of that amount reach nodes; relationships only between them', async () => {
    const min = 100_000_000;
    const { neighborhood } = await one(`query($min: Float) { neighborhood(id: "united_states", minAmountUsd: $min, limit: 2000) { nodes { id } edges { type source target amountUsd } } }`, { min });
    const want = await api.db.read<{ id: string }>(`MATCH (f:Funding) WHERE (f.donorId = 'united_states' OR f.recipientId = 'united_states') AND f.amountUsd >= $min
      RETURN DISTINCT CASE WHEN f.donorId = 'united_states' THEN f.recipientId ELSE f.donorId END AS id`, { min });
    const ids = neighborhood.nodes.map((n: any) => n.id);
    expect(ids.filter((id: string) => id !== 'united_states').sort()).toEqual(want.map((w) => w.id).sort());
    const shown = new Set(ids);
    for (const e of neighborhood.edges) {
      expect(shown.has(e.source) && shown.has(e.target)).toBe(true);
      if (e.type === 'FUNDED') expect(e.amountUsd).toBeGreaterThanOrEqual(min);
    }
  });
});

describe('truncation is exact', () => {
  /** Every canvas edge of the graph: typed relationships between entities, and flows. */
  async function allEdges(): Promise<{ s: string; t: string }[]> {
    return api.db.read<{ s: string; t: string }>(`
      MATCH (a:Entity)-[r]->(b:Entity) RETURN a.id AS s, b.id AS t
      UNION ALL MATCH (f:Funding) RETURN f.donorId AS s, f.recipientId AS t`);
  }

  it('an overview that fits the graph leaves nothing out and says so', async () => {
    const [{ n }] = await api.db.read<{ n: number }>('MATCH (e:Entity) RETURN count(e) AS n');
    const edges = await allEdges();
    const { graph } = await one(`{ graph(filter: { limit: 2000 }) { truncated omittedNodes omittedEdges nodes { id } edges { id } } }`);
    // The seed fits these limits: every node and edge is shown.
    expect(n).toBeLessThanOrEqual(2000);
    expect(graph.nodes).toHaveLength(n);
    expect(graph.edges).toHaveLength(edges.length);
    expect(graph).toMatchObject({ truncated: false, omittedNodes: 0, omittedEdges: 0 });
  });

  it('a smaller overview counts exactly the edges to nodes not shown', async () => {
    const [{ n }] = await api.db.read<{ n: number }>('MATCH (e:Entity) RETURN count(e) AS n');
    const edges = await allEdges();
    const { graph } = await one(`{ graph(filter: { limit: 40 }) { truncated omittedNodes omittedEdges nodes { id } edges { id } } }`);
    const kept = new Set(graph.nodes.map((x: any) => x.id));
    const among = edges.filter((e) => kept.has(e.s) && kept.has(e.t)).length;
    const leaving = edges.filter((e) => kept.has(e.s) !== kept.has(e.t)).length;
    expect(graph.omittedNodes).toBe(n - 40);
    expect(graph.omittedEdges).toBe(leaving + among - graph.edges.length);
    expect(graph.truncated).toBe(true);
  });

  it("a cut neighbourhood of the busiest node counts exactly what it leaves out", async () => {
    const edges = await allEdges();
    const degree = new Map<string, number>();
    for (const e of edges) for (const id of new Set([e.s, e.t])) degree.set(id, (degree.get(id) ?? 0) + 1);
    const [hub] = [...degree].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0];
    const { neighborhood } = await one(`{ neighborhood(id: "${hub}", limit: 10) { truncated omittedNodes omittedEdges nodes { id } edges { id } } }`);
    const touching = edges.filter((e) => e.s === hub || e.t === hub);
    const neighbours = new Set(touching.flatMap((e) => [e.s, e.t]).filter((id) => id !== hub));
    const kept = new Set(neighborhood.nodes.map((x: any) => x.id));
    const among = edges.filter((e) => kept.has(e.s) && kept.has(e.t)).length;
    const leaving = touching.filter((e) => !kept.has(e.s) || !kept.has(e.t)).length;
    expect(neighbours.size).toBeGreaterThan(10);
    expect(neighborhood.nodes).toHaveLength(10);
    expect(neighborhood.omittedNodes).toBe(neighbours.size + 1 - 10);
    expect(neighborhood.omittedEdges).toBe(leaving + among - neighborhood.edges.length);
    expect(neighborhood.truncated).toBe(true);
  });

  it('a neighbourhood that fits says it is not truncated', async () => {
    const { neighborhood } = await one(`{ neighborhood(id: "danab") { truncated omittedNodes omittedEdges nodes { id } edges { id } } }`);
    const edges = await allEdges();
    const touching = edges.filter((e) => e.s === 'danab' || e.t === 'danab');
    expect(neighborhood.nodes.length).toBe(new Set(touching.flatMap((e) => [e.s, e.t])).size);
    expect(neighborhood).toMatchObject({ truncated: false, omittedNodes: 0, omittedEdges: 0 });
  });
});

describe('paths: complete, exact and the same every time', () => {
  type Adj = Map<string, { to: string; type: string }[]>;
  let adj: Adj;
  beforeAll(async () => {
    const rows = await api.db.read<{ s: string; t: string; type: string }>(`
      MATCH (a:Entity)-[r]->(b:Entity) RETURN a.id AS s, b.id AS t, type(r) AS type
      UNION ALL MATCH (f:Funding) RETURN f.donorId AS s, f.recipientId AS t, 'FUNDED' AS type`);
    adj = new Map();
    const add = (x: string, y: string, type: string) => adj.set(x, [...(adj.get(x) ?? []), { to: y, type }]);
    for (const r of rows) if (r.s !== r.t) { add(r.s, r.t, r.type); add(r.t, r.s, r.type); }
  });

  /** Every simple path of at most maxHops steps, one per sequence of nodes and types, shortest first, then by that sequence. */
  function expected(from: string, to: string, maxHops: number, exclude: string[]): string[] {
    const found = new Set<string>();
    const walk = (at: string, ns: string[], ts: string[]) => {
      if (at === to) {
        found.add(ns.map((id, i) => `${id} ${ts[i] ?? ''} `).join(''));
        return;
      }
      if (ts.length === maxHops) return;
      for (const { to: y, type } of adj.get(at) ?? []) {
        if (ns.includes(y) || exclude.includes(y)) continue;
        walk(y, [...ns, y], [...ts, type]);
      }
    };
    walk(from, [from], []);
    const len = (sig: string) => sig.trim().split(' ').length >> 1;
    return [...found].sort((a, b) => len(a) - len(b) || (a < b ? -1 : a > b ? 1 : 0));
  }

  const PATHS = `query($from: ID!, $to: ID!, $maxHops: Int, $limit: Int, $excludeIds: [ID!]) {
    paths(from: $from, to: $to, maxHops: $maxHops, limit: $limit, excludeIds: $excludeIds) {
      complete search { exhaustiveTo stoppedBy } paths { length nodes { id } steps { edge { type } } } } }`;
  const sigOf = (p: any) => p.nodes.map((n: any, i: number) => `${n.id} ${p.steps[i]?.edge.type ?? ''} `).join('');

  it.each([
    ['united_states', 'danab', 3, 10, []],
    ['danab', 'united_states', 3, 10, []],
    ['united_states', 'danab', 3, 5, ['somalia']],
    ['kenya', 'danab', 4, 8, ['united_states']],
  ] as [string, string, number, number, string[]][])('%s to %s within %i hops, %i paths, excluding %j', async (from, to, maxHops, limit, excludeIds) => {
    const vars = { from, to, maxHops, limit, excludeIds };
    const first = (await pathRoundTrips(api, maxHops)(PATHS, vars)).paths;
    const again = (await pathRoundTrips(api, maxHops)(PATHS, vars)).paths;
    expect(again).toEqual(first);
    expect(first.complete).toBe(true);
    expect(first.search.stoppedBy).toBeNull();
    const want = expected(from, to, maxHops, excludeIds).slice(0, limit);
    expect(first.paths.map(sigOf)).toEqual(want);
    for (const p of first.paths) expect(p.nodes.some((n: any) => excludeIds.includes(n.id))).toBe(false);
  });
});
