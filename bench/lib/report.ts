/** The printed report: plain-text tables of every figure, with the targets of issues 6 and 11 beside them. */
import type { ApiReport } from '../api/run-api.ts';
import type { BrowserReport } from '../browser/run-browser.ts';
import type { TimedFigure } from '../browser/responsiveness.ts';
import type { LoadReport } from '../load/run-load.ts';
import type { MachineInfo } from './machine.ts';
import { MEMORY_LIMIT_MB, type PhaseMemory } from './memory.ts';

/** Everything one run measured (also the JSON written to bench/out). */
export interface BenchReport {
  machine: MachineInfo;
  size: string;
  seed: number;
  /**
   * `loadMs`: the unmeasured load into an empty database, when the loader made it (the seed's
   * first start), until its records are readable; `indexedMs`: until every index is online.
   */
  dataset: { dir: string; counts: Record<string, number>; generateMs: number | null; loadMs?: number; indexedMs?: number };
  neo4j: { own: boolean; heapMb: number; pageCacheMb: number; peakRssMb: number | null };
  load?: LoadReport;
  api?: ApiReport;
  browser?: BrowserReport;
  /** Peak RSS of the server and the loader (MiB), and of every process by phase. */
  memory: { loaderPeakRssMb: number | null; barePeakRssMb: number | null; serverPeakRssMb: number | null; byPhase: PhaseMemory[] };
  /** Set when this run went on from an interrupted one: the phases measured then, and when. */
  resumed?: { from: string; commit: string | null; phases: string[] };
  totalMs: number;
  /** Phases that failed, with the error (the other phases still ran). */
  errors: Record<string, string>;
  /** Load average at the end (the machine is shared). */
  loadAvgEnd: number[];
}

const f = (v: number | null | undefined, digits = 1) => (v === null || v === undefined || Number.isNaN(v) ? '-' : v.toFixed(digits));
const n0 = (v: number | null | undefined) => (v === null || v === undefined || Number.isNaN(v) ? '-' : Math.round(v).toLocaleString('en-US'));

/** Elements on the canvas over the runs (a year change alternates between two windows). */
const elementRange = (x: TimedFigure) => {
  const e = x.runs.map((run) => run.elements);
  return Math.min(...e) === Math.max(...e) ? n0(e[0]) : `${n0(Math.min(...e))}-${n0(Math.max(...e))}`;
};

/** Left-aligned text table. */
export function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((c, i) => (c ?? '').padEnd(widths[i])).join('  ').trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

