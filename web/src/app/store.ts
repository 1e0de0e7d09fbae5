/**
 * The page's single state store: views read it, change it with `update`, and subscribe to changes.
 * Every change is mirrored into the URL hash (a history entry for view switches, replace otherwise).
 */
import { applyPatch, type AppState, type StatePatch } from './state.ts';
import type { AppCodec } from './url.ts';

type Listener = (state: AppState, previous: AppState) => void;

/** Holds the current state and keeps location.hash in step with it. */
export class Store {
  private current: AppState;
  private listeners = new Set<Listener>();

  constructor(private readonly codec: AppCodec) {
    this.current = codec.decode(location.hash);
    window.addEventListener('hashchange', () => {
      const next = codec.decode(location.hash);
      if (codec.encode(next) === codec.encode(this.current)) return;
      this.set(next, false);
    });
  }

  get state(): AppState {
    return this.current;
  }

  /** Apply `patch`; `push` makes a new history entry (used for view switches). */
  update(patch: StatePatch, push = false): void {
    this.set(applyPatch(this.current, patch), true, push);
  }

  private set(next: AppState, writeUrl: boolean, push = false): void {
    const previous = this.current;
    this.current = next;
    if (writeUrl) {
      const hash = this.codec.encode(next);
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
