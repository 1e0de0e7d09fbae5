/** Helpers shared by the resolvers: plans of root fields, nested lists, kinds, connections. */
import type { GraphQLResolveInfo } from 'graphql';
import type { CitationRow, GraphNodeRow, NestedList, Page, SubgraphRow } from '../../repositories/rows.ts';
import { NODE_KINDS, type NodeKind } from '../../../domain/kinds.ts';
import type { EventCursor, FlowCursor, NameCursor } from '../../repositories/plan.ts';
import { rootField } from '../plans/request.ts';
import { selectionKey, type Selected } from '../plans/selection.ts';
import { encodeCursor } from '../plans/cursor.ts';
import { sourcesOf } from '../../repositories/citations.ts';

/** The plan of the root field a resolver serves, built by `build` from the walked selection. */
export function planOf<P>(context: unknown, info: GraphQLResolveInfo, build: (root: Selected) => P): P {
  return build(rootField(context, info));
}

/** The rows the root statement fetched for this nested list position (see EntityPlan). */
export function nestedRows<T>(lists: NestedList<T>[] | undefined, info: GraphQLResolveInfo, args: object): T[] {
  const key = selectionKey(String(info.path.key), args);
  const found = lists?.find((l) => l.key === key);
  // A missing list is a bug in the plan, never a reason for a second query.
  if (!found) throw new Error(`the plan did not fetch ${info.parentType.name}.${info.fieldName} (${key})`);
  return found.rows;
}

const isNodeKind = (kind: string | null): kind is NodeKind => NODE_KINDS.some((k) => k === kind);

/** The NodeKind of a node: its actor kind, or Authority / Event / Funding. */
export function nodeKind(labels: GraphNodeRow['labels'], kind: GraphNodeRow['kind']): NodeKind {
  if (labels.includes('Authority')) return 'Authority';
  if (labels.includes('Event')) return 'Event';
  if (labels.includes('Funding')) return 'Funding';
  if (isNodeKind(kind)) return kind;
  throw new Error(`node with labels ${labels.join(', ')} has no known kind (${kind})`);
}

/** The GraphQL object type of an entity row. */
export function entityType(labels: GraphNodeRow['labels']): 'Actor' | 'Authority' | 'Event' {
  if (labels.includes('Authority')) return 'Authority';
  if (labels.includes('Event')) return 'Event';
  return 'Actor';
}

/** A page as a connection, its end cursor made from the last row. */
export function connection<T>(page: Page<T>, cursorOf: (row: T) => NameCursor | FlowCursor | EventCursor) {
  const last = page.rows[page.rows.length - 1];
  return {
    nodes: page.rows,
    totalCount: page.totalCount,
    pageInfo: { hasNextPage: page.hasNextPage, endCursor: last ? encodeCursor(cursorOf(last)) : null },
  };
}

/** The Subgraph object of a subgraph row. */
export function toSubgraph(row: SubgraphRow) {
  return { ...row, truncated: row.omittedNodes > 0 || row.omittedEdges > 0 };
}

/**
 * An item's sources, decoded here when its statement left them stored (see decodeRows); items
 * built outside Cypher may carry neither: an empty list, as the schema wants.
 */
export const withSources = { sources: (p: { sources?: CitationRow[]; citations?: unknown }): CitationRow[] => sourcesOf(p) };
