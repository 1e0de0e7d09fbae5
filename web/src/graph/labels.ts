/**
 * Label priority: at the zoom a canvas is shown at, only labels that do not overlap an already
 * kept label stay visible, taken in order of importance (selected, then hubs, then degree, then
 * id for a stable tie-break). The rest get `label-low` (hidden until hovered, selected or zoomed
 * in far enough that the canvas drops the class).
 */
import type { Core, NodeSingular } from 'cytoscape';
import { visibleElements } from './visible.ts';

interface Box {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

const overlaps = (a: Box, b: Box) => a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;

/** Sort key: more important first. */
function importance(a: NodeSingular, b: NodeSingular): number {
  const sel = Number(b.selected()) - Number(a.selected());
  if (sel) return sel;
  const nbr = Number(b.hasClass('nbr')) - Number(a.hasClass('nbr'));
  if (nbr) return nbr;
  const hub = Number(b.hasClass('hub')) - Number(a.hasClass('hub'));
  if (hub) return hub;
  return (b.data('degree') as number ?? 0) - (a.data('degree') as number ?? 0) || a.id().localeCompare(b.id());
}

/**
 * Mark which node labels show. Boxes are the labels' model-space boxes, which scale with the
 * zoom exactly as the labels do, so overlap in them is overlap on screen.
 */
export function declutterLabels(cy: Core): number {
  const nodes = visibleElements(cy).nodes().filter((n) => !n.hasClass('more') && !!n.data('label'));
  const order = (nodes.toArray() as NodeSingular[]).sort(importance);
  const kept: Box[] = [];
  const low: NodeSingular[] = [];
  const high: NodeSingular[] = [];
  for (const n of order) {
    const bb = n.boundingBox({ includeNodes: false, includeEdges: false, includeLabels: true } as never);
    const box = { x1: bb.x1 - 2, y1: bb.y1 - 1, x2: bb.x2 + 2, y2: bb.y2 + 1 };
    if (!Number.isFinite(box.x1) || bb.w === 0 || kept.some((k) => overlaps(k, box))) {
      low.push(n);
      continue;
    }
    kept.push(box);
    high.push(n);
  }
  cy.batch(() => {
    for (const n of high) n.removeClass('label-low');
    for (const n of low) n.addClass('label-low');
  });
  return high.length;
}
