/**
 * Issue 14 (5): the soak. For AIDGRAPH_SOAK_MINUTES (default 30) minutes, readers send the mixed
 * read workload and writers send curation mutations (two named editors of an AIDGRAPH_EDITORS
 * file and the admin token) through the HTTP API of a server process on a private copy of the M
 * data set. Memory is sampled every 20 s: after the warm-up, the server's RSS and heap and
 * Neo4j's heap must not grow; no request may fail; the change log must hold every write.
 * `npm run drills -- tests/reliability/soak.drill.ts` (not in CI: it takes the whole half hour).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { editorLine } from '../../server/auth/editors.ts';
import { openGraph, type DrillGraph } from './support/graph.ts';
import { errorBreakdown, runLoad, type Sample } from './support/load.ts';
import { mDatabaseCopy, type MDatabase } from './support/m-dataset.ts';
import { sampleMemory, SERIES, seriesSlopes, startSampler, type SeriesName } from './support/memory-series.ts';
import { workload } from './support/queries.ts';
import { saveResults } from './support/results.ts';
import { ADMIN_TOKEN } from './support/server.ts';
import { startServerProcess, type ServerProcess } from './support/server-process.ts';
import { auditChangeLog } from './support/soak-audit.ts';
import { runWriters, type Writer } from './support/soak-writes.ts';
import { formatTable } from './support/stats.ts';

const MINUTES = Number(process.env.AIDGRAPH_SOAK_MINUTES ?? 30);
const READERS = 4;
const SAMPLE_MS = 20_000;
/** The page cache, query plans, caches and JIT settle first: slopes are fitted on the last two thirds. */
const WARMUP_MIN = MINUTES / 3;
/** Slopes fitted over less time are GC sawtooth, not trend: a shorter (smoke) run only reports them. */
const MIN_FIT_MIN = 10;
/** 1 s between a writer's writes: a busy curation desk, and each record's log stays far under the 500 `changes` returns. */
const WRITE_PAUSE_MS = 1_000;
const ACTORS_PER_WRITER = 8;

/**
 * Growth allowed after the warm-up, in MiB per minute. 1 MiB/min is 1.4 GiB a day: a leak at
 * that rate needs a restart within the day, and at the soak's pace (a few hundred requests a
 * minute) it is a few kB kept per request. Neo4j cannot be held to that without forcing a
 * collection (Cypher cannot, in Community): G1 leaves whatever survives young collections in
 * the old generation until it holds 45 % of the heap (about 460 of 1024 MiB), so the heap
 * after young collections may climb from ~150 MiB to there within the 20 fitted minutes,
 * ~15 MiB/min, with no leak. Above that, a leak fills the heap within the hour. The raw heap
 * swings by hundreds of MiB between collections, and the JVM's RSS grows as the page cache and
 * committed heap fill to their sizes (512 MiB, 1 GiB): both are reported only.
 */
const TOLERANCE: Record<SeriesName, number | undefined> = {
  serverRss: 1,
  serverHeap: 1,
  neo4jHeap: undefined,
  neo4jHeapAfterGc: 15,
  neo4jRss: undefined,
};
/**
 * The soak is about memory and the change log over time; latency is the load drill's. On this
 * shared 2-core machine (load average ~19 in the smoke runs) reads took up to 30 s, past the
 * 15 s default, so the soak's server allows 120 s; past it a request still fails the soak.
 */
const QUERY_TIMEOUT_MS = 120_000;
/**
 * Left out of the mix: path searches took 40-110 s each in the smoke runs (p50 55 s), some past
 * even 120 s, so they would fail the soak on the machine's load, not on memory or the log. The
 * load and restart drills keep them.
 */
const LEFT_OUT = new Set(['paths']);

