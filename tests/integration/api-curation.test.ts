/**
 * Curation mutations: refused without the token (before any Cypher), validated exactly as the
 * loader validates data files, and recorded as :Change nodes readable through `changes`.
 * Every record here has an id starting with `zz_api_test_` and is removed afterwards.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApi, dataOf, type Api } from './api-harness.ts';
import { editorLine } from '../../server/auth/editors.ts';

const TOKEN = 'test-admin-token-0123456789abcdef';
const ACTOR = 'zz_api_test_militia';
const FLOW = 'zz_api_test_flow';
// The token is the editor "api test"'s (AIDGRAPH_EDITORS); the header names someone else and is ignored.
const AUTH = { authorization: `Bearer ${TOKEN}`, 'x-aidgraph-actor': 'someone else' };
const editorsDir = mkdtempSync(join(tmpdir(), 'aidgraph-editors-'));
const CITE = [{ section: 's3_support_to_sna', paragraph: [4], footnotes: [70] }];

let readOnly: Api;
let api: Api;

async function cleanUp(target: Api) {
  await target.db.write(`MATCH (n) WHERE (n:Entity OR n:Funding) AND n.id STARTS WITH 'zz_api_test_' DETACH DELETE n`);
  await target.db.write(`MATCH (c:Change) WHERE c.targetId CONTAINS 'zz_api_test_' DELETE c`);
}

beforeAll(async () => {
  const editors = join(editorsDir, 'editors');
  writeFileSync(editors, `${editorLine('api test', TOKEN)}\n`);
  readOnly = createApi({ AIDGRAPH_ADMIN_TOKEN: undefined, AIDGRAPH_EDITORS: undefined });
  api = createApi({ AIDGRAPH_ADMIN_TOKEN: undefined, AIDGRAPH_EDITORS: editors });
  await cleanUp(api);
});
afterAll(async () => {
  await cleanUp(api);
  await readOnly.close();
  await api.close();
  rmSync(editorsDir, { recursive: true, force: true });
});

const UPSERT_ACTOR = `mutation($input: ActorInput!) { upsertActor(input: $input) { ok change { id who at operation targetId before after } } }`;
const actorInput = (over: Record<string, unknown> = {}) => ({ id: ACTOR, kind: 'ArmedGroup', name: 'Test militia', country: 'somalia', description: 'A record made by the API tests.', cite: CITE, ...over });

describe('without the token', () => {
  it('a server without AIDGRAPH_ADMIN_TOKEN or AIDGRAPH_EDITORS is read-only and says so, before any Cypher', async () => {
    expect(dataOf(await readOnly.gql(`{ curationEnabled }`)).curationEnabled).toBe(false);
    const answer = await readOnly.gql(UPSERT_ACTOR, { input: actorInput() }, AUTH);
    expect(answer.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(answer.body.errors?.[0]?.message).toMatch(/read-only/);
    expect(answer.dbCalls).toBe(0);
  });

  it('a missing or wrong bearer token is UNAUTHENTICATED, before any Cypher', async () => {
    expect(dataOf(await api.gql(`{ curationEnabled }`)).curationEnabled).toBe(true);
    const none = await api.gql(UPSERT_ACTOR, { input: actorInput() });
    expect(none.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(none.dbCalls).toBe(0);
    const wrong = await api.gql(UPSERT_ACTOR, { input: actorInput() }, { authorization: `Bearer ${TOKEN}x` });
    expect(wrong.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(wrong.dbCalls).toBe(0);
    expect(dataOf(await api.gql(`{ actor(id: "${ACTOR}") { id } }`)).actor).toBeNull();
  });
});

describe('with the token', () => {
  it('validates like the loader: a bad reference or field is BAD_USER_INPUT and changes nothing', async () => {
    const badCountry = await api.gql(UPSERT_ACTOR, { input: actorInput({ country: 'no_such_state' }) }, AUTH);
    expect(badCountry.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(badCountry.body.errors?.[0]?.message).toMatch(/country/);
    const badId = await api.gql(UPSERT_ACTOR, { input: actorInput({ id: 'Bad Id!' }) }, AUTH);
    expect(badId.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(badId.body.errors?.[0]?.message).toMatch(/id/);
    const badSection = await api.gql(UPSERT_ACTOR, { input: actorInput({ cite: [{ section: 'no_such_section' }] }) }, AUTH);
    expect(badSection.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(dataOf(await api.gql(`{ actor(id: "${ACTOR}") { id } }`)).actor).toBeNull();
    expect(dataOf(await api.gql(`{ changes(targetId: "${ACTOR}") { id } }`)).changes).toEqual([]);
  });

  it('upserts an actor, records who, when, before and after, in one transaction', async () => {
    const created = await api.gql(UPSERT_ACTOR, { input: actorInput() }, AUTH);
    const change = dataOf(created).upsertActor.change;
    expect(created.dbCalls).toBe(1);
    expect(change).toMatchObject({ who: 'api test', operation: 'upsertActor', targetId: ACTOR, before: null });
    expect(JSON.parse(change.after)).toMatchObject({ id: ACTOR, name: 'Test militia', country: 'somalia' });
    expect(Date.now() - Date.parse(change.at)).toBeLessThan(60_000);
    const { actor } = dataOf(await api.gql(`{ actor(id: "${ACTOR}") { name actorKind country sources { section paragraphs footnotes } } }`));
    expect(actor).toMatchObject({ name: 'Test militia', actorKind: 'ArmedGroup', country: 'somalia', sources: [{ section: 's3_support_to_sna', paragraphs: [4], footnotes: [70] }] });
    const renamed = dataOf(await api.gql(UPSERT_ACTOR, { input: actorInput({ name: 'Renamed test militia' }) }, AUTH)).upsertActor.change;
    expect(JSON.parse(renamed.before).name).toBe('Test militia');
    expect(JSON.parse(renamed.after).name).toBe('Renamed test militia');
    // The search index sees the new name.
    const { search } = dataOf(await api.gql(`{ search(text: "renamed test militia", first: 3) { id } }`));
    expect(search.map((h: any) => h.id)).toContain(ACTOR);
  });

  it('upserts a relationship (allow-listed types only) and a funding flow', async () => {
    const rel = `mutation($input: RelationshipInput!) { upsertRelationship(input: $input) { ok change { targetId before after } } }`;
    const bad = await api.gql(rel, { input: { type: 'LIKES', from: ACTOR, to: 'somali_national_army', cite: CITE } }, AUTH);
    expect(bad.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const ok = dataOf(await api.gql(rel, { input: { type: 'OPPOSES', from: ACTOR, to: 'somali_national_army', start: 2016, note: 'test edge', cite: CITE } }, AUTH));
    expect(ok.upsertRelationship.change.targetId).toBe(`OPPOSES:${ACTOR}:somali_national_army:2016`);
    const { actor } = dataOf(await api.gql(`{ actor(id: "${ACTOR}") { relationships { type outgoing other { id } start note } } }`));
    expect(actor.relationships).toEqual([{ type: 'OPPOSES', outgoing: true, other: { id: 'somali_national_army' }, start: 2016, note: 'test edge' }]);

    const fund = `mutation($input: FundingInput!) { upsertFunding(input: $input) { ok change { targetId after } } }`;
    const input = { id: FLOW, donor: 'united_states', recipient: ACTOR, amountUsd: 1_000_000, fyStart: 2016, fyEnd: 2016, cite: CITE };
    const badPart = await api.gql(fund, { input: { ...input, partOf: 'no_such_flow' } }, AUTH);
    expect(badPart.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const badYears = await api.gql(fund, { input: { ...input, fyStart: 2017 } }, AUTH);
    expect(badYears.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(dataOf(await api.gql(fund, { input }, AUTH)).upsertFunding.ok).toBe(true);
    const { dependencies } = dataOf(await api.gql(`{ dependencies(actorId: "${ACTOR}") { totalReceivedUsd donors { donor { id } share } } }`));
    expect(dependencies).toEqual({ totalReceivedUsd: 1_000_000, donors: [{ donor: { id: 'united_states' }, share: 1 }] });
  });

  it('refuses deletes that would leave dangling references, then deletes in order', async () => {
    const del = (m: string, args: string) => api.gql(`mutation { ${m}(${args}) { ok change { operation targetId before after } } }`, {}, AUTH);
    const early = await del('deleteActor', `id: "${ACTOR}"`);
    expect(early.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(early.body.errors?.[0]?.message).toMatch(/funding flow/);
    const missing = await del('deleteFunding', `id: "zz_api_test_nothing"`);
    expect(missing.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(dataOf(await del('deleteFunding', `id: "${FLOW}"`)).deleteFunding.change.after).toBeNull();
    const relDeleted = dataOf(await del('deleteRelationship', `type: OPPOSES, from: "${ACTOR}", to: "somali_national_army", start: 2016`)).deleteRelationship.change;
    expect(JSON.parse(relDeleted.before)).toMatchObject({ type: 'OPPOSES', from: ACTOR, to: 'somali_national_army' });
    const gone = dataOf(await del('deleteActor', `id: "${ACTOR}"`)).deleteActor.change;
    expect(JSON.parse(gone.before).name).toBe('Renamed test militia');
    expect(dataOf(await api.gql(`{ actor(id: "${ACTOR}") { id } }`)).actor).toBeNull();
  });

  it('changes lists the log newest first, readable without the token', async () => {
    const { changes } = dataOf(await readOnly.gql(`{ changes(targetId: "${ACTOR}") { operation who at } }`));
    expect(changes.map((c: any) => c.operation)).toEqual(['deleteActor', 'upsertActor', 'upsertActor']);
    expect(changes.every((c: any) => c.who === 'api test')).toBe(true);
    const all = dataOf(await readOnly.gql(`{ changes(first: 500) { targetId operation } }`)).changes;
    expect(all.map((c: any) => c.operation)).toEqual(expect.arrayContaining(['upsertRelationship', 'deleteRelationship', 'upsertFunding', 'deleteFunding']));
  });
});
