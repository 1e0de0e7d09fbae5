/**
 * One Cytoscape canvas: creation with the right renderer options for its size, layouts that
 * resolve on `layoutstop`, zoom controls, hover highlighting and a `data-state` attribute that
 * tests and the status overlay read.
 */
import cytoscape, { type Core, type ElementDefinition, type NodeSingular } from 'cytoscape';
import fcose from 'cytoscape-fcose';
import { stylesheet } from './stylesheet.ts';
import { layoutOptions, type LayoutName } from './layouts.ts';
import { declutterLabels } from './labels.ts';
import { bindHoverCards } from './hover-card.ts';
import { enteringPosition, hashedPosition, type Point } from './seeded.ts';
import { layoutSeed, withSeededRandom } from '../../../domain/network-layout.ts';
import type { NodePosition } from '../api/types.ts';
import { updateInPlace } from './in-place.ts';
import { LeavingFade } from './leaving.ts';
import { layoutKey, recallPositions, storePositions } from './position-cache.ts';
import { KeepFitted } from './keep-fit.ts';
import { visibleElements } from './visible.ts';

cytoscape.use(fcose);

// dagre (with graphlib and lodash) is only needed by the hierarchy layouts: load it on first use,
// so the overview's bundle is smaller.
let dagreReady: Promise<void> | null = null;
function ensureDagre(): Promise<void> {
  dagreReady ??= import('cytoscape-dagre').then((mod) => {
    cytoscape.use(mod.default);
  });
  return dagreReady;
}

/** At or above this many elements the canvas switches to its fast renderer settings. */
export const LARGE_ELEMENTS = 1500;

export interface CanvasOptions {
  /** Called each time a new Cytoscape core is created (bind events here). */
  onCreate?: (cy: Core) => void;
  minZoom?: number;
  maxZoom?: number;
}

/** A Cytoscape core bound to a container, recreated when the graph changes size class. */
export class Canvas {
  private core: Core | null = null;
  private large = false;
  private running: cytoscape.Layouts | null = null;
  /** Node positions from the last force layout: nodes that stay keep them on the next one. */
  private remembered = new Map<string, Point>();
  private enteringTimer: ReturnType<typeof setTimeout> | null = null;
  private readonly leaving: LeavingFade;
  private readonly keepFit: KeepFitted;

  constructor(
    readonly container: HTMLElement,
    private readonly options: CanvasOptions = {},
  ) {
    this.leaving = new LeavingFade(container, () => this.cy);
    this.keepFit = new KeepFitted(container, () => this.core, () => this.core && !this.large && declutterLabels(this.core));
  }

  /**
   * The Cytoscape core, created on first use: the container must be in the document by then
   * (Cytoscape measures it, and a detached element has no computed size).
   */
  get cy(): Core {
    this.core ??= this.create(this.large);
    return this.core;
  }

  private create(large: boolean): Core {
    this.large = large;
    const cy = cytoscape({
      container: this.container,
      style: stylesheet({ large }),
      minZoom: this.options.minZoom ?? 0.05,
      maxZoom: this.options.maxZoom ?? 4,
      boxSelectionEnabled: false,
      // Speed settings for big graphs: draw a bitmap while panning, skip edges while moving.
      textureOnViewport: large,
      hideEdgesOnViewport: large,
      hideLabelsOnViewport: large,
      motionBlur: false,
      pixelRatio: large ? 1 : 'auto',
    });
    cy.on('mouseover', 'node, edge', (e) => {
      const el = e.target;
      el.addClass('hover');
      if (el.isNode() && !large) el.connectedEdges().addClass('hover');
    });
    cy.on('mouseout', 'node, edge', (e) => {
      const el = e.target;
      el.removeClass('hover');
      if (el.isNode() && !large) el.connectedEdges().removeClass('hover');
    });
    bindHoverCards(cy);
    this.keepFit.bind(cy);
    cy.on('zoom', () => this.syncHubs());
    // After a selection the neighbours' labels take priority; recheck which labels fit.
    cy.on('select unselect', 'node', () => this.declutter());
    this.options.onCreate?.(cy);
    return cy;
  }

