/**
 * The network view's two-year comparison in real Chromium against the real server: the windows
 * typed by keyboard go to the URL, every edge on the canvas carries the mark of the status the API
 * gives it (graphComparison asked here, independently of the page), the legend's counts are the
 * API's, reloading the link draws the same, "Stop comparing" goes back to the overview, and axe
 * finds no serious or critical violation with the mode on.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { graphql, openReady, screenshot, waitForView } from './support/app.ts';
import { seriousViolations } from './support/axe.ts';
import { useAppAndBrowser } from './support/session.ts';

interface Compared {
  edges: { id: string; status: string; amountA: number | null; amountB: number | null }[];
  counts: { added: number; removed: number; changed: number; same: number };
}

const QUERY = `query($a: YearSpanInput!, $b: YearSpanInput!) { graphComparison(a: $a, b: $b) {
  edges { id status amountA amountB } counts { added removed changed same } } }`;

const CLASS: Record<string, string> = { ADDED: 'cmp-added', REMOVED: 'cmp-removed', CHANGED: 'cmp-changed', SAME: 'cmp-same' };

async function apiComparison(url: string, a: { from: number; to: number }, b: { from: number; to: number }): Promise<Compared> {
  return (await graphql<{ graphComparison: Compared }>(url, QUERY, { a, b })).graphComparison;
}

/** Each edge on the network canvas with its comparison marks (plain data only). */
function canvasMarks(page: Page) {
  return page.evaluate(() => {
    type E = { id(): string; classes(): string[]; data(k: string): unknown };
    const cy = (window as unknown as { __aidgraph: { cy(v: string): { edges(): { map<T>(f: (e: E) => T): T[] } } } }).__aidgraph.cy('explore');
    return cy.edges().map((e) => ({ id: e.id(), marks: e.classes().filter((c) => c.startsWith('cmp-')), status: e.data('status') as string | undefined }));
  });
}

/** Every API edge is on the canvas with exactly its status's mark, and the canvas holds nothing else. */
async function expectMarksMatch(page: Page, api: Compared): Promise<void> {
  const marks = await canvasMarks(page);
  expect(marks.map((m) => m.id).sort()).toEqual(api.edges.map((e) => e.id).sort());
  const byId = new Map(marks.map((m) => [m.id, m]));
  for (const e of api.edges) expect({ id: e.id, marks: byId.get(e.id)!.marks }).toEqual({ id: e.id, marks: [CLASS[e.status]] });
  const counts = await page.locator('#compare-legend li').evaluateAll((els) => Object.fromEntries(els.map((li) => [(li as HTMLElement).dataset.status, Number(li.querySelector('.count')!.textContent)])));
  expect(counts).toEqual({ ADDED: api.counts.added, REMOVED: api.counts.removed, CHANGED: api.counts.changed, SAME: api.counts.same });
}

describe('two-year comparison', () => {
  const { app, browser } = useAppAndBrowser();

  it('a link comparing 2011 with 2016 marks each edge as the API does, and every status occurs', async () => {
    const { page } = browser;
    await openReady(page, app.url, 'compareA=2011&compareB=2016', 'explore');
    const api = await apiComparison(app.url, { from: 2011, to: 2011 }, { from: 2016, to: 2016 });
    for (const n of Object.values(api.counts)) expect(n).toBeGreaterThan(0);
    await expectMarksMatch(page, api);
    expect(await page.locator('#compare-note').textContent()).toContain('Comparing 2011 with 2016');
    await screenshot(page, 'comparison-2011-2016');
  }, 120_000);

  it('windows typed by keyboard go to the URL, reloading replays them, Stop comparing ends the mode', async () => {
    const { page } = browser;
    await openReady(page, app.url, '', 'explore');
    await page.locator('#compare-a').focus();
    await page.keyboard.type('2006-2010');
    await page.keyboard.press('Tab');
    await page.keyboard.type('2011-2018');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => location.hash.includes('compareA=2006-2010') && location.hash.includes('compareB=2011-2018'));
    await waitForView(page, 'explore');
    await page.locator('#compare-legend:not([hidden])').waitFor();
    const api = await apiComparison(app.url, { from: 2006, to: 2010 }, { from: 2011, to: 2018 });
    await expectMarksMatch(page, api);

    await page.reload();
    await waitForView(page, 'explore');
    await page.locator('#compare-legend:not([hidden])').waitFor();
    await expectMarksMatch(page, api);
    expect(await page.locator('#compare-a').inputValue()).toBe('2006-2010');

    await page.locator('#compare-off').focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => !location.hash.includes('compare'));
    await waitForView(page, 'explore');
    expect((await canvasMarks(page)).filter((m) => m.marks.length > 0)).toEqual([]);
    expect(await page.locator('#compare-legend').isHidden()).toBe(true);
  }, 180_000);

  it('a malformed window is refused with a message and changes nothing', async () => {
    const { page } = browser;
    await openReady(page, app.url, '', 'explore');
    await page.locator('#compare-a').fill('last year');
    await page.locator('#compare-b').fill('2016');
    await page.locator('#compare-b').press('Enter');
    await expect.poll(() => page.locator('#compare-error').textContent()).toMatch(/year/);
    expect(await page.evaluate(() => location.hash)).not.toContain('compare');
  }, 60_000);

  it('axe finds no serious or critical violation with the comparison on', async () => {
    const { page } = browser;
    await openReady(page, app.url, 'compareA=2011&compareB=2016', 'explore');
    expect(await seriousViolations(page)).toEqual([]);
  }, 60_000);
});
