import cytoscape from 'cytoscape';
import { describe, expect, it } from 'vitest';
import { togglePin } from '../../../web/src/explore/node-menu.ts';

describe('togglePin', () => {
  const graph = () => cytoscape({ headless: true, elements: [{ data: { id: 'a' } }, { data: { id: 'b' } }] });

  it('pins (locks and marks) every node, then unpins them', () => {
    const cy = graph();
    togglePin(cy.nodes());
    expect(cy.nodes().map((n) => [n.locked(), n.hasClass('pinned')])).toEqual([[true, true], [true, true]]);
    togglePin(cy.nodes());
    expect(cy.nodes().map((n) => [n.locked(), n.hasClass('pinned')])).toEqual([[false, false], [false, false]]);
  });

  it('a mixed selection is pinned as a whole first', () => {
    const cy = graph();
    togglePin(cy.$('#a'));
    togglePin(cy.nodes());
    expect(cy.nodes().map((n) => n.locked() && n.hasClass('pinned'))).toEqual([true, true]);
  });

  it('a pinned node keeps its place', () => {
    const cy = graph();
    const a = cy.$id('a');
    a.position({ x: 10, y: 20 });
    togglePin(a);
    a.position({ x: 99, y: 99 });
    expect(a.position()).toEqual({ x: 10, y: 20 });
  });
});
