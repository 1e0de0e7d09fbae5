/**
 * The network view's analyst tools in real Chromium against the real server: hover cards show
 * what the API says of a node and an edge (asked of the API here, independently), the node menu
 * (a proper ARIA menu, axe-clean) expands by one relationship type to exactly the API's
 * neighbourhood for that type, opens the paths view with an end set, hides and pins; Shift+click
 * adds to the selection and Hide acts on all of it.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { canvasSnapshot, clearEdgePoint, graphql, nodeScreenPosition, openReady, screenshot, waitForView } from './support/app.ts';
import { seriousViolations } from './support/axe.ts';
import { useAppAndBrowser } from './support/session.ts';

interface ApiNode { id: string; name: string; kind: string; year: number | null; citation: string | null; description: string | null }
interface ApiEdge { id: string; source: string; target: string; type: string; start: number | null; end: number | null; amountUsd: number | null }
interface Hood { nodes: ApiNode[]; edges: ApiEdge[] }

const HOOD = `query($id: ID!, $types: [RelationshipType!]) { neighborhood(id: $id, depth: 1, limit: 40, types: $types) {
  nodes { id name kind year citation description } edges { id source target type start end amountUsd } } }`;

async function hood(url: string, id: string, types?: string[]): Promise<Hood> {
  return (await graphql<{ neighborhood: Hood }>(url, HOOD, { id, types })).neighborhood;
}

/** A node's state on the network canvas. */
function nodeState(page: Page, id: string) {
  return page.evaluate((nid) => {
    type N = { empty(): boolean; locked(): boolean; hasClass(c: string): boolean; selected(): boolean; visible(): boolean; position(): { x: number; y: number } };
    const cy = (window as unknown as { __aidgraph: { cy(v: string): { getElementById(i: string): N } } }).__aidgraph.cy('explore');
    const n = cy.getElementById(nid);
    return n.empty() ? null : { locked: n.locked(), pinned: n.hasClass('pinned'), selected: n.selected(), visible: n.visible(), position: n.position() };
  }, id);
}

/** Right-click a node and wait for its menu. */
async function openMenuOn(page: Page, id: string): Promise<void> {
  const at = await nodeScreenPosition(page, 'explore', id);
  await page.mouse.click(at.x, at.y, { button: 'right' });
  await page.locator('#node-menu').waitFor({ state: 'visible' });
}

