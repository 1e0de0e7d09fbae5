/**
 * The network view in real headless Chromium against the real server and seeded database:
 * the overview opens, search finds Danab, double-click expansion adds neighbours (with collapse
 * and undo), and a copied URL reopens the same view.
 */
import { describe, expect, it } from 'vitest';
import { openReady, canvasSnapshot, clearEdgePoint, graphql, nodeScreenPosition, recordTiming, screenshot, waitForView } from './support/app.ts';
import { useAppAndBrowser } from './support/session.ts';

describe('explorer: network view', () => {
  const { app, browser } = useAppAndBrowser();


  it('opens on the overview graph, with a legend, and reports how long it took', async () => {
    const { page } = browser;
    const started = Date.now();
    await openReady(page, app.url, '', 'explore');
    const wallMs = Date.now() - started;
    const snap = await canvasSnapshot(page, 'explore');
    expect(snap.nodes.length).toBeGreaterThan(20);
    expect(snap.edges.length).toBeGreaterThan(20);
    // The canvas shows what the API's overview returns (same default filter).
    const api = await graphql<{ graph: { nodes: { id: string }[] } }>(app.url, '{ graph { nodes { id } } }');
    expect(snap.nodes).toEqual(api.graph.nodes.map((n) => n.id).sort());
    expect(await page.locator('#legend li').count()).toBeGreaterThan(3);
    const inPage = await page.evaluate(() => ({
      loadMs: Number(document.getElementById('cy-explore')!.dataset.loadMs),
      sinceNavigation: Math.round(performance.now()),
    }));
    recordTiming('overview', { wallMs, ...inPage, nodes: snap.nodes.length, edges: snap.edges.length });
    console.info(`overview: ${snap.nodes.length} nodes, ${snap.edges.length} edges; ready ${inPage.sinceNavigation} ms after navigation (${inPage.loadMs} ms fetch+render+layout), ${wallMs} ms wall`);
    await screenshot(page, 'overview-1280x800');
    expect(browser.errors).toEqual([]);
  });

  it('search suggests Danab as you type and focuses it with the keyboard', async () => {
    const { page } = browser;
    await openReady(page, app.url, '', 'explore');
    const input = page.locator('#global-search-input');
    await input.click();
    await input.pressSequentially('Dana', { delay: 40 });
    const hit = page.locator('.suggestion[data-id="danab"]');
    await hit.waitFor({ state: 'visible' });
    expect(await hit.textContent()).toContain('Danab');
    expect(await input.getAttribute('aria-expanded')).toBe('true');
    // Walk to the hit with the arrow keys and pick it with Enter.
    const ids = await page.locator('.suggestion').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.id));
    for (let i = 0; i < ids.indexOf('danab'); i++) await input.press('ArrowDown');
    await input.press('Enter');
    await page.waitForFunction(() => location.hash.includes('focus=danab'));
    await page.locator('#details-title', { hasText: 'Danab' }).waitFor();
    await waitForView(page, 'explore');
    const snap = await canvasSnapshot(page, 'explore');
    expect(snap.nodes).toContain('danab');
    expect(snap.selected).toEqual(['danab']);
    // The details panel lists its sources with section and paragraph.
    expect(await page.locator('#details .citation').count()).toBeGreaterThan(0);
    await screenshot(page, 'search-danab');
  });

  it('double-click expands a node with its neighbours; collapse and undo work', async () => {
    const { page } = browser;
    // A small overview leaves neighbours out, so expanding has something to add.
    await openReady(page, app.url, 'limit=100', 'explore');
    const before = await canvasSnapshot(page, 'explore');
    // Find a node on the canvas whose neighbourhood (per the API) holds nodes not on the canvas.
    let target: string | undefined;
    let neighbours: string[] = [];
    for (const id of before.nodes) {
      const data = await graphql<{ neighborhood: { nodes: { id: string }[] } }>(app.url, 'query($id: ID!) { neighborhood(id: $id, depth: 1, limit: 40) { nodes { id } } }', { id });
      const fresh = data.neighborhood.nodes.map((n) => n.id).filter((n) => !before.nodes.includes(n));
      if (fresh.length) {
        target = id;
        neighbours = data.neighborhood.nodes.map((n) => n.id);
        break;
      }
    }
    expect(target, 'some overview node has neighbours outside the overview').toBeDefined();
    const at = await nodeScreenPosition(page, 'explore', target!);
    await page.mouse.dblclick(at.x, at.y);
    await page.waitForFunction((t) => location.hash.includes('expanded=') && location.hash.includes(t), target!);
    await waitForView(page, 'explore');
    const after = await canvasSnapshot(page, 'explore');
    const added = after.nodes.filter((n) => !before.nodes.includes(n));
    expect(added.length).toBeGreaterThan(0);
    for (const id of added) expect(neighbours).toContain(id);
    // Every added node is joined to the expanded node by a visible edge.
    for (const id of added) expect(after.edges.some((e) => (e.source === target && e.target === id) || (e.target === target && e.source === id))).toBe(true);
    await screenshot(page, 'expanded');

    await page.locator('#btn-collapse').click();
    await page.waitForFunction(() => !location.hash.includes('expanded='));
    const collapsed = await canvasSnapshot(page, 'explore');
    expect(collapsed.nodes).toEqual(before.nodes);

    await page.locator('#btn-undo').click();
    await page.waitForFunction(() => location.hash.includes('expanded='));
    const undone = await canvasSnapshot(page, 'explore');
    expect(undone.nodes).toEqual(after.nodes);

    // Hide, then undo the hide.
    await page.locator('#btn-hide').click();
    await page.waitForFunction((t) => location.hash.includes(`hidden=${t}`), target!);
    expect((await canvasSnapshot(page, 'explore')).nodes).not.toContain(target);
    await page.keyboard.press('Escape');
    await page.locator('#btn-undo').click();
    expect((await canvasSnapshot(page, 'explore')).nodes).toContain(target);
  });

  it('a truncated expansion shows "+N more", which fetches the rest', async () => {
    const { page } = browser;
    await openReady(page, app.url, 'limit=100', 'explore');
    // The best-connected node has more neighbours than one expansion fetches (40).
    const hub = (await graphql<{ graph: { nodes: { id: string }[] } }>(app.url, '{ graph(filter: { limit: 1 }) { nodes { id } } }')).graph.nodes[0].id;
    const api = await graphql<{ neighborhood: { truncated: boolean; omittedNodes: number } }>(app.url, 'query($id: ID!) { neighborhood(id: $id, depth: 1, limit: 40) { truncated omittedNodes } }', { id: hub });
    expect(api.neighborhood.truncated).toBe(true);
    const at = await nodeScreenPosition(page, 'explore', hub);
    await page.mouse.dblclick(at.x, at.y);
    await page.waitForFunction((id) => location.hash.includes(`expanded=${id}`), hub);
    const moreLabel = await page.evaluate(
      (id) => (window as unknown as { __aidgraph: { cy(v: string): { getElementById(i: string): { data(k: string): string } } } }).__aidgraph.cy('explore').getElementById(`more:${id}`).data('label'),
      hub,
    );
    expect(moreLabel).toBe(`+${api.neighborhood.omittedNodes} more`);
    const expanded = await canvasSnapshot(page, 'explore');
    const moreAt = await nodeScreenPosition(page, 'explore', `more:${hub}`);
    await page.mouse.dblclick(moreAt.x, moreAt.y);
    await page.waitForFunction(
      (id) => (window as unknown as { __aidgraph: { cy(v: string): { getElementById(i: string): { empty(): boolean } } } }).__aidgraph.cy('explore').getElementById(`more:${id}`).empty(),
      hub,
    );
    const all = await canvasSnapshot(page, 'explore');
    expect(all.nodes.length).toBeGreaterThan(expanded.nodes.length);
    await screenshot(page, 'expanded-more');
  });

  it('clicking an edge shows its citations', async () => {
    const { page } = browser;
    await openReady(page, app.url, 'focus=danab', 'explore');
    const target = await clearEdgePoint(page, 'danab');
    expect(target, 'an edge of Danab is clickable on screen').not.toBeNull();
    await page.mouse.click(target!.x, target!.y);
    // Parallel edges lie close together: check against whichever edge the click selected.
    await page.waitForFunction(() => (window as unknown as { __aidgraph: { cy(v: string): { edges(s: string): { length: number } } } }).__aidgraph.cy('explore').edges(':selected').length === 1);
    const clicked = await page.evaluate(() => (window as unknown as { __aidgraph: { cy(v: string): { edges(s: string): { id(): string } } } }).__aidgraph.cy('explore').edges(':selected').id());
    // Edges can cross near the midpoint: compare with the API's answer for the edge selected.
    const api = await graphql<{ edges: { id: string; type: string; sources: unknown[] }[] }>(
      app.url,
      'query($ids: [ID!]!) { edges(ids: $ids) { id type sources { source } } }',
      { ids: [clicked] },
    );
    const expected = api.edges[0]!;
    expect(expected, `the API knows edge ${clicked}`).toBeDefined();
    await page.locator('#details-title', { hasText: expected.type.toLowerCase().replace(/_/g, ' ') }).waitFor();
    await page.waitForFunction(() => document.getElementById('details-body')!.dataset.state === 'ready');
    expect(await page.locator('#edge-sources .citation').count()).toBe(expected.sources.length);
    expect(expected.sources.length).toBeGreaterThan(0);
  });

  it('kind and year filters narrow the graph', async () => {
    const { page } = browser;
    // Kinds: unchecking Event removes every event.
    await openReady(page, app.url, '', 'explore');
    const all = await page.evaluate(() => (window as unknown as { __aidgraph: { cy(v: string): { nodes(s: string): { length: number } } } }).__aidgraph.cy('explore').nodes('[kind = "Event"]').length);
    expect(all).toBeGreaterThan(0);
    await page.locator('input[name=kind][value=Event]').uncheck();
    await page.waitForFunction(() => location.hash.includes('kinds='));
    await waitForView(page, 'explore');
    const events = await page.evaluate(() => (window as unknown as { __aidgraph: { cy(v: string): { nodes(s: string): { length: number } } } }).__aidgraph.cy('explore').nodes('[kind = "Event"]').length);
    expect(events).toBe(0);

    // Year: "as of" the earliest year of the slider shows no relationship that starts later.
    await page.locator('.timeline .seg[data-mode="asof"]').click();
    await page.waitForFunction(() => location.hash.includes('years=asof'));
    await waitForView(page, 'explore');
    const slider = page.locator('.timeline input[type=range]');
    await slider.focus();
    await page.keyboard.press('Home');
    await page.waitForFunction((min) => location.hash.includes(`from=${min}`), await slider.getAttribute('min'));
    await waitForView(page, 'explore');
    const year = Number(await slider.getAttribute('min'));
    const starts = await page.evaluate(() => (window as unknown as { __aidgraph: { cy(v: string): { edges(): { map<T>(f: (e: { data(k: string): number | null }) => T): T[] } } } }).__aidgraph.cy('explore').edges().map((e) => e.data('start')));
    expect(starts.filter((s) => s != null && s > year)).toEqual([]);
    await screenshot(page, 'filtered-asof');
  });

  it('a copied URL reopens the same view: filters, year window, expansion, focus, focus mode', async () => {
    const { page, context } = browser;
    await openReady(page, app.url, 'limit=100', 'explore');
    // Change state through the UI: a year window and the focus on a node with focus mode.
    await page.locator('.timeline .seg[data-mode="between"]').click();
    await waitForView(page, 'explore');
    const focusId = (await canvasSnapshot(page, 'explore')).nodes[0];
    await page.evaluate((id) => (window as unknown as { __aidgraph: { views: { explore: { navigate(i: string): void } } } }).__aidgraph.views.explore.navigate(id), focusId);
    await page.waitForFunction((id) => location.hash.includes(`focus=${id}`), focusId);
    await page.locator('#focus-mode').check();
    await page.waitForFunction(() => location.hash.includes('focusMode=1'));
    const url = page.url();
    const original = await canvasSnapshot(page, 'explore');

    const second = await context.newPage();
    await second.goto(url);
    expect(await waitForView(second, 'explore')).toBe('ready');
    const reopened = await canvasSnapshot(second, 'explore');
    expect(reopened.nodes).toEqual(original.nodes);
    expect(reopened.selected).toEqual([focusId]);
    expect(await second.locator('#focus-mode').isChecked()).toBe(true);
    expect(await second.locator('.timeline .seg[data-mode="between"]').getAttribute('aria-pressed')).toBe('true');
    expect(await second.locator('#filter-limit').inputValue()).toBe('100');
    expect(second.url()).toBe(url);
    await screenshot(second, 'shared-url-reopened');
    await second.close();
  });
});
