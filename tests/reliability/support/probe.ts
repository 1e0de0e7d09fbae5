/**
 * Polls /readyz and /healthz of a running server on a fixed beat and keeps a timeline, so a
 * drill can say when the server noticed an outage and when it reported recovery.
 */
import { request, NoAnswerError } from './http.ts';

/** One probe. `status` is the HTTP status, or 0 when nothing answered. */
export interface ProbeSample {
  at: number;
  path: '/readyz' | '/healthz';
  status: number;
  ms: number;
}

/** A running prober. */
export interface Prober {
  readonly samples: ProbeSample[];
  stop(): Promise<void>;
}

/** Starts probing `${baseUrl}/readyz` and `/healthz` every `everyMs`; times are ms since `t0`. */
export function startProber(baseUrl: string, t0: number, everyMs = 250): Prober {
  const samples: ProbeSample[] = [];
  let running = true;
  const loop = async (path: ProbeSample['path']) => {
    while (running) {
      const at = performance.now() - t0;
      try {
        const result = await request(`${baseUrl}${path}`, {}, 10_000);
        samples.push({ at, path, status: result.status, ms: result.ms });
      } catch (error) {
        if (!(error instanceof NoAnswerError)) throw error;
        samples.push({ at, path, status: 0, ms: error.ms });
      }
      await new Promise((r) => setTimeout(r, everyMs));
    }
  };
  const loops = [loop('/readyz'), loop('/healthz')];
  return {
    samples,
    async stop() {
      running = false;
      await Promise.all(loops);
    },
  };
}
