/**
 * The funding view's "amounts by year" chart shows, bar for bar, the API's
 * fundingTotals(groupBy: YEAR) for the same filter, fetched here through /graphql with the test's
 * own document, in the six year windows of the consistency test: one bar per single-year group at
 * its year, labelled with the API's figure and mark; multi-year totals listed apart.
 */
import { describe, expect, it } from 'vitest';
import { graphql, openView, screenshot } from './support/app.ts';
import { useAppAndBrowser } from './support/session.ts';
import { WINDOWS, expectedMark, patiently, shownAmount } from './support/figures.ts';

interface YearGroup {
  key: string;
  amountUsd: number;
  lowerBound: boolean;
  approximate: boolean;
}

const BY_YEAR = `query($f: FundingFilter) { fundingTotals(groupBy: YEAR, filter: $f) { groups { key amountUsd lowerBound approximate } } }`;

describe('amounts by year: every bar is the API’s figure', () => {
  const { app, browser } = useAppAndBrowser();

  for (const w of WINDOWS) {
    it(`the chart equals fundingTotals(groupBy: YEAR): ${w.name}`, { timeout: 120_000 }, async () => {
      const { page } = browser;
      const api = await patiently(() => graphql<{ fundingTotals: { groups: YearGroup[] } }>(app.url, BY_YEAR, { f: { yearFrom: w.yearFrom, yearTo: w.yearTo } }));
      const groups = api.fundingTotals.groups;
      await page.goto('about:blank');
      const status = await openView(page, app.url, ['view=funding', w.hash].filter(Boolean).join('&'), 'funding');
      if (status === 'empty') {
        expect(groups).toEqual([]);
        return;
      }
      expect(status).toBe('ready');
      if (w.name === 'all years') expect(groups.length).toBeGreaterThan(1);

      const bars = await page.locator('#year-chart .year-bar').evaluateAll((els) =>
        els.map((e) => ({ key: e.getAttribute('data-year')!, amount: Number(e.getAttribute('data-amount')), label: e.querySelector('.bar-value')!.textContent!, x: (e.querySelector('rect') as SVGRectElement).x.baseVal.value })),
      );
      const spans = await page.locator('#year-spans li').evaluateAll((els) => els.map((e) => ({ key: e.getAttribute('data-years')!, amount: Number(e.getAttribute('data-amount')), label: e.querySelector('.amount')!.textContent! })));
      const single = groups.filter((g) => /^\d{4}$/.test(g.key));
      const multi = groups.filter((g) => !/^\d{4}$/.test(g.key));
      expect(bars.map((b) => b.key)).toEqual(single.map((g) => g.key));
      expect(spans.map((s) => s.key)).toEqual(multi.map((g) => g.key));
      for (const [shown, g] of [...bars.map((b, i) => [b, single[i]!] as const), ...spans.map((s, i) => [s, multi[i]!] as const)]) {
        expect(shown.amount, `data of ${g.key}`).toBe(g.amountUsd);
        const read = shownAmount(shown.label);
        expect(read, `label of ${g.key}: "${shown.label}"`).not.toBeNull();
        expect(Math.abs(read!.value - g.amountUsd), `label of ${g.key}: "${shown.label}" vs ${g.amountUsd}`).toBeLessThanOrEqual(read!.tolerance);
        expect(read!.mark, `mark of ${g.key}`).toBe(expectedMark(g));
      }
      // Bars stand at their year: later years further right, gaps kept.
      for (let i = 1; i < bars.length; i++) {
        const step = (bars[i]!.x - bars[0]!.x) / (Number(bars[i]!.key) - Number(bars[0]!.key));
        expect(step).toBeCloseTo((bars[1]!.x - bars[0]!.x) / (Number(bars[1]!.key) - Number(bars[0]!.key)), 5);
      }
      if (w.name === 'all years') await screenshot(page, 'funding-year-chart');
    });
  }
});
