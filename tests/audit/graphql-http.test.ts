/**
 * The graphql-http conformance audits (GraphQL over HTTP) against the in-process yoga handler.
 * Prints the ok / warn / error counts and every non-ok audit; each of those is explained in
 * server/graphql/README.md ("API" > "GraphQL over HTTP audit"). No audit may be an error.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serverAudits } from 'graphql-http';
import { createApi, type Api } from '../integration/api-harness.ts';

/** Audits that may warn, with the reason (kept in step with the README). */
const EXPLAINED_WARNINGS: Record<string, string> = {
  '5A70': 'CSRF prevention: a GET without a custom header is answered 403 (MAY-level)',
  D6D5: 'CSRF prevention: a GET without a custom header is answered 403 (MAY-level)',
  '6A70': 'CSRF prevention: a GET without a custom header is answered 403 (MAY-level)',
};

let api: Api;
beforeAll(() => {
  api = createApi();
});
afterAll(async () => {
  await api.close();
});

describe('graphql-http serverAudits', () => {
  it('passes every MUST, and every non-ok audit is a known, explained one', async () => {
    const audits = serverAudits({
      url: 'http://localhost/graphql',
      fetchFn: (input: RequestInfo | URL, init?: RequestInit) => api.yoga.fetch(String(input), init as never),
    });
    const results = [];
    for (const audit of audits) results.push({ audit, result: await audit.fn() });
    const counts: Record<string, number> = { ok: 0, notice: 0, warn: 0, error: 0 };
    for (const { result } of results) counts[result.status] = (counts[result.status] ?? 0) + 1;
    const notOk = results.filter((r) => r.result.status !== 'ok');
    console.log(`graphql-http serverAudits: ${counts.ok} ok, ${counts.notice} notice, ${counts.warn} warn, ${counts.error} error (of ${results.length})`);
    for (const { audit, result } of notOk) console.log(`  ${result.status}: ${audit.id} ${audit.name}: ${"reason" in result ? result.reason : ""}`);
    expect(counts.error, notOk.map((r) => r.audit.name).join('\n')).toBe(0);
    expect(counts.ok).toBeGreaterThan(0);
    for (const { audit } of notOk) expect(EXPLAINED_WARNINGS[audit.id], `unexplained: ${audit.id} ${audit.name}`).toBeDefined();
  });
});
