/**
 * Issue 7 (4): concurrent curation mutations on the same records leave a consistent graph and a
 * complete change log. Every accepted mutation has exactly one change; the changes of a record
 * chain up (each `before` is the previous `after`) from its first state to its final one; funding
 * flows keep their donor and recipient edges and never form a PART_OF cycle. Runs on the shared
 * test database with its own ids (rel_cc_*) and puts the seed back afterwards (checked by checksum).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chainOf, type ChangeEntry } from './support/change-log.ts';
import { openGraph, type DrillGraph, type GraphDigest } from './support/graph.ts';
import { graphql, type HttpResult } from './support/http.ts';
import { ADMIN_TOKEN, startServer, type DrillServer } from './support/server.ts';

const CITE = [{ section: 's1_overview', paragraph: [1] }];
const RESULT = 'ok change { id at operation targetId before after }';
const UPSERT_ACTOR = `mutation($input: ActorInput!) { upsertActor(input: $input) { ${RESULT} } }`;
const DELETE_ACTOR = `mutation($id: ID!) { deleteActor(id: $id) { ${RESULT} } }`;
const UPSERT_REL = `mutation($input: RelationshipInput!) { upsertRelationship(input: $input) { ${RESULT} } }`;
const DELETE_REL = `mutation($type: RelationshipType!, $from: ID!, $to: ID!, $start: Int) { deleteRelationship(type: $type, from: $from, to: $to, start: $start) { ${RESULT} } }`;
const UPSERT_FUNDING = `mutation($input: FundingInput!) { upsertFunding(input: $input) { ${RESULT} } }`;
const CHANGES = `query($target: ID) { changes(targetId: $target, first: 500) { id at operation targetId before after } }`;

/** Codes a refused concurrent mutation may carry; anything else (an internal error) fails the drill. */
const CLEAN_REFUSALS = ['BAD_USER_INPUT', 'NOT_FOUND'];

interface Outcome { ok: boolean; change?: ChangeEntry; code?: string; message?: string }

