import { describe, expect, it } from 'vitest';
import { applyPatch } from '../../../web/src/app/state.ts';
import { URL_CODEC } from '../../../web/src/app/registry.ts';

describe('applyPatch', () => {
  const base = URL_CODEC.decode('focus=a&limit=100&view=paths&pathFrom=x');

  it('merges each named slice and keeps the others as they are', () => {
    const next = applyPatch(base, { explore: { focus: 'b' }, paths: { to: 'y' } });
    expect(next.explore).toEqual({ ...base.explore, focus: 'b' });
    expect(next.paths).toEqual({ ...base.paths, to: 'y' });
    expect(next.lineage).toBe(base.lineage);
    expect(next.view).toBe('paths');
    expect(base.explore.focus).toBe('a');
  });

  it('switches the view, and can clear a field', () => {
    const next = applyPatch(base, { view: 'explore', explore: { focus: undefined } });
    expect(next.view).toBe('explore');
    expect(next.explore.focus).toBeUndefined();
    expect(URL_CODEC.encode(next)).toBe('limit=100&pathFrom=x');
  });
});
