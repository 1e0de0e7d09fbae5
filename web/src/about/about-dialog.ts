/**
 * "About this data": a modal dialog opened from the header. The native <dialog> keeps focus inside
 * while open and closes on Escape; focus goes back to the button that opened it.
 */
import { h, setChildren } from '../ui/dom.ts';
import { loadDataSummary } from './summary.ts';
import { aboutContent } from './about-content.ts';

/** The header button and its dialog; append `button` to the header, `dialog` to the body. */
export function aboutControl(): { button: HTMLButtonElement; dialog: HTMLDialogElement } {
  const body = h('div', { class: 'about-body', id: 'about-body', 'data-state': 'idle' });
  const close = h('button', { type: 'button', class: 'about-close', id: 'about-close', 'aria-label': 'Close' }, '×');
  const dialog = h(
    'dialog',
    { class: 'about-dialog', id: 'about-dialog', 'aria-labelledby': 'about-title' },
    h('div', { class: 'about-head' }, h('h2', { id: 'about-title' }, 'About this data'), close),
    body,
  );
  const button = h('button', { type: 'button', class: 'about-button', id: 'about-button', 'aria-haspopup': 'dialog', 'aria-controls': 'about-dialog' }, 'About', h('span', { class: 'wide-only' }, ' this data'));

  const fill = async () => {
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

  button.addEventListener('click', () => {
    dialog.showModal();
    close.focus();
    if (body.dataset.state !== 'ready') void fill();
  });
  close.addEventListener('click', () => dialog.close());
  // A click on the backdrop (outside the dialog's box) closes it too.
  dialog.addEventListener('click', (e) => {
    if (e.target === dialog) dialog.close();
  });
  dialog.addEventListener('close', () => button.focus());
  return { button, dialog };
}