describe('concurrent curation on the same records', () => {
  let graph: DrillGraph;
  let seed: GraphDigest;
  let server: DrillServer;
  /** Every change an accepted mutation returned. */
  const accepted: ChangeEntry[] = [];

  const mutate = async (query: string, variables: Record<string, unknown>): Promise<Outcome> => {
    const result: HttpResult = await graphql(server.url, query, { variables, token: ADMIN_TOKEN, headers: { 'x-aidgraph-actor': 'reliability drill' } });
    const field = Object.keys(result.json?.data ?? {})[0];
    const payload = field ? result.json.data[field] : null;
    if (payload?.ok) {
      accepted.push(payload.change);
      return { ok: true, change: payload.change };
    }
    const error = result.json?.errors?.[0];
    return { ok: false, code: error?.extensions?.code, message: error?.message ?? result.text.slice(0, 300) };
  };
  const expectClean = (outcomes: Outcome[]) => {
    for (const o of outcomes.filter((x) => !x.ok)) expect(CLEAN_REFUSALS, `refusal: ${o.code} ${o.message}`).toContain(o.code);
  };
  const changesOf = async (target: string): Promise<ChangeEntry[]> =>
    (await graphql(server.url, CHANGES, { variables: { target } })).json.data.changes;

  beforeAll(async () => {
    graph = openGraph();
    seed = await graph.digest();
    server = await startServer({ AIDGRAPH_ADMIN_TOKEN: ADMIN_TOKEN });
  });

  afterAll(async () => {
    await server?.close();
    try {
      await graph.restoreSeed();
      expect(await graph.digest(), 'the seed is back').toEqual(seed);
    } finally {
      await graph.close();
    }
  }, 120_000);

  it('control: the same mutations one at a time chain up, keep their edges and refuse a cycle', async () => {
    const id = 'rel_cc_actor_seq';
    for (let i = 0; i < 3; i++) expect((await mutate(UPSERT_ACTOR, { input: { id, kind: 'Company', name: `Drill company v${i}`, cite: CITE } })).ok).toBe(true);
    expect(chainOf(await changesOf(id), null).problem).toBeUndefined();
    const flow = (fid: string, partOf?: string) => ({ input: { id: fid, donor: 'united_states', recipient: 'somalia', amountUsd: 700, fyStart: 2014, fyEnd: 2014, partOf, cite: CITE } });
    expect((await mutate(UPSERT_FUNDING, flow('rel_cc_seq_a'))).ok).toBe(true);
    expect((await mutate(UPSERT_FUNDING, flow('rel_cc_seq_b', 'rel_cc_seq_a'))).ok).toBe(true);
    const cycle = await mutate(UPSERT_FUNDING, flow('rel_cc_seq_a', 'rel_cc_seq_b'));
    expect(cycle.code, 'one at a time, a PART_OF cycle is refused').toBe('BAD_USER_INPUT');
    expect(await graph.fundingViolations('rel_cc_seq_')).toEqual([]);
  });

  it('10 concurrent creations of the same new actor: one node, ten changes in one chain', async () => {
    const id = 'rel_cc_actor_new';
    const outcomes = await Promise.all(Array.from({ length: 10 }, (_, i) =>
      mutate(UPSERT_ACTOR, { input: { id, kind: 'MilitaryUnit', name: `Drill unit v${i}`, description: `version ${i}`, cite: CITE } })));
    expectClean(outcomes);
    const ok = outcomes.filter((o) => o.ok);
    expect(ok.length, 'concurrent upserts of one record all succeed (retried, not refused)').toBe(10);
    const log = await changesOf(id);
    expect(log.map((c) => c.id).sort(), 'one change per accepted mutation').toEqual(ok.map((o) => o.change!.id).sort());
    const { chain, problem } = chainOf(log, null);
    expect(problem, 'the change log is one history').toBeUndefined();
    const final = (await graphql(server.url, '{ actor(id: "rel_cc_actor_new") { name description } }')).json.data.actor;
    expect(JSON.parse(chain!.at(-1)!.after!).name, 'the last change is the stored state').toBe(final.name);
  });

  it('10 concurrent updates of one existing actor: every change chains from the previous one', async () => {
    const id = 'rel_cc_actor_old';
    const created = await mutate(UPSERT_ACTOR, { input: { id, kind: 'Person', name: 'Drill person', cite: CITE } });
    expect(created.ok, created.message).toBe(true);
    const outcomes = await Promise.all(Array.from({ length: 10 }, (_, i) =>
      mutate(UPSERT_ACTOR, { input: { id, kind: 'Person', name: `Drill person v${i}`, aliases: [`alias ${i}`], cite: CITE } })));
    expectClean(outcomes);
    expect(outcomes.filter((o) => o.ok).length).toBe(10);
    const log = await changesOf(id);
    expect(log).toHaveLength(11);
    const { chain, problem } = chainOf(log, null);
    expect(problem, 'the change log is one history').toBeUndefined();
    const final = (await graphql(server.url, `{ actor(id: "${id}") { name aliases } }`)).json.data.actor;
    expect(JSON.parse(chain!.at(-1)!.after!).name).toBe(final.name);
  });

  it('upserts and deletes of one relationship at once: a history that ends in the stored state', async () => {
    const base = { type: 'TRAINED', from: 'united_states', to: 'rel_cc_actor_old', start: 2012 };
    const outcomes = await Promise.all(Array.from({ length: 12 }, (_, i) => (i % 2 === 0
      ? mutate(UPSERT_REL, { input: { ...base, note: `note ${i}`, cite: CITE } })
      : mutate(DELETE_REL, base))));
    expectClean(outcomes);
    const key = 'TRAINED:united_states:rel_cc_actor_old:2012';
    const log = await changesOf(key);
    expect(log.map((c) => c.id).sort(), 'one change per accepted mutation').toEqual(outcomes.filter((o) => o.ok).map((o) => o.change!.id).sort());
    const { chain, problem } = chainOf(log, null);
    expect(problem, 'the change log is one history').toBeUndefined();
    const edges = (await graphql(server.url, '{ actor(id: "rel_cc_actor_old") { relationships(types: [TRAINED]) { id note start } } }')).json.data.actor.relationships;
    const last = chain!.at(-1)!.after;
    expect(edges.length, 'the relationship exists exactly when the last change left it').toBe(last === null ? 0 : 1);
  });

  it('funding flows created while their donor is deleted: no flow without its donor', async () => {
    const donor = 'rel_cc_donor';
    expect((await mutate(UPSERT_ACTOR, { input: { id: donor, kind: 'State', name: 'Drill donor state', cite: CITE } })).ok).toBe(true);
    const flows = Array.from({ length: 8 }, (_, i) => mutate(UPSERT_FUNDING, {
      input: { id: `rel_cc_flow_${i}`, donor, recipient: 'somalia', amountUsd: 1000 + i, fyStart: 2015, fyEnd: 2015, cite: CITE },
    }));
    const deletes = Array.from({ length: 3 }, () => mutate(DELETE_ACTOR, { id: donor }));
    const outcomes = await Promise.all([...flows, ...deletes]);
    expectClean(outcomes);
    expect(await graph.fundingViolations('rel_cc_'), 'every flow keeps one PROVIDED edge from its donorId and one TO edge to its recipientId').toEqual([]);
    const donorLeft = (await graphql(server.url, `{ actor(id: "${donor}") { id } }`)).json.data.actor;
    const flowsLeft = outcomes.slice(0, 8).filter((o) => o.ok).length;
    if (donorLeft === null) expect(flowsLeft, 'the donor was deleted, so no flow of it may have been stored').toBe(0);
  });

  it('two flows made part of each other at the same time: never a PART_OF cycle', async () => {
    for (let round = 0; round < 5; round++) {
      const [a, b] = [`rel_cc_part_${round}_a`, `rel_cc_part_${round}_b`];
      const flow = (id: string, partOf?: string) => ({ input: { id, donor: 'united_states', recipient: 'somalia', amountUsd: 500, fyStart: 2016, fyEnd: 2016, partOf, cite: CITE } });
      expect((await mutate(UPSERT_FUNDING, flow(a))).ok).toBe(true);
      expect((await mutate(UPSERT_FUNDING, flow(b))).ok).toBe(true);
      const outcomes = await Promise.all([mutate(UPSERT_FUNDING, flow(a, b)), mutate(UPSERT_FUNDING, flow(b, a))]);
      expectClean(outcomes);
    }
    expect(await graph.fundingViolations('rel_cc_part_'), 'no flow is part of itself').toEqual([]);
  });

  it('on a database loaded before the curation lock constraint existed, a new server still serialises', async () => {
    // An analyst's database imported with an older aidgraph, then served by this one: the server
    // must not depend on the loader having created its constraints.
    await graph.dropConstraint('curation_lock_key');
    const upgraded = await startServer({ AIDGRAPH_ADMIN_TOKEN: ADMIN_TOKEN });
    try {
      const id = 'rel_cc_actor_upgraded';
      const send = (query: string, variables: Record<string, unknown>) =>
        graphql(upgraded.url, query, { variables, token: ADMIN_TOKEN }).then((r) => {
          const payload = r.json?.data?.upsertActor;
          if (payload?.ok) accepted.push(payload.change);
          return payload?.ok === true;
        });
      const oks = await Promise.all(Array.from({ length: 10 }, (_, i) =>
        send(UPSERT_ACTOR, { input: { id, kind: 'Person', name: `Upgraded v${i}`, cite: CITE } })));
      expect(oks.filter(Boolean).length).toBe(10);
      const { problem } = chainOf(await changesOf(id), null);
      expect(problem, 'the change log is one history').toBeUndefined();
    } finally {
      await upgraded.close();
    }
  });

  it('the change log is complete: every accepted mutation, once', async () => {
    const all: ChangeEntry[] = (await graphql(server.url, '{ changes(first: 500) { id at operation targetId before after } }')).json.data.changes;
    const mine = all.filter((c) => c.targetId.includes('rel_cc_'));
    expect(mine.map((c) => c.id).sort()).toEqual(accepted.map((c) => c.id).sort());
    console.log(`concurrent curation: ${accepted.length} accepted mutations, ${mine.length} changes logged`);
  });
});
