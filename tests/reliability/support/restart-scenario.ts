/**
 * The database-restart scenario shared by the quick test and the drill: read load on a running
 * aidgraph, then its Neo4j is stopped (SIGTERM) or killed (SIGKILL) and started again on the same
 * port and data, while /readyz and /healthz are probed. Returns the timeline and its analysis.
 */
import { errorBreakdown, runLoad, type LoadReport, type Sample } from './load.ts';
import type { OwnNeo4j } from './own-neo4j.ts';
import { startProber, type ProbeSample } from './probe.ts';
import type { Operation } from './queries.ts';

/** Options of {@link restartUnderLoad}. */
export interface RestartScenario {
  db: OwnNeo4j;
  baseUrl: string;
  clients: number;
  next(client: number): Operation;
  /** How the database goes down. */
  mode: 'stop' | 'kill';
  /** Load before the outage, in ms. */
  warmupMs: number;
  /** Load after the database is back, in ms (at most). */
  afterMs: number;
  /** Stop early once this many ms of reads after the restart all succeeded (default: never). */
  stopAfterCleanMs?: number;
  /** Extra pause while the database is down, before it is started again. */
  downtimeMs?: number;
  /** Deadline of one request (a request still open then counts as hung). */
  requestTimeoutMs: number;
}

/** Timeline of one restart (ms since the scenario began) and what it showed. */
export interface RestartOutcome {
  load: LoadReport;
  probes: ProbeSample[];
  /** When the stop/kill began, when the JVM was gone, when Neo4j was ready again. */
  downAt: number;
  goneAt: number;
  upAt: number;
  /** First /readyz 503 at or after downAt (undefined = the outage was never reported). */
  outageReportedAt?: number;
  /** First /readyz 200 after upAt. */
  recoveryReportedAt?: number;
  /** /readyz answers other than 200 after recoveryReportedAt (flapping). */
  readyFlapsAfterRecovery: number;
  /** /healthz answers other than 200 (the server stopped answering). */
  healthFailures: ProbeSample[];
  /** Errors among requests that ended before downAt. */
  errorsBefore: Sample[];
  /** Completion time of the first successful read that completed after upAt. */
  firstReadAfterUp?: number;
  /** Errors among requests started after upAt + settleMs. */
  errorsAfterSettle: Sample[];
  /** Slowest request of the whole run (ms). */
  slowestMs: number;
  /** Requests that got no answer at all from the server (it refused or hung). */
  noAnswer: Sample[];
}

