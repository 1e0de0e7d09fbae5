import { describe, expect, it } from 'vitest';
import { spreadMarks } from '../../../web/src/timeline/spread.ts';

const ev = (id: string, year: number) => ({ id, name: id, year });

describe('event marks on the year track', () => {
  it('puts events of one year in different lanes and keeps a gap within a lane', () => {
    const placed = spreadMarks([ev('b', 2006), ev('a', 2006), ev('c', 2006), ev('d', 2007), ev('e', 1966)], 1965, 2015);
    expect(placed.map((m) => m.id)).toEqual(['e', 'a', 'b', 'c', 'd']);
    const at = (id: string) => placed.find((m) => m.id === id)!;
    expect(new Set(['a', 'b', 'c'].map((id) => at(id).lane)).size).toBe(3);
    for (const m of placed) {
      for (const o of placed) if (m !== o && m.lane === o.lane) expect(Math.abs(m.left - o.left)).toBeGreaterThanOrEqual(2);
    }
    expect(at('e').lane).toBe(0);
    expect(at('e').left).toBe(2);
  });
});
