/**
 * "About this data" and the timeline's span: the panel opens from the header by keyboard, shows
 * the counts, years, counting rules and sources of the API's dataSummary (fetched here through
 * /graphql with the test's own document), passes axe while open and closes with Escape; the
 * timeline's sliders span the years the seed files name (computed from the files).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { seedSummary, spanOf } from '../helpers/seed-files.ts';
import { graphql, openReady, screenshot } from './support/app.ts';
import { useAppAndBrowser } from './support/session.ts';
import { seriousViolations } from './support/axe.ts';

interface Summary {
  dataSummary: {
    sources: { id: string }[];
    actorCount: number;
    authorityCount: number;
    eventCount: number;
    relationshipCount: number;
    flowCount: number;
    sourceRecordCount: number;
    years: { from: number; to: number };
    flowYears: { from: number; to: number };
    countingRules: { reason: string | null; text: string }[];
  };
}

const QUERY = `{ dataSummary(sourcesFirst: 500) { sources { id } actorCount authorityCount eventCount relationshipCount flowCount sourceRecordCount
  years { from to } flowYears { from to } countingRules { reason text } } }`;

describe('about this data, and the timeline bounded to the data’s years', () => {
  const { app, browser } = useAppAndBrowser();
  let api: Summary['dataSummary'];

  beforeAll(async () => {
    api = (await graphql<Summary>(app.url, QUERY)).dataSummary;
  });

  it('the timeline spans the years the seed files name, as the API states them', async () => {
    const { page } = browser;
    await openReady(page, app.url, 'years=between&from=2010&to=2012', 'explore');
    const seed = seedSummary();
    const expected = spanOf([seed.flowYears, seed.relationshipYears, seed.eventYears].flatMap((s) => (s ? [s.from, s.to] : [])));
    expect(api.years).toEqual(expected);
    // The span arrives with the data summary, which the picture does not wait for.
    await page.locator('#timeline input[type=range]').first().waitFor();
    const sliders = await page.locator('#timeline input[type=range]').evaluateAll((els) => els.map((e) => [Number((e as HTMLInputElement).min), Number((e as HTMLInputElement).max)]));
    expect(sliders.length).toBe(2);
    for (const [min, max] of sliders) expect({ from: min, to: max }).toEqual(expected);
    // "All years" names the same span.
    await page.locator('#timeline [data-mode=all]').click();
    await page.waitForFunction(() => !location.hash.includes('years='));
    // The overview reloads for the new window before the timeline is drawn again.
    await expect.poll(() => page.locator('#year-readout').textContent(), { timeout: 30_000 }).toBe(`${expected!.from}–${expected!.to}`);
  });

  it('opens from the header by keyboard, shows the API’s summary, passes axe and closes with Escape', async () => {
    const { page } = browser;
    await openReady(page, app.url, '', 'explore');
    // Reach the button with Tab alone, as a keyboard user would.
    let focused = '';
    for (let i = 0; i < 40 && focused !== 'about-button'; i++) {
      await page.keyboard.press('Tab');
      focused = await page.evaluate(() => document.activeElement?.id ?? '');
    }
    expect(focused).toBe('about-button');
    await page.keyboard.press('Enter');
    await page.locator('#about-body[data-state=ready]').waitFor();
    expect(await page.locator('#about-dialog').evaluate((d) => (d as HTMLDialogElement).open)).toBe(true);

    const count = (row: string) => page.locator(`#about-counts tr[data-count=${row}] td.num`).textContent();
    expect(await count('actors')).toBe(String(api.actorCount));
    expect(await count('authorities')).toBe(String(api.authorityCount));
    expect(await count('events')).toBe(String(api.eventCount));
    expect(await count('relationships')).toBe(String(api.relationshipCount));
    expect(await count('flows')).toBe(String(api.flowCount));
    expect(await count('sources')).toBe(String(api.sourceRecordCount));
    expect(await page.locator('#about-years [data-years=all] dd').textContent()).toBe(`${api.years.from}–${api.years.to}`);
    expect(await page.locator('#about-years [data-years=flows] dd').textContent()).toBe(`FY${api.flowYears.from}–${api.flowYears.to}`);

    const rules = await page.locator('#about-rules li').evaluateAll((els) => els.map((e) => ({ reason: (e as HTMLElement).dataset.reason, text: e.textContent })));
    expect(rules).toEqual(api.countingRules.map((r) => ({ reason: r.reason ?? 'ALL', text: r.text })));
    expect(rules.map((r) => r.reason)).toEqual(expect.arrayContaining(['AVERAGE', 'PARTS_COUNTED', 'OUTSIDE_WINDOW']));

    const listed = await page.locator('#about-body [data-source]').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.source));
    expect(listed.sort()).toEqual(api.sources.map((s) => s.id).sort());

    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'about-this-data');

    await page.keyboard.press('Escape');
    await page.waitForFunction(() => !(document.getElementById('about-dialog') as HTMLDialogElement).open);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('about-button');
  });
});
