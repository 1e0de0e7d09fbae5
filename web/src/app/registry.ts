/**
 * The view registry: every view's name, tab, URL slice and constructor. The shell builds its tabs
 * and views from it and the URL codec reads each slice through it; adding a view is one entry.
 */
import type { SliceCodec } from './url-fields.ts';
import { appCodec } from './url.ts';
import type { AppState, ViewName } from './state.ts';
import type { View, ViewContext } from './view.ts';
import { exploreCodec } from '../explore/codec.ts';
import { ExploreView } from '../explore/view.ts';
import { lineageCodec } from '../lineage/codec.ts';
import { LineageView } from '../lineage/view.ts';
import { fundingCodec } from '../funding/codec.ts';
import { FundingView } from '../funding/view.ts';
import { pathsCodec } from '../paths/codec.ts';
import { PathsView } from '../paths/view.ts';

/** One view: its URL slice is `AppState[name]`. */
export type ViewEntry = {
  [N in ViewName]: {
    readonly name: N;
    /** Tab text. */
    readonly label: string;
    /** Tab tooltip. */
    readonly hint: string;
    readonly codec: SliceCodec<AppState[N]>;
    create(ctx: ViewContext): View;
  };
}[ViewName];

/** The views in tab order; the first one opens by default. */
export const VIEWS: readonly ViewEntry[] = [
  { name: 'explore', label: 'Network', hint: 'Explore the network of actors, authorities and events', codec: exploreCodec, create: (ctx) => new ExploreView(ctx) },
  { name: 'lineage', label: 'Lineage', hint: 'How authorities evolved into one another', codec: lineageCodec, create: (ctx) => new LineageView(ctx) },
  { name: 'funding', label: 'Funding', hint: 'Money from donors through authorities to recipients', codec: fundingCodec, create: (ctx) => new FundingView(ctx) },
  { name: 'paths', label: 'Paths', hint: 'Shortest paths between two entities', codec: pathsCodec, create: (ctx) => new PathsView(ctx) },
];

/** The URL hash codec of the registered views. */
export const URL_CODEC = appCodec(VIEWS);