/** Formats the whole report for stdout. */
export function formatReport(r: BenchReport): string {
  const out: string[] = [];
  const m = r.machine;
  out.push(`aidgraph bench, size ${r.size} (seed ${r.seed}), ${m.date}`);
  out.push(`machine: ${m.cpuModel}, ${m.cores} cores, ${m.memoryGiB} GiB; ${m.platform}, Node ${m.node}; commit ${m.gitCommit ?? '?'}; load average at start ${m.loadAvg.join(' ')}, at end ${r.loadAvgEnd.join(' ')}`);
  if (r.resumed) out.push(`resumed: ${r.resumed.phases.join(', ') || 'no phase'} measured by the interrupted run of ${r.resumed.from} (commit ${r.resumed.commit ?? '?'})`);
  out.push(`neo4j: ${r.neo4j.own ? 'own embedded instance' : 'external'} (heap ${r.neo4j.heapMb} MiB, page cache ${r.neo4j.pageCacheMb} MiB)`);
  out.push(`dataset: ${Object.entries(r.dataset.counts).map(([k, v]) => `${k} ${n0(v)}`).join(', ')}${r.dataset.generateMs !== null ? ` (generated in ${f(r.dataset.generateMs / 1000)} s)` : ''}${r.dataset.loadMs !== undefined ? `; loaded into an empty database in ${f(r.dataset.loadMs / 1000, 2)} s (the loader, as on a first start)${r.dataset.indexedMs !== undefined ? `, every index online at ${f(r.dataset.indexedMs / 1000, 2)} s` : ''}` : ''}`);

  if (r.load) {
    out.push('', 'LOADING (rows = records of all six files; each run on a freshly reset database)');
    const label = { loader: 'import (seed/loader)', bare: 'bare driver UNWIND/MERGE', bulk: 'bulk (neo4j-admin import)' } as const;
    const rows = r.load.runs.map((run) => [
      label[run.name],
      n0(run.rows),
      f(run.wallMs / 1000),
      n0(run.rowsPerSec),
      run.rowsPerSecSend ? n0(run.rowsPerSecSend) : '-',
      f(run.peakRssMb, 0),
      f(run.neo4jPeakRssMb, 0),
      f(run.clientCpuSeconds),
      f(run.neo4jCpuSeconds),
      run.error ? `FAILED: ${run.error.split('\n')[0].slice(0, 60)}` : '',
    ]);
    out.push(table(['run', 'rows', 'wall s', 'rows/s', 'rows/s send-only', 'peak RSS MiB', 'neo4j peak MiB', 'client CPU s', 'neo4j CPU s', 'note'], rows));
    out.push(
      `loader / ceiling (send-only): ${f(r.load.ratioToCeiling, 2)} (target >= 0.8); loader / bare end-to-end: ${f(r.load.ratioToBareEndToEnd, 2)}; ` +
        `rows/s target on M and L: >= 50,000`,
    );
    out.push(...formatBulkLines(r.load));
    const loaderRun = r.load.runs.find((x) => x.name === 'loader');
    const bareRun = r.load.runs.find((x) => x.name === 'bare');
    if (loaderRun?.phases) {
      const p = loaderRun.phases;
      out.push(
        `loader phases: read + validate ${f(p.readValidateMs / 1000)} s, schema ${f(p.schemaMs / 1000)} s, writes ${f(p.writeMs / 1000)} s ` +
          `(${n0(loaderRun.rows / (p.writeMs / 1000))} rows/s while writing); bare: parse ${f((bareRun?.parseMs ?? NaN) / 1000)} s, send ${f((bareRun?.sendMs ?? NaN) / 1000)} s`,
      );
    }
    const diff = Object.entries(r.load.censusDiff);
    if (r.load.ratioToBareEndToEnd === null) out.push('loader vs bare graphs: not compared (one of them did not run)');
    else out.push(diff.length ? `graph differences loader vs bare: ${diff.map(([k, [a, b]]) => `${k} ${a} vs ${b}`).join('; ')}` : 'both loads built the same graph (labels and relationship types counted)');
  }

  if (r.api) {
    out.push('', `API (ms; ${r.api.durationMs / 1000} s measured after ${r.api.warmupMs / 1000} s warm-up per cell; closed loop)`);
    const rows: string[][] = [];
    for (const op of r.api.operations) {
      for (const res of op.results) {
        const bare = op.results.find((x) => x.impl === 'bare' && x.concurrency === res.concurrency);
        rows.push([
          op.name,
          String(res.concurrency),
          res.impl,
          f(res.summary.p50),
          f(res.summary.p95),
          f(res.summary.p99),
          n0(res.summary.rps),
          res.impl !== 'bare' && bare ? f(res.summary.p95 / bare.summary.p95, 2) : '',
          res.impl === 'aidgraph' ? `${op.roundTrips.captured[0] === op.roundTrips.captured[1] ? op.roundTrips.captured[0] : op.roundTrips.captured.join('-')}${op.roundTrips.serverCounter !== null ? ` (${f(op.roundTrips.serverCounter, 1)})` : ''}` : '',
          res.summary.errors ? `${res.summary.errors} errors: ${res.summary.firstError?.slice(0, 50) ?? ''}` : '',
        ]);
      }
    }
    out.push(table(['operation', 'c', 'impl', 'p50', 'p95', 'p99', 'req/s', 'p95/bare', 'round trips', 'errors'], rows));
    out.push('targets: aidgraph p95 <= 1.25x bare; faster than neo4j-graphql on every comparable query; neighborhood d1 p95 < 20 ms on L; 1 round trip per operation');
    for (const op of r.api.operations) {
      if (op.neo4jGraphqlNote) {
        out.push(`  neo4j-graphql ${op.name}: ${op.neo4jGraphqlNote}; first (planning) run ${n0(op.neo4jGraphqlFirstRunMs)} ms${op.neo4jGraphqlError ? `, error: ${op.neo4jGraphqlError}` : ''}`);
      }
      if (op.neo4jGraphqlMissing) out.push(`  neo4j-graphql ${op.name}: not compared (${op.neo4jGraphqlMissing})`);
      if (op.error) out.push(`  aidgraph ${op.name} answered with errors: ${op.error}`);
    }
  }

  if (r.browser) {
    out.push('', `BROWSER (headless Chromium, no GPU, ${r.browser.viewport.width}x${r.browser.viewport.height})`);
    if (r.browser.overview.length) {
      out.push(table(
        ['page overview', 'nodes', 'edges', 'fetch ms', 'render ms', 'layout ms', 'ready ms', 'since navigation ms'],
        r.browser.overview.map((o) =>
          o.error
            ? [`limit ${o.limit}`, `error: ${o.error.slice(0, 80)}`, '', '', '', '', '', '']
            : [`limit ${o.limit}`, n0(o.nodes), n0(o.edges), n0(o.fetchMs), n0(o.renderMs), n0(o.layoutMs), n0(o.totalMs), n0(o.sinceNavigationMs)],
        ),
      ));
    }
    const rs = r.browser.responsiveness;
    if (rs) {
      const row = (name: string, x: TimedFigure) => [name, n0(x.medianMs), n0(x.maxMs), elementRange(x), `${n0(x.medianFetchMs)} / ${n0(x.medianRenderMs)} / ${n0(x.medianLayoutMs)}`, `< ${n0(x.targetMs)}`, x.met ? (x.maxMs < x.targetMs ? 'met' : 'median met, max over') : `missed by ${n0(x.medianMs - x.targetMs)} ms`, x.input ?? ''];
      out.push(table(['speed target (5 runs unless said)', 'median ms', 'max ms', 'elements', 'fetch / render / layout ms', 'target ms', 'status', 'input'], [
        ['overview, first load (1 run)', n0(rs.overviewCold.ms), '', n0(rs.overviewCold.elements), `${n0(rs.overviewCold.fetchMs)} / ${n0(rs.overviewCold.renderMs)} / ${n0(rs.overviewCold.layoutMs)}`, '', '', ''],
        row('overview, warm server', rs.overviewWarm),
        row('year change', rs.yearChange),
        row('filter change', rs.filterChange),
      ]));
      out.push('overview: navigation start to the canvas ready; changes: the input to the canvas ready; the split is the page\'s own timing hook');
    }
    if (r.browser.elements.length) out.push(table(
      ['elements', 'nodes', 'edges', 'first render ms', 'layout done ms', 'preset ms', 'large mode', 'pan fps', 'p95 frame ms', 'JS heap MiB'],
      r.browser.elements.map((e) => [
        n0(e.elements), n0(e.nodes), n0(e.edges), n0(e.firstRenderMs), n0(e.layoutDoneMs), n0(e.presetMs), e.largeMode ? 'yes' : 'no',
        e.fps ? f(e.fps.fps) : '', e.fps ? f(e.fps.p95FrameMs) : '', f(e.jsHeapMb, 0),
      ]),
    ));
    out.push('targets: overview interactive < 1.5 s at 2,000 elements; 10,000 elements usable');
    if (r.browser.errors.length) out.push(`page errors: ${r.browser.errors.slice(0, 5).join(' | ')}`);
  }

  for (const [phase, message] of Object.entries(r.errors ?? {})) out.push('', `PHASE ${phase} FAILED: ${message}`);
  out.push('', `MEMORY (peak RSS by phase, MiB; limit ${n0(MEMORY_LIMIT_MB)} MiB a process)`);
  const byPhase = r.memory.byPhase ?? [];
  out.push(table(['phase', 'process', 'peak RSS MiB', 'over 8 GiB'], [
    ...byPhase.map((m) => [m.phase, m.process, f(m.peakRssMb, 0), m.over ? 'OVER' : '']),
    ['whole run', 'Neo4j JVM (bench)', f(r.neo4j.peakRssMb, 0), (r.neo4j.peakRssMb ?? 0) > MEMORY_LIMIT_MB ? 'OVER' : ''],
  ]));
  const over = byPhase.filter((m) => m.over);
  out.push(over.length ? `OVER ${n0(MEMORY_LIMIT_MB)} MiB: ${over.map((m) => `${m.phase} ${m.process}`).join(', ')}` : `no process over ${n0(MEMORY_LIMIT_MB)} MiB`);
  out.push('', `total bench time ${f(r.totalMs / 1000)} s`);
  return out.join('\n');
}

