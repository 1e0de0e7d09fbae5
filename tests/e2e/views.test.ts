/**
 * Lineage, funding and path views in real headless Chromium against the real server and seeded
 * database, plus the loading, empty and error states and the narrow-screen layout.
 */
import { describe, expect, it } from 'vitest';
import { launchBrowser } from '../helpers/browser.ts';
import { openReady, canvasSnapshot, openView, screenshot, waitForView } from './support/app.ts';
import { useAppAndBrowser } from './support/session.ts';

describe('explorer: lineage, funding, paths, states', () => {
  const { app, browser } = useAppAndBrowser();


  it('the lineage view draws Section 1206 -> 10 U.S.C. 2282 -> 10 U.S.C. 333 top-down', async () => {
    const { page } = browser;
    await openReady(page, app.url, 'view=lineage&authority=section_1206', 'lineage');
    const snap = await canvasSnapshot(page, 'lineage');
    expect(snap.nodes).toEqual(expect.arrayContaining(['section_1206', 'usc10_2282', 'usc10_333']));
    const chain = (from: string, to: string) => snap.edges.some((e) => e.source === from && e.target === to);
    expect(chain('section_1206', 'usc10_2282')).toBe(true);
    expect(chain('usc10_2282', 'usc10_333')).toBe(true);
    // Top-down: each generation sits below the one it came from.
    expect(snap.positions.section_1206.y).toBeLessThan(snap.positions.usc10_2282.y);
    expect(snap.positions.usc10_2282.y).toBeLessThan(snap.positions.usc10_333.y);
    // The table lists them in generation order, with years.
    const rows = await page.locator('#lineage-entries tbody tr').evaluateAll((trs) => trs.map((tr) => ({ id: (tr as HTMLElement).dataset.id, gen: Number((tr as HTMLElement).dataset.generation) })));
    const gen = (id: string) => rows.find((r) => r.id === id)?.gen ?? NaN;
    expect(gen('section_1206')).toBeLessThan(gen('usc10_2282'));
    expect(gen('usc10_2282')).toBeLessThan(gen('usc10_333'));
    const label = await page.evaluate(() => (window as unknown as { __aidgraph: { cy(v: string): { getElementById(i: string): { data(k: string): string } } } }).__aidgraph.cy('lineage').getElementById('section_1206').data('label'));
    expect(label).toMatch(/\(\d{4}\)/);
    await screenshot(page, 'lineage-section-1206');
  });

  it("the funding view shows Kenya's $341M under Global Train and Equip, and Kenya's donors", async () => {
    const { page } = browser;
    await openReady(page, app.url, 'view=funding', 'funding');
    const row = page.locator('#flows-table tbody tr[data-recipient="kenya"][data-authority="global_train_and_equip"]');
    await row.first().waitFor();
    const texts = await row.allTextContents();
    expect(texts.some((t) => t.includes('$341M') && t.includes('Kenya'))).toBe(true);
    // On the canvas: the authority column feeds Kenya.
    const snap = await canvasSnapshot(page, 'funding');
    expect(snap.edges.some((e) => e.source === 'a:global_train_and_equip' && e.target === 'r:kenya')).toBe(true);
    await screenshot(page, 'funding');

    // Choosing the recipient opens its dependency view: donors, shares, concentration.
    await page.locator('#flows-table tbody tr[data-recipient="kenya"] td:nth-child(3) button').first().click();
    await page.waitForFunction(() => location.hash.includes('recipient=kenya'));
    await page.locator('#dependency-panel[data-state="ready"]').waitFor();
    expect(await page.locator('#donor-shares tbody tr').count()).toBeGreaterThan(0);
    expect(await page.locator('#donor-shares').textContent()).toMatch(/%/);
    expect(await page.locator('#dep-hhi').textContent()).toMatch(/^\d\.\d\d$/);
    await screenshot(page, 'funding-dependency-kenya');
  });

  it('the path finder highlights the shortest path between Congress and Danab and lists its hops', async () => {
    const { page } = browser;
    await openReady(page, app.url, 'view=paths&pathFrom=us_congress&pathTo=danab', 'paths');
    const items = page.locator('#paths-list .path-item');
    expect(await items.count()).toBeGreaterThan(0);
    const first = await items.first().locator('.hop').allTextContents();
    expect(first[0]).toContain('Congress');
    expect(first[first.length - 1]).toContain('Danab');
    const highlighted = await page.evaluate(() => (window as unknown as { __aidgraph: { cy(v: string): { $(s: string): { length: number } } } }).__aidgraph.cy('paths').$('node.path').length);
    expect(highlighted).toBe(first.length + 1);
    await screenshot(page, 'paths-congress-danab');
  });

  it('shows an error with a retry when the API is down, and recovers', async () => {
    const { page } = browser;
    await page.route('**/graphql', (route) => route.abort('connectionrefused'));
    expect(await openView(page, app.url, '', 'explore')).toBe('error');
    const overlay = page.locator('#view-explore .status-overlay');
    expect(await overlay.textContent()).toContain('not reachable');
    await screenshot(page, 'state-api-down');
    await page.unroute('**/graphql');
    await overlay.getByRole('button', { name: 'Retry' }).click();
    expect(await waitForView(page, 'explore')).toBe('ready');
  });

  it('shows an empty state for an unknown authority and never hangs on an over-limit request', async () => {
    const { page } = browser;
    expect(await openView(page, app.url, 'view=lineage&authority=no_such_authority', 'lineage')).toBe('empty');
    expect(await page.locator('#view-lineage .status-overlay').textContent()).toContain('no_such_authority');
    await screenshot(page, 'state-empty');
    // A limit far beyond the API's maximum: the API clamps it or refuses it; either way the page settles.
    const status = await openView(page, app.url, 'limit=100000', 'explore');
    expect(['ready', 'error']).toContain(status);
    if (status === 'error') expect(await page.locator('#view-explore .status-overlay').textContent()).toMatch(/limit|refused/i);
  });

  it('is usable on a narrow screen: controls and details are drawers', async () => {
    const narrow = await launchBrowser({ viewport: { width: 390, height: 844 } });
    try {
      const { page } = narrow;
      await openReady(page, app.url, '', 'explore');
      const canvasBox = await page.locator('#cy-explore').boundingBox();
      expect(canvasBox!.width).toBeGreaterThan(350);
      expect(await page.locator('#sidebar').evaluate((el) => el.getBoundingClientRect().right <= 0)).toBe(true);
      await screenshot(page, 'narrow-overview');
      await page.locator('#toggle-sidebar').click();
      await page.waitForFunction(() => document.getElementById('sidebar')!.getBoundingClientRect().left >= 0);
      await screenshot(page, 'narrow-controls');
      expect(narrow.errors).toEqual([]);
    } finally {
      await narrow.close();
    }
  });
});
