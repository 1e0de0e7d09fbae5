import { describe, expect, it } from 'vitest';
import { edgeCardRows, nodeCardRows, placeCard } from '../../../web/src/graph/hover-card.ts';

describe('hover card rows', () => {
  it("a node's card carries only the API's fields, raw values beside the text shown", () => {
    const rows = nodeCardRows({ id: 'danab', name: 'Danab', kind: 'MilitaryUnit', year: 2014, citation: null, description: 'Somali brigade', degree: 12, amountUsd: null });
    expect(rows.map((r) => [r.field, r.text, r.value])).toEqual([
      ['kind', 'Military unit', 'MilitaryUnit'],
      ['year', '2014', '2014'],
      ['description', 'Somali brigade', 'Somali brigade'],
    ]);
    // The canvas's own degree is not an API figure: never on the card.
    expect(rows.some((r) => r.field === 'degree')).toBe(false);
  });

  it("an edge's card: type, ends by name, years and amount as given", () => {
    const rows = edgeCardRows({ type: 'FUNDED', source: 'us', target: 'ke', start: 2011, end: null, amountUsd: 341000000, note: '' }, 'United States', 'Kenya');
    expect(rows.map((r) => [r.field, r.text, r.value])).toEqual([
      ['type', 'funded', 'FUNDED'],
      ['ends', 'United States → Kenya', 'us|ke'],
      ['years', '2011–', '2011|'],
      ['amountUsd', '$341M', '341000000'],
    ]);
  });
});

describe('placeCard', () => {
  const view = { width: 800, height: 600 };
  const size = { width: 200, height: 100 };
  const covers = (p: { x: number; y: number }, at: { left: number; top: number }) => p.x >= at.left && p.x <= at.left + size.width && p.y >= at.top && p.y <= at.top + size.height;
  const inside = (at: { left: number; top: number }) => at.left >= 0 && at.top >= 0 && at.left + size.width <= view.width && at.top + size.height <= view.height;

  it('sits below right of the pointer when there is room', () => {
    expect(placeCard({ x: 100, y: 100 }, size, view)).toEqual({ left: 114, top: 114 });
  });

  it('flips left and up near the far edges', () => {
    const at = placeCard({ x: 790, y: 590 }, size, view);
    expect(at).toEqual({ left: 790 - 14 - 200, top: 590 - 14 - 100 });
  });

  it('stays inside the viewport and off the pointer everywhere', () => {
    for (let x = 0; x <= view.width; x += 25) {
      for (let y = 0; y <= view.height; y += 25) {
        const at = placeCard({ x, y }, size, view);
        expect(inside(at), `${x},${y}`).toBe(true);
        expect(covers({ x, y }, at), `${x},${y}`).toBe(false);
      }
    }
  });
});
