/**
 * A fitted picture stays fitted when its canvas changes size (a panel, banner or timeline drawn
 * beside or under it after the fit), until the viewport is moved by anything other than a fit:
 * the user's pan or zoom, or a centring on a node.
 */
import type { Collection, Core } from 'cytoscape';
import { settleStyles } from './visible.ts';

/** Margin around a fitted picture, in pixels. */
export const FIT_PADDING = 30;

export class KeepFitted {
  /** What the last fit showed; null once the viewport moved otherwise. */
  private target: Collection | null = null;
  private fitting = false;
  /**
   * The container's size when last handled. Not Cytoscape's own size: its cache is cleared by its
   * own (debounced) resize handling, and `cy.width()` then reads the new size before this
   * observer runs, which made a real change look like none.
   */
  private handled = { width: -1, height: -1 };

  constructor(
    private readonly container: HTMLElement,
    private readonly core: () => Core | null,
    /** Run after a refit (labels are rechecked at the new zoom). */
    private readonly afterRefit: () => void,
  ) {
    // Unit tests run without a DOM; the page always has ResizeObserver.
    if (typeof ResizeObserver !== 'undefined') new ResizeObserver(() => this.onResize()).observe(container);
  }

  /** Watch a new core: a viewport change that is not a fit forgets the fit. */
  bind(cy: Core): void {
    this.target = null;
    cy.on('viewport', () => {
      if (!this.fitting) this.target = null;
    });
  }

  /** Fit `eles` and remember it. */
  fit(cy: Core, eles: Collection): void {
    this.fitting = true;
    try {
      cy.fit(eles, FIT_PADDING);
    } finally {
      this.fitting = false;
    }
    this.target = eles;
  }

  /** A layout has just fitted `eles` itself. */
  fitted(eles: Collection): void {
    this.target = eles;
  }

  private onResize(): void {
    const cy = this.core();
    if (!cy) return;
    const { clientWidth: width, clientHeight: height } = this.container;
    if (width === this.handled.width && height === this.handled.height) return;
    this.handled = { width, height };
    cy.resize();
    // A hidden view has no size: keep the fit for when it is shown again.
    if (!this.target || width === 0 || height === 0) return;
    const shown = settleStyles(this.target.filter((el) => el.inside())).filter((el) => el.visible());
    if (shown.empty()) return;
    this.fit(cy, shown);
    this.afterRefit();
  }
}
