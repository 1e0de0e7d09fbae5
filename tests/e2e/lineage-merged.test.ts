/**
 * The lineage view merges parallel relationships between two authorities into one line with a
 * joined label; a click on that line lists every relationship it stands for, each with the
 * evidence the API gives it (not only the first one drawn).
 */
import { describe, expect, it } from 'vitest';
import { graphql, openReady } from './support/app.ts';
import { useAppAndBrowser } from './support/session.ts';

interface ApiEdge { id: string; source: string; target: string; type: string; evidence: string | null }
type Cy = { edges(selector: string): { map<T>(f: (e: { id(): string; data(k: string): unknown }) => T): T[] }; getElementById(id: string): { emit(event: string): void } };

describe('explorer: a merged lineage line', () => {
  const { app, browser } = useAppAndBrowser();

  it('lists every relationship between the two authorities, as the API gives them', async () => {
    const { page } = browser;
    await openReady(page, app.url, 'view=lineage&authority=usc10_333', 'lineage');
    const lines = await page.evaluate(() =>
      ((window as unknown as { __aidgraph: { cy(v: string): Cy } }).__aidgraph.cy('lineage')).edges('.merged').map((e) => ({ id: e.id(), members: e.data('members') as string[] })),
    );
    expect(lines.length, 'usc10_333 has parallel relationships (2282 -> 333)').toBeGreaterThan(0);

    const answer = await graphql<{ lineage: { subgraph: { edges: ApiEdge[] } } }>(
      app.url,
      'query($id: ID!) { lineage(id: $id) { subgraph { edges { id source target type evidence } } } }',
      { id: 'usc10_333' },
    );
    const byId = new Map(answer.lineage.subgraph.edges.map((e) => [e.id, e]));
    for (const line of lines) {
      expect(line.members.length).toBeGreaterThan(1);
      // Every member is one of the API's relationships, all between the same two authorities.
      const ends = new Set(line.members.map((id) => [byId.get(id)?.source, byId.get(id)?.target].sort().join(' ')));
      expect(line.members.every((id) => byId.has(id))).toBe(true);
      expect(ends.size).toBe(1);

      // A block body: returning the element would make Playwright serialize the whole canvas.
      await page.evaluate((id) => {
        (window as unknown as { __aidgraph: { cy(v: string): Cy } }).__aidgraph.cy('lineage').getElementById(id).emit('tap');
      }, line.id);
      await page.locator('#details-title', { hasText: `${line.members.length} relationships` }).waitFor();
      await page.locator('#details-body[data-state=ready]').waitFor();
      const shown = await page.locator('#details-body li.merged-member').evaluateAll((els) =>
        els.map((el) => ({ id: (el as HTMLElement).dataset.edge, evidence: (el.querySelector('.evidence') as HTMLElement | null)?.dataset.evidence ?? null })),
      );
      expect(shown.map((s) => s.id).sort()).toEqual([...line.members].sort());
      for (const s of shown) expect(s.evidence, s.id).toBe(byId.get(s.id!)!.evidence);
    }
  });
});
