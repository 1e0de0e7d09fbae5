/**
 * Changes in place: when the year window changes, the elements that leave fade out over the
 * canvas and are gone afterwards, without ever being counted as shown, and the nodes that enter
 * are marked.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openReady, screenshot } from './support/app.ts';
import { useAppAndBrowser } from './support/session.ts';

interface CanvasIds {
  /** Every element Cytoscape holds, shown or not. */
  all: string[];
  visible: string[];
  nodes: string[];
  entered: string[];
  /** What the container says it shows. */
  countedNodes: number;
  visibleNodes: number;
}

/** Ids on the network canvas (a block body: only plain data leaves the page). */
async function canvasIds(page: Page): Promise<CanvasIds> {
  return page.evaluate(() => {
    type Coll = { map<T>(f: (e: { id(): string }) => T): T[]; length: number };
    const cy = (window as unknown as { __aidgraph: { cy(v: string): { elements(s?: string): Coll; nodes(s?: string): Coll } } }).__aidgraph.cy('explore');
    const ids = (c: Coll) => c.map((e) => e.id()).sort();
    return {
      all: ids(cy.elements()),
      visible: ids(cy.elements(':visible')),
      nodes: ids(cy.nodes()),
      entered: ids(cy.nodes('.entered')),
      countedNodes: Number(document.getElementById('cy-explore')!.dataset.nodes),
      visibleNodes: cy.nodes(':visible').length,
    };
  });
}

describe('leaving elements fade, entering ones are marked', () => {
  const { app, browser } = useAppAndBrowser();

  it('fades what leaves on a year change, removes it, and marks what enters', async () => {
    const { page } = browser;
    // A new document: what an earlier page remembered must not count as staying.
    await page.goto('about:blank');
    await openReady(page, app.url, 'years=asof&from=2014&to=2014', 'explore');
    const before = await canvasIds(page);

    // Record the fade as it happens: the ids it fades, each frame's opacity, when it ends.
    await page.evaluate(() => {
      const c = document.getElementById('cy-explore')!;
      const log = { ids: [] as string[][], alphas: [] as number[], startedAt: 0, endedAt: 0, lastTiming: (window as unknown as { __aidgraph: { views: { explore: { lastTiming: unknown } } } }).__aidgraph.views.explore.lastTiming };
      (window as unknown as { __fade: typeof log }).__fade = log;
      c.addEventListener('leaving', (e) => {
        log.ids.push((e as CustomEvent<{ ids: string[] }>).detail.ids);
        log.startedAt = performance.now();
      });
      new MutationObserver(() => {
        if (c.dataset.leavingAlpha) log.alphas.push(Number(c.dataset.leavingAlpha));
        else if (log.startedAt && !log.endedAt && c.dataset.leaving === undefined) log.endedAt = performance.now();
      }).observe(c, { attributes: true, attributeFilter: ['data-leaving', 'data-leaving-alpha'] });
      location.hash = 'years=asof&from=2008&to=2008';
    });
    // Ready with a new load (not the previous one's ready state).
    await page.waitForFunction(() => {
      const w = window as unknown as { __fade: { lastTiming: unknown }; __aidgraph: { views: { explore: { lastTiming: unknown } } } };
      return w.__aidgraph.views.explore.lastTiming !== w.__fade.lastTiming && document.getElementById('cy-explore')!.dataset.state === 'ready';
    }, undefined, { timeout: 60_000, polling: 20 });
    const after = await canvasIds(page);
    await screenshot(page, 'leaving-fade-during');

    // What left: shown before, not on the canvas now; what entered: on the canvas now, not before.
    const leaving = before.visible.filter((id) => !after.all.includes(id));
    const entering = after.nodes.filter((id) => !before.nodes.includes(id));
    expect(leaving.length).toBeGreaterThan(0);
    expect(entering.length).toBeGreaterThan(0);
    expect(after.entered).toEqual(entering);
    // Ghosts are never elements: the canvas and its counts hold only the new answer.
    expect(after.countedNodes).toBe(after.visibleNodes);

    await page.waitForFunction(() => {
      const c = document.getElementById('cy-explore')!;
      return c.dataset.leaving === undefined && !document.querySelector('.leaving-ghosts') && (window as unknown as { __fade: { endedAt: number } }).__fade.endedAt > 0;
    }, undefined, { timeout: 10_000, polling: 20 });
    const fade = await page.evaluate(() => {
      const log = (window as unknown as { __fade: { ids: string[][]; alphas: number[]; startedAt: number; endedAt: number } }).__fade;
      return { ids: log.ids, alphas: log.alphas, ms: log.endedAt - log.startedAt };
    });
    // One fade, of exactly the elements that left.
    expect(fade.ids.length).toBe(1);
    expect([...fade.ids[0]!].sort()).toEqual(leaving);
    // An opacity animation: it starts opaque, drops frame by frame, and lasts about 200 ms (longer
    // only when frames are slow: it always takes a few).
    expect(fade.alphas.length).toBeGreaterThanOrEqual(2);
    expect(fade.alphas[0]!).toBeGreaterThan(fade.alphas[fade.alphas.length - 1]!);
    expect(fade.alphas.every((a, i) => a > 0 && a <= 1 && (i === 0 || a <= fade.alphas[i - 1]!))).toBe(true);
    expect(fade.ms).toBeGreaterThanOrEqual(150);
    expect(fade.ms).toBeLessThan(5_000);

    // Afterwards nothing of them is left, and what stays is unchanged.
    const done = await canvasIds(page);
    expect(done.all).toEqual(after.all);
    expect(done.all.filter((id) => leaving.includes(id))).toEqual([]);
    await screenshot(page, 'leaving-fade-after');
  });
});
