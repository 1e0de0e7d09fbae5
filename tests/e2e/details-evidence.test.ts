/**
 * The details panel shows the API's evidence, timing and names, and "other facts from this
 * footnote" lists the API's citedBy answer. Every expectation is fetched here through /graphql,
 * apart from the page; the only shared piece is the page's wording of evidence and timing levels.
 */
import { describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { evidenceWords, timingWords, type Evidence, type Timing } from '../../web/src/details/evidence.ts';
import { graphql as ask, openReady, screenshot } from './support/app.ts';
import { patiently } from './support/figures.ts';
import { useAppAndBrowser } from './support/session.ts';

const graphql = <T>(url: string, query: string, variables: Record<string, unknown>) => patiently(() => ask<T>(url, query, variables));

const NODE = `query($id: ID!) {
  node(id: $id) { name evidence ... on Actor { country countryName } }
  neighborhood(id: $id, depth: 1, limit: 300) { edges { id evidence timing } }
}`;
const CITED_BY = `query($source: ID, $section: ID, $paragraph: Int, $footnote: Int) {
  citedBy(source: $source, section: $section, paragraph: $paragraph, footnote: $footnote, first: 100) {
    entities { id } entityCount edges { id } edgeCount flows { id } flowCount
  }
}`;

interface NodeAnswer {
  node: { name: string; evidence: Evidence; country?: string | null; countryName?: string | null };
  neighborhood: { edges: { id: string; evidence: Evidence | null; timing: Timing | null }[] };
}
interface CitedByAnswer {
  citedBy: { entities: { id: string }[]; entityCount: number; edges: { id: string }[]; edgeCount: number; flows: { id: string }[]; flowCount: number };
}

/** Open the explorer focused on `id` and wait for its details. */
async function openDetails(page: Page, baseUrl: string, id: string, name: string): Promise<void> {
  await page.goto('about:blank');
  await openReady(page, baseUrl, `focus=${id}`, 'explore');
  await page.locator('#details-title', { hasText: name }).waitFor();
  await page.locator('#details-body[data-state=ready]').waitFor();
}

const ids = (list: Locator, attribute: string) => list.evaluateAll((els, a) => els.map((e) => e.getAttribute(a)), attribute);

describe('details panel: evidence, names and the other facts of a footnote', () => {
  const { app, browser } = useAppAndBrowser();

  it('a node’s evidence, its country’s name and each relationship’s timing and evidence are the API’s', { timeout: 120_000 }, async () => {
    const { page } = browser;
    // Danab has a country; gscf has an INFERRED relationship (seed/data/relationships.csv, ENACTED_BY).
    for (const id of ['danab', 'gscf']) {
      const api = await graphql<NodeAnswer>(app.url, NODE, { id });
      await openDetails(page, app.url, id, api.node.name);
      const evidence = page.locator('#details-body .props .evidence');
      expect(await evidence.getAttribute('data-evidence')).toBe(api.node.evidence);
      expect(await evidence.innerText()).toBe(evidenceWords(api.node.evidence).text);
      if (api.node.country) {
        expect(api.node.countryName, `the API names ${api.node.country}`).toBeTruthy();
        const country = page.locator(`#details-body .props .node-link[data-id="${api.node.country}"]`);
        expect((await country.innerText()).trim()).toBe(api.node.countryName);
      }
      const shown = await page.locator('#details-body li.rel[data-edge]').evaluateAll((els) =>
        els.map((e) => ({
          id: e.getAttribute('data-edge')!,
          evidence: e.querySelector('.evidence')?.getAttribute('data-evidence') ?? null,
          evidenceText: e.querySelector('.evidence')?.textContent ?? null,
          timing: e.querySelector('.timing')?.getAttribute('data-timing') ?? null,
          timingText: e.querySelector('.timing')?.textContent ?? null,
        })),
      );
      expect(shown.length, `relationships of ${id} are listed`).toBeGreaterThan(0);
      const byId = new Map(api.neighborhood.edges.map((e) => [e.id, e]));
      for (const s of shown) {
        const e = byId.get(s.id);
        expect(e, `the API lists edge ${s.id} around ${id}`).toBeDefined();
        expect([s.evidence, s.timing]).toEqual([e!.evidence, e!.timing]);
        expect([s.evidenceText, s.timingText]).toEqual([e!.evidence && evidenceWords(e!.evidence).text, e!.timing && timingWords(e!.timing).text]);
      }
      if (id === 'gscf') expect(shown.map((s) => s.evidence)).toContain('INFERRED');
    }
    expect(browser.errors).toEqual([]);
  });

  it('an edge’s timing, evidence and authority are the API’s (a typed relationship and a funding flow)', { timeout: 180_000 }, async () => {
    const { page } = browser;
    await page.goto('about:blank');
    await openReady(page, app.url, 'focus=danab', 'explore');
    const onCanvas = await page.evaluate(() => {
      type E = { id(): string; data(k: string): unknown };
      const cy = (window as unknown as { __aidgraph: { cy(v: string): { edges(): { toArray(): E[] } } } }).__aidgraph.cy('explore');
      const edges = cy.edges().toArray().map((e) => ({ id: e.id(), type: String(e.data('type')), fundingId: (e.data('fundingId') as string | null) ?? null, authority: (e.data('authority') as string | null) ?? null }));
      return { typed: edges.find((e) => e.type !== 'FUNDED' && !e.fundingId), funded: edges.find((e) => e.fundingId && e.authority) };
    });
    expect(onCanvas.typed, 'a typed relationship on the canvas').toBeDefined();
    expect(onCanvas.funded, 'a funding flow under an authority on the canvas').toBeDefined();
    const answer = await graphql<{ edges: { id: string; timing: Timing | null; evidence: Evidence | null }[]; fundingFlow: { evidence: Evidence; authority: { id: string; name: string } } }>(
      app.url,
      'query($ids: [ID!]!, $flow: ID!) { edges(ids: $ids) { id timing evidence } fundingFlow(id: $flow) { evidence authority { id name } } }',
      { ids: [onCanvas.typed!.id], flow: onCanvas.funded!.fundingId },
    );
    // The canvas's own tap handler opens the edge, as a click on it does (explorer.test.ts clicks).
    const show = async (id: string, title: string) => {
      // A block body: returning the element would make Playwright serialize the whole canvas.
      await page.evaluate((edgeId) => {
        (window as unknown as { __aidgraph: { cy(v: string): { getElementById(i: string): { emit(e: string): void } } } }).__aidgraph.cy('explore').getElementById(edgeId).emit('tap');
      }, id);
      await page.locator('#details-title', { hasText: title }).waitFor({ timeout: 30_000 });
      await page
        .waitForFunction(() => document.getElementById('details-body')!.dataset.state === 'ready', null, { timeout: 30_000 })
        .catch(async (err: Error) => {
          throw new Error(`${err.message}; panel: ${await page.locator('#details-body').innerText()}; page errors: ${browser.errors.join(' | ')}`);
        });
    };
    const rowOf = (cls: string, attr: string) => page.locator(`#details-body .props .${cls}`).evaluateAll((els, a) => els.map((e) => [e.getAttribute(a), e.textContent]), attr);

    await show(onCanvas.typed!.id, onCanvas.typed!.type.toLowerCase().replace(/_/g, ' '));
    const typed = answer.edges[0]!;
    expect(await rowOf('evidence', 'data-evidence')).toEqual([[typed.evidence, evidenceWords(typed.evidence!).text]]);
    expect(await rowOf('timing', 'data-timing')).toEqual([[typed.timing, timingWords(typed.timing!).text]]);

    await show(onCanvas.funded!.id, 'funded');
    const flow = answer.fundingFlow;
    expect(await rowOf('evidence', 'data-evidence')).toEqual([[flow.evidence, evidenceWords(flow.evidence).text]]);
    const authority = page.locator(`#details-body .props .node-link[data-id="${flow.authority.id}"]`);
    expect((await authority.innerText()).trim()).toBe(flow.authority.name);
    expect(browser.errors).toEqual([]);
  });

  it('“other facts from this footnote” lists the API’s citedBy answer, opened by click and by keyboard', { timeout: 120_000 }, async () => {
    const { page } = browser;
    const api = await graphql<NodeAnswer>(app.url, NODE, { id: 'danab' });
    await openDetails(page, app.url, 'danab', api.node.name);
    const sources = page.locator('#details-body section').filter({ has: page.locator('h3', { hasText: 'Sources' }) }).first();
    const check = async (button: Locator, how: 'click' | 'keyboard') => {
      const place = JSON.parse((await button.getAttribute('data-place'))!) as Record<string, unknown>;
      const expected = (await graphql<CitedByAnswer>(app.url, CITED_BY, place)).citedBy;
      if (how === 'click') await button.click();
      else {
        await button.focus();
        await page.keyboard.press('Enter');
      }
      expect(await button.getAttribute('aria-expanded')).toBe('true');
      const region = button.locator('xpath=ancestor::li[contains(@class, "citation")]').locator('.cited-by[data-state=ready]');
      await region.waitFor();
      expect(await ids(region.locator('.cited-entities [data-entity]'), 'data-entity')).toEqual(expected.entities.map((e) => e.id));
      expect(await ids(region.locator('.cited-edges [data-edge]'), 'data-edge')).toEqual(expected.edges.map((e) => e.id));
      expect(await ids(region.locator('.cited-flows [data-flow]'), 'data-flow')).toEqual(expected.flows.map((f) => f.id));
      const text = await region.innerText();
      for (const [name, count] of [['Entities', expected.entityCount], ['Relationships', expected.edgeCount], ['Funding flows', expected.flowCount]] as const) {
        if (count > 0) expect(text).toContain(`${name} (${count}`);
        else expect(text).not.toContain(`${name} (`);
      }
      return expected;
    };
    const footnote = sources.locator('.cite-footnote').first();
    expect(await footnote.count(), 'Danab has a footnoted citation').toBe(1);
    const answer = await check(footnote, 'click');
    await screenshot(page, 'details-cited-by');
    expect(answer.entities.map((e) => e.id)).toContain('danab');

    // An entity of the list navigates like every node link.
    const other = answer.entities.find((e) => e.id !== 'danab');
    if (other) {
      await page.locator(`#details-body .cited-entities [data-entity="${other.id}"] .node-link`).click();
      await page.waitForFunction((id) => location.hash.includes(`focus=${id}`), other.id);
      await page.locator('#details-body[data-state=ready]').waitFor();
      await openDetails(page, app.url, 'danab', api.node.name);
    } else {
      await footnote.click();
      expect(await footnote.getAttribute('aria-expanded')).toBe('false');
    }

    // A paragraph (or, failing that, the section) by keyboard; activating it again closes it.
    const place = sources.locator('.cite-paragraph, .cite-section').first();
    await check(place, 'keyboard');
    await page.keyboard.press('Enter');
    expect(await place.getAttribute('aria-expanded')).toBe('false');
    expect(await page.locator('#details-body .cited-by:not([hidden])').count()).toBe(0);
    expect(browser.errors).toEqual([]);
  });
});
