/**
 * The page's single state store: views read it, change it with `update`, and subscribe to changes.
 * Every change is mirrored into the URL hash (history entry for view switches, replace otherwise).
 */
import { decodeState, encodeState, type ViewState } from './view-state.ts';

type Listener = (state: ViewState, previous: ViewState) => void;

/** Holds the current ViewState and keeps location.hash in step with it. */
export class Store {
  private current: ViewState;
  private listeners = new Set<Listener>();

  constructor() {
    this.current = decodeState(location.hash);
    window.addEventListener('hashchange', () => {
      const next = decodeState(location.hash);
      if (encodeState(next) === encodeState(this.current)) return;
      this.set(next, false);
    });
  }

  get state(): ViewState {
    return this.current;
  }

  /** Merge `patch` into the state; `push` makes a new history entry (used for view switches). */
  update(patch: Partial<ViewState>, push = false): void {
    this.set({ ...this.current, ...patch }, true, push);
  }

  private set(next: ViewState, writeUrl: boolean, push = false): void {
    const previous = this.current;
    this.current = next;
    if (writeUrl) {
      const hash = encodeState(next);
      const url = `${location.pathname}${location.search}${hash ? `#${hash}` : ''}`;
      if (url !== `${location.pathname}${location.search}${location.hash}`) {
        if (push) history.pushState(null, '', url);
        else history.replaceState(null, '', url);
      }
    }
    for (const listener of this.listeners) listener(next, previous);
  }

  /** Call `listener` after every change. */
  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
