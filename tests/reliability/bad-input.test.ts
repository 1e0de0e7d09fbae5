/**
 * Issue 7 (5): a table of hostile and malformed inputs to the loader and the API
 * (support/bad-input-cases.ts), each with the clear error it must get, plus Cypher and Lucene
 * injection attempts in every string argument of the schema. None may change the graph: the
 * checksum of every node, relationship and property is the same before and after each one.
 * Runs on the shared test database.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InvalidDatasetError, loadDataset } from '../../seed/loader/index.ts';
import { BadDatasets } from './support/bad-dataset.ts';
import { BAD_INPUTS, answerOf, type Answer, type CaseContext } from './support/bad-input-cases.ts';
import { openGraph, type DrillGraph, type GraphDigest } from './support/graph.ts';
import { graphql } from './support/http.ts';
import { runImport } from './support/import-cli.ts';
import { INJECTIONS, mutationInjections, queryInjections } from './support/injection.ts';
import { ADMIN_TOKEN, startServer, type DrillServer } from './support/server.ts';

describe('bad input: every hostile or malformed input gets a clear error and changes nothing', () => {
  let graph: DrillGraph;
  let seed: GraphDigest;
  let server: DrillServer;
  let ctx: CaseContext;
  const datasets = new BadDatasets();

  beforeAll(async () => {
    graph = openGraph();
    seed = await graph.digest();
    server = await startServer({ AIDGRAPH_ADMIN_TOKEN: ADMIN_TOKEN });
    const env = { NEO4J_URI: process.env.NEO4J_URI!, NEO4J_USERNAME: process.env.NEO4J_USERNAME ?? 'neo4j', NEO4J_PASSWORD: process.env.NEO4J_PASSWORD ?? '' };
    ctx = {
      baseUrl: server.url,
      token: ADMIN_TOKEN,
      datasets,
      async load(dir): Promise<Answer> {
        try {
          await loadDataset(graph.driver, dir, { database: graph.database });
          return { status: 0, code: 'LOADED', message: 'the loader accepted it' };
        } catch (error) {
          if (error instanceof InvalidDatasetError) return { status: 1, code: 'INVALID_DATASET', message: error.message };
          return { status: 2, code: 'LOAD_FAILED', message: String(error) };
        }
      },
      async importCli(dir): Promise<Answer> {
        const run = await runImport(dir, { env, timeoutMs: 120_000 });
        return { status: run.code ?? -1, code: run.code === 1 ? 'INVALID_DATASET' : run.code === 0 ? 'LOADED' : `EXIT_${run.code}`, message: run.stderr };
      },
    };
  });

  afterAll(async () => {
    await server?.close();
    datasets.dispose();
    try {
      if ((await graph.digest()).checksum !== seed.checksum) await graph.restoreSeed();
      expect(await graph.digest(), 'the seed is back').toEqual(seed);
    } finally {
      await graph.close();
    }
  }, 120_000);

  it('the base data set of the loader cases is valid (so each case fails for its own reason only)', async () => {
    const summary = await loadDataset(graph.driver, datasets.base(), { database: graph.database, dryRun: true });
    expect(summary.rows).toBe(7);
  });

  it('has at least 30 cases', () => {
    expect(BAD_INPUTS.length).toBeGreaterThanOrEqual(30);
    expect(new Set(BAD_INPUTS.map((c) => c.id)).size).toBe(BAD_INPUTS.length);
  });

  it.each(BAD_INPUTS.map((c) => [`${c.id} ${c.category}: ${c.input}`, c] as const))('%s', { timeout: 120_000 }, async (_name, badCase) => {
    const started = performance.now();
    const answer = await badCase.run(ctx);
    const ms = performance.now() - started;
    const shown = `${answer.status} ${answer.code}: ${answer.message.slice(0, 400)}`;
    const after = await graph.digest();
    // Put the seed back at once, so that one accepted bad input does not fail the rows after it.
    if (after.checksum !== seed.checksum) await graph.restoreSeed();
    expect.soft(answer.code, shown).toBe(badCase.code);
    if (badCase.status !== undefined) expect.soft(answer.status, shown).toBe(badCase.status);
    if (badCase.message) expect.soft(answer.message, shown).toMatch(badCase.message);
    expect.soft(after, `${badCase.id} changed the graph`).toEqual(seed);
    expect(ms, `${badCase.id} answered in time`).toBeLessThan(60_000);
  });

  it('Cypher/Lucene injection in every string argument of every query field: plain data, no internal error, no change', async () => {
    const calls = queryInjections();
    const failures: string[] = [];
    for (const call of calls) {
      const answer = answerOf(await graphql(server.url, call.query, { variables: call.variables }));
      if (answer.status !== 200 || !['OK', 'BAD_USER_INPUT', 'NOT_FOUND'].includes(answer.code)) {
        failures.push(`${call.label} <- ${JSON.stringify(call.variables).slice(0, 120)}: ${answer.status} ${answer.code} ${answer.message.slice(0, 200)}`);
      }
    }
    expect(failures).toEqual([]);
    expect(await graph.digest()).toEqual(seed);
    console.log(`injection: ${calls.length} query requests (${new Set(calls.map((c) => c.label)).size} arguments x ${INJECTIONS.length} payloads)`);
  }, 180_000);

  it('Cypher injection in every id and type field of every mutation (with the token): refused, no change', async () => {
    const calls = mutationInjections();
    const failures: string[] = [];
    for (const call of calls) {
      const answer = answerOf(await graphql(server.url, call.query, { variables: call.variables, token: ADMIN_TOKEN }));
      if (!['BAD_USER_INPUT', 'NOT_FOUND'].includes(answer.code)) {
        failures.push(`${call.label} <- ${JSON.stringify(call.variables).slice(0, 160)}: ${answer.status} ${answer.code} ${answer.message.slice(0, 200)}`);
      }
    }
    expect(failures).toEqual([]);
    expect(await graph.digest()).toEqual(seed);
    console.log(`injection: ${calls.length} mutation requests (${new Set(calls.map((c) => c.label)).size} id/type fields)`);
  }, 180_000);

  it('injection strings in free-text fields are stored as plain text, verbatim', async () => {
    const text = INJECTIONS.slice(0, 3).join(' ');
    const input = { id: 'rel_bad_verbatim', kind: 'Person', name: text, aliases: INJECTIONS.slice(0, 3), description: text, cite: [{ section: 's1_overview', paragraph: [1] }] };
    const before = await graph.counts();
    const upsert = await graphql(server.url, 'mutation($input: ActorInput!) { upsertActor(input: $input) { ok } }', { variables: { input }, token: ADMIN_TOKEN });
    expect(upsert.json?.data?.upsertActor?.ok, upsert.text.slice(0, 300)).toBe(true);
    const stored = (await graphql(server.url, '{ actor(id: "rel_bad_verbatim") { name aliases description } }')).json.data.actor;
    expect(stored).toEqual({ name: text, aliases: INJECTIONS.slice(0, 3), description: text });
    const removed = await graphql(server.url, 'mutation { deleteActor(id: "rel_bad_verbatim") { ok } }', { token: ADMIN_TOKEN });
    expect(removed.json?.data?.deleteActor?.ok, removed.text.slice(0, 300)).toBe(true);
    const after = await graph.counts();
    // Only the two :Change records of the upsert and the delete remain.
    expect(after).toEqual({ nodes: before.nodes + 2, relationships: before.relationships });
  });
});
