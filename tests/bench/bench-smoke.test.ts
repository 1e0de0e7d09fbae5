/**
 * `npm run bench -- --size S` end to end, as CI runs it: generation, the three loads (bare, bulk
 * with its checksum against the loader's, loader), the API beside
 * its baselines, the browser and the report. It starts its own throw-away Neo4j (the bench
 * resets its database, so it must never touch the shared test database) and asserts that every
 * phase produced figures, never what the figures are.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { defaultOptions, runBench } from '../../bench/run.ts';
import type { BenchReport } from '../../bench/lib/report.ts';

const work = mkdtempSync(path.join(tmpdir(), 'bench-smoke-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('npm run bench -- --size S', () => {
  // The bulk load adds three JVM starts (the bench's Neo4j stopped, one for the schema, the
  // bench's again): seconds on an idle machine, minutes on a busy shared one.
  it('runs every phase end to end and writes the report', { timeout: 1_800_000 }, async () => {
    const lines: string[] = [];
    const { report, jsonFile, text } = await runBench({
      ...defaultOptions('S'),
      port: 0,
      dataDir: path.join(work, 'neo4j'),
      outDir: path.join(work, 'out'),
      datasetDir: path.join(work, 'data', 'S-42'),
      regenerate: true,
      durationMs: 200,
      warmupMs: 0,
      maxRequests: 5,
      // Once each (twice for the year and filter changes, both values), so the code behind the
      // seed run's speed targets runs in CI too.
      responsivenessRuns: 2,
      log: (line) => lines.push(line),
    });

    // The JSON on disk is the report.
    expect(existsSync(jsonFile)).toBe(true);
    expect((JSON.parse(readFileSync(jsonFile, 'utf8')) as BenchReport).size).toBe('S');
    expect(report.machine.cores).toBeGreaterThan(0);
    expect(report.dataset.counts.funding).toBe(1000);

    // Loading: both loads ran on the same rows and built the same graph.
    const load = report.load!;
    const loader = load.runs.find((r) => r.name === 'loader')!;
    const bare = load.runs.find((r) => r.name === 'bare')!;
    expect(loader.error, loader.error).toBeUndefined();
    expect(bare.rows).toBe(report.dataset.counts.total);
    expect(loader.rowsPerSec).toBeGreaterThan(0);
    expect(load.censusDiff).toEqual({});
    expect(loader.census.nodes.Funding).toBe(1000);
    // The bulk first load (neo4j-admin import on the stopped store) built the loader's graph.
    const bulk = load.runs.find((r) => r.name === 'bulk')!;
    expect(bulk.error, bulk.error).toBeUndefined();
    expect(bulk.rows).toBe(report.dataset.counts.total);
    expect(load.bulkCensusDiff).toEqual({});
    expect(bulk.checksum).toMatch(/^[0-9a-f]{64}$/);
    expect(load.bulkChecksumEqual).toBe(true);

    // API: every operation answered without errors through aidgraph and the bare driver.
    const api = report.api!;
    expect(api.operations.map((o) => o.name)).toContain('neighborhood d1');
    for (const op of api.operations) {
      expect(op.error, `${op.name}: ${op.error}`).toBeUndefined();
      expect(op.roundTrips.captured[0]).toBeGreaterThanOrEqual(1);
      for (const impl of ['aidgraph', 'bare'] as const) {
        for (const c of api.concurrencies) {
          const cell = op.results.find((r) => r.impl === impl && r.concurrency === c)!;
          expect(cell.summary.count, `${op.name} ${impl} c=${c}`).toBeGreaterThan(0);
          expect(cell.summary.errors, `${op.name} ${impl} c=${c}: ${cell.summary.firstError}`).toBe(0);
        }
      }
    }
    expect(report.memory.serverPeakRssMb).toBeGreaterThan(0);
    // Peak memory by phase: every phase reports its Neo4j JVM.
    for (const phase of ['load', 'api', 'browser']) {
      expect(report.memory.byPhase.find((m) => m.phase === phase && m.process === 'Neo4j JVM (bench)')?.peakRssMb, phase).toBeGreaterThan(0);
    }

    // Browser: the page drew the synthetic elements and the overview.
    const browser = report.browser!;
    expect(browser.overview[0].nodes).toBeGreaterThan(0);
    expect(browser.elements[0].nodes + browser.elements[0].edges).toBe(browser.elements[0].elements);
    expect(browser.elements[0].fps?.frames).toBeGreaterThan(1);
    // The speed targets: a warm overview, year and filter changes, each timed to a ready canvas.
    const speed = browser.responsiveness!;
    for (const figure of [speed.overviewWarm, speed.yearChange, speed.filterChange]) {
      expect(figure.runs).toHaveLength(2);
      for (const run of figure.runs) expect(run.ms).toBeGreaterThan(0);
    }

    expect(text).toContain('LOADING');
    expect(text).toContain('bulk (neo4j-admin import)');
    expect(text).toContain('MEMORY (peak RSS by phase');
    expect(text).toContain('BROWSER');
  });
});
