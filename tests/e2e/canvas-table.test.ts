/**
 * "Table" (what the canvas shows): on the network overview it lists exactly the visible entities,
 * relationships and flows, each flow's amount is the API's (edges(ids), fetched here), the tables
 * sort by a column, and each CSV carries the sources: an entity's cited sections as the seed files
 * give them, a relationship's citations as the API answers edges(ids). axe stays clean with the
 * dialog open, and Escape closes it.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { seedRecords } from '../helpers/seed-files.ts';
import { canvasSnapshot, graphql, openReady, screenshot, type CanvasSnapshot } from './support/app.ts';
import { useAppAndBrowser } from './support/session.ts';
import { seriousViolations } from './support/axe.ts';

type Citation = { section: string | null; footnotes: number[] };
type ApiEdge = { id: string; type: string; amountUsd: number | null; sources: Citation[] };

async function downloadCsv(page: Page, table: string): Promise<Record<string, string>[]> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.locator(`#table-${table}-csv`).click()]);
  return parse(readFileSync(await file.path()), { columns: true, bom: true }) as Record<string, string>[];
}

const rowIds = (page: Page, table: string) => page.locator(`#table-${table} tbody tr`).evaluateAll((rows) => rows.map((r) => (r as HTMLElement).dataset.id!));

/** Each cited section and footnote appears in the CSV's sources text. */
function expectCarries(text: string, cites: Citation[], where: string): void {
  for (const c of cites) {
    if (c.section) expect(text, `${where}: section ${c.section}`).toContain(c.section);
    for (const n of c.footnotes) expect(text, `${where}: footnote ${n} of ${c.section}`).toMatch(new RegExp(`fn(?:\\d+,)*${n}(?!\\d)`));
  }
}

