/**
 * nodes(ids) on the seeded graph, in one round trip: entities in the order asked with their
 * names, kinds and cited sections as the seed files give them (read with plain YAML parsers),
 * unknown ids left out, and more than 200 ids refused.
 */
import { describe, expect, it } from 'vitest';
import { oneRoundTrip, useApi } from './api-harness.ts';
import { seedRecords } from '../helpers/seed-files.ts';

const QUERY = `query($ids: [ID!]!) { nodes(ids: $ids) { id name kind ... on Actor { actorKind } sources { section paragraphs footnotes } } }`;

type Cite = { section?: string; paragraph?: number; paragraphs?: number[]; footnotes?: number[] };
const records = [...seedRecords('actors'), ...seedRecords('authorities'), ...seedRecords('events')];
const byId = new Map(records.map((r) => [String(r.id), r]));

const api = useApi();
const one = oneRoundTrip(api);

describe('nodes(ids)', () => {
  it('answers each known id in the order asked, with the seed’s names and citations', async () => {
    const ids = ['danab', 'no_such_entity', 'usc10_333', 'united_states', 'honolulu_summit_1966'];
    const { nodes } = await one<{ nodes: any[] }>(QUERY, { ids });
    expect(nodes.map((n) => n.id)).toEqual(ids.filter((id) => byId.has(id)));
    for (const n of nodes) {
      const seed = byId.get(n.id)!;
      expect(n.name).toBe(seed.name);
      if (n.actorKind) expect(n.actorKind).toBe(seed.kind);
      const cites = (seed.cite as Cite[]).map((c) => ({ section: c.section ?? null, footnotes: [...(c.footnotes ?? [])].sort((a, b) => a - b) }));
      const shown = n.sources.map((s: any) => ({ section: s.section, footnotes: [...s.footnotes].sort((a: number, b: number) => a - b) }));
      expect(shown).toEqual(cites);
    }
  });

  it('refuses more than 200 ids', async () => {
    const answer = await api.gql(QUERY, { ids: Array.from({ length: 201 }, (_, i) => `id_${i}`) });
    expect(answer.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});
