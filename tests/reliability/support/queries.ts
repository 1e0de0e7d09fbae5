/**
 * The mixed read workload of the drills: the analyst's questions the API answers (docs/api.md),
 * with ids taken from a data set's targets (the bench generator's, or the seed's core ids).
 */
import { seededRandom } from '../../../domain/seeded-random.ts';

/** One GraphQL read, named for the latency table. */
export interface Operation {
  name: string;
  query: string;
  variables: Record<string, unknown>;
}

/** Ids to ask about (the shape of bench/generate.ts's BenchTargets, minus the counts). */
export interface WorkloadTargets {
  hubActors: string[];
  typicalActors: string[];
  pathPairs: [string, string][];
  lineageRoots: string[];
  fundingAuthorities: string[];
  searchTerms: string[];
}

/** Core ids of the seed data (the ids other seed files reference), for drills that run on the article graph. */
export const SEED_TARGETS: WorkloadTargets = {
  hubActors: ['united_states', 'somalia', 'amisom'],
  typicalActors: ['kenya', 'uganda', 'ethiopia', 'burundi', 'djibouti', 'niger', 'iraq', 'al_shabaab', 'somali_national_army'],
  pathPairs: [['united_states', 'somali_national_army'], ['us_congress', 'amisom'], ['kenya', 'al_shabaab']],
  lineageRoots: ['section_1206', 'usc10_333', 'usc10_2282', 'fmf'],
  fundingAuthorities: ['section_1206', 'global_train_and_equip', 'pko_account'],
  searchTerms: ['somali', 'train', 'amisom', 'section', 'shabaab'],
};

const Q = {
  search: /* GraphQL */ `query Search($text: String!) { search(text: $text, first: 10) { id name kind score } }`,
  actor: /* GraphQL */ `query Actor($id: ID!) { actor(id: $id) { id name actorKind country
      relationships(first: 20) { id type source target start end }
      fundingIn(first: 10) { id amountUsd fyStart fyEnd donor { id name } } } }`,
  actors: /* GraphQL */ `query Actors($kinds: [ActorKind!]) { actors(filter: { kinds: $kinds }, first: 50) { totalCount nodes { id name } pageInfo { hasNextPage endCursor } } }`,
  neighborhood: /* GraphQL */ `query Hood($id: ID!, $depth: Int) { neighborhood(id: $id, depth: $depth, limit: 200) {
      nodes { id kind name } edges { id source target type } truncated omittedNodes } }`,
  paths: /* GraphQL */ `query Paths($from: ID!, $to: ID!) { paths(from: $from, to: $to, maxHops: 4, limit: 3) { complete paths { length nodes { id } steps { forward edge { type } } } } }`,
  lineage: /* GraphQL */ `query Lineage($id: ID!) { lineage(id: $id, direction: BOTH) { root { id } entries { generation authority { id name enacted } } } }`,
  fundingTotals: /* GraphQL */ `query Totals($filter: FundingFilter) { fundingTotals(groupBy: DONOR, filter: $filter) { amountUsd lowerBound groups { key amountUsd flowCount } } }`,
  fundingFlows: /* GraphQL */ `query Flows($filter: FundingFilter) { fundingFlows(filter: $filter, first: 20) { totalCount nodes { id amountUsd fyStart recipient { id } } } }`,
  dependencies: /* GraphQL */ `query Deps($id: ID!) { dependencies(actorId: $id) { totalReceivedUsd concentration donors { donor { id } share } } }`,
  graph: /* GraphQL */ `query Overview { graph(filter: { limit: 300 }) { nodes { id kind } edges { id source target type } truncated } }`,
};

/** A small deterministic PRNG, so every run asks the same questions in the same order. */
export const rng = seededRandom;

const pick = <T>(random: () => number, list: readonly T[]): T => list[Math.floor(random() * list.length)];

/** Relative frequency of each question in the mix (reads only). */
const MIX: [string, number][] = [
  ['search', 15], ['actor', 15], ['actors', 5], ['neighborhood d1', 15], ['neighborhood d2', 8],
  ['paths', 7], ['lineage', 8], ['fundingTotals', 10], ['fundingFlows', 9], ['dependencies', 6], ['graph', 2],
];
const MIX_TOTAL = MIX.reduce((sum, [, w]) => sum + w, 0);

/** Returns a generator of operations: the mix above, ids drawn from `targets`. */
export function workload(targets: WorkloadTargets, seed: number): () => Operation {
  const random = rng(seed);
  const anyActor = () => (random() < 0.3 ? pick(random, targets.hubActors) : pick(random, targets.typicalActors));
  return () => {
    let roll = random() * MIX_TOTAL;
    const name = MIX.find(([, w]) => (roll -= w) < 0)?.[0] ?? 'search';
    switch (name) {
      case 'search': return { name, query: Q.search, variables: { text: pick(random, targets.searchTerms) } };
      case 'actor': return { name, query: Q.actor, variables: { id: anyActor() } };
      case 'actors': return { name, query: Q.actors, variables: { kinds: [pick(random, ['State', 'MilitaryUnit', 'Company', 'Person'])] } };
      case 'neighborhood d1': return { name, query: Q.neighborhood, variables: { id: anyActor(), depth: 1 } };
      case 'neighborhood d2': return { name, query: Q.neighborhood, variables: { id: pick(random, targets.typicalActors), depth: 2 } };
      case 'paths': {
        const [from, to] = pick(random, targets.pathPairs);
        return { name, query: Q.paths, variables: { from, to } };
      }
      case 'lineage': return { name, query: Q.lineage, variables: { id: pick(random, targets.lineageRoots) } };
      case 'fundingTotals': return {
        name,
        query: Q.fundingTotals,
        variables: { filter: random() < 0.5
          ? { recipient: anyActor() }
          : { authority: pick(random, targets.fundingAuthorities), includeDescendants: true } },
      };
      case 'fundingFlows': return { name, query: Q.fundingFlows, variables: { filter: { donor: pick(random, targets.hubActors) } } };
      case 'dependencies': return { name, query: Q.dependencies, variables: { id: anyActor() } };
      default: return { name: 'graph', query: Q.graph, variables: {} };
    }
  };
}
