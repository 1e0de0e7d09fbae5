/**
 * Stable pictures: the same URL draws the same network (the server's positions, from a seeded
 * layout), and a year change keeps
 * every node that stays where it was, marking the ones that enter.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { canvasSnapshot, graphql, openReady, screenshot, waitForView } from './support/app.ts';
import { useAppAndBrowser } from './support/session.ts';

type Positions = Record<string, { x: number; y: number }>;

/** Ids whose positions differ by more than 1 px between `a` and `b` (over the ids both have). */
function moved(a: Positions, b: Positions): string[] {
  return Object.keys(a).filter((id) => b[id] && Math.hypot(a[id]!.x - b[id]!.x, a[id]!.y - b[id]!.y) > 1);
}

async function entering(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { __aidgraph: { cy(v: string): { nodes(s: string): { map<T>(f: (n: { id(): string }) => T): T[] } } } }).__aidgraph.cy('explore').nodes('.entered').map((n) => n.id()).sort());
}

/** The canvas's size and zoom, and the box of what it shows, in canvas pixels. */
async function viewport(page: Page): Promise<{ width: number; height: number; zoom: number; box: { x1: number; y1: number; x2: number; y2: number } }> {
  return page.evaluate(() => {
    const cy = (window as unknown as { __aidgraph: { cy(v: string): { width(): number; height(): number; zoom(): number; elements(s: string): { renderedBoundingBox(): { x1: number; y1: number; x2: number; y2: number } } } } }).__aidgraph.cy('explore');
    const { x1, y1, x2, y2 } = cy.elements(':visible').renderedBoundingBox();
    return { width: cy.width(), height: cy.height(), zoom: cy.zoom(), box: { x1, y1, x2, y2 } };
  });
}

/** Resolves once the canvas has taken the container's new size. */
async function canvasResized(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const c = document.getElementById('cy-explore')!;
    const cy = (window as unknown as { __aidgraph: { cy(v: string): { width(): number; height(): number } } }).__aidgraph.cy('explore');
    return cy.width() === c.clientWidth && cy.height() === c.clientHeight;
  });
}

describe('stable layouts', () => {
  const { app, browser } = useAppAndBrowser();


  it('draws the same overview for the same URL, in a new page load', async () => {
    const { page } = browser;
    await openReady(page, app.url, '', 'explore');
    const first = (await canvasSnapshot(page, 'explore')).positions;
    await page.goto('about:blank');
    await openReady(page, app.url, '', 'explore');
    const second = (await canvasSnapshot(page, 'explore')).positions;
    expect(Object.keys(second).sort()).toEqual(Object.keys(first).sort());
    expect(Object.keys(first).length).toBeGreaterThan(50);
    expect(moved(first, second)).toEqual([]);
    // The second load may reuse the remembered picture; without it the seeded layout draws the same.
    await page.evaluate(() => void localStorage.clear());
    await page.goto('about:blank');
    await openReady(page, app.url, '', 'explore');
    const third = (await canvasSnapshot(page, 'explore')).positions;
    expect(Object.keys(third).sort()).toEqual(Object.keys(first).sort());
    expect(moved(first, third)).toEqual([]);
    // A first picture is the server's: every node where the API's overview layout places it.
    const api = await graphql<{ graph: { layout: { id: string; x: number; y: number }[] } }>(app.url, '{ graph { layout { id x y } } }');
    const served: Positions = Object.fromEntries(api.graph.layout.map((p) => [p.id, { x: p.x, y: p.y }]));
    expect(Object.keys(served).sort()).toEqual(Object.keys(first).sort());
    expect(moved(first, served)).toEqual([]);
    await screenshot(page, 'stable-overview');
  });

  it('keeps the places of nodes that stay when the year changes, and marks those that enter', async () => {
    const { page } = browser;
    await page.goto('about:blank');
    await openReady(page, app.url, 'years=asof&from=2008&to=2008', 'explore');
    const before = (await canvasSnapshot(page, 'explore')).positions;
    await page.goto(`${app.url}/#years=asof&from=2014&to=2014`);
    await page.waitForFunction(() => location.hash.includes('2014'));
    await waitForView(page, 'explore');
    const after = (await canvasSnapshot(page, 'explore')).positions;
    const stayed = Object.keys(before).filter((id) => after[id]);
    const entered = Object.keys(after).filter((id) => !before[id]).sort();
    expect(stayed.length).toBeGreaterThan(20);
    expect(entered.length).toBeGreaterThan(0);
    expect(moved(before, after)).toEqual([]);
    expect(await entering(page)).toEqual(entered);
    await screenshot(page, 'stable-year-step');
  });

  it('keeps a fitted picture fitted when the canvas changes size, and leaves a zoom the user chose', async () => {
    const { page } = browser;
    const original = page.viewportSize()!;
    await page.goto('about:blank');
    await openReady(page, app.url, '', 'explore');
    try {
      const before = await viewport(page);
      await page.setViewportSize({ width: 1000, height: 640 });
      await canvasResized(page);
      const after = await viewport(page);
      expect(after.height).toBeLessThan(before.height);
      // The whole picture is inside the smaller canvas (the fit's 30 px margin, less rounding).
      expect(after.box.x1).toBeGreaterThanOrEqual(-1);
      expect(after.box.y1).toBeGreaterThanOrEqual(-1);
      expect(after.box.x2).toBeLessThanOrEqual(after.width + 1);
      expect(after.box.y2).toBeLessThanOrEqual(after.height + 1);
      expect(after.zoom).toBeLessThan(before.zoom);
      // Once the user zooms, a change of size keeps their zoom.
      await page.locator('#cy-explore').focus();
      await page.keyboard.press('+');
      const zoomed = (await viewport(page)).zoom;
      expect(zoomed).toBeGreaterThan(after.zoom);
      await page.setViewportSize(original);
      await canvasResized(page);
      expect((await viewport(page)).zoom).toBeCloseTo(zoomed, 6);
    } finally {
      await page.setViewportSize(original);
    }
  });
});
