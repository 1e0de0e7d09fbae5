/**
 * The speed targets of issue 11 item 9, measured on the page as a user meets it: the overview on
 * screen (the first load after the server started, then warm loads) and a year change and a
 * filter change in the network view, each timed in the page from the input to the canvas
 * container's data-state='ready'. The split (fetch / render / layout) is the page's own timing
 * hook, `views.explore.lastTiming`, which every overview load sets.
 */
import type { Page } from 'playwright-core';

export const OVERVIEW_TARGET_MS = 1_500;
export const CHANGE_TARGET_MS = 300;

/** One timed load or change. */
export interface TimedSample {
  /** Navigation start (overview) or the input (changes) to data-state='ready'. */
  ms: number;
  /** Nodes + edges visible on the canvas when it was ready. */
  elements: number;
  fetchMs: number;
  renderMs: number;
  layoutMs: number;
}

/** Repetitions of one measurement beside its target. */
export interface TimedFigure {
  targetMs: number;
  medianMs: number;
  maxMs: number;
  met: boolean;
  /** Median split of the page's timing hook. */
  medianFetchMs: number;
  medianRenderMs: number;
  medianLayoutMs: number;
  runs: TimedSample[];
  /** What was changed (the year window, the family toggled). */
  input?: string;
}

export interface ResponsivenessReport {
  /** The first page load after the server started. */
  overviewCold: TimedSample;
  overviewWarm: TimedFigure;
  yearChange: TimedFigure;
  filterChange: TimedFigure;
}

const median = (v: number[]) => {
  const s = [...v].sort((a, b) => a - b);
  return s.length ? s[Math.floor((s.length - 1) / 2)] : Number.NaN;
};

function figure(runs: TimedSample[], targetMs: number, input?: string): TimedFigure {
  const medianMs = median(runs.map((r) => r.ms));
  return {
    targetMs, medianMs, maxMs: Math.max(...runs.map((r) => r.ms)), met: medianMs < targetMs,
    medianFetchMs: median(runs.map((r) => r.fetchMs)), medianRenderMs: median(runs.map((r) => r.renderMs)),
    medianLayoutMs: median(runs.map((r) => r.layoutMs)), runs, ...(input ? { input } : {}),
  };
}

/** Before any page script: note when the network canvas first turns ready (polling would add up to its interval). */
const READY_OBSERVER = `(() => {
  window.__benchReadyAt = null;
  new MutationObserver((records) => {
    for (const r of records) {
      if (r.target.id === 'cy-explore' && r.target.dataset.state === 'ready' && window.__benchReadyAt === null) window.__benchReadyAt = performance.now();
    }
  }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-state'] });
})()`;

/** Page-side: the sample once the canvas is ready after an overview load. */
const READ_SAMPLE = `(() => {
  const c = document.getElementById('cy-explore');
  const t = window.__aidgraph.views.explore.lastTiming;
  return { ms: window.__benchReadyAt, elements: Number(c.dataset.nodes) + Number(c.dataset.edges), fetchMs: t.fetchMs, renderMs: t.renderMs, layoutMs: t.layoutMs };
})()`;

/**
 * Page-side: apply one input and resolve when the canvas is ready with a new overview timing.
 * The load marks ready and sets lastTiming in one task, so the observer (a microtask) sees both.
 */
