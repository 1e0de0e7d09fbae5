/**
 * dataSummary on the seeded graph, in one round trip: every count and year span equals what the
 * seed files hold, read here with plain YAML/CSV parsers (tests/helpers/seed-files.ts), and the
 * counting rules are domain/counting.ts's words, one per exclusion reason.
 */
import { describe, expect, it } from 'vitest';
import { oneRoundTrip, useApi } from './api-harness.ts';
import { countBy, seedSummary, spanOf } from '../helpers/seed-files.ts';
import { EXCLUSION_REASONS, EXCLUSION_REASON_RULES } from '../../domain/counting.ts';

const QUERY = `query($n: Int) { dataSummary(sourcesFirst: $n) {
  sources { id kind title author publisher date url } sourceCount sourcesByKind { kind count } sourceRecordCount
  actorCount actorsByKind { kind count } authorityCount authoritiesByKind { kind count } eventCount
  relationshipCount relationshipsByType { kind count } flowCount
  flowYears { from to } relationshipYears { from to } eventYears { from to } years { from to }
  countingRules { reason text } } }`;

const seed = seedSummary();
const api = useApi();
const one = oneRoundTrip(api);

async function summary(n?: number): Promise<any> {
  return (await one<{ dataSummary: any }>(QUERY, n === undefined ? {} : { n })).dataSummary;
}

describe('dataSummary', () => {
  it('counts every record kind as the seed files hold them', async () => {
    const s = await summary();
    expect(s.actorCount).toBe(seed.actors.length);
    expect(s.actorsByKind).toEqual(countBy(seed.actors, (a) => String(a.kind)));
    expect(s.authorityCount).toBe(seed.authorities.length);
    expect(s.authoritiesByKind).toEqual(countBy(seed.authorities, (a) => String(a.kind)));
    expect(s.eventCount).toBe(seed.events.length);
    expect(s.relationshipCount).toBe(seed.relationships.length);
    expect(s.relationshipsByType).toEqual(countBy(seed.relationships, (r) => String(r.type)));
    expect(s.flowCount).toBe(seed.funding.length);
    expect(s.sourcesByKind).toEqual(countBy(seed.sources, (r) => String(r.kind)));
    expect(s.sourceRecordCount).toBe(seed.sources.length);
  });

  it('gives the years each kind covers and their union', async () => {
    const s = await summary();
    expect(s.flowYears).toEqual(seed.flowYears);
    expect(s.relationshipYears).toEqual(seed.relationshipYears);
    expect(s.eventYears).toEqual(seed.eventYears);
    const all = [seed.flowYears, seed.relationshipYears, seed.eventYears].flatMap((y) => (y ? [y.from, y.to] : []));
    expect(s.years).toEqual(spanOf(all));
  });

  it('lists the documents first, then the cited works, bounded by sourcesFirst', async () => {
    const documents = seed.sources.filter((r) => r.kind !== 'SECTION');
    const s = await summary(500);
    expect(s.sourceCount).toBe(documents.length);
    expect(s.sources.map((x: any) => x.id).sort()).toEqual(documents.map((d) => String(d.id)).sort());
    expect(s.sources[0]).toMatchObject({ id: 'tnsr_roundtable_2018', kind: 'ARTICLE', title: 'Policy Roundtable: The Pros and Cons of Security Assistance', url: null });
    const kinds = s.sources.map((x: any) => (x.kind === 'WORK' ? 1 : 0));
    expect(kinds).toEqual([...kinds].sort());
    const few = await summary(3);
    expect(few.sources).toEqual(s.sources.slice(0, 3));
    expect(few.sourceCount).toBe(documents.length);
  });

  it('states the counting rules in the domain’s words, one per exclusion reason', async () => {
    const s = await summary();
    const byReason = s.countingRules.filter((r: any) => r.reason !== null);
    expect(byReason).toEqual(EXCLUSION_REASONS.map((reason) => ({ reason, text: EXCLUSION_REASON_RULES[reason] })));
    expect(s.countingRules.filter((r: any) => r.reason === null).length).toBeGreaterThan(0);
  });

  it('refuses a source list over its bound', async () => {
    const answer = await api.gql(QUERY, { n: 501 });
    expect(answer.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(answer.body.errors?.[0]?.message).toContain('sourcesFirst');
  });
});
