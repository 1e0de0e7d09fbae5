import { describe, expect, it } from 'vitest';
import { NODE_KINDS as DOMAIN_NODE_KINDS } from '../../../domain/kinds.ts';
import { RELATIONSHIP_FAMILIES, REQUESTABLE_TYPES, familyOf } from '../../../domain/relationship-types.ts';
import { CANVAS_BACKGROUND, EDGE_FAMILIES, FAMILY_STYLES, KIND_STYLES, NODE_KINDS, contrastRatio, edgeFamily } from '../../../web/src/graph/kinds.ts';

describe('the page vocabulary follows domain/', () => {
  it('gives every domain node kind a colour, shape and label', () => {
    for (const kind of DOMAIN_NODE_KINDS) {
      expect(KIND_STYLES[kind], kind).toMatchObject({ color: expect.stringMatching(/^#[0-9a-f]{6}$/), shape: expect.any(String), label: expect.any(String) });
    }
    expect(Object.keys(KIND_STYLES).sort()).toEqual([...DOMAIN_NODE_KINDS].sort());
  });

  it('offers every domain kind but funding flows as node kinds', () => {
    expect(NODE_KINDS).toEqual(DOMAIN_NODE_KINDS.filter((k) => k !== 'Funding'));
  });

  it('gives every relationship family a style and puts each type in its domain family', () => {
    expect(Object.keys(FAMILY_STYLES).sort()).toEqual([...RELATIONSHIP_FAMILIES].sort());
    expect(EDGE_FAMILIES.map((f) => f.id)).toEqual([...RELATIONSHIP_FAMILIES]);
    for (const type of REQUESTABLE_TYPES) expect(edgeFamily(type).id, type).toBe(familyOf(type));
    expect(edgeFamily('NOT_A_TYPE').id).toBe('other');
  });

  it('keeps every node colour at 3:1 or more against the canvas background', () => {
    for (const [kind, style] of Object.entries(KIND_STYLES)) {
      expect(contrastRatio(style.color, CANVAS_BACKGROUND), kind).toBeGreaterThanOrEqual(3);
    }
  });

  it('computes contrast as WCAG does', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
  });
});