  /**
   * Replace all elements; recreates the core when crossing the large-graph threshold. With
   * `inPlace`, elements that stay are kept rather than re-added and leaving ones fade out.
   */
  setElements(elements: ElementDefinition[], { inPlace = false } = {}): void {
    this.running?.stop();
    this.leaving.stop();
    const large = elements.length >= LARGE_ELEMENTS;
    const keep = inPlace && !!this.core && large === this.large;
    if (large !== this.large || !this.core) {
      this.core?.destroy();
      this.core = this.create(large);
    }
    // Degrees go into the data before adding, so styles are computed once, not twice.
    const degree = new Map<string, number>();
    for (const el of elements) {
      if (el.group !== 'edges' || el.data.source === el.data.target) continue;
      degree.set(el.data.source as string, (degree.get(el.data.source as string) ?? 0) + 1);
      degree.set(el.data.target as string, (degree.get(el.data.target as string) ?? 0) + 1);
    }
    // Every node starts somewhere of its own (its last place, else one from its id): nodes piled
    // at the origin make Cytoscape warn about edges it cannot draw as soon as anything measures them.
    const nodeCount = elements.filter((el) => el.group === 'nodes').length;
    for (const el of elements) {
      if (el.group !== 'nodes') continue;
      const id = el.data.id as string;
      el.data.degree = degree.get(id) ?? 0;
      el.position ??= { ...(this.remembered.get(id) ?? hashedPosition(id, nodeCount)) };
    }
    if (this.core) this.core.nodes().forEach((n) => void (this.remembered.has(n.id()) && this.remembered.set(n.id(), { ...n.position() })));
    if (keep) {
      this.leaving.start(updateInPlace(this.cy, elements));
    } else {
      this.cy.batch(() => {
        this.cy.elements().remove();
        this.cy.add(elements);
      });
    }
    this.updateDegrees();
  }

  /**
   * Store each node's degree in its data (node size and label size grow with it) and mark the
   * `hubs` best-connected nodes, whose labels stay readable when zoomed out.
   */
  updateDegrees(hubs = 12): void {
    const cy = this.cy;
    cy.batch(() => {
      const nodes = cy.nodes();
      nodes.forEach((n) => {
        const degree = n.degree(false);
        if (n.data('degree') !== degree) n.data('degree', degree);
      });
      nodes.removeClass('hub');
      this.hubs = cy.collection();
      if (nodes.length > hubs * 2) {
        const top = nodes.sort((a, b) => (b.data('degree') as number) - (a.data('degree') as number)).slice(0, hubs);
        this.hubs = top.filter((n) => (n.data('degree') as number) >= 4);
      }
      this.hubsShown = false;
      this.syncHubs();
    });
  }

  /** Zoom below which hub labels are enlarged (above it every label is readable anyway). */
  static readonly HUB_ZOOM = 0.9;
  private hubs: cytoscape.Collection | null = null;
  private hubsShown = false;

  /** Enlarged hub labels only while zoomed out; checked on every zoom, changed only on crossing. */
  private syncHubs(): void {
    if (!this.hubs || !this.core) return;
    const want = this.core.zoom() < Canvas.HUB_ZOOM;
    if (want === this.hubsShown) return;
    this.hubsShown = want;
    if (want) this.hubs.addClass('hub');
    else this.hubs.removeClass('hub');
    this.declutter();
  }

  /** Keep only labels that do not overlap (by importance); fast mode has its own label rules. */
  declutter(): void {
    if (this.core && !this.large) declutterLabels(this.core);
  }

  /** True when the fast renderer settings are on. */
  get isLarge(): boolean {
    return this.large;
  }

