/** What the shell needs from each view (explore, lineage, funding, paths). */
import type { Core } from 'cytoscape';
import type { ViewName, ViewState } from '../state/view-state.ts';

export interface View {
  readonly name: ViewName;
  /** Section shown in the stage while the view is active. */
  readonly el: HTMLElement;
  /** Controls shown in the sidebar while the view is active. */
  readonly controls: HTMLElement;
  /** The view became active (first time or again). */
  activate(state: ViewState): void;
  /** The state changed while this view is active. */
  onState(state: ViewState, previous: ViewState): void;
  /** Focus an entity chosen in the details panel or the global search. */
  navigate(id: string): void;
  /** The canvas to export, if any. */
  exportTarget(): Core | null;
  /** The browser window was resized. */
  resize(): void;
}
