/**
 * The assertions of a database restart under load (issue 7, item 2), shared by the quick test
 * and the drill, each with a message that says what went wrong and when.
 */
import { expect } from 'vitest';
import { errorBreakdown } from './load.ts';
import type { RestartOutcome } from './restart-scenario.ts';

/** The driver's retry window (maxTransactionRetryTime). */
import { DRIVER_RETRY_WINDOW_MS } from '../../../server/db/database.ts';

export { DRIVER_RETRY_WINDOW_MS };
/** Slack on top of the transaction timeout for HTTP, JSON and GC. */
export const HANG_SLACK_MS = 2_000;

/** Checks one restart; `queryTimeoutMs` is the server's transaction timeout. */
export function checkRestart(o: RestartOutcome, queryTimeoutMs: number): void {
  const errors = errorBreakdown(o.load.errors).map(([what, n]) => `${n} x ${what}`).join('\n');
  expect(o.healthFailures, 'the server answered /healthz throughout (it never crashed or stalled)').toEqual([]);
  expect(o.errorsBefore, `no errors before the outage:\n${errors}`).toEqual([]);
  expect(o.outageReportedAt, '/readyz reported the outage with 503').toBeDefined();
  expect(o.recoveryReportedAt, '/readyz reported the recovery with 200').toBeDefined();
  expect(o.recoveryReportedAt! - o.upAt, '/readyz reported the recovery within the retry window').toBeLessThanOrEqual(DRIVER_RETRY_WINDOW_MS);
  expect(o.readyFlapsAfterRecovery, '/readyz stayed 200 after the recovery').toBe(0);
  expect(o.firstReadAfterUp, 'a read succeeded after the database came back').toBeDefined();
  expect(o.firstReadAfterUp! - o.upAt, 'reads recovered within the driver retry window').toBeLessThanOrEqual(DRIVER_RETRY_WINDOW_MS);
  const late = o.errorsAfterSettle.map((e) => `${e.name} started ${(e.at / 1000).toFixed(1)} s (Neo4j back at ${(o.upAt / 1000).toFixed(1)} s), ${(e.ms / 1000).toFixed(1)} s: ${e.outcome.slice(0, 160)}`).join('\n');
  expect(o.errorsAfterSettle, `no errors once the retry window after the restart had passed:\n${late}`).toEqual([]);
  expect(o.noAnswer, `every request got an HTTP answer:\n${errors}`).toEqual([]);
  expect(o.slowestMs, 'no request ran past the transaction timeout').toBeLessThanOrEqual(queryTimeoutMs + HANG_SLACK_MS);
  // Errors during the outage are clean GraphQL errors, never internals.
  for (const e of o.load.errors) {
    expect(e.outcome, 'an outage error leaks no connection details').not.toMatch(/bolt:\/\/|127\.0\.0\.1|ECONNREFUSED|at .*\.js:\d+/);
  }
}
