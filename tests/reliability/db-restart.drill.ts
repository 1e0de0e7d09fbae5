/**
 * Issue 7 (2), long form: 10 clients of mixed reads on the M data set while aidgraph's Neo4j is
 * stopped cleanly (SIGTERM) and, in a second round, killed (SIGKILL), each time started again on
 * the same port and data. The server never crashes, /readyz reports each outage and recovery,
 * reads recover within the driver's retry window, no request runs past the transaction timeout.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { useMServer } from './support/m-server.ts';
import { workload } from './support/queries.ts';
import { checkRestart, DRIVER_RETRY_WINDOW_MS } from './support/restart-checks.ts';
import { describeOutcome, restartUnderLoad, type RestartOutcome } from './support/restart-scenario.ts';
import { saveResults } from './support/results.ts';

const CLIENTS = 10;

describe('database restart under load (M data set, 10 clients)', () => {
  const fixture = useMServer();
  const outcomes: Record<string, RestartOutcome> = {};

  afterAll(() => {
    saveResults('restart-M', Object.fromEntries(Object.entries(outcomes).map(([mode, o]) => [mode, {
      requests: o.load.requests, errors: o.load.errors.length, noAnswer: o.noAnswer.length, slowestMs: o.slowestMs,
      downAt: o.downAt, goneAt: o.goneAt, upAt: o.upAt, outageReportedAt: o.outageReportedAt, recoveryReportedAt: o.recoveryReportedAt,
      firstReadAfterUp: o.firstReadAfterUp, errorsAfterSettle: o.errorsAfterSettle.length, healthFailures: o.healthFailures.length,
    }])));
  });

  for (const mode of ['stop', 'kill'] as const) {
    it(`${mode === 'stop' ? 'clean stop (SIGTERM)' : 'crash (SIGKILL)'} and restart: the server rides it out`, async () => {
      const { m, server } = fixture;
      const workloads = Array.from({ length: CLIENTS }, (_, i) => workload(m.dataset.targets, (mode === 'stop' ? 2000 : 3000) + i));
      const outcome = await restartUnderLoad({
        db: m.db,
        baseUrl: server.url,
        clients: CLIENTS,
        next: (c) => workloads[c](),
        mode,
        warmupMs: 15_000,
        downtimeMs: 5_000,
        afterMs: DRIVER_RETRY_WINDOW_MS + 15_000,
        requestTimeoutMs: 180_000,
      }, DRIVER_RETRY_WINDOW_MS);
      outcomes[mode] = outcome;
      console.log(describeOutcome(`restart drill (${mode})`, outcome));
      expect(outcome.load.requests).toBeGreaterThan(CLIENTS);
      checkRestart(outcome, server.config.queryTimeoutMs);
    });
  }
});
