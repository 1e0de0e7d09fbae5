/**
 * Updating a canvas in place when a filter or the year window changes: elements that stay keep
 * their Cytoscape objects (and so their place; only changed data is restyled), entering ones are
 * added, leaving ones are removed at once and described as ghosts for the fade (leaving.ts). The
 * canvas never holds an element that is not part of the answer, so whatever counts or exports its
 * elements sees exactly what the API returned.
 */
import type { Collection, Core, EdgeSingular, ElementDefinition, NodeSingular } from 'cytoscape';
import type { Ghosts } from './leaving.ts';
import { settleStyles } from './visible.ts';

/**
 * Classes the canvas itself recomputes after every update (which labels fit, which are hubs):
 * a staying element keeps them until then rather than losing and regaining them, each change of
 * classes costing a restyle.
 */
const CANVAS_CLASSES = new Set(['label-low', 'hub']);

/** True when two data objects hold the same fields with the same values. */
function sameData(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  const keys = Object.keys(b);
  if (Object.keys(a).length !== keys.length) return false;
  for (const k of keys) {
    const x = a[k];
    const y = b[k];
    if (x === y) continue;
    // Arrays and objects (labels, sources) come fresh from each answer: compare their contents.
    if (typeof x !== 'object' || typeof y !== 'object' || x === null || y === null) return false;
    if (JSON.stringify(x) !== JSON.stringify(y)) return false;
  }
  return true;
}

/** What the leaving elements looked like (the visible ones), in model coordinates. */
function ghostsOf(leaving: Collection): Ghosts {
  const ghosts: Ghosts = { nodes: [], edges: [] };
  settleStyles(leaving).forEach((el) => {
    if (!el.visible()) return;
    if (el.isNode()) {
      const node = el as NodeSingular;
      const { x, y } = node.position();
      ghosts.nodes.push({ id: node.id(), x, y, r: node.width() / 2, color: String(node.data('color') ?? '#888') });
    } else {
      const edge = el as EdgeSingular;
      const s = edge.source().position();
      const t = edge.target().position();
      ghosts.edges.push({ id: edge.id(), sx: s.x, sy: s.y, tx: t.x, ty: t.y, width: Number(edge.data('width') ?? 1.5), color: String(edge.data('color') ?? '#999') });
    }
  });
  return ghosts;
}

/**
 * Make `cy` hold exactly `elements`: staying elements get the new data and classes (state
 * classes such as hidden or expanded are the caller's to reapply, as after a full replace; the
 * canvas's own classes stay until it recomputes them),
 * entering ones are added with their given positions, leaving ones are removed. Returns the
 * ghosts of the leaving elements.
 */
export function updateInPlace(cy: Core, elements: ElementDefinition[]): Ghosts {
  const wanted = new Map<string, ElementDefinition>();
  for (const el of elements) wanted.set(el.data.id as string, el);
  const leaving = cy.elements().filter((el) => {
    const next = wanted.get(el.id());
    if (!next) return true;
    // The same id as another kind of element, or an edge between other ends: replace it.
    if ((next.group === 'edges') !== el.isEdge()) return true;
    return el.isEdge() && (el.data('source') !== next.data.source || el.data('target') !== next.data.target);
  });
  const ghosts = ghostsOf(leaving);
  const entering: ElementDefinition[] = [];
  cy.batch(() => {
    leaving.remove();
    cy.elements(':selected').unselect();
    for (const el of elements) {
      const current = cy.getElementById(el.data.id as string);
      if (current.empty()) {
        entering.push(el);
        continue;
      }
      if (!sameData(current.data() as Record<string, unknown>, el.data as Record<string, unknown>)) {
        current.removeData();
        current.data(el.data);
      }
      const given = (typeof el.classes === 'string' ? el.classes.split(/\s+/) : (el.classes ?? [])).filter(Boolean);
      const have = current.classes();
      const next = [...given, ...have.filter((c) => CANVAS_CLASSES.has(c) && !given.includes(c))];
      if (have.length !== next.length || have.some((c) => !next.includes(c))) current.classes(next);
    }
    if (entering.length) cy.add(entering);
  });
  return ghosts;
}
