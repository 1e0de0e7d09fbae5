/**
 * Browser benchmark, in headless Chromium (tests/helpers/browser.ts) on the built page (web/dist)
 * served by the real server over the loaded graph:
 * - the page's own overview load (fetch + render + layout, as a user opens it) at its default
 *   size and at its largest (limit 2000 nodes), read from the page's timing hook;
 * - synthetic subgraphs of exactly 500, 2,000, 5,000 and 10,000 elements pushed through the page's
 *   own mapping (toElements) and canvas (setElements + its fcose settings): time to first render
 *   and to layout done, and the same with precomputed positions (preset);
 * - frames per second while panning with the mouse at 2,000 and 5,000 elements;
 * - when asked (size seed), the targets of issue 11 item 9 (responsiveness.ts), first of all, so
 *   that its cold load is the first after the server started.
 */
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { launchBrowser } from '../../tests/helpers/browser.ts';
import { toElements } from '../../web/src/graph/to-elements.ts';
import type { BenchNeo4j } from '../lib/bench-neo4j.ts';
import { startTsService } from '../lib/child.ts';
import { peakRssMb } from '../lib/proc.ts';
import { syntheticSubgraph } from './synthetic-subgraph.ts';
import { measureResponsiveness, type ResponsivenessReport } from './responsiveness.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');

/** The page's own overview load. */
export interface OverviewRun {
  limit: number;
  nodes: number;
  edges: number;
  fetchMs: number;
  renderMs: number;
  layoutMs: number;
  /** From the start of the overview load to the canvas being ready (the page's own timing). */
  totalMs: number;
  /** From navigation start to the canvas being ready (includes loading the page's code). */
  sinceNavigationMs: number;
  /** What the page said when the overview failed (then the timings are absent). */
  error?: string;
}

/** One synthetic size. */
export interface ElementsRun {
  elements: number;
  nodes: number;
  edges: number;
  /** setElements + two animation frames: the elements are on screen. */
  firstRenderMs: number;
  /** First render + the page's layout (fcose, draft above its threshold) + paint. */
  layoutDoneMs: number;
  layoutName: string;
  /** The same elements with precomputed positions (preset layout): render + paint. */
  presetMs: number;
  /** True when the canvas switched to its large-graph renderer settings. */
  largeMode: boolean;
  jsHeapMb: number | null;
  fps?: { fps: number; frames: number; durationMs: number; p95FrameMs: number; maxFrameMs: number };
}

/** The browser section of the report. */
export interface BrowserReport {
  viewport: { width: number; height: number };
  overview: OverviewRun[];
  elements: ElementsRun[];
  /** Overview on screen, year and filter change beside their targets (when measured). */
  responsiveness?: ResponsivenessReport;
  errors: string[];
  /** Peak RSS of the server child while the page used it. */
  serverPeakRssMb?: number | null;
}

/** Options of {@link benchBrowser}. */
export interface BrowserOptions {
  sizes: number[];
  fpsSizes: number[];
  overviewLimits: number[];
  panMs: number;
  /** Repetitions of each responsiveness figure; 0 skips them. */
  responsivenessRuns: number;
  log: (line: string) => void;
}

function ensureBuilt(log: (line: string) => void): string {
  const dist = path.join(root, 'web/dist');
  if (!existsSync(path.join(dist, 'index.html'))) {
    log('browser: building the page (npm run build)');
    const r = spawnSync('npm', ['run', 'build', '--silent'], { cwd: root, stdio: 'inherit' });
    if (r.status !== 0) throw new Error('npm run build failed');
  }
  return dist;
}

/** Page-side: the explore canvas finished (ready) or gave up (error). */
const WAIT_SETTLED = `(() => {
  const h = window.__aidgraph;
  const c = h && h.views && h.views.explore && h.views.explore.canvas;
  const state = c && c.container.dataset.state;
  return state === 'ready' || state === 'error';
})()`;
const CANVAS_STATE = `window.__aidgraph.views.explore.canvas.container.dataset.state`;

/** Page-side: push elements through the canvas, time render and layout, then preset. */
const PUSH_ELEMENTS = `async ({ els, layout }) => {
  const canvas = window.__aidgraph.views.explore.canvas;
  const raf = () => new Promise((r) => requestAnimationFrame(() => r()));
  const t0 = performance.now();
  canvas.setElements(els);
  await raf(); await raf();
  const t1 = performance.now();
  await canvas.layout(layout);
  canvas.fit();
  await raf(); await raf();
  const t2 = performance.now();
  const positions = {};
  canvas.cy.nodes().forEach((n) => { positions[n.id()] = { ...n.position() }; });
  const placed = els.map((e) => (e.group === 'nodes' ? { ...e, position: positions[e.data.id] } : e));
  const t3 = performance.now();
  canvas.setElements(placed);
  await canvas.layout('preset');
  canvas.fit();
  await raf(); await raf();
  const t4 = performance.now();
  const mem = performance.memory ? performance.memory.usedJSHeapSize / 1048576 : null;
  return {
    firstRenderMs: t1 - t0, layoutDoneMs: t2 - t0, presetMs: t4 - t3,
    nodes: canvas.cy.nodes().length, edges: canvas.cy.edges().length, largeMode: canvas.isLarge, jsHeapMb: mem,
  };
}`;

/** Page-side: a point of the canvas (page coordinates) far from every node, to drag the background. */
const EMPTY_POINT = `(() => {
  const cy = window.__aidgraph.views.explore.canvas.cy;
  const box = cy.container().getBoundingClientRect();
  const pts = cy.nodes().map((n) => n.renderedPosition());
  let best = null;
  for (let x = 40; x < box.width - 40; x += 20) {
    for (let y = 40; y < box.height - 40; y += 20) {
      let d = Infinity;
      for (const p of pts) { const dx = p.x - x, dy = p.y - y; const dd = dx * dx + dy * dy; if (dd < d) d = dd; }
      if (!best || d > best.d) best = { x, y, d };
    }
  }
  return { x: box.left + best.x, y: box.top + best.y, clearance: Math.sqrt(best.d) };
})()`;

