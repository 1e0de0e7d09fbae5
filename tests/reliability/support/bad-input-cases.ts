/**
 * The bad-input table of issue 7 (item 5): hostile or malformed inputs to the loader and the
 * API, each with the clear error it must get. The drill runs every row and checks that none
 * changed the graph. docs/reliability.md prints this table.
 */
import { request, type HttpResult } from './http.ts';
import type { BadDatasets } from './bad-dataset.ts';
import { ARMOR_LIMITS } from '../../../server/graphql/armor.ts';

/** What came back: an HTTP status or exit code, a code, and the message text. */
export interface Answer {
  status: number;
  code: string;
  message: string;
}

/** One row of the table. */
export interface BadInputCase {
  id: string;
  category: string;
  input: string;
  /** Expected code (GraphQL extensions.code, INVALID_DATASET for the loader). */
  code: string;
  status?: number;
  /** The message must match: it names the file/row/argument and says why (omitted where the HTTP status is the whole answer). */
  message?: RegExp;
  run(ctx: CaseContext): Promise<Answer>;
}

/** What a case needs to run. */
export interface CaseContext {
  baseUrl: string;
  token: string;
  datasets: BadDatasets;
  /** Loads a folder in-process with the loader (loadDataset). */
  load(dir: string): Promise<Answer>;
  /** Runs the import command on a folder. */
  importCli(dir: string): Promise<Answer>;
}

/** An answer from an HTTP GraphQL response. */
export function answerOf(result: HttpResult): Answer {
  const errors = result.json?.errors as { message?: string; extensions?: { code?: string } }[] | undefined;
  const code = errors?.[0]?.extensions?.code ?? (errors ? 'NO_CODE' : result.status === 200 ? 'OK' : `HTTP_${result.status}`);
  return { status: result.status, code, message: errors?.map((e) => e.message ?? '').join(' | ') ?? result.text.slice(0, 300) };
}

