/**
 * Issue 7 (6): every curation mutation refuses without a valid token, and a deployment without a
 * token cannot be made to write by any request. Each refusal is checked for its code, and the
 * graph (checksum of every node, relationship and property) and the change log are unchanged.
 * The sample calls are valid: with the real token they succeed (shown first), so each refusal
 * below comes from authentication alone.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openGraph, type DrillGraph, type GraphDigest } from './support/graph.ts';
import { graphql, request, type HttpResult } from './support/http.ts';
import { mutationCalls, type MutationCall } from './support/mutations.ts';
import { ADMIN_TOKEN, startServer, type DrillServer } from './support/server.ts';

/** One way of (not) presenting a credential. */
interface Attempt {
  name: string;
  send(baseUrl: string, call: MutationCall): Promise<HttpResult>;
}

const json = (call: MutationCall) => JSON.stringify({ query: call.query, variables: call.variables });
const post = (baseUrl: string, body: string, headers: Record<string, string>, path = '/graphql') =>
  request(`${baseUrl}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body }, 20_000);
const withAuthorization = (name: string, value: (token: string) => string): Attempt => ({
  name,
  send: (baseUrl, call) => post(baseUrl, json(call), { authorization: value(ADMIN_TOKEN) }),
});
const b64url = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');

/** Requests that must never write, whatever the deployment. */
const ATTEMPTS: Attempt[] = [
  { name: 'no Authorization header', send: (u, c) => post(u, json(c), {}) },
  withAuthorization('wrong token', () => 'Bearer this-is-not-the-admin-token-at-all'),
  withAuthorization('token minus its last character', (t) => `Bearer ${t.slice(0, -1)}`),
  withAuthorization('token plus one character', (t) => `Bearer ${t}x`),
  withAuthorization('token in upper case', (t) => `Bearer ${t.toUpperCase()}`),
  withAuthorization('empty bearer', () => 'Bearer '),
  withAuthorization('bearer "undefined"', () => 'Bearer undefined'),
  withAuthorization('bearer "null"', () => 'Bearer null'),
  withAuthorization('token without the Bearer scheme', (t) => t),
  withAuthorization('token under the Basic scheme', (t) => `Basic ${Buffer.from(`admin:${t}`).toString('base64')}`),
  withAuthorization('two tokens, the second one right', (t) => `Bearer wrong-token-wrong-token, Bearer ${t}`),
  withAuthorization('forged JWT (alg none, admin claim)', () => `Bearer ${b64url({ alg: 'none', typ: 'JWT' })}.${b64url({ sub: 'admin', role: 'admin' })}.`),
  withAuthorization('expired JWT', () => `Bearer ${b64url({ alg: 'HS256', typ: 'JWT' })}.${b64url({ sub: 'admin', exp: 1_000_000_000 })}.c2lnbmF0dXJl`),
  { name: 'token in the query string', send: (u, c) => post(u, json(c), {}, `/graphql?token=${ADMIN_TOKEN}&access_token=${ADMIN_TOKEN}`) },
  { name: 'token in a cookie', send: (u, c) => post(u, json(c), { cookie: `token=${ADMIN_TOKEN}; aidgraph_admin=${ADMIN_TOKEN}` }) },
  { name: 'token in other headers', send: (u, c) => post(u, json(c), { 'x-api-key': ADMIN_TOKEN, 'x-aidgraph-admin-token': ADMIN_TOKEN, 'proxy-authorization': `Bearer ${ADMIN_TOKEN}` }) },
  { name: 'X-Aidgraph-Actor: admin without a token', send: (u, c) => post(u, json(c), { 'x-aidgraph-actor': 'admin' }) },
  { name: 'token in the request body extensions', send: (u, c) => post(u, JSON.stringify({ query: c.query, variables: c.variables, extensions: { token: ADMIN_TOKEN, authorization: `Bearer ${ADMIN_TOKEN}` } }), {}) },
  { name: 'mutation over GET with a CSRF header', send: (u, c) => request(`${u}/graphql?query=${encodeURIComponent(c.query)}&variables=${encodeURIComponent(JSON.stringify(c.variables))}`, { headers: { 'x-graphql-yoga-csrf': '1' } }, 20_000) },
  { name: 'batched array body', send: (u, c) => post(u, `[${json(c)},${json(c)}]`, {}) },
  { name: 'form post without a CSRF header', send: (u, c) => request(`${u}/graphql`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: `query=${encodeURIComponent(c.query)}` }, 20_000) },
];

/** Nothing in `data` may be a mutation result; there must be an error with an allowed code. */
function expectRefused(result: HttpResult, codes: string[], label: string): void {
  const data = result.json?.data as Record<string, unknown> | null | undefined;
  const wrote = data ? Object.values(data).some((v) => v !== null) : false;
  expect(wrote, `${label}: the mutation returned data: ${result.text.slice(0, 300)}`).toBe(false);
  const errors = result.json?.errors as { extensions?: { code?: string } }[] | undefined;
  const code = errors?.[0]?.extensions?.code ?? (result.status >= 400 ? `HTTP ${result.status}` : undefined);
  expect(codes, `${label}: got ${result.status} ${result.text.slice(0, 300)}`).toContain(code);
}

describe('curation refuses every request without the valid token', () => {
  let graph: DrillGraph;
  let seed: GraphDigest;
  let withToken: DrillServer;
  let readOnly: DrillServer;
  const calls = mutationCalls('rel_auth');

  beforeAll(async () => {
    graph = openGraph();
    seed = await graph.digest();
    withToken = await startServer({ AIDGRAPH_ADMIN_TOKEN: ADMIN_TOKEN });
    readOnly = await startServer({ AIDGRAPH_ADMIN_TOKEN: undefined });
  });

  afterAll(async () => {
    await withToken?.close();
    await readOnly?.close();
    try {
      if ((await graph.digest()).checksum !== seed.checksum) await graph.restoreSeed();
      expect(await graph.digest()).toEqual(seed);
    } finally {
      await graph.close();
    }
  });

  it('covers every mutation of the schema', () => {
    expect(calls.map((c) => c.field).sort()).toEqual([
      'deleteActor', 'deleteAuthority', 'deleteFunding', 'deleteRelationship', 'upsertActor', 'upsertAuthority', 'upsertFunding', 'upsertRelationship',
    ]);
  });

  it('with a token configured: every mutation x every forged, missing or misplaced credential is refused and changes nothing', async () => {
    // Positive control: the upserts succeed with the token, so the records the deletes target exist.
    const upserts = calls.filter((c) => c.field.startsWith('upsert'));
    for (const call of upserts) {
      const result = await graphql(withToken.url, call.query, { variables: call.variables, token: ADMIN_TOKEN });
      expect(result.json?.errors, `${call.field} with the token: ${result.text.slice(0, 300)}`).toBeUndefined();
      expect(result.json.data[call.field].ok).toBe(true);
    }
    const before = await graph.digest();
    expect(before.checksum).not.toBe(seed.checksum);
    const changesBefore = (await graphql(withToken.url, '{ changes(first: 500) { id } }')).json.data.changes.length;

    let refused = 0;
    for (const attempt of ATTEMPTS) {
      for (const call of calls) {
        const result = await attempt.send(withToken.url, call);
        expectRefused(result, ['UNAUTHENTICATED', 'FORBIDDEN', 'BAD_REQUEST', 'HTTP 405', 'HTTP 400'], `${attempt.name} / ${call.field}`);
        refused += 1;
      }
    }
    expect(await graph.digest(), 'no refused request changed the graph').toEqual(before);
    expect((await graphql(withToken.url, '{ changes(first: 500) { id } }')).json.data.changes.length).toBe(changesBefore);
    console.log(`auth: ${refused} requests without a valid token refused (${ATTEMPTS.length} ways x ${calls.length} mutations)`);

    // Positive control for the deletes: with the token they go through, in order.
    for (const call of calls.filter((c) => c.field.startsWith('delete'))) {
      const result = await graphql(withToken.url, call.query, { variables: call.variables, token: ADMIN_TOKEN });
      expect(result.json?.errors, `${call.field} with the token: ${result.text.slice(0, 300)}`).toBeUndefined();
    }
  });

  it('the refusal codes: UNAUTHENTICATED for a missing or wrong token, FORBIDDEN when the API is read-only', async () => {
    const [call] = calls;
    const missing = await post(withToken.url, json(call), {});
    expect(missing.json.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    expect(missing.json.errors[0].message).toMatch(/Authorization: Bearer/);
    const wrong = await graphql(withToken.url, call.query, { variables: call.variables, token: 'x'.repeat(40) });
    expect(wrong.json.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    const readOnlyAnswer = await graphql(readOnly.url, call.query, { variables: call.variables, token: ADMIN_TOKEN });
    expect(readOnlyAnswer.json.errors[0].extensions.code).toBe('FORBIDDEN');
    expect(readOnlyAnswer.json.errors[0].message).toMatch(/read-only/);
    expect((await graphql(readOnly.url, '{ curationEnabled }')).json.data.curationEnabled).toBe(false);
    expect((await graphql(withToken.url, '{ curationEnabled }')).json.data.curationEnabled).toBe(true);
  });

  it('without a configured token: no request of any kind writes, not even with the token another deployment uses', async () => {
    const before = await graph.digest();
    const readOnlyAttempts: Attempt[] = [
      ...ATTEMPTS,
      withAuthorization('the token of the other deployment', (t) => `Bearer ${t}`),
      withAuthorization('bearer of spaces', () => 'Bearer                 '),
    ];
    let refused = 0;
    for (const attempt of readOnlyAttempts) {
      for (const call of calls) {
        const result = await attempt.send(readOnly.url, call);
        expectRefused(result, ['FORBIDDEN', 'UNAUTHENTICATED', 'BAD_REQUEST', 'HTTP 405', 'HTTP 400'], `read-only: ${attempt.name} / ${call.field}`);
        refused += 1;
      }
    }
    expect(await graph.digest(), 'the read-only deployment wrote nothing').toEqual(before);
    console.log(`auth: read-only deployment refused ${refused} write attempts (${readOnlyAttempts.length} ways x ${calls.length} mutations)`);
  });
});
