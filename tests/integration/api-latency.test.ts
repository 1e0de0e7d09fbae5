/**
 * p50 / p95 latency of the neighborhood and fundingTotals queries on the seed data, through
 * yoga.fetch (GraphQL parsing, validation, limits, one Cypher round trip). Printed for the
 * README; the bound only catches a query that became pathologically slow.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApi, dataOf, type Api } from './api-harness.ts';

const WARMUP = 3;
const RUNS = 30;
let api: Api;

beforeAll(() => {
  api = createApi();
});
afterAll(async () => {
  await api.close();
});

const SOURCES = 'sources { source section sectionHeading paragraphs footnotes works { id title } }';
const SUBGRAPH = `nodes { id labels name kind description citation year ${SOURCES} } edges { id source target type start end note amountUsd authority fundingId ${SOURCES} } truncated omittedNodes omittedEdges`;

async function measure(name: string, query: string, variables: Record<string, unknown>) {
  for (let i = 0; i < WARMUP; i++) dataOf(await api.gql(query, variables));
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    const answer = await api.gql(query, variables);
    times.push(performance.now() - t);
    dataOf(answer);
    expect(answer.dbCalls).toBe(1);
  }
  times.sort((a, b) => a - b);
  const p50 = times[Math.floor(RUNS * 0.5)]!;
  const p95 = times[Math.floor(RUNS * 0.95)]!;
  console.log(`latency ${name}: p50 ${p50.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms (${RUNS} runs)`);
  return p50;
}

describe('latency on the seed data', () => {
  it('neighborhood (depth 1 and 2) and fundingTotals', async () => {
    const n1 = await measure('neighborhood(amisom, depth 1)', `query($id: ID!) { neighborhood(id: $id, depth: 1) { ${SUBGRAPH} } }`, { id: 'amisom' });
    const n2 = await measure('neighborhood(amisom, depth 2)', `query($id: ID!) { neighborhood(id: $id, depth: 2) { ${SUBGRAPH} } }`, { id: 'amisom' });
    const t1 = await measure('fundingTotals(RECIPIENT, all flows)', `{ fundingTotals(groupBy: RECIPIENT) { amountUsd lowerBound groups { key label amountUsd flowCount lowerBound approximate } exclusions { reason countedUsd flow { id } } } }`, {});
    const t2 = await measure('fundingTotals(RECIPIENT, section_1206 + descendants)', `{ fundingTotals(groupBy: RECIPIENT, filter: { authority: "section_1206", includeDescendants: true }) { amountUsd groups { key amountUsd } } }`, {});
    for (const p50 of [n1, n2, t1, t2]) expect(p50).toBeLessThan(2_000);
  });
});
