/** The one selection walker and the cost model computed from it. */
import { describe, expect, it } from 'vitest';
import { childrenOf, asksFor, selectionKey } from '../../../server/graphql/plans/selection.ts';
import { COST_LIMIT, costLimitError, selectionCost } from '../../../server/graphql/plans/cost.ts';
import { rootOf, rootsOf } from './support.ts';

describe('walker', () => {
  it('applies defaults and variables, and keys positions by alias plus arguments', () => {
    const root = rootOf('query($y: Int) { actor(id: "a") { r: relationships(yearFrom: $y) { id } relationships { id } } }', { y: 2001 });
    expect(root).toMatchObject({ name: 'actor', alias: 'actor', args: { id: 'a' }, type: 'Actor', parentType: 'Query' });
    expect(root.fields.map((f) => f.key)).toEqual(['r#{"first":50,"yearFrom":2001}', 'relationships#{"first":50}']);
    expect(selectionKey('r', { yearFrom: 2001, first: 50 })).toBe('r#{"first":50,"yearFrom":2001}');
  });

  it('flattens fragments and inline fragments and honours @skip / @include', () => {
    const root = rootOf(`query($no: Boolean!) { node(id: "a") { ...F ... on Actor { actorKind } name @skip(if: true) description @include(if: $no) } }
      fragment F on Actor { country }`, { no: false });
    expect(root.fields.map((f) => f.name)).toEqual(['country', 'actorKind']);
  });

  it('merges the same key asked twice, and merges sub-selections of aliases on demand', () => {
    const root = rootOf('{ actors { nodes { id } nodes { name } n2: nodes { country } } }');
    expect(root.fields.map((f) => f.key)).toEqual(['nodes', 'n2']);
    expect(root.fields[0]!.fields.map((f) => f.name)).toEqual(['id', 'name']);
    expect(childrenOf(root.fields, 'nodes').map((f) => f.name)).toEqual(['id', 'name', 'country']);
  });

  it('finds a Citation field at any depth, by its type', () => {
    const root = rootOf('{ fundingFlows { nodes { donor { sources { sectionHeading } } } } }');
    expect(asksFor(root.fields, 'Citation', 'sectionHeading')).toBe(true);
    expect(asksFor(root.fields, 'Citation', 'works')).toBe(false);
  });

  it('walks every root field of an operation, leaving out introspection', () => {
    expect(rootsOf('{ __typename relationshipTypes a: curationEnabled }').map((f) => f.alias)).toEqual(['relationshipTypes', 'a']);
  });
});

describe('cost', () => {
  it('is fields times the page sizes around them, defaults included', () => {
    expect(selectionCost(rootsOf('{ relationshipTypes }'))).toBe(1);
    // actors (50 by default) x (1 + nodes (1 + id))
    expect(selectionCost(rootsOf('{ actors { nodes { id } } }'))).toBe(50 * (1 + 2));
    expect(selectionCost(rootsOf('{ actor(id: "a") { relationships(first: 10) { id } } }'))).toBe(1 + 10 * 2);
  });

  it('reads sizes from variables', () => {
    expect(selectionCost(rootsOf('query($n: Int) { actors(first: $n) { totalCount } }', { n: 1000 }))).toBe(2000);
  });

  it('prices the hostile shapes over the limit, and the explorer-sized ones under it', () => {
    const nested = '{ actors(first: 500) { nodes { fundingIn(first: 200) { donor { fundingOut(first: 200) { id } } } } } }';
    expect(selectionCost(rootsOf(nested))).toBeGreaterThan(COST_LIMIT);
    expect(selectionCost(rootsOf('{ actors(first: 100000) { totalCount nodes { id } } }'))).toBeGreaterThan(COST_LIMIT);
    expect(selectionCost(rootsOf('{ fundingFlows(first: 500) { nodes { id amountUsd donor { id name } recipient { id name } authority { id name } sources { section } } } }'))).toBeLessThan(COST_LIMIT);
  });

  it('refuses with LIMIT_EXCEEDED and says why', () => {
    const error = costLimitError(300_000, COST_LIMIT);
    expect(error.extensions.code).toBe('LIMIT_EXCEEDED');
    expect(error.message).toMatch(/Cost limit/i);
    expect(error.message).toMatch(/300000.*250000/);
  });
});
