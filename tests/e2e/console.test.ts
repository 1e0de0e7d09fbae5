/**
 * Normal use leaves the console clean: every view opened from a URL (the network, the lineage of
 * Section 1206 and of 10 U.S.C. 333, funding, paths United States -> Danab), a click on a node and
 * a year change. Any console warning or error, or uncaught exception, fails the test.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { ConsoleMessage } from 'playwright-core';
import { nodeScreenPosition, openReady, waitForView, type ViewName } from './support/app.ts';
import { useAppAndBrowser } from './support/session.ts';

const VISITS: { hash: string; view: ViewName }[] = [
  { hash: '', view: 'explore' },
  { hash: 'view=lineage&authority=section_1206', view: 'lineage' },
  { hash: 'view=lineage&authority=usc10_333', view: 'lineage' },
  { hash: 'view=funding', view: 'funding' },
  { hash: 'view=paths&pathFrom=united_states&pathTo=danab', view: 'paths' },
];

describe('console', () => {
  const { app, browser } = useAppAndBrowser();
  const messages: string[] = [];

  beforeAll(async () => {
    const record = (msg: ConsoleMessage) => {
      if (msg.type() === 'warning' || msg.type() === 'error') messages.push(`${msg.type()}: ${msg.text()}`);
    };
    browser.page.on('console', record);
    browser.page.on('pageerror', (err) => messages.push(`uncaught: ${err.message}`));
  });

  for (const visit of VISITS) {
    it(`has no warning or error on ${visit.hash || 'the network view'}`, async () => {
      messages.length = 0;
      await openReady(browser.page, app.url, visit.hash, visit.view);
      // Let the renderer draw a few frames: Cytoscape warns while drawing, not while adding.
      await browser.page.waitForTimeout(600);
      expect(messages).toEqual([]);
    });
  }

  it('has none after a click on a node and a year change in the network view', async () => {
    const { page } = browser;
    messages.length = 0;
    await openReady(page, app.url, 'focus=danab', 'explore');
    const at = await nodeScreenPosition(page, 'explore', 'danab');
    await page.mouse.click(at.x, at.y);
    await page.locator('#details-body[data-state=ready]').waitFor();
    await page.goto(`${app.url}/#years=asof&from=2011&to=2011`);
    await waitForView(page, 'explore');
    await page.waitForTimeout(600);
    expect(messages).toEqual([]);
  });
});
