/**
 * The soak's change-log audit: every successful write is in the change log (the `changes` query)
 * under its change id, with the writer's name, the mutation as operation and the record as
 * target; each record's log holds nothing else and chains up from "did not exist"; the newest
 * change is the record's last write, and its `after` is the record as stored, which holds the
 * fields that write sent (or no record, after a delete).
 */
import { canonical, chainOf, type ChangeEntry } from './change-log.ts';
import type { DrillGraph } from './graph.ts';
import { graphql } from './http.ts';
import type { WriteRecord } from './soak-writes.ts';

/** The most the `changes` query returns: a record's log must stay under it to be checked whole. */
const LOG_PAGE = 500;

/** What the audit found. */
export interface AuditReport {
  records: number;
  writes: number;
  logged: number;
  problems: string[];
}

/** Reads a record as curation records it (the Change's `after`): properties without the hash. */
async function stored(graph: DrillGraph, write: WriteRecord, targetId: string): Promise<string | null> {
  const statements: Record<WriteRecord['kind'], string> = {
    actor: 'MATCH (n:Entity {id: $id}) RETURN n { .*, labels: labels(n) } AS s',
    funding: 'MATCH (f:Funding {id: $id}) RETURN f { .* } AS s',
    relationship: 'MATCH (a)-[r {key: $id}]->(b) WHERE type(r) = "TRAINED" RETURN r { .*, type: type(r), from: a.id, to: b.id } AS s',
  };
  const { records } = await graph.driver.executeQuery(statements[write.kind], { id: targetId }, { database: graph.database, routing: 'READ' });
  if (records.length > 1) return `${records.length} records`;
  const state = records[0]?.get('s') as Record<string, unknown> | undefined;
  if (!state) return null;
  const { hash: _hash, ...rest } = state;
  return canonical(JSON.stringify(rest));
}

/** Audits the change log and the stored records against `writes` (read through `baseUrl` and `graph`). */
export async function auditChangeLog(baseUrl: string, graph: DrillGraph, writes: WriteRecord[]): Promise<AuditReport> {
  const problems: string[] = [];
  const ok = writes.filter((w) => w.outcome === 'ok' && w.change);
  const byTarget = new Map<string, WriteRecord[]>();
  for (const w of ok) byTarget.set(w.change!.targetId, [...(byTarget.get(w.change!.targetId) ?? []), w]);
  let logged = 0;
  for (const [targetId, own] of byTarget) {
    const result = await graphql(baseUrl, `query($t: ID!, $n: Int) { changes(targetId: $t, first: $n) { id who at operation targetId before after } }`,
      { variables: { t: targetId, n: LOG_PAGE }, timeoutMs: 60_000 });
    const log = (result.json?.data?.changes ?? []) as (ChangeEntry & { who: string })[];
    if (result.json?.errors || !result.json?.data) { problems.push(`${targetId}: changes query failed: ${result.text.slice(0, 200)}`); continue; }
    if (log.length >= LOG_PAGE) problems.push(`${targetId}: ${log.length} changes, too many to check whole (lengthen the pause between writes or add records)`);
    logged += log.length;
    const byId = new Map(log.map((c) => [c.id, c]));
    for (const w of own) {
      const c = byId.get(w.change!.id);
      if (!c) problems.push(`${targetId}: the ${w.field} of ${w.who} at ${(w.at / 1000).toFixed(1)} s (change ${w.change!.id}) is not in the change log`);
      else if (c.who !== w.who || c.operation !== w.field || c.targetId !== targetId) {
        problems.push(`${targetId}: change ${c.id} says ${c.who}/${c.operation}/${c.targetId}, the write was ${w.who}/${w.field}/${targetId}`);
      }
    }
    if (log.length !== own.length) problems.push(`${targetId}: ${log.length} changes logged for ${own.length} successful writes`);
    const chain = chainOf(log, null);
    if (chain.problem) problems.push(`${targetId}: ${chain.problem}`);
    const last = own[own.length - 1];
    if (log[0]?.id !== last.change!.id) problems.push(`${targetId}: the newest change is ${log[0]?.id}, the last write's is ${last.change!.id}`);
    const state = await stored(graph, last, targetId);
    if (state !== canonical(log[0]?.after ?? null)) problems.push(`${targetId}: stored ${state?.slice(0, 200)}, the newest change's after is ${log[0]?.after?.slice(0, 200)}`);
    const held = state === null ? null : (JSON.parse(state) as Record<string, unknown>);
    if (last.expect === null ? held !== null : !held || Object.entries(last.expect).some(([k, v]) => held[k] !== v)) {
      problems.push(`${targetId}: stored ${state?.slice(0, 200)}, the last write (${last.field}) sent ${JSON.stringify(last.expect)}`);
    }
  }
  // A record's writes must all land on one target (the relationship key is the server's).
  const targetsOf = new Map<string, Set<string>>();
  for (const w of ok) targetsOf.set(`${w.kind}:${w.record}`, (targetsOf.get(`${w.kind}:${w.record}`) ?? new Set()).add(w.change!.targetId));
  for (const [record, targets] of targetsOf) if (targets.size !== 1) problems.push(`${record}: writes went to ${targets.size} targets (${[...targets].join(', ')})`);
  return { records: byTarget.size, writes: ok.length, logged, problems };
}