const TIMED_CHANGE = `({ kind, value }) => new Promise((resolve, reject) => {
  const c = document.getElementById('cy-explore');
  const view = window.__aidgraph.views.explore;
  const before = view.lastTiming;
  let left = false;
  const timer = setTimeout(() => { obs.disconnect(); reject(new Error(kind + ': no ready canvas within 60 s')); }, 60000);
  const obs = new MutationObserver(() => {
    const state = c.dataset.state;
    if (state === 'error') { clearTimeout(timer); obs.disconnect(); return reject(new Error(kind + ': the canvas showed an error')); }
    if (state !== 'ready') return void (left = true);
    if (!left || view.lastTiming === before) return;
    const ms = performance.now() - t0;
    clearTimeout(timer); obs.disconnect();
    const t = view.lastTiming;
    resolve({ ms, elements: Number(c.dataset.nodes) + Number(c.dataset.edges), fetchMs: t.fetchMs, renderMs: t.renderMs, layoutMs: t.layoutMs });
  });
  obs.observe(c, { attributes: true, attributeFilter: ['data-state'] });
  const t0 = performance.now();
  if (kind === 'year') {
    const params = new URLSearchParams(location.hash.slice(1));
    params.set('years', 'asof'); params.set('from', String(value)); params.delete('to');
    location.hash = params.toString();
  } else {
    document.querySelector(value).click();
  }
})`;

async function loadOverview(page: Page, url: string): Promise<TimedSample> {
  await page.goto('about:blank');
  await page.goto(url);
  await page.waitForFunction(`window.__benchReadyAt !== null && window.__aidgraph.views.explore.lastTiming !== null`, undefined, { timeout: 120_000, polling: 50 });
  return (await page.evaluate(READ_SAMPLE)) as TimedSample;
}

/** Measures the four figures; `runs` repetitions of each (the cold load is one by nature). */
export async function measureResponsiveness(page: Page, base: string, runs: number, log: (line: string) => void): Promise<ResponsivenessReport> {
  await page.addInitScript(READY_OBSERVER);
  const overviewCold = await loadOverview(page, base);
  log(`browser: overview, first load: ${overviewCold.ms.toFixed(0)} ms since navigation (${overviewCold.elements} elements)`);
  const warm: TimedSample[] = [];
  for (let i = 0; i < runs; i++) warm.push(await loadOverview(page, base));

  // The year window alternates between the data's last year and the middle of its span.
  // The span arrives with the data summary, which the picture does not wait for.
  await page.waitForFunction(`document.getElementById('timeline').dataset.state === 'ready'`, undefined, { timeout: 60_000 });
  const span = (await page.evaluate(`(() => { const t = document.getElementById('timeline'); return [Number(t.dataset.from), Number(t.dataset.to)]; })()`)) as number[];
  if (!span.every(Number.isFinite)) throw new Error('the timeline has no year span: the data summary has no years');
  const years = [span[1], Math.round((span[0] + span[1]) / 2)];
  const yearRuns: TimedSample[] = [];
  for (let i = 0; i < runs; i++) yearRuns.push((await page.evaluate(`(${TIMED_CHANGE})(${JSON.stringify({ kind: 'year', value: years[i % 2] })})`)) as TimedSample);

  // Back to every year, then toggle one relationship family off and on.
  await loadOverview(page, base);
  const familyBox = '#explore-controls fieldset.types input[aria-label^="All "]';
  await page.waitForSelector(familyBox, { state: 'attached', timeout: 60_000 });
  const family = (await page.getAttribute(familyBox, 'aria-label')) ?? '?';
  const filterRuns: TimedSample[] = [];
  for (let i = 0; i < runs; i++) filterRuns.push((await page.evaluate(`(${TIMED_CHANGE})(${JSON.stringify({ kind: 'filter', value: familyBox })})`)) as TimedSample);

  const report: ResponsivenessReport = {
    overviewCold,
    overviewWarm: figure(warm, OVERVIEW_TARGET_MS),
    yearChange: figure(yearRuns, CHANGE_TARGET_MS, `as of ${years.join(' / ')}`),
    filterChange: figure(filterRuns, CHANGE_TARGET_MS, `checkbox "${family}" off / on`),
  };
  for (const [name, f] of [['overview warm', report.overviewWarm], ['year change', report.yearChange], ['filter change', report.filterChange]] as const) {
    log(`browser: ${name}: median ${f.medianMs.toFixed(0)} ms, max ${f.maxMs.toFixed(0)} ms (target ${f.targetMs} ms: ${f.met ? 'met' : 'missed'})`);
  }
  return report;
}
