/**
 * Loading, empty and error states of a view, drawn over its canvas. The overlay's
 * `data-status` attribute (loading | ready | empty | error) is what tests wait on.
 */
import { ApiError } from '../api/client.ts';
import { h, setChildren } from './dom.ts';

export type StatusKind = 'loading' | 'ready' | 'empty' | 'error';

export interface StatusAction {
  label: string;
  run: () => void;
}

/** The overlay of one view. */
export class StatusOverlay {
  readonly el: HTMLElement;
  private readonly host: HTMLElement;

  constructor(host: HTMLElement) {
    this.host = host;
    this.el = h('div', { class: 'status-overlay', role: 'status', 'aria-live': 'polite', hidden: true });
    host.append(this.el);
    host.dataset.status = 'loading';
  }

  /** Show a spinner with a message. */
  loading(message: string): void {
    this.show('loading', h('div', { class: 'spinner', 'aria-hidden': 'true' }), h('p', {}, message));
  }

  /** Hide the overlay. */
  ready(): void {
    this.host.dataset.status = 'ready';
    this.el.hidden = true;
  }

  /** Nothing to show, with optional actions (e.g. reset the filters). */
  empty(message: string, ...actions: StatusAction[]): void {
    this.show('empty', h('p', { class: 'status-title' }, 'Nothing to show'), h('p', {}, message), this.buttons(actions));
  }

  /** An error, explained by kind, with a retry action. */
  error(err: unknown, retry?: () => void): void {
    const { title, detail } = describeError(err);
    this.show('error', h('p', { class: 'status-title' }, title), h('p', { class: 'status-detail' }, detail), this.buttons(retry ? [{ label: 'Retry', run: retry }] : []));
  }

  private buttons(actions: StatusAction[]): HTMLElement | null {
    if (!actions.length) return null;
    return h('div', { class: 'status-actions' }, ...actions.map((a) => h('button', { type: 'button', onclick: () => a.run() }, a.label)));
  }

  private show(kind: StatusKind, ...children: (HTMLElement | null)[]): void {
    this.host.dataset.status = kind;
    this.el.dataset.kind = kind;
    this.el.setAttribute('role', kind === 'error' ? 'alert' : 'status');
    setChildren(this.el, ...children);
    this.el.hidden = false;
  }
}

/** A title and a sentence for an error, by its kind. */
export function describeError(err: unknown): { title: string; detail: string } {
  if (err instanceof ApiError) {
    switch (err.kind) {
      case 'network':
        return { title: 'The API is not reachable', detail: 'The server did not answer. Check that it is running, then retry.' };
      case 'limit':
        return { title: 'Too much at once', detail: `The request went over a limit of the API. Narrow the filters or lower the number of nodes. (${err.message})` };
      case 'input':
        return { title: 'The API refused the request', detail: err.message };
      case 'http':
        return { title: `The API answered with an error (HTTP ${err.status ?? '?'})`, detail: err.message };
      default:
        return { title: 'The API reported an error', detail: err.message };
    }
  }
  return { title: 'Something went wrong', detail: err instanceof Error ? err.message : String(err) };
}

/** A short-lived message at the bottom of the page (for errors of small actions). */
export function toast(message: string, kind: 'info' | 'error' = 'info'): void {
  const host = document.getElementById('toasts');
  if (!host) return;
  const el = h('div', { class: `toast toast-${kind}`, role: kind === 'error' ? 'alert' : 'status' }, message);
  host.append(el);
  setTimeout(() => el.remove(), kind === 'error' ? 7000 : 3500);
}