  /**
   * Run a layout over `eles` (default: everything visible); resolves when it stops. A force
   * layout is seeded (the same graph gives the same picture) and, unless `fresh`, nodes placed by
   * the previous one keep their places: only entering nodes move, and they are marked. A first
   * picture takes `offered` positions (the server's) when they place every node.
   */
  async layout(name: LayoutName, eles?: cytoscape.Collection, fresh = false, offered?: readonly NodePosition[] | null): Promise<void> {
    if (name === 'dagre' || name === 'dagre-lr') await ensureDagre();
    this.running?.stop();
    // The panels around the canvas (timeline, banners) may have changed its size since the last
    // draw; Cytoscape keeps the old size until told, and a fit would use it.
    this.cy.resize();
    const target = eles ?? visibleElements(this.cy);
    const nodes = target.nodes();
    if (nodes.length === 0) return;
    let options = layoutOptions(name, nodes.length);
    let entering = this.cy.collection();
    // A fresh picture already drawn once for exactly these elements is reused, not recomputed.
    let storeKey: string | null = null;
    let laidOut = target;
    if (name === 'fcose') {
      if (fresh) this.remembered.clear();
      const staying = nodes.filter((n) => this.remembered.has(n.id()));
      entering = staying.nonempty() ? nodes.difference(staying) : this.cy.collection();
      if (staying.empty()) {
        const key = layoutKey(target);
        const known = recallPositions(key) ?? (offered ? new Map(offered.map((p) => [p.id, { x: p.x, y: p.y }])) : null);
        if (known && nodes.filter((n) => !known.has(n.id())).empty()) {
          this.cy.batch(() => nodes.forEach((n) => void n.position({ ...known.get(n.id())! })));
          options = layoutOptions('preset', nodes.length);
        } else storeKey = key;
      } else {
        this.cy.batch(() => {
          staying.forEach((n) => void n.position({ ...this.remembered.get(n.id())! }));
          entering.forEach((n) => {
            const placed = n.neighborhood('node').filter((m) => staying.has(m)).map((m) => (m as NodeSingular).position());
            n.position(enteringPosition(n.id(), placed, nodes.length));
          });
        });
        // Nothing new: keep the picture as it is.
        if (entering.empty()) options = layoutOptions('preset', nodes.length);
        else {
          // Only the newcomers and their neighbours take part (the neighbours pinned): nodes
          // that stay do not move anyway, and a layout of the whole graph costs its full size.
          laidOut = entering.closedNeighborhood().intersection(target);
          const pinned = laidOut.nodes().intersection(staying);
          options = { ...options, fit: false, randomize: false, packComponents: false, quality: 'default', fixedNodeConstraint: pinned.map((n) => ({ nodeId: n.id(), position: { ...(n as NodeSingular).position() } })) } as unknown as cytoscape.LayoutOptions;
        }
      }
    }
    const layout = laidOut.layout(options);
    this.running = layout;
    this.container.dataset.state = 'layout';
    const done = new Promise<void>((resolve) => {
      layout.one('layoutstop', () => {
        if (this.running === layout) this.running = null;
        resolve();
      });
    });
    withSeededRandom(layoutSeed(nodes.map((n) => n.id())), () => layout.run());
    await done;
    // Every layout ends fitted: a force layout on the newcomers only is fitted here.
    if (laidOut !== target) this.keepFit.fit(this.cy, target);
    else this.keepFit.fitted(target);
    if (name === 'fcose') {
      // Kept across loads: a node that leaves and comes back (a year step) returns to its place.
      nodes.forEach((n) => void this.remembered.set(n.id(), { ...n.position() }));
      if (storeKey) storePositions(storeKey, new Map(nodes.map((n) => [n.id(), { ...(n as NodeSingular).position() }])));
      this.markEntering(entering);
    }
    this.declutter();
  }

  /**
   * Entering nodes keep the class `entered` until the next layout (tests and exports can tell
   * them) and get a brief highlight (`entering`) so the change is visible.
   */
  private markEntering(entering: cytoscape.Collection): void {
    if (this.enteringTimer) clearTimeout(this.enteringTimer);
    this.cy.nodes('.entering, .entered').removeClass('entering entered');
    if (entering.empty()) return;
    entering.addClass('entering entered');
    this.enteringTimer = setTimeout(() => entering.removeClass('entering'), 2500);
  }

  /** Fit the visible graph (or `eles`) in the viewport. */
  fit(eles?: cytoscape.Collection): void {
    this.cy.resize();
    this.keepFit.fit(this.cy, eles ?? visibleElements(this.cy));
    this.declutter();
  }

  /** Zoom in or out around the viewport centre. */
  zoomBy(factor: number): void {
    const cy = this.cy;
    cy.zoom({ level: cy.zoom() * factor, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } });
  }

  /** The container was resized or shown. */
  resize(): void {
    this.cy.resize();
  }

  /** Mark the canvas ready (tests wait for this) with its element counts. */
  markReady(): void {
    this.container.dataset.state = 'ready';
    const shown = visibleElements(this.cy);
    this.container.dataset.nodes = String(shown.nodes().length);
    this.container.dataset.edges = String(shown.edges().length);
  }
}

/** The elements of `cy` with these ids (missing ids are skipped). */
export function byIds(cy: Core, ids: Iterable<string>): cytoscape.Collection {
  const out = cy.collection();
  for (const id of ids) out.merge(cy.getElementById(id));
  return out;
}
