/** Small pieces of the details panel shared by its node, edge and flow parts. */
import { h } from '../ui/dom.ts';
import { evidenceWords, timingWords, type Evidence, type Timing } from './evidence.ts';

/** One property row; none for an empty value. */
export function row(label: string, value: string | number | null | undefined | Node): HTMLElement | null {
  if (value == null || value === '') return null;
  return h('div', { class: 'prop' }, h('dt', {}, label), h('dd', {}, value instanceof Node ? value : String(value)));
}

/** The evidence level in words, its explanation as a tooltip and the API's value as data. */
export function evidenceText(evidence: Evidence): HTMLElement {
  const words = evidenceWords(evidence);
  return h('span', { class: 'evidence', 'data-evidence': evidence, title: words.detail }, words.text);
}

/** What an edge's years mean, in words. */
export function timingText(timing: Timing): HTMLElement {
  const words = timingWords(timing);
  return h('span', { class: 'timing', 'data-timing': timing, title: words.detail }, words.text);
}
