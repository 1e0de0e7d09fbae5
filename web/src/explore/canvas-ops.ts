/** The network view's changes to its Cytoscape core: expansion placement and highlighting. */
import type { Core, ElementDefinition, Position } from 'cytoscape';
import type { Subgraph } from '../api/types.ts';
import { toElements } from '../graph/to-elements.ts';
import { moreElements, moreId, ring } from './state.ts';

/**
 * Add what a neighbourhood answer brings that is not on the canvas yet, on a ring around the root;
 * the root is marked expanded and a "+N more" node stands for what the API left out. Returns the
 * ids added.
 */
export function placeExpansion(cy: Core, rootId: string, sub: Subgraph, limit: number): string[] {
  const exists = (id: string) => cy.getElementById(id).nonempty();
  const fresh: ElementDefinition[] = toElements(sub, { existing: exists }).filter((el) => !exists(el.data.id as string));
  const center: Position = exists(rootId) ? { ...cy.getElementById(rootId).position() } : { x: cy.width() / 2, y: cy.height() / 2 };
  const newNodes = fresh.filter((el) => el.group === 'nodes' && el.data.id !== rootId);
  const { radius, positions } = ring(center, newNodes.length);
  newNodes.forEach((el, i) => (el.position = positions[i]));
  for (const el of fresh) if (el.data.id === rootId) el.position = center;
  cy.batch(() => {
    cy.getElementById(moreId(rootId)).remove();
    cy.add(fresh);
    cy.getElementById(rootId).addClass('expanded');
    const more = moreElements(rootId, sub, limit, center, radius);
    if (more.length) cy.add(more);
  });
  return fresh.map((el) => el.data.id as string);
}

/**
 * Dim everything but the focused node's neighbourhood (whose labels show at any zoom), so the
 * selection reads as an ego network.
 */
export function highlightFocus(cy: Core, focus: string | undefined): void {
  cy.batch(() => {
    cy.elements('.nbr, .dim').removeClass('nbr dim');
    const node = focus ? cy.getElementById(focus) : cy.collection();
    if (node.empty()) return;
    const around = node.closedNeighborhood();
    around.addClass('nbr');
    cy.elements().not(around).addClass('dim');
  });
}

/** Focus mode: only the focused node's closed neighbourhood stays visible. */
export function markFocusMode(cy: Core, on: boolean, focus: string | undefined): void {
  cy.batch(() => {
    cy.elements().removeClass('focus-out');
    cy.nodes().removeClass('focus-root');
    if (!on || !focus) return;
    const root = cy.getElementById(focus);
    if (root.empty()) return;
    root.addClass('focus-root');
    cy.elements().not(root.closedNeighborhood()).addClass('focus-out');
  });
}

/** Add or remove the hidden class on the nodes `ids`. */
export function setHidden(cy: Core, ids: readonly string[], hidden: boolean): void {
  cy.batch(() => {
    for (const id of ids) {
      const node = cy.getElementById(id);
      if (hidden) node.addClass('is-hidden').unselect();
      else node.removeClass('is-hidden');
    }
  });
}
