/**
 * The network view's part of the URL: layout, the focused node and focus mode, kind and type
 * filters, overview size, the expansions (plain and by type), pins and hidden nodes that
 * reloading replays, and the two windows of the comparison mode.
 */
import * as z from 'zod/mini';
import { enumField, flagField, idField, idListField, listField, numberField, sliceCodec, type SliceState } from '../app/url-fields.ts';
import { NODE_KINDS } from '../graph/kinds.ts';
import type { NodeKind } from '../api/types.ts';
import { spanField } from '../compare/span.ts';
import { pinsField, typedExpansionsField } from './replay.ts';

/** Layouts a link may ask for (the others are used by views internally). */
const EXPLORE_LAYOUTS = ['fcose', 'dagre', 'concentric'] as const;
export type ExploreLayout = (typeof EXPLORE_LAYOUTS)[number];

/** Overview size when the URL names none (the server's default). */
export const DEFAULT_OVERVIEW = 300;

export const exploreCodec = sliceCodec({
  layout: enumField('layout', EXPLORE_LAYOUTS, 'fcose'),
  /** Selected / focused node id. */
  focus: idField('focus'),
  /** Only the focused node and its neighbours are shown. */
  focusMode: flagField('focusMode'),
  kinds: listField('kinds', z.enum(NODE_KINDS as [NodeKind, ...NodeKind[]])),
  types: idListField('types'),
  /** Overview size (GraphFilter.limit). */
  limit: numberField('limit', { int: true, min: 1 }),
  /** Nodes expanded with double-click, in order. */
  expanded: idListField('expanded'),
  hidden: idListField('hidden'),
  /** Expansions by relationship type (the node menu), in order. */
  expandedBy: typedExpansionsField('expandedBy'),
  /** Pinned nodes and their places. */
  pinned: pinsField('pinned'),
  /** Two-window comparison: both set means the canvas shows what changed from A to B. */
  compareA: spanField('compareA'),
  compareB: spanField('compareB'),
});

export type ExploreUrlState = SliceState<typeof exploreCodec>;