describe('analyst tools: hover cards, node menu, multi-select', () => {
  const { app, browser } = useAppAndBrowser();

  it("hovering Danab shows a card with the API's facts about it, inside the viewport and off the pointer", async () => {
    const { page } = browser;
    await openReady(page, app.url, 'focus=danab', 'explore');
    const api = (await hood(app.url, 'danab')).nodes.find((n) => n.id === 'danab')!;
    const at = await nodeScreenPosition(page, 'explore', 'danab');
    await page.mouse.move(at.x - 30, at.y - 30);
    await page.mouse.move(at.x, at.y, { steps: 4 });
    const card = page.locator('#hover-card[data-id="danab"]');
    await card.waitFor({ state: 'visible' });
    expect(await card.locator('[data-field=name]').textContent()).toBe(api.name);
    const fields = await card.locator('dd').evaluateAll((els) => Object.fromEntries(els.map((e) => [(e as HTMLElement).dataset.field, (e as HTMLElement).dataset.value])));
    const expected: Record<string, string> = { kind: api.kind };
    if (api.year != null) expected.year = String(api.year);
    if (api.citation) expected.citation = api.citation;
    if (api.description) expected.description = api.description;
    expect(fields).toEqual(expected);
    const box = (await card.boundingBox())!;
    const inside = box.x >= 0 && box.y >= 0 && box.x + box.width <= 1280 && box.y + box.height <= 800;
    expect(inside, JSON.stringify(box)).toBe(true);
    const covers = at.x >= box.x && at.x <= box.x + box.width && at.y >= box.y && at.y <= box.y + box.height;
    expect(covers).toBe(false);
    await screenshot(page, 'hover-card-danab');
    await page.keyboard.press('Escape');
    await card.waitFor({ state: 'hidden' });
    expect(browser.errors).toEqual([]);
  });

  it("hovering an edge shows its type, ends, years and amount as the API gave them", async () => {
    const { page } = browser;
    await openReady(page, app.url, 'focus=danab', 'explore');
    const at = await clearEdgePoint(page, 'danab');
    expect(at, 'an edge of Danab is on screen').not.toBeNull();
    await page.mouse.move(at!.x + 40, at!.y + 40);
    await page.mouse.move(at!.x, at!.y, { steps: 4 });
    const card = page.locator(`#hover-card[data-group=edge]`);
    await card.waitFor({ state: 'visible' });
    // Edges can cross near a midpoint: compare with the API's answer for the edge the card names.
    const hovered = (await card.getAttribute('data-id'))!;
    expect((await canvasSnapshot(page, 'explore')).edges.map((e) => e.id)).toContain(hovered);
    const edge = (await graphql<{ edges: ApiEdge[] }>(app.url, 'query($ids: [ID!]!) { edges(ids: $ids) { id source target type start end amountUsd } }', { ids: [hovered] })).edges[0]!;
    expect(edge, `the API knows edge ${hovered}`).toBeDefined();
    const fields = await card.locator('dd').evaluateAll((els) => Object.fromEntries(els.map((e) => [(e as HTMLElement).dataset.field, (e as HTMLElement).dataset.value])));
    expect(fields.type).toBe(edge.type);
    expect(fields.ends).toBe(`${edge.source}|${edge.target}`);
    if (edge.start != null || edge.end != null) expect(fields.years).toBe(`${edge.start ?? ''}|${edge.end ?? ''}`);
    if (edge.amountUsd != null) expect(fields.amountUsd).toBe(String(edge.amountUsd));
    await page.mouse.move(5, 5);
    await card.waitFor({ state: 'hidden' });
  });

  it('the node menu is an ARIA menu; expanding by one relationship type adds exactly the API neighbourhood for it', async () => {
    const { page } = browser;
    await openReady(page, app.url, 'limit=60', 'explore');
    const before = await canvasSnapshot(page, 'explore');
    // A node on the canvas and a type through which the API reaches nodes not on the canvas.
    let pick: { id: string; type: string; api: Hood } | undefined;
    for (const id of before.nodes.slice(0, 15)) {
      const types = [...new Set((await hood(app.url, id)).edges.map((e) => e.type))];
      for (const type of types) {
        const api = await hood(app.url, id, [type]);
        if (api.nodes.some((n) => !before.nodes.includes(n.id))) {
          pick = { id, type, api };
          break;
        }
      }
      if (pick) break;
    }
    expect(pick, 'some overview node reaches new nodes through one type').toBeDefined();
    const { id, type, api } = pick!;

    await openMenuOn(page, id);
    expect(await page.locator('#node-menu').getAttribute('role')).toBe('menu');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-action'))).toBe('expand-by-type');
    await page.keyboard.press('ArrowDown');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-action'))).toBe('paths-from');
    await page.keyboard.press('ArrowUp');
    expect(await seriousViolations(page)).toEqual([]);
    await page.keyboard.press('ArrowRight');
    const sub = page.locator('#node-menu-sub');
    await sub.waitFor({ state: 'visible' });
    expect(await sub.locator('[role=menuitem]').count()).toBeGreaterThan(1);
    expect(await page.evaluate(() => document.activeElement?.closest('[role=menu]')?.id)).toBe('node-menu-sub');
    await screenshot(page, 'node-menu-types');
    // ArrowLeft goes back to the parent item; Escape closes and gives focus back to the canvas.
    await page.keyboard.press('ArrowLeft');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-action'))).toBe('expand-by-type');
    await page.keyboard.press('Escape');
    await page.locator('#node-menu').waitFor({ state: 'detached' });
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('cy-explore');

    await openMenuOn(page, id);
    await page.keyboard.press('Enter');
    await sub.locator(`[data-action="type:${type}"]`).click();
    await waitForView(page, 'explore');
    await page.waitForFunction((n) => (window as unknown as { __aidgraph: { cy(v: string): { getElementById(i: string): { hasClass(c: string): boolean } } } }).__aidgraph.cy('explore').getElementById(n).hasClass('expanded'), id);
    const after = await canvasSnapshot(page, 'explore');
    const expected = [...new Set([...before.nodes, ...api.nodes.map((n) => n.id)])].sort();
    expect(after.nodes).toEqual(expected);
    const shown = new Set(after.edges.map((e) => e.id));
    for (const e of api.edges) expect(shown.has(e.id), e.id).toBe(true);
    expect(browser.errors).toEqual([]);
  });

  it('"Paths from here" and "Paths to here" open the paths view with that end set', async () => {
    const { page } = browser;
    await openReady(page, app.url, 'focus=danab', 'explore');
    await openMenuOn(page, 'danab');
    await page.locator('#node-menu [data-action=paths-from]').click();
    await page.waitForFunction(() => location.hash.includes('view=paths') && location.hash.includes('pathFrom=danab'));
    expect(await page.locator('#view-paths').isHidden()).toBe(false);
    // The keyboard path: Shift+F10 on the canvas opens the menu of the selected node.
    await openReady(page, app.url, 'focus=danab', 'explore');
    await page.locator('#cy-explore').focus();
    await page.keyboard.press('Shift+F10');
    await page.locator('#node-menu').waitFor({ state: 'visible' });
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-action'))).toBe('expand-by-type');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-action'))).toBe('paths-to');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => location.hash.includes('view=paths') && location.hash.includes('pathTo=danab'));
  });

  it('Pin locks a node in place with a visible mark, Unpin frees it; Hide removes it and the URL remembers', async () => {
    const { page } = browser;
    await openReady(page, app.url, 'focus=danab', 'explore');
    await openMenuOn(page, 'danab');
    await page.locator('#node-menu [data-action=pin]').click();
    expect(await nodeState(page, 'danab')).toMatchObject({ locked: true, pinned: true });
    // A pinned node does not move when dragged.
    const start = (await nodeState(page, 'danab'))!.position;
    const at = await nodeScreenPosition(page, 'explore', 'danab');
    await page.mouse.move(at.x, at.y);
    await page.mouse.down();
    await page.mouse.move(at.x + 80, at.y + 60, { steps: 5 });
    await page.mouse.up();
    expect((await nodeState(page, 'danab'))!.position).toEqual(start);
    await screenshot(page, 'pinned-danab');
    await openMenuOn(page, 'danab');
    await page.locator('#node-menu [data-action=unpin]').click();
    expect(await nodeState(page, 'danab')).toMatchObject({ locked: false, pinned: false });

    await openMenuOn(page, 'danab');
    await page.locator('#node-menu [data-action=hide]').click();
    await page.waitForFunction(() => /hidden=[^&]*danab/.test(location.hash));
    expect((await canvasSnapshot(page, 'explore')).nodes).not.toContain('danab');
  });

  it('Shift+click adds to the selection; the details show the first; Hide acts on every selected node', async () => {
    const { page } = browser;
    await openReady(page, app.url, 'focus=danab', 'explore');
    const snap = await canvasSnapshot(page, 'explore');
    const api = await hood(app.url, 'danab');
    const other = api.nodes.find((n) => n.id !== 'danab' && snap.nodes.includes(n.id))!;
    const at = await nodeScreenPosition(page, 'explore', other.id);
    await page.keyboard.down('Shift');
    await page.mouse.click(at.x, at.y);
    await page.keyboard.up('Shift');
    await page.waitForFunction((o) => (window as unknown as { __aidgraph: { cy(v: string): { nodes(s: string): { length: number; map(f: (n: { id(): string }) => string): string[] } } } }).__aidgraph.cy('explore').nodes(':selected').map((n) => n.id()).includes(o), other.id);
    expect((await canvasSnapshot(page, 'explore')).selected.sort()).toEqual(['danab', other.id].sort());
    expect(await page.locator('#details-title').textContent()).toContain(api.nodes.find((n) => n.id === 'danab')!.name);
    await openMenuOn(page, other.id);
    expect(await page.locator('#node-menu [data-action=hide]').textContent()).toBe('Hide 2 selected');
    await page.locator('#node-menu [data-action=hide]').click();
    const after = await canvasSnapshot(page, 'explore');
    expect(after.nodes).not.toContain('danab');
    expect(after.nodes).not.toContain(other.id);
    expect(browser.errors).toEqual([]);
  });

  it('Shift+drag selects every node in the box; the details keep the first selected', async () => {
    const { page } = browser;
    // Focus mode shows Danab's neighbourhood only, fitted with a margin: the canvas's corner is empty.
    await openReady(page, app.url, 'focus=danab&focusMode=1', 'explore');
    const box = (await page.locator('#cy-explore').boundingBox())!;
    await page.keyboard.down('Shift');
    await page.mouse.move(box.x + 6, box.y + 6);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width - 6, box.y + box.height - 6, { steps: 8 });
    await page.mouse.up();
    await page.keyboard.up('Shift');
    const snap = await canvasSnapshot(page, 'explore');
    expect(snap.selected.length).toBeGreaterThan(1);
    expect(snap.selected.sort()).toEqual(snap.nodes);
    expect(await page.evaluate(() => location.hash)).toContain('focus=danab');
    await screenshot(page, 'box-selection');
  });
});
