/** Plans validate their arguments once: a bad one is BAD_USER_INPUT naming the argument. */
import { describe, expect, it } from 'vitest';
import { GraphQLError } from 'graphql';
import { actorsPlan, lookupPlan, searchPlan } from '../../../server/graphql/plans/entities.ts';
import { neighborhoodPlan, pathsPlan, overviewPlan } from '../../../server/graphql/plans/subgraph.ts';
import { flowsPlan, totalsPlan, dependenciesPlan } from '../../../server/graphql/plans/funding.ts';
import type { Selected } from '../../../server/graphql/plans/selection.ts';
import { rootOf } from './support.ts';

function refusal(build: (root: Selected) => unknown, document: string, variables?: Record<string, unknown>): string {
  try {
    build(rootOf(document, variables));
  } catch (error) {
    expect(error).toBeInstanceOf(GraphQLError);
    expect((error as GraphQLError).extensions.code).toBe('BAD_USER_INPUT');
    return (error as GraphQLError).message;
  }
  throw new Error('no error');
}

const actor = (root: Selected) => lookupPlan('Actor', root);

describe('bounds and bad arguments', () => {
  it.each([
    ['page too large', actorsPlan, 'query($n: Int) { actors(first: $n) { nodes { id } } }', { n: 1000 }, 'Argument "first": must be a whole number from 0 to 500, got 1000'],
    ['negative page', flowsPlan, '{ fundingFlows(first: -1) { nodes { id } } }', undefined, 'Argument "first": must be a whole number from 0 to 500, got -1'],
    ['depth 4', neighborhoodPlan, '{ neighborhood(id: "d", depth: 4) { nodes { id } } }', undefined, 'Argument "depth": must be a whole number from 1 to 3, got 4'],
    ['limit over max', neighborhoodPlan, '{ neighborhood(id: "d", limit: 5000) { nodes { id } } }', undefined, 'Argument "limit": must be a whole number from 1 to 2000, got 5000'],
    ['hops over max', pathsPlan, '{ paths(from: "a", to: "b", maxHops: 9) { complete } }', undefined, 'Argument "maxHops": must be a whole number from 1 to 6, got 9'],
    ['same ends', pathsPlan, '{ paths(from: "a", to: "a") { complete } }', undefined, 'Argument "to": must differ from "from"'],
    ['nested page too large', actor, '{ actor(id: "d") { fundingIn(first: 1000) { id } } }', undefined, 'Argument "fundingIn.first": must be a whole number from 0 to 200, got 1000'],
    ['nested alias named', actor, '{ actor(id: "d") { few: relationships(first: 201) { id } } }', undefined, 'Argument "few.first": must be a whole number from 0 to 200, got 201'],
    ['nested inverted window', actor, '{ actor(id: "d") { relationships(yearFrom: 2010, yearTo: 2000) { id } } }', undefined, 'Argument "yearFrom": 2010 is after yearTo 2000'],
    ['inverted year window', totalsPlan, '{ fundingTotals(groupBy: YEAR, filter: { yearFrom: 2018, yearTo: 2010 }) { amountUsd } }', undefined, 'Argument "yearFrom": 2018 is after yearTo 2010'],
    ['year out of range', overviewPlan, '{ graph(filter: { yearFrom: 1200 }) { nodes { id } } }', undefined, 'Argument "yearFrom": must be a whole number from 1800 to 2100, got 1200'],
    ['negative amount', overviewPlan, '{ graph(filter: { minAmountUsd: -1 }) { nodes { id } } }', undefined, 'Argument "minAmountUsd": must be a number of US dollars, 0 or more'],
    ['descendants without authority', flowsPlan, '{ fundingFlows(filter: { includeDescendants: true }) { nodes { id } } }', undefined, 'Argument "filter.includeDescendants": needs an authority'],
    ['forged cursor', actorsPlan, '{ actors(after: "not-a-cursor") { nodes { id } } }', undefined, 'Argument "after": is not a cursor returned by this list (pageInfo.endCursor)'],
    ['empty search', searchPlan, '{ search(text: "  ***  ") { id } }', undefined, 'Argument "text": needs at least one letter or digit'],
    ['search page too large', searchPlan, '{ search(text: "danab", first: 51) { id } }', undefined, 'Argument "first": must be a whole number from 1 to 50, got 51'],
    ['empty id', dependenciesPlan, '{ dependencies(actorId: "") { totalReceivedUsd } }', undefined, 'Argument "actorId": must be an id of 1 to 200 characters'],
  ] as [string, (r: Selected) => unknown, string, Record<string, unknown> | undefined, string][])('%s', (_name, build, document, variables, message) => {
    expect(refusal(build, document, variables)).toBe(message);
  });

  it('a type list over the limit is refused', () => {
    const types = Array.from({ length: 201 }, () => 'TRAINED');
    expect(refusal(neighborhoodPlan, 'query($t: [RelationshipType!]) { neighborhood(id: "d", types: $t) { nodes { id } } }', { t: types })).toMatch(/at most 200 types/);
  });
});

describe('plans', () => {
  it('splits FUNDED from the typed relationship types', () => {
    const plan = neighborhoodPlan(rootOf('{ neighborhood(id: "d", types: [TRAINED, FUNDED]) { nodes { id } } }'));
    expect(plan.filter).toMatchObject({ relTypes: ['TRAINED'], funded: true });
    expect(neighborhoodPlan(rootOf('{ neighborhood(id: "d") { nodes { id } } }')).filter).toMatchObject({ relTypes: null, funded: true });
  });

  it('asks for provenance extras only when Citation fields ask', () => {
    expect(lookupPlan('Entity', rootOf('{ node(id: "d") { sources { section } } }')).provenance).toEqual({ headings: false, works: false, documents: false });
    expect(lookupPlan('Entity', rootOf('{ node(id: "d") { sources { sectionHeading works { id } } } }')).provenance).toEqual({ headings: true, works: true, documents: false });
    expect(lookupPlan('Entity', rootOf('{ node(id: "d") { sources { sourceTitle } } }')).provenance).toEqual({ headings: false, works: false, documents: true });
  });

  it('fetches excluded flows only when asked, merging both fields', () => {
    expect(totalsPlan(rootOf('{ fundingTotals(groupBy: DONOR) { amountUsd } }')).excluded).toBeNull();
    const plan = totalsPlan(rootOf('{ fundingTotals(groupBy: DONOR) { excluded { donor { id } } exclusions { flow { recipient { id } } } } }'));
    expect(plan.excluded?.donor).not.toBeNull();
    expect(plan.excluded?.recipient).not.toBeNull();
    expect(plan.excluded?.authority).toBeNull();
  });
});
