/**
 * The network view shows what the API answers for its filters and nothing else: the canvas under
 * kinds, types and a minimum amount holds exactly the nodes of `graph` and of each expansion's
 * `neighborhood` with the same arguments, fetched here through /graphql; the overview banner
 * speaks only when the API says something was left out, and "Show more" only when more exist.
 */
import { describe, expect, it } from 'vitest';
import { canvasSnapshot, graphql as ask, openReady } from './support/app.ts';
import { patiently } from './support/figures.ts';
import { useAppAndBrowser } from './support/session.ts';

const graphql = <T>(url: string, query: string, variables: Record<string, unknown>) => patiently(() => ask<T>(url, query, variables));

interface Answer {
  nodes: { id: string }[];
  truncated: boolean;
  omittedNodes: number;
  omittedEdges: number;
}

const OVERVIEW = `query O($f: GraphFilter) { graph(filter: $f) { nodes { id } truncated omittedNodes omittedEdges } }`;
const AROUND = `query N($id: ID!, $kinds: [NodeKind!], $types: [RelationshipType!], $min: Float) {
  neighborhood(id: $id, depth: 1, limit: 40, kinds: $kinds, types: $types, minAmountUsd: $min) { nodes { id } truncated omittedNodes omittedEdges }
}`;

describe('explorer: the network shows the API’s answer to its filters', () => {
  const { app, browser } = useAppAndBrowser();


  it('the overview banner and "Show more" follow the API’s omitted counts', { timeout: 120_000 }, async () => {
    const { page } = browser;
    const api = (await graphql<{ graph: Answer }>(app.url, OVERVIEW, { f: {} })).graph;
    await openReady(page, app.url, '', 'explore');
    const banner = page.locator('#explore-banner');
    const leftOut = api.truncated && (api.omittedNodes > 0 || api.omittedEdges > 0);
    expect(await banner.isVisible()).toBe(leftOut);
    if (leftOut) {
      const text = await banner.innerText();
      if (api.omittedNodes > 0) expect(text).toContain(`${api.omittedNodes} more entit`);
      if (api.omittedEdges > 0) expect(text).toContain(`${api.omittedEdges} relationship`);
    }
    expect(await page.locator('#show-more').count()).toBe(api.truncated && api.omittedNodes > 0 ? 1 : 0);
  });

  const filters = [
    { name: 'states and units, flows of $1M or more', hash: 'kinds=State,MilitaryUnit&min=1000000', kinds: ['State', 'MilitaryUnit'], types: undefined, min: 1e6 },
    { name: 'funding flows and training only', hash: 'types=FUNDED,TRAINED', kinds: undefined, types: ['FUNDED', 'TRAINED'], min: undefined },
  ];
  for (const f of filters) {
    it(`${f.name}: the overview and Danab's expansion are the API's`, { timeout: 120_000 }, async () => {
      const { page } = browser;
      const overview = (await graphql<{ graph: Answer }>(app.url, OVERVIEW, { f: { kinds: f.kinds, types: f.types, minAmountUsd: f.min } })).graph;
      const around = (await graphql<{ neighborhood: Answer }>(app.url, AROUND, { id: 'danab', kinds: f.kinds, types: f.types, min: f.min })).neighborhood;
      await page.goto('about:blank');
      await openReady(page, app.url, `${f.hash}&expanded=danab`, 'explore');
      const shown = (await canvasSnapshot(page, 'explore')).nodes;
      // Danab itself is shown as the root of its expansion even when the overview leaves it out.
      const expected = new Set([...overview.nodes.map((n) => n.id), ...around.nodes.map((n) => n.id), 'danab']);
      expect(shown).toEqual([...expected].sort());
    });
  }
});
