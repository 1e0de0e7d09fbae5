/**
 * A header button that opens a native modal <dialog> with a title and a close button. The native
 * dialog keeps focus inside while open and closes on Escape; a click on the backdrop closes it
 * too, and focus goes back to the button that opened it.
 */
import { h } from './dom.ts';

export interface ModalOptions {
  /** Base of the element ids: `<id>-button`, `<id>-dialog`, `<id>-title`, `<id>-close`, `<id>-body`. */
  id: string;
  title: string;
  /** The button's content (visible text, so speech users can say what they see). */
  buttonLabel: (string | Node)[];
  /** Extra class of the dialog (its size). */
  dialogClass?: string;
  /** Class of the body that `open` fills. */
  bodyClass: string;
  /** Runs each time the dialog opens, after focus moved to the close button. */
  open(body: HTMLElement): void;
}

export interface Modal {
  button: HTMLButtonElement;
  dialog: HTMLDialogElement;
  body: HTMLElement;
}

/** The button and its dialog; append `button` to the header, `dialog` to the body. */
export function modalControl(options: ModalOptions): Modal {
  const { id } = options;
  const body = h('div', { class: options.bodyClass, id: `${id}-body`, 'data-state': 'idle' });
  const close = h('button', { type: 'button', class: 'about-close', id: `${id}-close`, 'aria-label': 'Close' }, '×');
  const dialog = h(
    'dialog',
    { class: ['about-dialog', options.dialogClass].filter(Boolean).join(' '), id: `${id}-dialog`, 'aria-labelledby': `${id}-title` },
    h('div', { class: 'about-head' }, h('h2', { id: `${id}-title` }, options.title), close),
    body,
  );
  const button = h('button', { type: 'button', class: 'about-button', id: `${id}-button`, 'aria-haspopup': 'dialog', 'aria-controls': `${id}-dialog` }, ...options.buttonLabel);

  button.addEventListener('click', () => {
    dialog.showModal();
    close.focus();
    options.open(body);
  });
  close.addEventListener('click', () => dialog.close());
  // The dialog's box covers its content, so a click whose target is the dialog itself hit the backdrop.
  dialog.addEventListener('click', (e) => {
    if (e.target === dialog) dialog.close();
  });
  dialog.addEventListener('close', () => button.focus());
  return { button, dialog, body };
}
