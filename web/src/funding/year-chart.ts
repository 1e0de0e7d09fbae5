/**
 * "Amounts by year": the API's fundingTotals(groupBy: YEAR) for the view's filter, as an SVG bar
 * chart. Each bar is one of the API's groups and carries its figure as the API gives it; the page
 * only scales bar heights. Groups keyed by a span ("2009-2018": a multi-year total the source does
 * not split by year) are listed under the chart, not spread over years.
 */
import type { FundingTotals } from '../api/types.ts';
import { h } from '../ui/dom.ts';
import { formatFiscalYears } from '../ui/format.ts';
import { totalText } from './state.ts';

type Group = FundingTotals['groups'][number];

const SVG = 'http://www.w3.org/2000/svg';
const SLOT = 46;
const PLOT = 150;
const TOP = 22;
const AXIS = 22;
/** Room on both sides, so the first and last bar's figures are not cut. */
const PAD = 24;

function svg<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number>, ...children: (Node | string)[]): SVGElementTagNameMap[K] {
  const el = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  el.append(...children);
  return el;
}

const isYear = (key: string) => /^\d{4}$/.test(key);

/** One bar: height by amount, the API's figure above it, the fiscal year below. */
function bar(g: Group, x: number, max: number): SVGGElement {
  const height = max > 0 ? Math.max(1, (g.amountUsd / max) * PLOT) : 1;
  const label = totalText(g);
  const centre = x + SLOT / 2;
  return svg(
    'g',
    { class: 'year-bar', 'data-year': g.key, 'data-amount': g.amountUsd },
    svg('title', {}, `FY${g.key}: ${label} from ${g.flowCount} flow${g.flowCount === 1 ? '' : 's'}`),
    svg('rect', { x: x + 6, y: TOP + PLOT - height, width: SLOT - 12, height, rx: 2 }),
    svg('text', { class: 'bar-value', x: centre, y: TOP + PLOT - height - 5, 'text-anchor': 'middle' }, label),
    svg('text', { class: 'bar-year', x: centre, y: TOP + PLOT + 15, 'text-anchor': 'middle' }, g.key),
  );
}

/** The chart for `totals` (grouped by YEAR), with its list of multi-year totals. */
export function yearChart(totals: Pick<FundingTotals, 'groups'>): HTMLElement {
  const years = totals.groups.filter((g) => isYear(g.key));
  const spans = totals.groups.filter((g) => !isYear(g.key));
  const head = h('h3', { id: 'year-chart-title' }, 'Amounts counted by fiscal year');
  if (!years.length && !spans.length) return h('section', { class: 'year-chart', id: 'year-chart', 'aria-labelledby': 'year-chart-title' }, head, h('p', { class: 'muted' }, 'No amount counted for these filters.'));

  const numbers = years.map((g) => Number(g.key));
  const first = Math.min(...numbers);
  // Bars stand at their year on one axis, so a year with nothing counted shows as a gap.
  const slots = years.length ? Math.max(...numbers) - first + 1 : 0;
  const max = Math.max(0, ...years.map((g) => g.amountUsd));
  const width = Math.max(slots, 1) * SLOT + 2 * PAD;
  const chart = years.length
    ? svg(
        'svg',
        { class: 'year-bars', role: 'img', 'aria-labelledby': 'year-chart-title year-chart-desc', viewBox: `0 0 ${width} ${TOP + PLOT + AXIS}`, width, height: TOP + PLOT + AXIS },
        svg('desc', { id: 'year-chart-desc' }, years.map((g) => `FY${g.key} ${totalText(g)}`).join('; ')),
        svg('line', { class: 'axis', x1: 0, x2: width, y1: TOP + PLOT, y2: TOP + PLOT }),
        ...years.map((g) => bar(g, PAD + (Number(g.key) - first) * SLOT, max)),
      )
    : null;
  return h(
    'section',
    { class: 'year-chart', id: 'year-chart', 'aria-labelledby': 'year-chart-title' },
    head,
    chart ? h('div', { class: 'year-bars-wrap' }, chart) : null,
    spans.length
      ? h(
          'div',
          { class: 'year-spans' },
          h('p', { class: 'muted' }, 'Totals over several years that the source does not split by year:'),
          h('ul', { class: 'plain', id: 'year-spans' }, ...spans.map((g) => {
            const [from, to] = g.key.split('-').map(Number);
            return h('li', { 'data-years': g.key, 'data-amount': String(g.amountUsd) }, `${formatFiscalYears(from!, to!)}: `, h('span', { class: 'amount' }, totalText(g)));
          })),
        )
      : null,
  );
}