/** Runs the scenario; `settleMs` is the retry window after which every read must succeed again. */
export async function restartUnderLoad(scenario: RestartScenario, settleMs: number): Promise<RestartOutcome> {
  const t0 = performance.now();
  const now = () => performance.now() - t0;
  const prober = startProber(scenario.baseUrl, t0);
  const abort = new AbortController();
  const samples: Sample[] = [];
  const loadDone = runLoad({
    onSample: (sample) => samples.push(sample),
    baseUrl: scenario.baseUrl,
    clients: scenario.clients,
    durationMs: 60 * 60_000,
    next: scenario.next,
    requestTimeoutMs: scenario.requestTimeoutMs,
    signal: abort.signal,
    t0,
  });
  let load: LoadReport | undefined;
  let probes: ProbeSample[] = [];
  let downAt = Number.NaN;
  let goneAt = Number.NaN;
  let upAt = Number.NaN;
  try {
    await sleep(scenario.warmupMs);
    downAt = now();
    if (scenario.mode === 'kill') await scenario.db.kill();
    else await scenario.db.stop();
    goneAt = now();
    if (scenario.downtimeMs) await sleep(scenario.downtimeMs);
    await scenario.db.start();
    upAt = now();
    const until = upAt + scenario.afterMs;
    while (now() < until) {
      await sleep(250);
      const clean = scenario.stopAfterCleanMs === undefined ? undefined : cleanSince(samples, upAt);
      if (clean !== undefined && now() - clean >= scenario.stopAfterCleanMs!) break;
    }
  } finally {
    abort.abort();
    load = await loadDone;
    await prober.stop();
    probes = prober.samples;
  }

  const ready = probes.filter((p) => p.path === '/readyz');
  const outageReportedAt = ready.find((p) => p.at >= downAt && p.status === 503)?.at;
  const recoveryReportedAt = ready.find((p) => p.at >= upAt && p.status === 200)?.at;
  const readyFlapsAfterRecovery = recoveryReportedAt === undefined ? 0
    : ready.filter((p) => p.at > recoveryReportedAt && p.status !== 200).length;
  const ok = load.samples.filter((s) => s.outcome === 'ok');
  const firstReadAfterUp = ok.map((s) => s.at + s.ms).filter((end) => end >= upAt).sort((a, b) => a - b)[0];
  return {
    load,
    probes,
    downAt,
    goneAt,
    upAt,
    outageReportedAt,
    recoveryReportedAt,
    readyFlapsAfterRecovery,
    healthFailures: probes.filter((p) => p.path === '/healthz' && p.status !== 200),
    errorsBefore: load.errors.filter((s) => s.at + s.ms < downAt),
    firstReadAfterUp,
    errorsAfterSettle: load.errors.filter((s) => s.at >= upAt + settleMs),
    slowestMs: Math.max(...load.samples.map((s) => s.ms)),
    noAnswer: load.errors.filter((s) => s.outcome.startsWith('no answer')),
  };
}

/** A few printable lines about an outcome. */
export function describeOutcome(name: string, o: RestartOutcome): string {
  const s = (ms: number | undefined) => (ms === undefined || Number.isNaN(ms) ? 'never' : `${(ms / 1000).toFixed(1)} s`);
  const rel = (ms: number | undefined, from: number) => (ms === undefined ? 'never' : `+${((ms - from) / 1000).toFixed(1)} s`);
  return [
    `${name}: ${o.load.requests} requests in ${s(o.load.elapsedMs)}, ${o.load.errors.length} errors (${o.noAnswer.length} without an answer), slowest ${o.slowestMs.toFixed(0)} ms`,
    `  database down at ${s(o.downAt)} (gone ${rel(o.goneAt, o.downAt)}), ready again at ${s(o.upAt)} (outage ${s(o.upAt - o.downAt)})`,
    `  /readyz: outage reported ${rel(o.outageReportedAt, o.downAt)} after the stop began, recovery reported ${rel(o.recoveryReportedAt, o.upAt)} after Neo4j was ready, ${o.readyFlapsAfterRecovery} flaps after`,
    `  reads: first success ${rel(o.firstReadAfterUp, o.upAt)} after Neo4j was ready; errors before the outage ${o.errorsBefore.length}, after the retry window ${o.errorsAfterSettle.length}; /healthz failures ${o.healthFailures.length}`,
    `  slowest requests: ${[...o.load.samples].sort((a, b) => b.ms - a.ms).slice(0, 5)
      .map((x) => `${x.name} started ${s(x.at)} took ${(x.ms / 1000).toFixed(1)} s -> ${x.outcome.slice(0, 90)}`).join('; ')}`,
    `  errors: ${errorBreakdown(o.load.errors).slice(0, 4).map(([what, n]) => `${n} x ${what.slice(0, 160)}`).join('; ') || 'none'}`,
  ].join('\n');
}

/** Start of the run of successful requests (started after `from`) since the last failed one; undefined when none. */
function cleanSince(samples: readonly Sample[], from: number): number | undefined {
  const after = samples.filter((s) => s.at >= from);
  const lastFailure = Math.max(from, ...after.filter((s) => s.outcome !== 'ok').map((s) => s.at));
  const ok = after.filter((s) => s.outcome === 'ok' && s.at > lastFailure).map((s) => s.at);
  return ok.length > 0 ? Math.min(...ok) : undefined;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
