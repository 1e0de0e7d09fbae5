/**
 * The legend: node kinds as coloured shapes, relationship families as line swatches, and the
 * funding-width scale. Drawn with SVG so the shapes match the canvas.
 */
import type { Core } from 'cytoscape';
import { EDGE_FAMILIES, fundingWidth, kindStyle } from './kinds.ts';
import { visibleElements } from './visible.ts';
import { h, setChildren } from '../ui/dom.ts';
import { formatUsd } from '../ui/format.ts';

const SVG = 'http://www.w3.org/2000/svg';

function polygon(n: number, rotate = -Math.PI / 2, r = 6.5): string {
  const pts: string[] = [];
  for (let i = 0; i < n; i++) {
    const a = rotate + (i * 2 * Math.PI) / n;
    pts.push(`${(7 + r * Math.cos(a)).toFixed(1)},${(7 + r * Math.sin(a)).toFixed(1)}`);
  }
  return pts.join(' ');
}

function star(): string {
  const pts: string[] = [];
  for (let i = 0; i < 10; i++) {
    const a = -Math.PI / 2 + (i * Math.PI) / 5;
    const r = i % 2 ? 3 : 7;
    pts.push(`${(7 + r * Math.cos(a)).toFixed(1)},${(7 + r * Math.sin(a)).toFixed(1)}`);
  }
  return pts.join(' ');
}

function shapeElement(shape: string): SVGElement {
  const make = (tag: string, attrs: Record<string, string>) => {
    const el = document.createElementNS(SVG, tag);
    for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
    return el;
  };
  switch (shape) {
    case 'ellipse':
      return make('circle', { cx: '7', cy: '7', r: '6' });
    case 'round-rectangle':
    case 'barrel':
      return make('rect', { x: '1', y: '3', width: '12', height: '8', rx: shape === 'barrel' ? '4' : '2' });
    case 'cut-rectangle':
      return make('polygon', { points: '3,3 11,3 13,5 13,9 11,11 3,11 1,9 1,5' });
    case 'hexagon':
      return make('polygon', { points: polygon(6, 0) });
    case 'round-octagon':
      return make('polygon', { points: polygon(8, Math.PI / 8) });
    case 'pentagon':
      return make('polygon', { points: polygon(5) });
    case 'triangle':
      return make('polygon', { points: polygon(3) });
    case 'diamond':
      return make('polygon', { points: '7,0.5 13.5,7 7,13.5 0.5,7' });
    case 'star':
      return make('polygon', { points: star() });
    default:
      return make('rect', { x: '1', y: '1', width: '12', height: '12' });
  }
}

/** A 14x14 SVG of the kind's shape in its colour. */
export function kindSwatch(kind: string): SVGSVGElement {
  const style = kindStyle(kind);
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('viewBox', '0 0 14 14');
  svg.setAttribute('width', '14');
  svg.setAttribute('height', '14');
  svg.setAttribute('aria-hidden', 'true');
  svg.classList.add('kind-swatch');
  const shape = shapeElement(style.shape);
  shape.setAttribute('fill', style.color);
  svg.append(shape);
  return svg;
}

/** Draw a compact legend of what is on `cy` now. */
export function renderLegend(host: HTMLElement, cy: Core): void {
  const kinds = new Set<string>();
  const shown = visibleElements(cy);
  shown.nodes().forEach((n) => {
    if (!n.hasClass('more')) kinds.add(n.data('kind'));
  });
  const families = new Set<string>();
  let money = false;
  shown.edges().forEach((e) => {
    families.add(e.data('family'));
    if (e.data('amountUsd')) money = true;
  });
  const kindItems = [...kinds].sort().map((kind) => h('li', {}, kindSwatch(kind), kindStyle(kind).label));
  const familyItems = EDGE_FAMILIES.filter((f) => families.has(f.id)).map((f) =>
    h('li', {}, h('span', { class: `edge-swatch line-${f.line}`, style: `--c:${f.color}` }), f.label),
  );
  const widths = money
    ? h(
        'li',
        { class: 'widths', title: 'Edge width grows with the logarithm of the amount' },
        ...[1e6, 1e8, 1e9].map((amount) =>
          h('span', { class: 'width-sample' }, h('span', { class: 'bar', style: `height:${fundingWidth(amount)}px` }), formatUsd(amount)),
        ),
      )
    : null;
  // Closed at first: the filter panel already shows every kind and family with its swatch.
  const wasOpen = host.querySelector('details')?.open ?? false;
  setChildren(
    host,
    h('details', { open: wasOpen }, h('summary', {}, 'Legend'), h('ul', { class: 'legend-kinds' }, ...kindItems), h('ul', { class: 'legend-edges' }, ...familyItems, widths)),
  );
}
