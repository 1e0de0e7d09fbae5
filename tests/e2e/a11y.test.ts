/**
 * Accessibility: axe-core on every view finds no serious or critical violation; the view tabs
 * work by keyboard (arrow keys, one tab stop, visible focus); at 800x600 every view loads and a
 * click on a node opens the details.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../server/main.ts';
import { launchBrowser, type BrowserSession } from '../helpers/browser.ts';
import { nodeScreenPosition, openReady, screenshot, startApp, type ViewName } from './support/app.ts';
import { seriousViolations } from './support/axe.ts';

const VIEWS: { hash: string; view: ViewName; node: string }[] = [
  { hash: '', view: 'explore', node: 'danab' },
  { hash: 'view=lineage&authority=section_1206', view: 'lineage', node: 'usc10_2282' },
  { hash: 'view=funding', view: 'funding', node: 'r:kenya' },
  { hash: 'view=paths&pathFrom=united_states&pathTo=danab', view: 'paths', node: 'danab' },
];

describe('accessibility', () => {
  let app: RunningServer;
  let wide: BrowserSession;
  let narrow: BrowserSession;

  beforeAll(async () => {
    app = await startApp();
    wide = await launchBrowser({ viewport: { width: 1280, height: 800 } });
    narrow = await launchBrowser({ viewport: { width: 800, height: 600 } });
  });
  afterAll(async () => {
    await wide?.close();
    await narrow?.close();
    await app?.close();
  });

  for (const v of VIEWS) {
    it(`axe finds no serious or critical violation in the ${v.view} view`, async () => {
      await openReady(wide.page, app.url, v.hash, v.view);
      expect(await seriousViolations(wide.page)).toEqual([]);
    });
  }

  it('the view tabs are one tab stop and arrow keys move between them', async () => {
    const { page } = wide;
    await openReady(page, app.url, '', 'explore');
    const stops = await page.locator('[role=tab][tabindex="0"]').count();
    expect(stops).toBe(1);
    await page.locator('#tab-explore').focus();
    const names: string[] = [];
    for (let i = 0; i < 4; i++) {
      await page.keyboard.press('ArrowRight');
      names.push(await page.evaluate(() => (document.activeElement as HTMLElement).dataset.view ?? ''));
    }
    expect(names).toEqual(['lineage', 'funding', 'paths', 'explore']);
    await page.keyboard.press('End');
    await page.waitForFunction(() => location.hash.includes('view=paths'));
    expect(await page.locator('#tab-paths').getAttribute('aria-selected')).toBe('true');
    expect(await page.locator('#view-paths').isVisible()).toBe(true);
    // Focus is visible: the focused tab draws an outline.
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement as HTMLElement).outlineStyle);
    expect(outline).not.toBe('none');
  });

  for (const v of VIEWS) {
    it(`at 800x600 the ${v.view} view works and a click on a node opens the details`, async () => {
      const { page } = narrow;
      await openReady(page, app.url, v.hash, v.view);
      const at = await nodeScreenPosition(page, v.view, v.node);
      await page.mouse.click(at.x, at.y);
      await page.waitForFunction(() => document.getElementById('details')?.classList.contains('open'));
      await page.locator('#details-body[data-state=ready]').waitFor();
      // The drawer slides in (a 0.2 s transform): measure it once it has come to rest.
      await page.waitForFunction(() => document.getElementById('details')?.getAnimations().length === 0);
      const box = await page.locator('#details').boundingBox();
      expect(box && box.x + box.width <= 800 && box.x >= 0).toBe(true);
      expect(await page.locator('#details-title').textContent()).not.toBe('');
      await screenshot(page, `narrow-${v.view}-details`);
      await page.keyboard.press('Escape');
    });
  }
});
