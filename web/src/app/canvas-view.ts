/**
 * The skeleton every view shares: a section holding a stage (the Cytoscape canvas, its status
 * overlay and any overlays of the view) and the view's other parts, the details panel for taps,
 * one request in flight at a time, and the loading / empty / error / ready transitions that tests
 * read from `data-state` and `data-status`.
 */
import type { Core } from 'cytoscape';
import { isAbort } from '../api/client.ts';
import type { SearchHit } from '../api/types.ts';
import { Canvas } from '../graph/canvas.ts';
import { h } from '../ui/dom.ts';
import { StatusOverlay, type StatusAction } from '../ui/status.ts';
import type { AppState, ViewName } from './state.ts';
import type { View, ViewContext } from './view.ts';

export interface CanvasViewLayout {
  /** aria-label of the view's section. */
  label: string;
  /** Attributes of the canvas element (aria-label, role). */
  canvas: Record<string, string>;
  /** Side-by-side canvas and table (every view but the network). */
  split?: boolean;
  /** Parts before the stage (toolbars). */
  before?: HTMLElement[];
  /** Parts drawn over the canvas, inside the stage (legend, banners). */
  overlays?: HTMLElement[];
  /** Parts after the stage (tables, lists, the timeline). */
  after?: HTMLElement[];
}

/** A view built around one canvas. Subclasses bind canvas events and render their state. */
export abstract class CanvasView implements View {
  readonly el: HTMLElement;
  readonly canvas: Canvas;
  abstract readonly controls: HTMLElement;
  protected readonly status: StatusOverlay;
  protected readonly stage: HTMLElement;
  private controller: AbortController | null = null;

  constructor(
    readonly name: ViewName,
    protected readonly ctx: ViewContext,
    layout: CanvasViewLayout,
  ) {
    // A role by default: an aria-label is not allowed on a plain div, and the canvas is a
    // focusable, interactive widget.
    const container = h('div', { class: 'canvas', id: `cy-${name}`, tabindex: '0', role: 'application', ...layout.canvas });
    this.stage = h('div', { class: 'canvas-wrap' }, container, ...(layout.overlays ?? []));
    this.el = h('section', { class: layout.split ? 'view split' : 'view', id: `view-${name}`, 'aria-label': layout.label, hidden: true }, ...(layout.before ?? []), this.stage, ...(layout.after ?? []));
    this.status = new StatusOverlay(this.stage);
    // The core is created on first use, after the subclass has finished constructing.
    this.canvas = new Canvas(container, { onCreate: (cy) => this.bind(cy) });
  }

  /** Bind canvas events (called for every new Cytoscape core). */
  protected abstract bind(cy: Core): void;

  abstract onState(state: AppState, previous: AppState): void;

  activate(state: AppState): void {
    this.canvas.resize();
    this.onState(state, state);
  }

  navigate(id: string): void {
    this.selectOnCanvas(id);
  }

  searchHit(_hit: SearchHit): boolean {
    return false;
  }

  exportTarget(): Core | null {
    return this.canvas.cy;
  }

  resize(): void {
    this.canvas.resize();
  }

  protected get store() {
    return this.ctx.store;
  }

  protected get details() {
    return this.ctx.details;
  }

  /** Show `id` in the details panel and select it on the canvas when it is there. */
  protected selectOnCanvas(id: string, center = false): void {
    void this.details.showNode(id);
    const cy = this.canvas.cy;
    const node = cy.getElementById(id);
    if (node.empty()) return;
    cy.nodes(':selected').unselect();
    node.select();
    if (center) cy.animate({ center: { eles: node } }, { duration: 200 });
  }

  /** Start a load: the previous one is cancelled, the overlay spins. */
  protected begin(message: string): AbortSignal {
    this.controller?.abort();
    const controller = new AbortController();
    this.controller = controller;
    this.status.loading(message);
    this.canvas.container.dataset.state = 'loading';
    return controller.signal;
  }

  /** The load finished and the canvas shows its answer. */
  protected ready(): void {
    this.status.ready();
    this.canvas.markReady();
  }

  /** Nothing to draw: clear the canvas and explain. */
  protected showEmpty(message: string, ...actions: StatusAction[]): void {
    this.canvas.setElements([]);
    this.canvas.markReady();
    this.status.empty(message, ...actions);
  }

  /** A load failed (a cancelled one is not a failure). */
  protected fail(err: unknown, retry: () => void): void {
    if (isAbort(err)) return;
    this.canvas.container.dataset.state = 'error';
    this.status.error(err, retry);
  }
}
