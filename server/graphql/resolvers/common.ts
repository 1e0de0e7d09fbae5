/** Helpers shared by the resolvers: nested data look-up, kinds, cursors, nested-argument checks. */
import type { GraphQLResolveInfo } from 'graphql';
import { wantKey, type Want } from '../selection.ts';
import { citationsOf } from '../provenance.ts';
import { badInput } from '../errors.ts';
import { LIMITS, intArg, typesArg, yearWindow } from '../limits.ts';
import type { Row } from '../generated/schema-types.ts';

/** The data the root query fetched for a nested field with arguments (see entityProjection). */
export function nestedData(parent: Row, info: GraphQLResolveInfo, args: object): unknown[] {
  const key = wantKey(info.path.key as string, args as Record<string, unknown>);
  const entry = (parent.__nested as { k: string; v: unknown[] }[] | undefined)?.find((e) => e.k === key);
  // A missing entry is a bug in look-ahead, never a reason for a second query.
  if (!entry) throw new Error(`look-ahead did not fetch ${info.parentType.name}.${info.fieldName} (${key})`);
  return entry.v;
}

/** The NodeKind of an entity row: its actor kind, or Authority / Event. */
export function nodeKind(row: Row): string {
  const labels = (row.labels as string[] | undefined) ?? [];
  if (labels.includes('Authority')) return 'Authority';
  if (labels.includes('Event')) return 'Event';
  if (labels.includes('Funding')) return 'Funding';
  return row.kind as string;
}

/** The GraphQL object type of an entity row. */
export function entityType(row: Row): 'Actor' | 'Authority' | 'Event' {
  const labels = (row.labels as string[] | undefined) ?? [];
  if (labels.includes('Authority')) return 'Authority';
  if (labels.includes('Event')) return 'Event';
  return 'Actor';
}

/** Field resolvers every provenance-carrying type shares. */
export const withSources = { sources: (parent: Row) => citationsOf(parent) };

/** Opaque cursor: base64url of a JSON value. */
export function encodeCursor(value: unknown): string {
  return Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');
}

/** Decodes a cursor made by {@link encodeCursor}, checking its shape. */
export function decodeCursor<T>(name: string, cursor: string | null | undefined, check: (v: unknown) => v is T): T | null {
  if (cursor === null || cursor === undefined) return null;
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (check(value)) return value;
  } catch {
    // fall through to the error below
  }
  throw badInput(name, 'is not a cursor returned by this list (pageInfo.endCursor)');
}

/**
 * Validates and normalises the arguments of nested list fields anywhere in the look-ahead tree
 * (Actor.relationships / fundingIn / fundingOut), before any Cypher runs.
 */
export function checkNested(want: Want | undefined): Want | undefined {
  if (!want) return want;
  for (const field of want.values()) {
    const a = field.args;
    if (field.name === 'relationships') {
      const { relTypes } = typesArg(`${field.responseKey}.types`, a.types as string[] | null | undefined);
      field.args = {
        types: relTypes,
        ...yearWindow(a.yearFrom as number | null, a.yearTo as number | null),
        first: intArg(`${field.responseKey}.first`, a.first as number | null, LIMITS.nestedList.default, 0, LIMITS.nestedList.max),
      };
    } else if (field.name === 'fundingIn' || field.name === 'fundingOut') {
      field.args = {
        ...yearWindow(a.yearFrom as number | null, a.yearTo as number | null),
        first: intArg(`${field.responseKey}.first`, a.first as number | null, LIMITS.nestedList.default, 0, LIMITS.nestedList.max),
      };
    }
    checkNested(field.want);
  }
  return want;
}
