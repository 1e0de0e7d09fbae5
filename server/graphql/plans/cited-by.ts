/** Plan of citedBy: which citation parts to match and what is asked of each list. */
import type { CitedByPlan } from '../../repositories/plan.ts';
import { badInput } from '../errors.ts';
import { idArg, intArg } from '../limits.ts';
import { num, str } from './args.ts';
import { entityPlan, flowPlan, provenancePlan } from './entity.ts';
import { childrenOf, type Selected } from './selection.ts';

/** Items per list of citedBy: its default and bound. */
export const CITED_BY_LIST = { default: 100, max: 500 } as const;

/** A paragraph or footnote number: 1 or more. */
function positive(name: string, value: number | null): number | null {
  if (value === null) return null;
  return intArg(name, value, value, 1, 100_000);
}

/** citedBy. */
export function citedByPlan(root: Selected): CitedByPlan {
  const id = (name: string) => {
    const value = str(root.args, name);
    return value === null ? null : idArg(name, value);
  };
  const source = id('source');
  const section = id('section');
  const paragraph = positive('paragraph', num(root.args, 'paragraph'));
  const footnote = positive('footnote', num(root.args, 'footnote'));
  if (source === null && section === null && footnote === null) {
    throw badInput(paragraph === null ? 'source' : 'paragraph', 'give a source, a section or a footnote (a paragraph is counted within a section)');
  }
  // Paragraphs are numbered within their section, so a paragraph alone names nothing.
  if (paragraph !== null && section === null) throw badInput('paragraph', 'needs section: paragraphs are numbered within a section');
  return {
    source,
    section,
    paragraph,
    footnote,
    first: intArg('first', num(root.args, 'first'), CITED_BY_LIST.default, 0, CITED_BY_LIST.max),
    entity: entityPlan(childrenOf(root.fields, 'entities')),
    edgeEnds: root.fields.some((f) => f.name === 'edgeEnds'),
    flow: flowPlan(childrenOf(root.fields, 'flows')),
    provenance: provenancePlan(root),
  };
}
