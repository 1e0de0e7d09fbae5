/**
 * A search box with suggestions as you type (ARIA combobox: arrows move, Enter picks, Escape
 * closes). Used for the global search and for every entity picker (lineage, funding, paths).
 */
import { fetchSearch } from '../api/queries.ts';
import { isAbort } from '../api/client.ts';
import type { NodeKind, SearchHit } from '../api/types.ts';
import { h, setChildren, debounce } from '../ui/dom.ts';
import { kindSwatch } from '../graph/legend.ts';
import { kindStyle } from '../graph/kinds.ts';
import { describeError } from '../ui/status.ts';

export interface SearchBoxOptions {
  /** Unique id prefix (several boxes live on one page). */
  id: string;
  label: string;
  placeholder?: string;
  /** Restrict hits to these kinds. */
  kinds?: NodeKind[];
  onPick(hit: SearchHit): void;
}

let counter = 0;

/** One combobox. */
export class SearchBox {
  readonly el: HTMLElement;
  readonly input: HTMLInputElement;
  private readonly list: HTMLUListElement;
  private hits: SearchHit[] = [];
  private active = -1;
  private controller: AbortController | null = null;
  private seq = 0;

  constructor(private readonly options: SearchBoxOptions) {
    const listId = `${options.id}-list-${++counter}`;
    this.input = h('input', {
      id: `${options.id}-input`,
      type: 'search',
      class: 'search-input',
      role: 'combobox',
      autocomplete: 'off',
      spellcheck: 'false',
      'aria-autocomplete': 'list',
      'aria-expanded': 'false',
      'aria-controls': listId,
      placeholder: options.placeholder ?? 'Search…',
    });
    this.list = h('ul', { id: listId, class: 'suggestions', role: 'listbox', 'aria-label': `${options.label} suggestions`, hidden: true });
    this.el = h('div', { class: 'search-box' }, h('label', { class: 'visually-hidden', for: this.input.id }, options.label), this.input, this.list);

    const query = debounce(() => void this.query(), 150);
    this.input.addEventListener('input', () => query());
    this.input.addEventListener('keydown', (e) => this.onKey(e));
    this.input.addEventListener('focus', () => {
      if (this.hits.length) this.open();
    });
    this.input.addEventListener('blur', () => setTimeout(() => this.close(), 150));
  }

  /** Show `text` in the box without searching (e.g. the name of a node chosen elsewhere). */
  setText(text: string): void {
    this.input.value = text;
  }

  private async query(): Promise<void> {
    const text = this.input.value.trim();
    this.controller?.abort();
    if (text.length < 2) {
      this.hits = [];
      this.close();
      return;
    }
    const seq = ++this.seq;
    this.controller = new AbortController();
    this.el.dataset.state = 'loading';
    try {
      const hits = await fetchSearch(text, this.options.kinds, 8, this.controller.signal);
      if (seq !== this.seq) return;
      this.hits = hits;
      this.active = hits.length ? 0 : -1;
      this.renderHits();
    } catch (err) {
      if (isAbort(err) || seq !== this.seq) return;
      this.hits = [];
      setChildren(this.list, h('li', { class: 'suggestion-error', role: 'option', 'aria-disabled': 'true' }, describeError(err).title));
      this.open();
    } finally {
      if (seq === this.seq) this.el.dataset.state = 'ready';
    }
  }

  private renderHits(): void {
    if (!this.hits.length) {
      setChildren(this.list, h('li', { class: 'suggestion-empty', role: 'option', 'aria-disabled': 'true' }, 'No matches'));
      this.open();
      return;
    }
    setChildren(
      this.list,
      ...this.hits.map((hit, i) =>
        h(
          'li',
          {
            id: `${this.list.id}-${i}`,
            role: 'option',
            class: 'suggestion',
            'data-id': hit.id,
            'aria-selected': String(i === this.active),
            onmousedown: (e: Event) => {
              e.preventDefault();
              this.pick(i);
            },
          },
          kindSwatch(hit.kind),
          h('span', { class: 'suggestion-name' }, hit.name),
          h('span', { class: 'suggestion-kind' }, kindStyle(hit.kind).label + (hit.matched && hit.matched !== 'name' ? ` · ${hit.matched}` : '')),
        ),
      ),
    );
    this.open();
    this.updateActive();
  }

  private onKey(e: KeyboardEvent): void {
    switch (e.key) {
      case 'ArrowDown':
        if (!this.hits.length) return;
        e.preventDefault();
        this.active = (this.active + 1) % this.hits.length;
        this.open();
        this.updateActive();
        break;
      case 'ArrowUp':
        if (!this.hits.length) return;
        e.preventDefault();
        this.active = (this.active - 1 + this.hits.length) % this.hits.length;
        this.updateActive();
        break;
      case 'Enter':
        if (this.active >= 0 && this.hits[this.active]) {
          e.preventDefault();
          this.pick(this.active);
        }
        break;
      case 'Escape':
        this.close();
        break;
    }
  }

  private updateActive(): void {
    const items = this.list.querySelectorAll<HTMLElement>('.suggestion');
    items.forEach((item, i) => item.setAttribute('aria-selected', String(i === this.active)));
    const current = items[this.active];
    if (current) {
      this.input.setAttribute('aria-activedescendant', current.id);
      current.scrollIntoView({ block: 'nearest' });
    } else {
      this.input.removeAttribute('aria-activedescendant');
    }
  }

  private pick(index: number): void {
    const hit = this.hits[index];
    if (!hit) return;
    this.input.value = hit.name;
    this.close();
    this.options.onPick(hit);
  }

  private open(): void {
    this.list.hidden = false;
    this.input.setAttribute('aria-expanded', 'true');
  }

  private close(): void {
    this.list.hidden = true;
    this.input.setAttribute('aria-expanded', 'false');
  }
}
