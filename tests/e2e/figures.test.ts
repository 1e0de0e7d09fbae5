/**
 * Every amount the funding view shows (canvas labels and data, totals lists, flows table, the
 * counting panel, the dependency panel) and its CSV export equals what the API's fundingTotals,
 * fundingGraph and fundingFlows answer for the same filter, fetched here through /graphql, in six
 * year windows; and the edges into and out of each node add up to that node's fundingTotals group.
 * A figure on screen may differ from the API's only by the rounding of its last digit, and must
 * carry the API's "≥" / "~" mark.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openView, screenshot } from './support/app.ts';
import { WINDOWS, expectedMark, shownAmount, truth, type Group, type Truth } from './support/figures.ts';
import { useAppAndBrowser } from './support/session.ts';

const COLUMN = { d: 'byDonor', a: 'byAuthority', r: 'byRecipient' } as const;

/** The API group of a funding canvas node ("a:authority_not_stated" is the API's key "-"). */
function groupOf(api: Truth, canvasId: string): Group | undefined {
  const column = COLUMN[canvasId[0] as keyof typeof COLUMN];
  const key = canvasId.slice(2) === 'authority_not_stated' ? '-' : canvasId.slice(2);
  return api[column].groups.find((g) => g.key === key);
}

/** `text` shows `amount` (to its last digit) with the mark of `flags`. */
function expectShown(text: string, amount: number, flags: { lowerBound: boolean; approximate: boolean } | null, where: string): void {
  const shown = shownAmount(text);
  expect(shown, `${where}: "${text}" shows no amount`).not.toBeNull();
  expect(Math.abs(shown!.value - amount), `${where}: "${text}" vs the API's ${amount}`).toBeLessThanOrEqual(shown!.tolerance);
  if (flags) expect(shown!.mark, `${where}: mark of "${text}"`).toBe(expectedMark(flags));
}

async function exportCsv(page: Page, format: 'csv-nodes' | 'csv-edges'): Promise<Record<string, string>[]> {
  await page.locator('#export-format').selectOption(format);
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#export-button').click()]);
  return parse(readFileSync(await download.path()), { columns: true, bom: true }) as Record<string, string>[];
}

