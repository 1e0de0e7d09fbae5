/**
 * What the node menu does outlives a reload, and the details panel offers the same actions by
 * keyboard, in real Chromium against the real server: an expansion by one relationship type and a
 * pin go to the URL, and reloading the link puts the same nodes back (the API's neighbourhood for
 * that type, asked here) with the pinned node locked where it was; from the details panel, by
 * keyboard alone, Pin, Expand by relationship type, Hide and Paths to here act as the menu does.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { canvasSnapshot, graphql, nodeScreenPosition, openReady, waitForView } from './support/app.ts';
import { seriousViolations } from './support/axe.ts';
import { useAppAndBrowser } from './support/session.ts';

interface Hood {
  nodes: { id: string }[];
  edges: { id: string; type: string }[];
}

const HOOD = `query($id: ID!, $types: [RelationshipType!]) { neighborhood(id: $id, depth: 1, limit: 40, types: $types) { nodes { id } edges { id type } } }`;

const hood = async (url: string, id: string, types?: string[]) => (await graphql<{ neighborhood: Hood }>(url, HOOD, { id, types })).neighborhood;

/** A node's pin state and place on the network canvas (plain data only). */
function pinState(page: Page, id: string) {
  return page.evaluate((nid) => {
    type N = { empty(): boolean; locked(): boolean; hasClass(c: string): boolean; position(): { x: number; y: number } };
    const cy = (window as unknown as { __aidgraph: { cy(v: string): { getElementById(i: string): N } } }).__aidgraph.cy('explore');
    const n = cy.getElementById(nid);
    return n.empty() ? null : { locked: n.locked(), pinned: n.hasClass('pinned'), position: n.position() };
  }, id);
}

/** A node of the overview at `hash` and a type through which the API reaches nodes not on the canvas. */
async function pickExpansion(page: Page, url: string): Promise<{ id: string; type: string; api: Hood }> {
  const before = await canvasSnapshot(page, 'explore');
  for (const id of before.nodes.slice(0, 15)) {
    const types = [...new Set((await hood(url, id)).edges.map((e) => e.type))];
    for (const type of types) {
      const api = await hood(url, id, [type]);
      if (api.nodes.some((n) => !before.nodes.includes(n.id))) return { id, type, api };
    }
  }
  throw new Error('no overview node reaches new nodes through one type');
}

const hashParam = (page: Page, key: string) => page.evaluate((k) => new URLSearchParams(location.hash.slice(1)).get(k), key);

describe('node actions in the URL and in the details panel', () => {
  const { app, browser } = useAppAndBrowser();

  it('an expansion by type and a pin from the node menu are in the URL, and reloading replays both', async () => {
    const { page } = browser;
    await openReady(page, app.url, 'limit=60', 'explore');
    const { id, type, api } = await pickExpansion(page, app.url);

    const at = await nodeScreenPosition(page, 'explore', id);
    await page.mouse.click(at.x, at.y, { button: 'right' });
    await page.locator('#node-menu').waitFor({ state: 'visible' });
    await page.keyboard.press('Enter');
    await page.locator(`#node-menu-sub [data-action="type:${type}"]`).click();
    await page.waitForFunction((want) => new URLSearchParams(location.hash.slice(1)).get('expandedBy') === want, `${id}~${type}`);
    await waitForView(page, 'explore');
    const expanded = (await canvasSnapshot(page, 'explore')).nodes;
    for (const n of api.nodes) expect(expanded, n.id).toContain(n.id);

    const pinAt = await nodeScreenPosition(page, 'explore', id);
    await page.mouse.click(pinAt.x, pinAt.y, { button: 'right' });
    await page.locator('#node-menu [data-action=pin]').click();
    await page.waitForFunction((nid) => (new URLSearchParams(location.hash.slice(1)).get('pinned') ?? '').startsWith(`${nid}@`), id);
    const [, x, y] = (await hashParam(page, 'pinned'))!.split('@');

    await page.reload();
    await waitForView(page, 'explore');
    const replayed = await canvasSnapshot(page, 'explore');
    expect(replayed.nodes).toEqual(expanded);
    for (const e of api.edges) expect(replayed.edges.map((r) => r.id), e.id).toContain(e.id);
    expect(await pinState(page, id)).toEqual({ locked: true, pinned: true, position: { x: Number(x), y: Number(y) } });
    expect(browser.errors).toEqual([]);
  }, 180_000);

  it('the details panel offers the menu’s actions and they work by keyboard alone', async () => {
    const { page } = browser;
    await openReady(page, app.url, 'limit=60', 'explore');
    const { id, type, api } = await pickExpansion(page, app.url);
    await openReady(page, app.url, `limit=60&focus=${id}`, 'explore');
    const bar = page.locator('#details-actions');
    await bar.waitFor({ state: 'visible' });
    // The URL names no pin, so the node from the last test is released (the row follows the pins).
    await expect.poll(() => bar.locator('button').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.action))).toEqual(['expand-by-type', 'paths-from', 'paths-to', 'hide', 'pin']);
    expect(await seriousViolations(page)).toEqual([]);

    // Pin: Enter on the focused button; the row then offers Unpin.
    await bar.locator('[data-action=pin]').focus();
    await page.keyboard.press('Enter');
    expect(await pinState(page, id)).toMatchObject({ locked: true, pinned: true });
    await page.waitForFunction((nid) => (new URLSearchParams(location.hash.slice(1)).get('pinned') ?? '').startsWith(`${nid}@`), id);
    await bar.locator('[data-action=unpin]').waitFor();

    // Expand by type: Enter opens the types as a menu, arrows reach the type, Enter expands.
    await bar.locator('[data-action=expand-by-type]').focus();
    await page.keyboard.press('Enter');
    const menu = page.locator('#details-menu');
    await menu.waitFor({ state: 'visible' });
    const actions = await menu.locator('[role=menuitem]').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.action));
    for (let i = 0; i < actions.indexOf(`type:${type}`); i++) await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.waitForFunction((want) => new URLSearchParams(location.hash.slice(1)).get('expandedBy') === want, `${id}~${type}`);
    await waitForView(page, 'explore');
    const nodes = (await canvasSnapshot(page, 'explore')).nodes;
    for (const n of api.nodes) expect(nodes, n.id).toContain(n.id);

    // Paths to here: Enter opens the paths view with this end.
    await page.locator('#details-actions [data-action=paths-to]').focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction((nid) => new URLSearchParams(location.hash.slice(1)).get('pathTo') === nid, id);

    // Hide: back on the network, Enter hides the node and the URL remembers it.
    await openReady(page, app.url, `limit=60&focus=${id}`, 'explore');
    await page.locator('#details-actions [data-action=hide]').focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction((nid) => (new URLSearchParams(location.hash.slice(1)).get('hidden') ?? '').split(',').includes(nid), id);
    expect((await canvasSnapshot(page, 'explore')).nodes).not.toContain(id);
    expect(browser.errors).toEqual([]);
  }, 240_000);

  it('outside the network view the details panel offers no canvas actions', async () => {
    const { page } = browser;
    await openReady(page, app.url, 'view=paths&pathFrom=united_states&pathTo=danab', 'paths');
    await page.evaluate(() => (window as unknown as { __aidgraph: { views: { paths: { navigate(id: string): void } } } }).__aidgraph.views.paths.navigate('danab'));
    await page.locator('#details-body[data-state=ready] #details-title').waitFor();
    expect(await page.locator('#details-title').textContent()).toBeTruthy();
    expect(await page.locator('#details-actions').count()).toBe(0);
  }, 60_000);
});