describe(`soak: ${MINUTES} min of mixed reads and curation writes on the M data set`, () => {
  let m: MDatabase;
  let server: ServerProcess;
  let graph: DrillGraph;
  const dir = mkdtempSync(join(tmpdir(), 'aidgraph-soak-'));
  const editors: Writer[] = [
    { who: 'soak-ana', token: 'soak-editor-ana-token-0123456789abcdef' },
    { who: 'soak-ben', token: 'soak-editor-ben-token-0123456789abcdef' },
  ];

  beforeAll(async () => {
    // A copy: the soak's writes must not change the cached M the other drills reuse.
    m = await mDatabaseCopy();
    const file = join(dir, 'editors');
    writeFileSync(file, `# soak drill editors\n${editors.map((e) => editorLine(e.who, e.token)).join('\n')}\n`);
    server = await startServerProcess({ ...m.db.env(), AIDGRAPH_ADMIN_TOKEN: ADMIN_TOKEN, AIDGRAPH_EDITORS: file, AIDGRAPH_QUERY_TIMEOUT_MS: String(QUERY_TIMEOUT_MS) });
    graph = openGraph(m.db.env());
  });

  afterAll(async () => {
    await server?.close();
    await graph?.close();
    await m?.release();
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps memory flat, answers every request, and logs every write', async () => {
    const durationMs = MINUTES * 60_000;
    const t0 = performance.now();
    const loads: number[] = [];
    const sampler = startSampler(SAMPLE_MS, () => {
      loads.push(loadavg()[0]);
      return sampleMemory(server, graph, m.db.pid, (performance.now() - t0) / 60_000);
    });
    const targets = m.dataset.targets;
    const readers = Array.from({ length: READERS }, (_, i) => {
      const draw = workload(targets, 5000 + i);
      return () => { for (;;) { const op = draw(); if (!LEFT_OUT.has(op.name)) return op; } };
    });
    const [reads, writes] = await Promise.all([
      runLoad({ baseUrl: server.url, clients: READERS, durationMs, next: (c) => readers[c](), requestTimeoutMs: 2 * QUERY_TIMEOUT_MS, t0 }),
      runWriters({
        baseUrl: server.url,
        writers: [...editors, { who: 'admin', token: ADMIN_TOKEN }],
        prefix: `soak_${Date.now().toString(36)}`,
        actorsPerWriter: ACTORS_PER_WRITER,
        // bench/generate.ts names the M data set's first State and section so.
        refs: { donor: targets.hubActors.find((id) => id.startsWith('gov_'))!, authority: targets.fundingAuthorities[0], country: 'state_000001', section: 'syn_s01' },
        durationMs,
        pauseMs: WRITE_PAUSE_MS,
        t0,
        requestTimeoutMs: 2 * QUERY_TIMEOUT_MS,
      }),
    ]);
    const { samples, failures } = await sampler.stop();
    const endLoad = loadavg();
    const audit = await auditChangeLog(server.url, graph, writes);

    const slopes = seriesSlopes(samples, WARMUP_MIN);
    const writeErrors = writes.filter((w) => w.outcome !== 'ok');
    const writeSamples: Sample[] = writeErrors.map((w) => ({ client: -1, name: w.field, at: w.at, ms: w.ms, outcome: w.outcome }));
    const byField = Object.fromEntries([...new Set(writes.map((w) => w.field))].sort().map((f) => [f, writes.filter((w) => w.field === f).length]));
    const meanLoad = loads.reduce((a, b) => a + b, 0) / loads.length;
    const f1 = (x: number) => (Number.isFinite(x) ? x.toFixed(1) : '-');
    const f3 = (x: number) => (Number.isFinite(x) ? x.toFixed(3) : '-');
    const rows = (Object.keys(SERIES) as SeriesName[]).map((name) => {
      const s = slopes[name];
      return `${SERIES[name].padEnd(46)} ${String(s.n).padStart(4)} ${f1(s.first).padStart(8)} ${f1(s.last).padStart(8)} ${f1(s.min).padStart(8)} ${f1(s.max).padStart(8)} ${f3(s.slope).padStart(9)} ${(TOLERANCE[name] === undefined ? 'report' : `< ${TOLERANCE[name]}`).padStart(8)}`;
    });
    const summary = [
      `soak drill: ${MINUTES} min (${((performance.now() - t0) / 60_000).toFixed(1)} min run), ${READERS} readers (mix without ${[...LEFT_OUT].join(', ')}) + ${editors.length + 1} writers on a copy of M (${m.digest.nodes} nodes, ${m.digest.relationships} relationships)`,
      `reads: ${reads.requests} requests, ${reads.rps.toFixed(1)}/s, ${reads.errors.length} errors; writes: ${writes.length} (${Object.entries(byField).map(([f, n]) => `${f} ${n}`).join(', ')}), ${writeErrors.length} errors`,
      `change log: ${audit.writes} successful writes on ${audit.records} records, ${audit.logged} changes logged, ${audit.problems.length} problems`,
      `memory: ${samples.length} samples every ${SAMPLE_MS / 1000} s (${failures.length} failed); slopes fitted from minute ${WARMUP_MIN.toFixed(1)} on (MiB, MiB/min):`,
      `${'series'.padEnd(46)} ${'n'.padStart(4)} ${'first'.padStart(8)} ${'last'.padStart(8)} ${'min'.padStart(8)} ${'max'.padStart(8)} ${'slope'.padStart(9)} ${'allowed'.padStart(8)}`,
      ...rows,
      ...(MINUTES - WARMUP_MIN < MIN_FIT_MIN ? [`(fitted over less than ${MIN_FIT_MIN} min: slopes reported, not asserted)`] : []),
      `load average: mean of the 1-min figure over the samples ${meanLoad.toFixed(2)}; at the end ${endLoad.map((x) => x.toFixed(2)).join(', ')} (1, 5, 15 min; ${new Date().toISOString()})`,
      formatTable({ ...reads.byName, ALL: reads.all }),
    ].join('\n');
    console.log(summary);
    saveResults('soak-M', {
      minutes: MINUTES, readers: READERS, writers: editors.length + 1, sampleMs: SAMPLE_MS, warmupMin: WARMUP_MIN, tolerance: TOLERANCE,
      reads: { requests: reads.requests, rps: reads.rps, errors: reads.errors.length, errorKinds: errorBreakdown(reads.errors), byName: reads.byName, all: reads.all },
      writes: { requests: writes.length, byField, errors: writeErrors.length, errorKinds: errorBreakdown(writeSamples) },
      changeLog: { ...audit, problems: audit.problems.slice(0, 50) },
      slopes, samples, sampleFailures: failures, loadAverage: { meanOneMinute: meanLoad, end: endLoad }, graph: m.digest,
    });

    expect.soft(errorBreakdown(reads.errors), 'no read failed').toEqual([]);
    expect.soft(errorBreakdown(writeSamples), 'no write failed').toEqual([]);
    expect.soft(audit.problems, 'the change log holds every write and the records their last write').toEqual([]);
    expect.soft(failures, 'every memory sample was taken').toEqual([]);
    for (const name of Object.keys(SERIES) as SeriesName[]) {
      const allowed = TOLERANCE[name];
      // Growth is bounded; a series that shrinks after the warm-up is not a leak.
      if (allowed !== undefined && MINUTES - WARMUP_MIN >= MIN_FIT_MIN) expect.soft(slopes[name].slope, `${SERIES[name]}: slope after the warm-up, MiB/min`).toBeLessThan(allowed);
    }
    // Enough points for a slope to mean something (a sampler that stalled would leave few).
    expect(slopes.serverRss.n).toBeGreaterThanOrEqual(Math.floor((0.9 * (MINUTES - WARMUP_MIN) * 60_000) / SAMPLE_MS));
    expect(audit.writes).toBeGreaterThan(editors.length * ACTORS_PER_WRITER);
  }, (MINUTES + 20) * 60_000);
});
