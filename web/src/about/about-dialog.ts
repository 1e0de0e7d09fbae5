/** "About this data": a modal dialog opened from the header (ui/modal.ts), filled from the API's summary. */
import { h, setChildren } from '../ui/dom.ts';
import { modalControl } from '../ui/modal.ts';
import { loadDataSummary } from './summary.ts';
import { aboutContent } from './about-content.ts';

/** The header button and its dialog; append `button` to the header, `dialog` to the body. */
export function aboutControl(): { button: HTMLButtonElement; dialog: HTMLDialogElement } {
  const fill = async (body: HTMLElement) => {
    body.dataset.state = 'loading';
    setChildren(body, h('p', { class: 'muted' }, 'Loading…'));
    try {
      setChildren(body, ...aboutContent(await loadDataSummary()));
      body.dataset.state = 'ready';
    } catch (err) {
      setChildren(body, h('p', { class: 'error', role: 'alert' }, `The summary could not be loaded: ${(err as Error).message}`));
      body.dataset.state = 'error';
    }
  };
  return modalControl({
    id: 'about',
    title: 'About this data',
    buttonLabel: ['About', h('span', { class: 'wide-only' }, ' this data')],
    bodyClass: 'about-body',
    // The summary does not change while the page is open: load it once.
    open: (body) => void (body.dataset.state !== 'ready' && fill(body)),
  });
}
