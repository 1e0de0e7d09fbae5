import cytoscape from 'cytoscape';
import { describe, expect, it } from 'vitest';
import { togglePin } from '../../../web/src/explore/node-menu.ts';
import { applyPins, pinsOn, withExpansion, withoutExpansionsOf } from '../../../web/src/explore/replay.ts';

describe('pins and typed expansions in the URL', () => {
  const graph = () =>
    cytoscape({ headless: true, layout: { name: 'preset' }, elements: [{ data: { id: 'a' }, position: { x: 10.4, y: -3.6 } }, { data: { id: 'b' }, position: { x: 0, y: 0 } }, { data: { id: 'c' }, position: { x: 5, y: 5 } }] });

  it('the pins read off the canvas put the same nodes back in the same places, locked', () => {
    const cy = graph();
    togglePin(cy.$('#a'));
    const pins = pinsOn(cy);
    expect(pins).toEqual([{ id: 'a', x: 10, y: -4 }]);
    const other = graph();
    other.$('#a').position({ x: 300, y: 300 });
    applyPins(other, pins);
    expect(other.$('#a').position()).toEqual({ x: 10, y: -4 });
    expect([other.$('#a').locked(), other.$('#a').hasClass('pinned'), other.$('#b').locked()]).toEqual([true, true, false]);
  });

  it('a pin the URL no longer names is freed; a node not on the canvas is skipped', () => {
    const cy = graph();
    togglePin(cy.$('#a, #b'));
    // An update in place replaces classes: the lock alone says the node was pinned.
    cy.$('#a').removeClass('pinned');
    applyPins(cy, [{ id: 'b', x: 1, y: 2 }, { id: 'gone', x: 0, y: 0 }]);
    expect(cy.nodes().map((n) => [n.id(), n.locked(), n.hasClass('pinned')])).toEqual([['a', false, false], ['b', true, true], ['c', false, false]]);
  });

  it('an expansion by type is kept once, the latest last, and goes with its root', () => {
    const list = withExpansion(withExpansion([{ id: 'a', types: ['TRAINED'] }], { id: 'b', types: ['FUNDED'] }), { id: 'a', types: ['TRAINED'] });
    expect(list).toEqual([{ id: 'b', types: ['FUNDED'] }, { id: 'a', types: ['TRAINED'] }]);
    expect(withoutExpansionsOf([...list, { id: 'a', types: ['LEADS'] }], 'a')).toEqual([{ id: 'b', types: ['FUNDED'] }]);
  });
});
