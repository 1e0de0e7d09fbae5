/**
 * The path finder in real headless Chromium against the real server: the paths listed are the
 * API's, in its order, for the same query fetched here through /graphql; the heading claims
 * "shortest" only when the API says the search was complete; an avoided entity is on no path; the
 * same link twice lists the same paths in the same order.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { graphql as ask, openReady, screenshot } from './support/app.ts';
import { patiently } from './support/figures.ts';
import { useAppAndBrowser } from './support/session.ts';

const graphql = <T>(url: string, query: string, variables: Record<string, unknown>) => patiently(() => ask<T>(url, query, variables));

interface ApiPaths {
  paths: { paths: { nodes: { id: string }[] }[]; complete: boolean };
}

const PATHS = `query P($from: ID!, $to: ID!, $exclude: [ID!]) {
  paths(from: $from, to: $to, maxHops: 4, limit: 5, excludeIds: $exclude) { paths { nodes { id } } complete }
}`;

/** Node ids of each listed path, in list order, as the page shows them (its node buttons). */
async function listedPaths(page: Page): Promise<string[][]> {
  return page.locator('#paths-list .path-item').evaluateAll((items) =>
    items.map((item) => {
      const hops = [...item.querySelectorAll('.hop')];
      const ids = hops.map((hop) => hop.querySelector('.node-link')?.getAttribute('data-id') ?? '');
      const last = hops.at(-1)?.querySelectorAll('.node-link');
      return [...ids, last?.[last.length - 1]?.getAttribute('data-id') ?? ''];
    }),
  );
}

describe('explorer: paths are the API’s, complete or saying they are not', () => {
  const { app, browser } = useAppAndBrowser();


  const cases = [
    { name: 'Congress to Danab', from: 'us_congress', to: 'danab', exclude: [] as string[] },
    { name: 'Congress to Danab avoiding the United States', from: 'us_congress', to: 'danab', exclude: ['united_states'] },
  ];

  for (const c of cases) {
    it(c.name, { timeout: 120_000 }, async () => {
      const { page } = browser;
      const hash = `view=paths&pathFrom=${c.from}&pathTo=${c.to}${c.exclude.length ? `&pathExclude=${c.exclude.join(',')}` : ''}`;
      const api = (await graphql<ApiPaths>(app.url, PATHS, { from: c.from, to: c.to, exclude: c.exclude.length ? c.exclude : undefined })).paths;
      expect(api.paths.length, 'the seed links them').toBeGreaterThan(0);

      await page.goto('about:blank');
      await openReady(page, app.url, hash, 'paths');
      const first = await listedPaths(page);
      expect(first).toEqual(api.paths.map((p) => p.nodes.map((n) => n.id)));
      for (const path of first) for (const id of c.exclude) expect(path).not.toContain(id);

      const title = await page.locator('#paths-title').innerText();
      expect(await page.locator('#paths-title').getAttribute('data-complete')).toBe(String(api.complete));
      if (api.complete) expect(title).toMatch(/shortest first/);
      else {
        expect(title).not.toMatch(/shortest/);
        expect(await page.locator('#paths-incomplete').innerText()).toMatch(/may be missing/);
      }
      for (const id of c.exclude) expect(await page.locator(`#path-avoided [data-id="${id}"]`).count()).toBe(1);
      await screenshot(page, `paths-${c.name.replace(/\W+/g, '-')}`);

      // The same link again: the same paths in the same order.
      await page.goto('about:blank');
      await openReady(page, app.url, hash, 'paths');
      expect(await listedPaths(page)).toEqual(first);
    });
  }

  it('"avoid" beside a node searches again without it', { timeout: 120_000 }, async () => {
    const { page } = browser;
    await page.goto('about:blank');
    await openReady(page, app.url, 'view=paths&pathFrom=us_congress&pathTo=danab', 'paths');
    const avoid = page.locator('#paths-list button.avoid[data-avoid="united_states"]').first();
    if ((await avoid.count()) === 0) {
      // No listed path crosses the United States: nothing to avoid, and the API agrees.
      const api = (await graphql<ApiPaths>(app.url, PATHS, { from: 'us_congress', to: 'danab' })).paths;
      expect(api.paths.every((p) => !p.nodes.some((n) => n.id === 'united_states'))).toBe(true);
      return;
    }
    await avoid.click();
    await page.waitForFunction(() => location.hash.includes('pathExclude=united_states'));
    await page.locator('#path-avoided').waitFor();
    // The list is redrawn for the new search once it says what it avoided (or the view is empty).
    await page.waitForFunction(() => /avoiding 1 entity/.test(document.getElementById('paths-searched')?.textContent ?? '') || document.querySelector('#view-paths .canvas-wrap')?.getAttribute('data-status') === 'empty');
    for (const path of await listedPaths(page)) expect(path).not.toContain('united_states');
  });
});