describe('figures: every amount shown is the API’s', () => {
  const { app, browser } = useAppAndBrowser();


  for (const w of WINDOWS) {
    it(`funding view, its CSV export and Kenya's dependency: ${w.name}`, { timeout: 180_000 }, async () => {
      const { page } = browser;
      const api = await truth(app.url, w);
      const kenya = await truth(app.url, w, { recipient: 'kenya' });
      // A fresh document each time: a hash-only change would find the previous window ready.
      await page.goto('about:blank');
      const status = await openView(page, app.url, ['view=funding', w.hash, 'recipient=kenya'].filter(Boolean).join('&'), 'funding');
      if (api.flows.length === 0) {
        expect(status).toBe('empty');
        return;
      }
      expect(status).toBe('ready');
      await screenshot(page, `figures-funding-${w.name.replace(/\W+/g, '-')}`);

      // The canvas: each node's amount is the API total of its column, in its data and its label.
      const canvas = await page.evaluate(() => {
        type El = { id(): string; data(k: string): unknown };
        const cy = (window as unknown as { __aidgraph: { cy(v: string): { nodes(): El[] & { map<T>(f: (e: El) => T): T[] }; edges(): { map<T>(f: (e: El) => T): T[] } } } }).__aidgraph.cy('funding');
        const read = (e: El) => ({ id: e.id(), amountUsd: e.data('amountUsd') as number | null, label: String(e.data('label') ?? '') });
        return { nodes: cy.nodes().map(read), edges: cy.edges().map(read) };
      });
      for (const n of canvas.nodes) {
        const g = groupOf(api, n.id);
        if (!g) {
          // fundingTotals lists no group for it: nothing of its flows was counted.
          expect(n.amountUsd ?? 0, `${n.id} has an amount the API's totals do not give`).toBe(0);
          expect(shownAmount(n.label), `${n.id} label "${n.label}"`).toBeNull();
          continue;
        }
        expect(n.amountUsd, n.id).toBe(g.amountUsd);
        expectShown(n.label, g.amountUsd, g, `node ${n.id}`);
      }
      for (const column of Object.keys(COLUMN) as (keyof typeof COLUMN)[]) {
        for (const g of api[COLUMN[column]].groups) {
          const id = `${column}:${g.key === '-' ? 'authority_not_stated' : g.key}`;
          expect(canvas.nodes.some((n) => n.id === id), `API group ${id} is on the canvas`).toBe(true);
        }
      }
      // Edges: the API's counted amount of the pair, in data and label; around each node they add
      // up to its fundingTotals group (the test sums; the page never does).
      const apiEdge = (id: string) => api.graph.edges.find((e) => e.id === id);
      expect(canvas.edges.map((e) => e.id).sort()).toEqual(api.graph.edges.map((e) => e.id).sort());
      for (const e of canvas.edges) {
        const a = apiEdge(e.id)!;
        expect(e.amountUsd, e.id).toBe(a.amountUsd);
        if (a.amountUsd > 0) expectShown(e.label, a.amountUsd, a, `edge ${e.id}`);
      }
      if (api.graph.omittedEdges === 0) {
        const sum = (pick: (e: (typeof api.graph.edges)[number]) => boolean) => api.graph.edges.filter(pick).reduce((t, e) => t + e.amountUsd, 0);
        const near = (a: number, b: number, what: string) => expect(Math.abs(a - b), `${what}: ${a} vs ${b}`).toBeLessThan(1);
        for (const g of api.byDonor.groups) near(sum((e) => e.source === `DONOR:${g.key}`), g.amountUsd, `out of donor ${g.key}`);
        for (const g of api.byRecipient.groups) near(sum((e) => e.target === `RECIPIENT:${g.key}`), g.amountUsd, `into recipient ${g.key}`);
        for (const g of api.byAuthority.groups) {
          near(sum((e) => e.target === `AUTHORITY:${g.key}`), g.amountUsd, `into authority ${g.key}`);
          near(sum((e) => e.source === `AUTHORITY:${g.key}`), g.amountUsd, `out of authority ${g.key}`);
        }
      }

      // The totals lists and their headings.
      const lists = { '#totals-donors': api.byDonor, '#totals-authorities': api.byAuthority, '#totals-recipients': api.byRecipient };
      for (const [selector, totals] of Object.entries(lists)) {
        expectShown(await page.locator(`${selector} h3 .muted`).innerText(), totals.amountUsd, totals, `${selector} heading`);
        const rows = await page.locator(`${selector} li[data-key]`).evaluateAll((lis) => lis.map((li) => ({ key: (li as HTMLElement).dataset.key!, text: li.querySelector('.amount')?.textContent ?? '' })));
        expect(rows.length).toBeGreaterThan(0);
        for (const r of rows) {
          const g = totals.groups.find((x) => x.key === r.key);
          expect(g, `${selector} ${r.key} is an API group`).toBeDefined();
          expectShown(r.text, g!.amountUsd, g!, `${selector} ${r.key}`);
        }
      }

      // The flows table: the API's flows, each with its stated amount.
      const flowRows = await page.locator('#flows-table tbody tr').evaluateAll((trs) => trs.map((tr) => ({ id: (tr as HTMLElement).dataset.flow!, text: tr.querySelector('.amount')?.textContent ?? '' })));
      expect(flowRows.map((r) => r.id).sort()).toEqual(api.flows.map((f) => f.id).sort());
      for (const r of flowRows) expectShown(r.text, api.flows.find((f) => f.id === r.id)!.amountUsd, null, `flow ${r.id}`);

      // The counting panel lists as not summed exactly the API's exclusions, with its reasons.
      const excluded = await page.locator('#counting-excluded li').evaluateAll((lis) => lis.map((li) => `${(li as HTMLElement).dataset.flow}:${(li as HTMLElement).dataset.reason}`));
      const listed = new Set(api.flows.map((f) => f.id));
      expect(excluded.sort()).toEqual(api.byDonor.exclusions.filter((x) => listed.has(x.flow.id)).map((x) => `${x.flow.id}:${x.reason}`).sort());
      const counted = await page.locator('#counting-counted li').evaluateAll((lis) => lis.map((li) => (li as HTMLElement).dataset.flow!));
      expect(counted.length + excluded.length).toBe(api.flows.length);

      // The CSV export: node amounts are the API's totals, edge amounts the API's edges.
      const nodesCsv = await exportCsv(page, 'csv-nodes');
      expect(nodesCsv.length).toBe(canvas.nodes.length);
      for (const row of nodesCsv) {
        const g = groupOf(api, row.Id!);
        // No group in the totals: nothing of it was counted, and the API's graph says 0.
        expect(Number(row.amountUsd || 0), `CSV ${row.Id}`).toBe(g ? g.amountUsd : 0);
      }
      const edgesCsv = await exportCsv(page, 'csv-edges');
      expect(edgesCsv.length).toBe(canvas.edges.length);
      for (const row of edgesCsv) expect(Number(row.amountUsd), `CSV ${row.Id}`).toBe(apiEdge(row.Id!)!.amountUsd);

      // Kenya's dependency panel: what it received is the API's total for Kenya as recipient.
      const panel = page.locator('#dependency-panel');
      await page.waitForFunction(() => ['ready', 'empty'].includes(document.getElementById('dependency-panel')?.dataset.state ?? ''));
      if (kenya.flows.length === 0) {
        expect(await panel.innerText()).toMatch(/No funding/);
        return;
      }
      expectShown(await page.locator('#dep-total').innerText(), kenya.byDonor.amountUsd, null, 'Kenya received');
      const donors = await page.locator('#donor-shares tbody tr').evaluateAll((trs) => trs.map((tr) => ({ id: (tr as HTMLElement).dataset.id!, text: tr.querySelector('.num')?.textContent ?? '' })));
      expect(donors.map((d) => d.id).sort()).toEqual(kenya.byDonor.groups.map((g) => g.key).sort());
      for (const d of donors) {
        const g = kenya.byDonor.groups.find((x) => x.key === d.id)!;
        expectShown(d.text, g.amountUsd, null, `Kenya from ${d.id}`);
      }
    });
  }
});
