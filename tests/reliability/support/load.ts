/**
 * Closed-loop load: N clients, each sending its next GraphQL read as soon as the previous one
 * answered, for a fixed time. Every request is recorded (start, duration, outcome) so a drill can
 * compute latencies, count errors, and find the outage window of a database restart.
 */
import { graphql, NoAnswerError } from './http.ts';
import type { Operation } from './queries.ts';
import { summarize, type LatencySummary } from './stats.ts';

/** One request's outcome. */
export interface Sample {
  client: number;
  name: string;
  /** ms since the load began. */
  at: number;
  ms: number;
  /** 'ok', or what went wrong: `http 503`, `graphql CODE: message`, `no answer: reason`. */
  outcome: string;
}

/** Options of {@link runLoad}. */
export interface LoadOptions {
  baseUrl: string;
  clients: number;
  durationMs: number;
  /** Per client: the next operation to send. */
  next(client: number): Operation;
  /** Deadline of one request in ms (default 60 s): beyond it the request counts as hung. */
  requestTimeoutMs?: number;
  /** Called on every sample, e.g. to log an outage as it happens. */
  onSample?(sample: Sample): void;
  /** Stops the clients early (each finishes its request in flight). */
  signal?: AbortSignal;
  /** Origin of `Sample.at` (a performance.now() value); default the start of the load. */
  t0?: number;
}

/** What a load run measured. */
export interface LoadReport {
  samples: Sample[];
  elapsedMs: number;
  requests: number;
  errors: Sample[];
  rps: number;
  byName: Record<string, LatencySummary>;
  all: LatencySummary;
}

/** Runs the load and returns every sample plus summaries (latencies of successful requests). */
export async function runLoad(options: LoadOptions): Promise<LoadReport> {
  const samples: Sample[] = [];
  const began = performance.now();
  const t0 = options.t0 ?? began;
  const deadline = began + options.durationMs;
  const client = async (index: number) => {
    while (performance.now() < deadline && !options.signal?.aborted) {
      const op = options.next(index);
      const at = performance.now() - t0;
      let outcome = 'ok';
      let ms: number;
      try {
        const result = await graphql(options.baseUrl, op.query, { variables: op.variables, timeoutMs: options.requestTimeoutMs ?? 60_000 });
        ms = result.ms;
        const first = result.json?.errors?.[0];
        if (result.status !== 200) outcome = `http ${result.status}${first ? `: ${first.extensions?.code ?? ''} ${first.message}` : ''}`;
        else if (first) outcome = `graphql ${first.extensions?.code ?? '-'}: ${first.message}`;
        else if (result.json?.data === undefined) outcome = 'no data';
      } catch (error) {
        if (!(error instanceof NoAnswerError)) throw error;
        ms = error.ms;
        outcome = `no answer: ${error.reason}`;
        // A refused connection returns at once: do not spin.
        await new Promise((r) => setTimeout(r, 50));
      }
      const sample = { client: index, name: op.name, at, ms, outcome };
      samples.push(sample);
      options.onSample?.(sample);
    }
  };
  await Promise.all(Array.from({ length: options.clients }, (_, i) => client(i)));
  const elapsedMs = performance.now() - began;
  const ok = samples.filter((s) => s.outcome === 'ok');
  const byName: Record<string, LatencySummary> = {};
  for (const name of [...new Set(samples.map((s) => s.name))].sort()) {
    byName[name] = summarize(ok.filter((s) => s.name === name).map((s) => s.ms));
  }
  return {
    samples,
    elapsedMs,
    requests: samples.length,
    errors: samples.filter((s) => s.outcome !== 'ok'),
    rps: samples.length / (elapsedMs / 1000),
    byName,
    all: summarize(ok.map((s) => s.ms)),
  };
}

/** The distinct error outcomes with their counts, most frequent first. */
export function errorBreakdown(errors: readonly Sample[]): [string, number][] {
  const counts = new Map<string, number>();
  for (const e of errors) {
    const key = `${e.name}: ${e.outcome.slice(0, 200)}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts.entries()].sort((a, b) => b[1] - a[1]);
}