const post = (ctx: CaseContext, body: string, headers: Record<string, string> = {}) =>
  request(`${ctx.baseUrl}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body }, 30_000).then(answerOf);
const gql = (ctx: CaseContext, query: string, variables: Record<string, unknown> = {}, token?: string) =>
  post(ctx, JSON.stringify({ query, variables }), token ? { authorization: `Bearer ${token}` } : {});
const admin = (ctx: CaseContext, query: string, variables: Record<string, unknown> = {}) => gql(ctx, query, variables, ctx.token);

/** A loader case: the base data set with one file changed. */
const broken = (change: (files: Record<string, string | Buffer | undefined>) => void, via: 'load' | 'cli' = 'load') =>
  (ctx: CaseContext) => {
    const dir = ctx.datasets.make(change);
    return via === 'cli' ? ctx.importCli(dir) : ctx.load(dir);
  };
const appendTo = (name: string, text: string) => (files: Record<string, string | Buffer | undefined>) => { files[name] = `${files[name]}${text}`; };
const replaceIn = (name: string, from: string, to: string) => (files: Record<string, string | Buffer | undefined>) => {
  const before = String(files[name]);
  if (!before.includes(from)) throw new Error(`bad-input case: "${from}" not in ${name}`);
  files[name] = before.replace(from, to);
};

const CITE = [{ section: 's1_overview', paragraph: [1] }];
const INJECT = "x'}) MATCH (n) DETACH DELETE n //";
const b64url = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
const UPSERT_ACTOR = 'mutation($input: ActorInput!) { upsertActor(input: $input) { ok } }';
const UPSERT_FUNDING = 'mutation($input: FundingInput!) { upsertFunding(input: $input) { ok } }';
const UPSERT_REL = 'mutation($input: RelationshipInput!) { upsertRelationship(input: $input) { ok } }';

/** A YAML file with the "billion laughs" shape: nine levels of nine aliases. */
function yamlBomb(): string {
  const lines = ['- &l0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
  for (let i = 1; i <= 9; i++) lines.push(`- &l${i} [${Array.from({ length: 9 }, () => `*l${i - 1}`).join(',')}]`);
  lines.push('- id: rel_bad_bomb\n  kind: Person\n  name: Bomb\n  aliases: *l9\n  cite: [ { section: rel_bad_sec, paragraph: 1 } ]');
  return `${lines.join('\n')}\n`;
}

/** A funding.csv of about 12 MB whose one bad row is in the middle. */
function hugeCsv(): string {
  const header = 'id,donor,recipient,authority,amount_usd,fy_start,fy_end,precision,basis,part_of,purpose,note,source,section,paragraph,footnotes\n';
  const rows: string[] = [];
  for (let i = 0; i < 100_000; i++) {
    const amount = i === 50_000 ? 'NaN-dollars' : String(1000 + i);
    rows.push(`rel_bad_huge_${i},rel_bad_state,rel_bad_unit,rel_bad_program,${amount},2012,2013,EXACT,TOTAL,,,${'padding '.repeat(6)},,rel_bad_sec,3,`);
  }
  return header + rows.join('\n') + '\n';
}

/** The table. Loader rows first (L), then API rows (A). */
export const BAD_INPUTS: BadInputCase[] = [
  // ---- loader: files ----
  { id: 'L1', category: 'broken YAML', input: 'actors.yaml with an unclosed quote', code: 'INVALID_DATASET', message: /actors\.yaml:\d+.*YAML syntax/,
    run: broken(replaceIn('actors.yaml', 'name: Drill State', 'name: "Drill State')) },
  { id: 'L2', category: 'broken YAML', input: 'actors.yaml indented with a tab', code: 'INVALID_DATASET', message: /actors\.yaml:\d+.*YAML syntax/,
    run: broken(replaceIn('actors.yaml', '  kind: State', '\tkind: State')) },
  { id: 'L3', category: 'broken YAML', input: 'actors.yaml holding a mapping, not a list', code: 'INVALID_DATASET', message: /actors\.yaml:\d+.*list/,
    run: broken((f) => { f['actors.yaml'] = 'rel_bad_state:\n  kind: State\n'; }) },
  { id: 'L4', category: 'broken YAML', input: 'YAML "billion laughs" alias bomb in actors.yaml', code: 'INVALID_DATASET', message: /actors\.yaml:\d+/,
    run: broken(appendTo('actors.yaml', yamlBomb())) },
  { id: 'L5', category: 'broken CSV', input: 'relationships.csv with an unbalanced quote', code: 'INVALID_DATASET', message: /relationships\.csv.*(row|line) ?\d+/i,
    run: broken(appendTo('relationships.csv', 'TRAINED,rel_bad_state,"rel_bad_unit,2015,,,,rel_bad_sec,2,\n')) },
  { id: 'L6', category: 'broken CSV', input: 'relationships.csv row with extra columns', code: 'INVALID_DATASET', message: /relationships\.csv row 3/,
    run: broken(appendTo('relationships.csv', 'TRAINED,rel_bad_state,rel_bad_unit,2015,,,,rel_bad_sec,2,,extra,extra\n')) },
  { id: 'L7', category: 'broken CSV', input: 'relationships.csv without the "to" column', code: 'INVALID_DATASET', message: /relationships\.csv.*\bto\b/,
    run: broken((f) => { f['relationships.csv'] = 'type,from,start,section,paragraph\nTRAINED,rel_bad_state,2011,rel_bad_sec,2\n'; }) },
  { id: 'L8', category: 'broken CSV', input: 'funding.csv full of binary garbage (NUL bytes)', code: 'INVALID_DATASET', message: /funding\.csv/,
    run: broken((f) => { f['funding.csv'] = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)); }) },
  { id: 'L9', category: 'wrong types', input: 'amount_usd "lots"', code: 'INVALID_DATASET', message: /funding\.csv row 2.*amount/i,
    run: broken(replaceIn('funding.csv', ',1000000,', ',lots,')) },
  { id: 'L10', category: 'wrong types', input: 'relationship start year "twenty"', code: 'INVALID_DATASET', message: /relationships\.csv row 2.*start/i,
    run: broken(replaceIn('relationships.csv', ',2011,', ',twenty,')) },
  { id: 'L11', category: 'wrong types', input: 'negative amount', code: 'INVALID_DATASET', message: /funding\.csv row 2.*positive/i,
    run: broken(replaceIn('funding.csv', ',1000000,', ',-5,')) },
  { id: 'L12', category: 'wrong types', input: 'fy_start after fy_end', code: 'INVALID_DATASET', message: /funding\.csv row 2.*fy/i,
    run: broken(replaceIn('funding.csv', ',2012,2013,', ',2014,2013,')) },
  { id: 'L13', category: 'wrong types', input: 'actor kind "Pirate"', code: 'INVALID_DATASET', message: /actors\.yaml:\d+.*Pirate/,
    run: broken(replaceIn('actors.yaml', 'kind: MilitaryUnit', 'kind: Pirate')) },
  { id: 'L14', category: 'unknown ids', input: 'relationship to an id defined nowhere', code: 'INVALID_DATASET', message: /relationships\.csv row 2.*rel_bad_ghost/,
    run: broken(replaceIn('relationships.csv', 'rel_bad_state,rel_bad_unit', 'rel_bad_state,rel_bad_ghost')) },
  { id: 'L15', category: 'unknown ids', input: 'citation of a section that does not exist', code: 'INVALID_DATASET', message: /actors\.yaml:\d+.*rel_bad_nosec/,
    run: broken(replaceIn('actors.yaml', 'section: rel_bad_sec, paragraph: 1', 'section: rel_bad_nosec, paragraph: 1')) },
  { id: 'L16', category: 'duplicate ids', input: 'the same actor id twice in actors.yaml', code: 'INVALID_DATASET', message: /actors\.yaml:\d+.*rel_bad_state/,
    run: broken(appendTo('actors.yaml', '- id: rel_bad_state\n  kind: State\n  name: Again\n  cite: [ { section: rel_bad_sec, paragraph: 1 } ]\n')) },
  { id: 'L17', category: 'duplicate ids', input: 'an authority with an actor\'s id', code: 'INVALID_DATASET', message: /authorities\.yaml:\d+.*rel_bad_state/,
    run: broken(appendTo('authorities.yaml', '- id: rel_bad_state\n  kind: LAW\n  name: Clash\n  cite: [ { section: rel_bad_sec, paragraph: 1 } ]\n')) },
  { id: 'L18', category: 'Cypher injection', input: `relationship type "TRAINED]->() DETACH DELETE n //"`, code: 'INVALID_DATASET', message: /relationships\.csv row 2.*type/i,
    run: broken(replaceIn('relationships.csv', 'TRAINED,rel_bad_state', '"TRAINED]->() DETACH DELETE n //",rel_bad_state')) },
  { id: 'L19', category: 'Cypher injection', input: `actor id "${INJECT}"`, code: 'INVALID_DATASET', message: /actors\.yaml:\d+.*not a valid id/,
    run: broken(replaceIn('actors.yaml', 'id: rel_bad_unit', `id: "${INJECT}"`)) },
  { id: 'L20', category: 'huge strings', input: 'an id of 81 characters', code: 'INVALID_DATASET', message: /actors\.yaml:\d+.*80/,
    run: broken(replaceIn('actors.yaml', 'id: rel_bad_unit', `id: rel_bad_${'x'.repeat(73)}`)) },
  { id: 'L21', category: 'huge strings', input: 'an actor description of 2 MB', code: 'INVALID_DATASET', message: /actors\.yaml:\d+.*description/i,
    run: broken(replaceIn('actors.yaml', 'description: Invented state of the bad-input drill.', `description: ${'x'.repeat(2 * 1024 * 1024)}`)) },
  { id: 'L26', category: 'huge strings', input: 'an actor name of 40 kB (over what the name index can hold)', code: 'INVALID_DATASET', message: /actors\.yaml:\d+.*name/i,
    run: broken(replaceIn('actors.yaml', 'name: Drill Unit', `name: ${'n'.repeat(40_000)}`)) },
  { id: 'L22', category: 'huge files', input: 'a 12 MB funding.csv with one bad amount in row 50,002 (import command)', code: 'INVALID_DATASET', message: /funding\.csv row 50002.*amount/i,
    run: broken((f) => { f['funding.csv'] = hugeCsv(); }, 'cli') },
  { id: 'L23', category: 'folder', input: 'an unknown file (notes.txt) in the folder', code: 'INVALID_DATASET', message: /notes\.txt.*unknown file/,
    run: broken((f) => { f['notes.txt'] = 'hello'; }) },
  { id: 'L24', category: 'folder', input: 'no sources.yaml', code: 'INVALID_DATASET', message: /sources\.yaml.*missing/,
    run: broken((f) => { f['sources.yaml'] = undefined; }) },
  { id: 'L25', category: 'folder', input: 'a relationship type outside the allow-list (import command)', code: 'INVALID_DATASET', message: /relationships\.csv row 2.*LIKES/,
    run: broken(replaceIn('relationships.csv', 'TRAINED,rel_bad_state', 'LIKES,rel_bad_state'), 'cli') },

  // ---- API: request shape ----
  { id: 'A1', category: 'depth attack', input: `query nested ${ARMOR_LIMITS.maxDepth + 2} levels deep`, code: 'LIMIT_EXCEEDED', message: /depth/i,
    run: (ctx) => { let q = 'id'; for (let i = 0; i < ARMOR_LIMITS.maxDepth + 2; i++) q = `fundingIn(first: 1) { donor { ${q} } }`; return gql(ctx, `{ actor(id: "kenya") { ${q} } }`); } },
  { id: 'A2', category: 'alias attack', input: `${ARMOR_LIMITS.maxAliases * 4} aliases of one field`, code: 'LIMIT_EXCEEDED', message: /alias/i,
    run: (ctx) => gql(ctx, `{ ${Array.from({ length: ARMOR_LIMITS.maxAliases * 4 }, (_, i) => `a${i}: search(text: "somalia") { id }`).join(' ')} }`) },
  { id: 'A3', category: 'cost attack', input: '10 x actors(first: 500) with nested lists', code: 'LIMIT_EXCEEDED', message: /cost|budget/i,
    run: (ctx) => gql(ctx, `{ ${Array.from({ length: 10 }, (_, i) => `r${i}: actors(first: 500) { nodes { id relationships(first: 50) { id } fundingIn(first: 50) { id donor { id } } } }`).join(' ')} }`) },
  { id: 'A4', category: 'cost attack', input: 'page sizes multiplied: neighborhood(limit 2000) x relationships(first 200)', code: 'LIMIT_EXCEEDED', message: /budget|cost|large/i,
    run: (ctx) => gql(ctx, '{ actors(first: 500) { nodes { relationships(first: 200) { id } fundingIn(first: 200) { id } fundingOut(first: 200) { id } } } }') },
  { id: 'A5', category: 'token attack', input: `a document of ${ARMOR_LIMITS.maxTokens * 2} tokens`, code: 'LIMIT_EXCEEDED', message: /token/i,
    run: (ctx) => gql(ctx, `{ actor(id: "kenya") { ${Array.from({ length: ARMOR_LIMITS.maxTokens * 2 }, () => 'id').join(' ')} } }`) },
  { id: 'A6', category: 'directive attack', input: `${ARMOR_LIMITS.maxDirectives * 3} @include directives`, code: 'LIMIT_EXCEEDED', message: /directive/i,
    run: (ctx) => gql(ctx, `{ actor(id: "kenya") { id ${Array.from({ length: ARMOR_LIMITS.maxDirectives * 3 }, () => '@include(if: true)').join(' ')} } }`) },
  { id: 'A7', category: 'batched operations', input: 'a JSON array of 50 operations', code: 'BAD_REQUEST', status: 400, message: /batch/i,
    run: (ctx) => post(ctx, JSON.stringify(Array.from({ length: 50 }, () => ({ query: '{ search(text: "somalia") { id } }' })))) },
  { id: 'A8', category: 'oversized body', input: `a ${(ARMOR_LIMITS.maxBodyBytes * 3) / 1000} kB body with Content-Length`, code: 'LIMIT_EXCEEDED', status: 413, message: /larger than/i,
    run: (ctx) => post(ctx, JSON.stringify({ query: '{ search(text: "x") { id } }', variables: { pad: 'x'.repeat(ARMOR_LIMITS.maxBodyBytes * 3) } })) },
  { id: 'A9', category: 'cost attack', input: 'actors(first: 100000)', code: 'LIMIT_EXCEEDED', message: /cost/i,
    run: (ctx) => gql(ctx, '{ actors(first: 100000) { totalCount nodes { id } } }') },
  { id: 'A10', category: 'wrong content type', input: 'text/plain POST without a CSRF header', code: 'FORBIDDEN', status: 403, message: /CSRF/,
    run: (ctx) => request(`${ctx.baseUrl}/graphql`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: JSON.stringify({ query: '{ search(text: "x") { id } }' }) }, 30_000).then(answerOf) },
  { id: 'A11', category: 'wrong content type', input: 'application/xml POST', code: 'HTTP_415', status: 415,
    run: (ctx) => request(`${ctx.baseUrl}/graphql`, { method: 'POST', headers: { 'content-type': 'application/xml', 'x-graphql-yoga-csrf': '1' }, body: '<query>{ search(text: "x") { id } }</query>' }, 30_000).then(answerOf) },
  { id: 'A12', category: 'malformed body', input: 'a JSON body cut in half', code: 'BAD_REQUEST', status: 400, message: /JSON/i,
    run: (ctx) => post(ctx, '{"query": "{ search(text: \\"x\\") { id } }", "variab') },
  { id: 'A13', category: 'malformed query', input: 'a GraphQL syntax error', code: 'GRAPHQL_PARSE_FAILED', message: /Syntax Error/,
    run: (ctx) => gql(ctx, '{ search(text: "x") { id ') },
  { id: 'A14', category: 'malformed query', input: 'an unknown field (no "did you mean" hints)', code: 'GRAPHQL_VALIDATION_FAILED', message: /^(?![\s\S]*Did you mean)[\s\S]*Cannot query field/,
    run: (ctx) => gql(ctx, '{ actr(id: "kenya") { id } }') },
  { id: 'A15', category: 'wrong types', input: 'neighborhood(depth: "two")', code: 'GRAPHQL_VALIDATION_FAILED', message: /Int/,
    run: (ctx) => gql(ctx, '{ neighborhood(id: "kenya", depth: "two") { truncated } }') },
  { id: 'A16', category: 'wrong types', input: 'a variable of the wrong type (amountUsd: "lots")', code: 'BAD_USER_INPUT', message: /amountUsd|Float/,
    run: (ctx) => admin(ctx, UPSERT_FUNDING, { input: { id: 'rel_bad_f', donor: 'united_states', recipient: 'somalia', amountUsd: 'lots', fyStart: 2015, fyEnd: 2015, cite: CITE } }) },
  { id: 'A17', category: 'out of range', input: 'neighborhood(depth: 9)', code: 'BAD_USER_INPUT', message: /depth/,
    run: (ctx) => gql(ctx, '{ neighborhood(id: "kenya", depth: 9) { truncated } }') },
  { id: 'A18', category: 'out of range', input: 'actors(first: 501), one over the maximum', code: 'BAD_USER_INPUT', message: /first/,
    run: (ctx) => gql(ctx, '{ actors(first: 501) { totalCount } }') },
  { id: 'A19', category: 'out of range', input: 'fundingFlows with yearFrom after yearTo', code: 'BAD_USER_INPUT', message: /yearFrom/,
    run: (ctx) => gql(ctx, '{ fundingFlows(filter: { yearFrom: 2015, yearTo: 2001 }) { totalCount } }') },
  { id: 'A20', category: 'unknown ids', input: 'neighborhood of an id that does not exist', code: 'NOT_FOUND', message: /rel_bad_ghost/,
    run: (ctx) => gql(ctx, '{ neighborhood(id: "rel_bad_ghost") { truncated } }') },
  { id: 'A21', category: 'unknown ids', input: 'upsertFunding from a donor that does not exist', code: 'BAD_USER_INPUT', message: /rel_bad_ghost/,
    run: (ctx) => admin(ctx, UPSERT_FUNDING, { input: { id: 'rel_bad_f', donor: 'rel_bad_ghost', recipient: 'somalia', amountUsd: 5, fyStart: 2015, fyEnd: 2015, cite: CITE } }) },
  { id: 'A22', category: 'unknown ids', input: 'deleteActor of an id that does not exist', code: 'NOT_FOUND', message: /rel_bad_ghost/,
    run: (ctx) => admin(ctx, 'mutation { deleteActor(id: "rel_bad_ghost") { ok } }') },
  { id: 'A23', category: 'duplicate ids', input: 'upsertAuthority with the id of an actor (somalia)', code: 'BAD_USER_INPUT', message: /somalia/,
    run: (ctx) => admin(ctx, 'mutation($input: AuthorityInput!) { upsertAuthority(input: $input) { ok } }', { input: { id: 'somalia', kind: 'LAW', name: 'Clash', cite: CITE } }) },
  { id: 'A24', category: 'huge strings', input: 'search text of 10,000 characters', code: 'BAD_USER_INPUT', message: /text/,
    run: (ctx) => gql(ctx, 'query($t: String!) { search(text: $t) { id } }', { t: 'somalia '.repeat(1250) }) },
  { id: 'A25', category: 'huge strings', input: 'upsertActor with a 90 kB name', code: 'BAD_USER_INPUT', message: /name/,
    run: (ctx) => admin(ctx, UPSERT_ACTOR, { input: { id: 'rel_bad_long', kind: 'Person', name: 'n'.repeat(90_000), cite: CITE } }) },
  { id: 'A26', category: 'Cypher injection', input: `upsertActor id "${INJECT}"`, code: 'BAD_USER_INPUT', message: /id/,
    run: (ctx) => admin(ctx, UPSERT_ACTOR, { input: { id: INJECT, kind: 'Person', name: 'x', cite: CITE } }) },
  { id: 'A27', category: 'Cypher injection', input: 'upsertRelationship type "TRAINED]->(b) DETACH DELETE b //"', code: 'BAD_USER_INPUT', message: /type/,
    run: (ctx) => admin(ctx, UPSERT_REL, { input: { type: 'TRAINED]->(b) DETACH DELETE b //', from: 'united_states', to: 'somalia', cite: CITE } }) },
  { id: 'A28', category: 'Cypher injection', input: 'deleteRelationship type "DEPENDS_ON|TRAINED"', code: 'GRAPHQL_VALIDATION_FAILED', message: /RelationshipType/,
    run: (ctx) => admin(ctx, 'mutation { deleteRelationship(type: "DEPENDS_ON|TRAINED", from: "somalia", to: "united_states") { ok } }') },
  { id: 'A29', category: 'Cypher injection', input: 'neighborhood types ["TRAINED`]->() DETACH DELETE n //"]', code: 'GRAPHQL_VALIDATION_FAILED', message: /RelationshipType/,
    run: (ctx) => gql(ctx, '{ neighborhood(id: "somalia", types: ["TRAINED`]->() DETACH DELETE n //"]) { truncated } }') },
  { id: 'A30', category: 'tokens', input: 'mutation without a token', code: 'UNAUTHENTICATED', message: /Authorization: Bearer/,
    run: (ctx) => gql(ctx, 'mutation { deleteActor(id: "somalia") { ok } }') },
  { id: 'A31', category: 'tokens', input: 'mutation with a forged token', code: 'UNAUTHENTICATED', message: /not an editor token/,
    run: (ctx) => gql(ctx, 'mutation { deleteActor(id: "somalia") { ok } }', {}, 'forged-token-forged-token-forged') },
  { id: 'A32', category: 'tokens', input: 'mutation with an expired JWT', code: 'UNAUTHENTICATED', message: /not an editor token/,
    run: (ctx) => gql(ctx, 'mutation { deleteActor(id: "somalia") { ok } }', {}, `${b64url({ alg: 'HS256' })}.${b64url({ sub: 'admin', exp: 1 })}.c2ln`) },
  { id: 'A33', category: 'refused writes', input: 'deleteActor of an actor that funding flows refer to (united_states)', code: 'BAD_USER_INPUT', message: /united_states/,
    run: (ctx) => admin(ctx, 'mutation { deleteActor(id: "united_states") { ok } }') },
  { id: 'A34', category: 'oversized body', input: 'a 1 MB body streamed without Content-Length (chunked), then 4 ordinary requests', code: 'LIMIT_EXCEEDED', status: 413, message: /larger than/i,
    run: async (ctx) => {
      const chunk = new TextEncoder().encode('x'.repeat(64 * 1024));
      let sent = 0;
      const body = new ReadableStream<Uint8Array>({
        pull(controller) {
          if (sent === 0) controller.enqueue(new TextEncoder().encode('{"query":"{ search(text: \\"x\\") { id } }","variables":{"pad":"'));
          if (sent >= 16) { controller.enqueue(new TextEncoder().encode('"}}')); controller.close(); return; }
          controller.enqueue(chunk);
          sent += 1;
        },
      });
      const refused = answerOf(await request(`${ctx.baseUrl}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body, duplex: 'half' } as RequestInit, 30_000));
      // The rest of the refused body must not poison the kept-alive connection for the next requests.
      for (let i = 0; i < 4; i++) {
        try {
          const next = answerOf(await request(`${ctx.baseUrl}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ relationshipTypes }"}' }, 30_000));
          if (next.code !== 'OK') return { ...next, code: `NEXT_REQUEST_${next.code}` };
        } catch (error) {
          return { status: 0, code: 'NEXT_REQUEST_FAILED', message: `request ${i + 1} after the refused body: ${(error as Error).message}` };
        }
      }
      return refused;
    } },
];
