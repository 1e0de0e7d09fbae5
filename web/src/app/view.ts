/** What the shell needs from each view, and what each view is given. */
import type { Core } from 'cytoscape';
import type { SearchHit } from '../api/types.ts';
import type { DetailsPanel } from '../details/details-panel.ts';
import type { AppState, ViewName } from './state.ts';
import type { Store } from './store.ts';

export interface View {
  readonly name: ViewName;
  /** Section shown in the stage while the view is active. */
  readonly el: HTMLElement;
  /** Controls shown in the sidebar while the view is active. */
  readonly controls: HTMLElement;
  /** The view became active (first time or again). */
  activate(state: AppState): void;
  /** The state changed while this view is active. */
  onState(state: AppState, previous: AppState): void;
  /** Focus an entity chosen in the details panel or the global search. */
  navigate(id: string): void;
  /** A global search hit while this view is active; false leaves it to the network view. */
  searchHit(hit: SearchHit): boolean;
  /** The canvas to export, if any. */
  exportTarget(): Core | null;
  /** The entity a canvas node stands for, where the canvas ids are not the entities' own. */
  entityOf?(canvasId: string): string;
  /** The browser window was resized. */
  resize(): void;
}

/** The shared services a view is created with. */
export interface ViewContext {
  readonly store: Store;
  readonly details: DetailsPanel;
}