/** The bulk run's steps and its checksum against the loader's. */
function formatBulkLines(load: LoadReport): string[] {
  const run = load.runs.find((x) => x.name === 'bulk');
  if (!run?.bulk) return run?.error ? [`bulk load: not measured (${run.error.split('\n')[0].slice(0, 120)})`] : [];
  const b = run.bulk;
  const s = (ms: number) => f(ms / 1000);
  const lines = [
    `bulk steps: read + validate ${s(b.readValidateMs)} s, CSV ${s(b.csvMs)} s, neo4j-admin import ${s(b.importMs)} s (${n0(b.rowsPerSecImport)} rows/s), ` +
      `database start ${s(b.startMs)} s, schema ${s(b.schemaMs)} s, empty lists ${s(b.listsMs)} s; ${n0(b.nodes)} nodes, ${n0(b.relationships)} relationships; ` +
      `JVM peaks: importer ${f(b.importerJvm?.peakRssMb, 0)} MiB, database ${f(b.databaseJvm?.peakRssMb, 0)} MiB; bulk / loader rows/s: ${f(load.bulkSpeedup, 1)}x`,
  ];
  const diff = Object.entries(load.bulkCensusDiff);
  if (diff.length) lines.push(`graph differences bulk vs loader: ${diff.map(([k, [a, c]]) => `${k} ${a} vs ${c}`).join('; ')}`);
  lines.push(load.bulkChecksumEqual === null ? 'bulk vs loader checksum: not compared' : load.bulkChecksumEqual
    ? `bulk and loader graphs have the same checksum (${run.checksum?.slice(0, 12)})`
    : `bulk and loader checksums DIFFER (${run.checksum?.slice(0, 12)} vs ${load.runs.find((x) => x.name === 'loader')?.checksum?.slice(0, 12)})`);
  return lines;
}
