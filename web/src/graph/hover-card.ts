/**
 * Hover cards: pointing at a node or an edge shows a small card with what the API said about it
 * (name, kind, years, citation, amount). Nothing on the card is computed in the page: degrees
 * and counts the canvas derives are left out on purpose. The card follows the pointer without
 * covering it, stays inside the viewport, and goes on mouse out, on Escape and when the view moves.
 */
import type { Core, EventObject, SingularElementArgument } from 'cytoscape';
import { h, setChildren } from '../ui/dom.ts';
import { formatUsd, formatYears, humanKind, humanType } from '../ui/format.ts';

/** One line of a card: its label, the text shown and the API's value as it came (tests read it). */
export interface CardRow {
  field: string;
  label: string;
  text: string;
  value: string;
}

type Data = Record<string, unknown>;

const present = (v: unknown): v is string | number => (typeof v === 'string' && v !== '') || (typeof v === 'number' && Number.isFinite(v));

/** The rows of a node's card, from the API fields its element data carries. */
export function nodeCardRows(d: Data): CardRow[] {
  const rows: CardRow[] = [{ field: 'kind', label: 'Kind', text: humanKind(String(d.kind)), value: String(d.kind) }];
  if (present(d.year)) rows.push({ field: 'year', label: 'Year', text: String(d.year), value: String(d.year) });
  if (present(d.citation)) rows.push({ field: 'citation', label: 'Citation', text: d.citation as string, value: d.citation as string });
  if (present(d.amountUsd)) rows.push({ field: 'amountUsd', label: 'Amount', text: formatUsd(d.amountUsd as number), value: String(d.amountUsd) });
  if (present(d.description)) rows.push({ field: 'description', label: 'About', text: d.description as string, value: d.description as string });
  return rows;
}

/** The rows of an edge's card: type, ends (their names as the API gave them), years, amount. */
export function edgeCardRows(d: Data, sourceName: string, targetName: string): CardRow[] {
  const rows: CardRow[] = [
    { field: 'type', label: 'Type', text: humanType(String(d.type)), value: String(d.type) },
    { field: 'ends', label: 'Between', text: `${sourceName} → ${targetName}`, value: `${String(d.source)}|${String(d.target)}` },
  ];
  const start = present(d.start) ? (d.start as number) : null;
  const end = present(d.end) ? (d.end as number) : null;
  if (start != null || end != null) rows.push({ field: 'years', label: 'Years', text: formatYears(start, end), value: `${start ?? ''}|${end ?? ''}` });
  if (present(d.amountUsd)) rows.push({ field: 'amountUsd', label: 'Amount', text: formatUsd(d.amountUsd as number), value: String(d.amountUsd) });
  if (present(d.note)) rows.push({ field: 'note', label: 'Note', text: d.note as string, value: d.note as string });
  return rows;
}

export interface Box {
  width: number;
  height: number;
}

/** Space kept between the pointer and the card, and between the card and the viewport's edge. */
const GAP = 14;
const MARGIN = 4;

/**
 * Where a card of `size` goes for a pointer at `p` in a viewport of `view`: below right of the
 * pointer, flipped left or up when that would leave the viewport, clamped inside it, and never
 * over the pointer (when clamping would cover it, the card moves to the side with more room).
 */
export function placeCard(p: { x: number; y: number }, size: Box, view: Box): { left: number; top: number } {
  const fit = (near: number, len: number, span: number): number => {
    let at = near + GAP;
    if (at + len > span - MARGIN) at = near - GAP - len;
    return Math.max(MARGIN, Math.min(at, span - len - MARGIN));
  };
  const left = fit(p.x, size.width, view.width);
  let top = fit(p.y, size.height, view.height);
  const covers = p.x >= left && p.x <= left + size.width && p.y >= top && p.y <= top + size.height;
  if (covers) top = p.y > view.height / 2 ? Math.max(MARGIN, p.y - GAP - size.height) : p.y + GAP;
  return { left, top };
}

/** The one card element of the page (every canvas shares it: one pointer, one card). */
let shared: HTMLElement | null = null;
function cardElement(): HTMLElement {
  if (shared?.isConnected) return shared;
  shared = h('div', { class: 'hover-card', id: 'hover-card', role: 'tooltip', hidden: true });
  document.body.append(shared);
  document.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') hideCard();
  });
  return shared;
}

function hideCard(): void {
  if (shared) {
    shared.hidden = true;
    delete shared.dataset.id;
  }
}

function render(el: SingularElementArgument): HTMLElement {
  const card = cardElement();
  const d = el.data() as Data;
  const isNode = el.isNode();
  const name = (id: unknown) => String(el.cy().getElementById(String(id)).data('name') ?? id);
  const rows = isNode ? nodeCardRows(d) : edgeCardRows(d, name(d.source), name(d.target));
  const title = isNode ? String(d.name ?? d.id) : humanType(String(d.type));
  setChildren(
    card,
    h('div', { class: 'hover-card-title', 'data-field': isNode ? 'name' : 'type' }, title),
    h('dl', {}, rows.flatMap((r) => [h('dt', {}, r.label), h('dd', { 'data-field': r.field, 'data-value': r.value }, r.text)])),
  );
  card.dataset.id = el.id();
  card.dataset.group = isNode ? 'node' : 'edge';
  card.hidden = false;
  return card;
}

function move(card: HTMLElement, e: EventObject): void {
  const pointer = e.originalEvent as MouseEvent | undefined;
  if (!pointer) return;
  const { left, top } = placeCard({ x: pointer.clientX, y: pointer.clientY }, { width: card.offsetWidth, height: card.offsetHeight }, { width: window.innerWidth, height: window.innerHeight });
  card.style.left = `${Math.round(left)}px`;
  card.style.top = `${Math.round(top)}px`;
}

/** Show cards for the elements of `cy` (placeholders such as "+N more" have none). */
export function bindHoverCards(cy: Core): void {
  const skip = (el: SingularElementArgument) => el.hasClass('more') || el.hasClass('more-link');
  cy.on('mouseover', 'node, edge', (e) => {
    const el = e.target as SingularElementArgument;
    if (skip(el)) return;
    move(render(el), e);
  });
  cy.on('mousemove', 'node, edge', (e) => {
    if (shared && !shared.hidden && shared.dataset.id === (e.target as SingularElementArgument).id()) move(shared, e);
  });
  cy.on('mouseout', 'node, edge', hideCard);
  // A card left behind by a moving picture or a removed element would describe the wrong thing.
  cy.on('viewport remove cxttap tapstart', hideCard);
  cy.on('destroy', hideCard);
  // Leaving the canvas while over an element gives no mouseout from Cytoscape.
  cy.container()?.addEventListener('mouseleave', hideCard);
}
