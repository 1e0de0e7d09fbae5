/**
 * Issue 7 (1): 10 concurrent clients send mixed read queries for 60 s to aidgraph over the
 * M-size synthetic data set (100k funding flows, 20k actors): zero errors, latencies printed.
 * `npm run drills` (minutes: the first run generates and imports M; later runs reuse it).
 */
import { describe, expect, it } from 'vitest';
import { errorBreakdown, runLoad } from './support/load.ts';
import { useMServer } from './support/m-server.ts';
import { workload } from './support/queries.ts';
import { saveResults } from './support/results.ts';
import { formatTable } from './support/stats.ts';
import { HANG_SLACK_MS } from './support/restart-checks.ts';

const CLIENTS = 10;
const DURATION_MS = 60_000;

describe('load: 10 clients, 60 s of mixed reads on the M data set', () => {
  const fixture = useMServer();

  it('answers every request, without an error', async () => {
    const { m, server } = fixture;
    const workloads = Array.from({ length: CLIENTS }, (_, i) => workload(m.dataset.targets, 1000 + i));
    // Warm the page cache and the query plans first, as a deployed server would be.
    await runLoad({ baseUrl: server.url, clients: 2, durationMs: 10_000, next: (c) => workloads[c]() });
    const callsBefore = server.db.stats.calls;
    const report = await runLoad({ baseUrl: server.url, clients: CLIENTS, durationMs: DURATION_MS, next: (c) => workloads[c](), requestTimeoutMs: 120_000 });
    const roundTrips = (server.db.stats.calls - callsBefore) / report.requests;
    const summary = [
      `load drill: ${report.requests} requests in ${(report.elapsedMs / 1000).toFixed(1)} s from ${CLIENTS} clients = ${report.rps.toFixed(1)} requests/s; ` +
        `${report.errors.length} errors; ${roundTrips.toFixed(2)} Cypher round trips per request`,
      `M data set: ${m.digest.nodes} nodes, ${m.digest.relationships} relationships${m.importMs ? `; imported in ${(m.importMs / 1000).toFixed(1)} s` : ' (cached)'}`,
      formatTable({ ...report.byName, ALL: report.all }),
    ].join('\n');
    console.log(summary);
    saveResults('load-M', { clients: CLIENTS, durationMs: DURATION_MS, requests: report.requests, rps: report.rps, errors: report.errors.length,
      errorKinds: errorBreakdown(report.errors), roundTripsPerRequest: roundTrips, byName: report.byName, all: report.all, graph: m.digest, importMs: m.importMs });
    expect.soft(errorBreakdown(report.errors), 'no request failed').toEqual([]);
    const slowest = Math.max(...report.samples.map((x) => x.ms));
    expect.soft(slowest, 'no request ran past the transaction timeout (+2 s)').toBeLessThanOrEqual(server.config.queryTimeoutMs + HANG_SLACK_MS);
    expect(report.requests).toBeGreaterThan(CLIENTS * 10);
  });
});
