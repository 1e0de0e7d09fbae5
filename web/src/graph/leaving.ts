/**
 * The fade of elements that leave the canvas. They are removed from Cytoscape at once (nothing
 * that counts, lists or exports the canvas may see them), and their ghosts are drawn on a
 * transparent layer over the canvas, fading out in FADE_MS, with the canvas's current pan and
 * zoom (the view may fit itself while they fade).
 *
 * While ghosts fade the canvas container carries `data-leaving` (their number) and
 * `data-leaving-alpha` (the opacity of the last frame), and a `leaving` event with their ids is
 * dispatched on it when the fade starts: tests read these, the page itself does not.
 */
import type { Core } from 'cytoscape';

export interface GhostNode { id: string; x: number; y: number; r: number; color: string }
export interface GhostEdge { id: string; sx: number; sy: number; tx: number; ty: number; width: number; color: string }
export interface Ghosts { nodes: GhostNode[]; edges: GhostEdge[] }

/** Length of the fade. */
export const FADE_MS = 200;
/** Frames the fade takes at least: on a busy machine frames come slowly, and one would be a blink. */
const MIN_FRAMES = 4;
/** Past this many ghosts the fade is skipped: drawing them would cost more than it shows. */
const MAX_GHOSTS = 4000;

/** Fades the ghosts of leaving elements over one canvas container. */
export class LeavingFade {
  private layer: HTMLCanvasElement | null = null;
  private frame = 0;

  constructor(
    private readonly container: HTMLElement,
    private readonly cy: () => Core,
  ) {}

  /**
   * Fade `ghosts` (a previous fade ends at once). The fade starts on the next frame, after the
   * caller has finished its update: elements that came back in the meantime (an expansion
   * replayed) are not ghosts.
   */
  start(ghosts: Ghosts): void {
    this.stop();
    const total = ghosts.nodes.length + ghosts.edges.length;
    if (total === 0 || total > MAX_GHOSTS) return;
    let t0: number | null = null;
    let frames = 0;
    let shown = ghosts;
    const step = () => {
      // Not the frame's timestamp: the canvas's own redraw may run first in the same frame and
      // take a good part of the fade's length.
      const now = performance.now();
      if (t0 === null) {
        t0 = now;
        const cy = this.cy();
        const gone = (g: { id: string }) => cy.getElementById(g.id).empty();
        shown = { nodes: ghosts.nodes.filter(gone), edges: ghosts.edges.filter(gone) };
        const ids = [...shown.nodes, ...shown.edges].map((g) => g.id);
        if (ids.length === 0) return this.stop();
        this.container.dataset.leaving = String(ids.length);
        this.container.dispatchEvent(new CustomEvent('leaving', { detail: { ids } }));
      }
      const alpha = 1 - Math.min((now - t0) / FADE_MS, frames++ / MIN_FRAMES);
      if (alpha <= 0) return this.stop();
      this.draw(shown, alpha);
      this.container.dataset.leavingAlpha = alpha.toFixed(2);
      this.frame = requestAnimationFrame(step);
    };
    this.frame = requestAnimationFrame(step);
  }

  /** End the fade now: the layer goes, and so do the data attributes. */
  stop(): void {
    cancelAnimationFrame(this.frame);
    this.layer?.remove();
    this.layer = null;
    delete this.container.dataset.leaving;
    delete this.container.dataset.leavingAlpha;
  }

  private draw(ghosts: Ghosts, alpha: number): void {
    const width = this.container.clientWidth;
    const height = this.container.clientHeight;
    const ratio = window.devicePixelRatio || 1;
    if (!this.layer) {
      this.layer = document.createElement('canvas');
      this.layer.className = 'leaving-ghosts';
      this.layer.setAttribute('aria-hidden', 'true');
      this.container.after(this.layer);
    }
    const layer = this.layer;
    if (layer.width !== Math.round(width * ratio)) layer.width = Math.round(width * ratio);
    if (layer.height !== Math.round(height * ratio)) layer.height = Math.round(height * ratio);
    const ctx = layer.getContext('2d');
    if (!ctx) return;
    const cy = this.cy();
    const zoom = cy.zoom();
    const pan = cy.pan();
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, layer.width, layer.height);
    ctx.setTransform(ratio * zoom, 0, 0, ratio * zoom, ratio * pan.x, ratio * pan.y);
    ctx.globalAlpha = alpha;
    for (const e of ghosts.edges) {
      ctx.strokeStyle = e.color;
      ctx.lineWidth = e.width;
      ctx.beginPath();
      ctx.moveTo(e.sx, e.sy);
      ctx.lineTo(e.tx, e.ty);
      ctx.stroke();
    }
    for (const n of ghosts.nodes) {
      ctx.fillStyle = n.color;
      ctx.beginPath();
      ctx.arc(n.x, n.y, Math.max(n.r, 2), 0, 2 * Math.PI);
      ctx.fill();
    }
  }
}