describe('what the canvas shows: a sortable table with CSV and sources', () => {
  const { app, browser } = useAppAndBrowser();
  let snap: CanvasSnapshot;

  beforeAll(async () => {
    await openReady(browser.page, app.url, '', 'explore');
    snap = await canvasSnapshot(browser.page, 'explore');
    await browser.page.locator('#table-button').click();
    await browser.page.locator('#table-body[data-state=ready]').waitFor({ timeout: 60_000 });
  });

  it('lists exactly the visible entities, relationships and flows, with the API’s amounts', async () => {
    const { page } = browser;
    expect((await rowIds(page, 'entities')).sort()).toEqual(snap.nodes);
    const funded = snap.edges.filter((e) => e.type === 'FUNDED').map((e) => e.id).sort();
    const typed = snap.edges.filter((e) => e.type !== 'FUNDED').map((e) => e.id).sort();
    expect(funded.length).toBeGreaterThan(0);
    expect((await rowIds(page, 'relationships')).sort()).toEqual(typed);
    expect((await rowIds(page, 'flows')).sort()).toEqual(funded);

    const api = await graphql<{ edges: ApiEdge[] }>(app.url, 'query($ids: [ID!]!) { edges(ids: $ids) { id type amountUsd sources { section footnotes } } }', { ids: funded.slice(0, 200) });
    const shown = await page.locator('#table-flows tbody tr').evaluateAll((rows) => rows.map((r) => [(r as HTMLElement).dataset.id!, Number((r as HTMLTableRowElement).cells[2]!.dataset.value)] as const));
    const amounts = new Map(shown);
    expect(api.edges.length).toBe(Math.min(funded.length, 200));
    for (const e of api.edges) expect(amounts.get(e.id), e.id).toBe(e.amountUsd);
  });

  it('sorts by a column heading, both ways', async () => {
    const { page } = browser;
    const names = () => page.locator('#table-entities tbody tr td:first-child').allTextContents();
    const heading = page.locator('#table-entities thead th').first();
    await heading.locator('button').click();
    const up = await names();
    expect(up).toEqual([...up].sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase())));
    expect(await heading.getAttribute('aria-sort')).toBe('ascending');
    await heading.locator('button').click();
    const down = (await names()).map((n) => n.toLowerCase());
    expect(await heading.getAttribute('aria-sort')).toBe('descending');
    for (let i = 1; i < down.length; i++) expect(down[i - 1]!.localeCompare(down[i]!), `${down[i - 1]} before ${down[i]}`).toBeGreaterThanOrEqual(0);
    const amount = page.locator('#table-flows thead th').nth(2);
    await amount.locator('button').click();
    const values = await page.locator('#table-flows tbody tr').evaluateAll((rows) => rows.map((r) => Number((r as HTMLTableRowElement).cells[2]!.dataset.value)));
    expect(values).toEqual([...values].sort((a, b) => a - b));
  });

  it('CSV of entities carries every entity’s cited sections, as the seed files give them', async () => {
    const rows = await downloadCsv(browser.page, 'entities');
    expect(rows.map((r) => r.id).sort()).toEqual(snap.nodes);
    const seed = new Map([...seedRecords('actors'), ...seedRecords('authorities'), ...seedRecords('events')].map((r) => [String(r.id), r]));
    for (const row of rows) {
      const cites = ((seed.get(row.id!)?.cite as { section?: string; footnotes?: number[] }[]) ?? []).map((c) => ({ section: c.section ?? null, footnotes: c.footnotes ?? [] }));
      expect(cites.length, `${row.id} is in the seed with citations`).toBeGreaterThan(0);
      expectCarries(row.sources!, cites, row.id!);
    }
  });

  it('CSV of relationships and of flows carries the API’s citations of each', async () => {
    for (const table of ['relationships', 'flows']) {
      const rows = await downloadCsv(browser.page, table);
      expect(rows.length).toBe(snap.edges.filter((e) => (e.type === 'FUNDED') === (table === 'flows')).length);
      const sample = rows.slice(0, 200);
      const api = await graphql<{ edges: ApiEdge[] }>(app.url, 'query($ids: [ID!]!) { edges(ids: $ids) { id type amountUsd sources { section footnotes } } }', { ids: sample.map((r) => r.id) });
      const byId = new Map(api.edges.map((e) => [e.id, e]));
      for (const row of sample) {
        const edge = byId.get(row.id!);
        expect(edge, `${row.id} answered by edges(ids)`).toBeDefined();
        expect(edge!.sources.length, `${row.id} has citations`).toBeGreaterThan(0);
        expectCarries(row.sources!, edge!.sources, row.id!);
      }
    }
  });

  it('passes axe with the dialog open and closes with Escape', async () => {
    const { page } = browser;
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'canvas-table');
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => !(document.getElementById('table-dialog') as HTMLDialogElement).open);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('table-button');
  });

  it('in the funding view, lists its donor -> authority -> recipient legs with the API’s counted amounts and their flows’ sources', async () => {
    const { page } = browser;
    await page.goto('about:blank');
    await openReady(page, app.url, 'view=funding', 'funding');
    const api = await graphql<{ fundingGraph: { edges: { id: string; amountUsd: number; flows: { flow: { sources: Citation[] } }[] }[]; omittedEdges: number } }>(
      app.url,
      '{ fundingGraph(flowsPerEdge: 200) { edges { id amountUsd flows { flow { sources { section footnotes } } } } omittedEdges } }',
    );
    expect(api.fundingGraph.omittedEdges).toBe(0);
    await page.locator('#table-button').click();
    await page.locator('#table-body[data-state=ready]').waitFor({ timeout: 60_000 });
    const shown = await page.locator('#table-flows tbody tr').evaluateAll((rows) => rows.map((r) => [(r as HTMLElement).dataset.id!, Number((r as HTMLTableRowElement).cells[2]!.dataset.value)] as const));
    expect(shown.map(([id]) => id).sort()).toEqual(api.fundingGraph.edges.map((e) => e.id).sort());
    const amounts = new Map(shown);
    for (const e of api.fundingGraph.edges) expect(amounts.get(e.id), e.id).toBe(e.amountUsd);
    const rows = new Map((await downloadCsv(page, 'flows')).map((r) => [r.id!, r]));
    for (const e of api.fundingGraph.edges) expectCarries(rows.get(e.id)!.sources!, e.flows.flatMap((f) => f.flow.sources), e.id);
    await page.keyboard.press('Escape');
  });
});
