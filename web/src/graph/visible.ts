/**
 * What a canvas shows now. Cytoscape applies a class change to the style lazily (at the next
 * draw or style read) but answers `visible()` and `:visible` from a cache that only a style
 * application clears: right after a class change, `:visible` can answer from before it (a node
 * just un-hidden counted as hidden, and a fit leaving it out). Reading each element's parsed
 * `display` applies any pending style first.
 */
import type { Collection, Core } from 'cytoscape';

/** Apply pending styles of `eles`, so that their visibility is current. */
export function settleStyles(eles: Collection): Collection {
  eles.forEach((el) => void el.style('display'));
  return eles;
}

/** The visible elements of `cy`. */
export function visibleElements(cy: Core): Collection {
  return settleStyles(cy.elements()).filter(':visible');
}
