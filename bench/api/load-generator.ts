/**
 * A closed-loop load generator: `concurrency` workers each send one request, wait for the answer,
 * and send the next, for a warm-up period (not recorded) and then a measured period.
 */
import { summarize, type LatencySummary } from '../lib/stats.ts';

/** One request: resolves when answered; throws (or returns an error text) when it failed. */
export type RequestFn = (i: number) => Promise<string | void>;

/** Options of {@link runLoad}. */
export interface LoadOptions {
  concurrency: number;
  warmupMs: number;
  durationMs: number;
  /** Stop early after this many measured requests (keeps slow cases short). */
  maxRequests?: number;
}

/** The summary plus the first error seen, if any. */
export interface LoadResult extends LatencySummary {
  concurrency: number;
  firstError?: string;
}

/** Runs the load and summarises the measured period. */
export async function runLoad(request: RequestFn, options: LoadOptions): Promise<LoadResult> {
  let counter = 0;
  let firstError: string | undefined;
  const phase = async (ms: number, record: boolean) => {
    const latencies: number[] = [];
    let errors = 0;
    const deadline = performance.now() + ms;
    const start = performance.now();
    const worker = async () => {
      while (performance.now() < deadline && (!record || !options.maxRequests || latencies.length + errors < options.maxRequests)) {
        const t0 = performance.now();
        let failed: string | undefined;
        try {
          const r = await request(counter++);
          if (typeof r === 'string') failed = r;
        } catch (err) {
          failed = (err as Error).message;
        }
        const dt = performance.now() - t0;
        if (!record) continue;
        if (failed) {
          errors++;
          firstError ??= failed.slice(0, 300);
        } else latencies.push(dt);
      }
    };
    await Promise.all(Array.from({ length: options.concurrency }, worker));
    return { latencies, errors, wallMs: performance.now() - start };
  };
  if (options.warmupMs > 0) await phase(options.warmupMs, false);
  const { latencies, errors, wallMs } = await phase(options.durationMs, true);
  return { ...summarize(latencies, errors, wallMs), concurrency: options.concurrency, ...(firstError ? { firstError } : {}) };
}