const START_FRAMES = `(() => {
  window.__benchFrames = []; window.__benchRun = true;
  const tick = (t) => { window.__benchFrames.push(t); if (window.__benchRun) requestAnimationFrame(tick); };
  requestAnimationFrame(tick);
})()`;
const STOP_FRAMES = `(() => { window.__benchRun = false; return window.__benchFrames; })()`;

/** Drags the canvas background for `ms` and measures the frame rate meanwhile. */
async function panFps(page: Page, ms: number): Promise<NonNullable<ElementsRun['fps']>> {
  const p = (await page.evaluate(EMPTY_POINT)) as { x: number; y: number };
  await page.mouse.move(p.x, p.y);
  await page.mouse.down();
  await page.evaluate(START_FRAMES);
  const t0 = Date.now();
  let i = 0;
  while (Date.now() - t0 < ms) {
    i++;
    // A slow circle around the start point: the whole graph moves with the mouse.
    await page.mouse.move(p.x + 120 * Math.sin(i / 10), p.y + 80 * Math.cos(i / 10) - 80, { steps: 1 });
    await page.waitForTimeout(8);
  }
  const frames = (await page.evaluate(STOP_FRAMES)) as number[];
  await page.mouse.up();
  const gaps = frames.slice(1).map((t, k) => t - frames[k]).sort((a, b) => a - b);
  const durationMs = frames.length > 1 ? frames[frames.length - 1] - frames[0] : ms;
  return {
    fps: frames.length > 1 ? ((frames.length - 1) * 1000) / durationMs : 0,
    frames: frames.length,
    durationMs,
    p95FrameMs: gaps.length ? gaps[Math.min(gaps.length - 1, Math.ceil(gaps.length * 0.95) - 1)] : Number.NaN,
    maxFrameMs: gaps.length ? gaps[gaps.length - 1] : Number.NaN,
  };
}

/** Runs the browser benchmark; the database must hold a loaded graph. */
export async function benchBrowser(db: BenchNeo4j, options: BrowserOptions): Promise<BrowserReport> {
  const { log } = options;
  const dist = ensureBuilt(log);
  const server = await startTsService<{ port: number; pid: number }>(path.join(here, '../api/server-child.ts'), [], {
    ...db.env(),
    AIDGRAPH_WEB_DIR: dist,
  });
  const viewport = { width: 1280, height: 800 };
  const browser = await launchBrowser({ viewport });
  const base = `http://127.0.0.1:${server.ready.port}/`;
  const report: BrowserReport = { viewport, overview: [], elements: [], errors: browser.errors };
  try {
    const page = browser.page;
    if (options.responsivenessRuns > 0) report.responsiveness = await measureResponsiveness(page, base, options.responsivenessRuns, log);
    for (const limit of options.overviewLimits) {
      await page.goto('about:blank');
      await page.goto(`${base}#limit=${limit}`);
      await page.waitForFunction(WAIT_SETTLED, undefined, { timeout: 300_000, polling: 100 });
      if ((await page.evaluate(CANVAS_STATE)) === 'error') {
        const message = (await page.evaluate(`document.querySelector('.canvas-wrap')?.textContent ?? ''`)) as string;
        report.overview.push({ limit, error: message.trim().slice(0, 300) } as OverviewRun);
        log(`browser: overview limit ${limit}: the page showed an error: ${message.trim().slice(0, 200)}`);
        continue;
      }
      const timing = (await page.evaluate(`(() => ({ ...window.__aidgraph.views.explore.lastTiming, now: performance.now() }))()`)) as {
        fetchMs: number; renderMs: number; layoutMs: number; totalMs: number; nodes: number; edges: number; now: number;
      };
      report.overview.push({
        limit,
        nodes: timing.nodes,
        edges: timing.edges,
        fetchMs: timing.fetchMs,
        renderMs: timing.renderMs,
        layoutMs: timing.layoutMs,
        totalMs: timing.totalMs,
        sinceNavigationMs: Math.round(timing.now),
      });
      log(`browser: overview limit ${limit}: ${timing.nodes} nodes + ${timing.edges} edges ready in ${timing.totalMs} ms (fetch ${timing.fetchMs}, layout ${timing.layoutMs})`);
    }
    // The synthetic runs push elements into the explore canvas: make sure it has settled.
    await page.waitForFunction(WAIT_SETTLED, undefined, { timeout: 300_000, polling: 100 });
    for (const size of options.sizes) {
      const els = toElements(syntheticSubgraph(size));
      const r = (await page.evaluate(`(${PUSH_ELEMENTS})(${JSON.stringify({ els, layout: 'fcose' })})`)) as Omit<ElementsRun, 'elements' | 'layoutName'>;
      const run: ElementsRun = { elements: size, layoutName: 'fcose (page settings)', ...r };
      if (options.fpsSizes.includes(size)) {
        // Pan the laid-out graph (the preset copy holds the same positions).
        run.fps = await panFps(page, options.panMs);
      }
      report.elements.push(run);
      log(`browser: ${size} elements: first render ${r.firstRenderMs.toFixed(0)} ms, layout done ${r.layoutDoneMs.toFixed(0)} ms, preset ${r.presetMs.toFixed(0)} ms${run.fps ? `, panning ${run.fps.fps.toFixed(1)} fps` : ''}`);
    }
  } finally {
    report.serverPeakRssMb = peakRssMb(server.ready.pid);
    await browser.close();
    await server.stop();
  }
  return report;
}
