/**
 * How a record stands to its text, and what an edge's years mean, in plain words for the details
 * panel. The API gives the levels (Evidence, Timing); the words and their longer explanations are
 * the page's. Keyed by the API's unions, so a new level fails the type check here.
 */
import type { GraphEdge, NodeDetails } from '../api/types.ts';

export type Evidence = NodeDetails['evidence'];
export type Timing = NonNullable<GraphEdge['timing']>;

interface Words {
  /** Short words for a row of the panel. */
  text: string;
  /** A sentence for its tooltip. */
  detail: string;
}

const EVIDENCE: Record<Evidence, Words> = {
  STATED: { text: 'stated in the text', detail: 'The cited text says this, with the years and amounts recorded.' },
  INFERRED: { text: 'inferred from the text', detail: 'Read from the cited text by a step of reasoning, not said in so many words.' },
  ASSUMED: { text: 'curators’ assumption', detail: 'The curators’ choice where the text is silent.' },
};

const TIMING: Record<Timing, Words> = {
  PERIOD: { text: 'holds over a span of years', detail: 'Holds from its start to its end year; a missing year is open.' },
  POINT: { text: 'happened in one year', detail: 'Happened in its start year only.' },
  ALWAYS: { text: 'holds at any time', detail: 'Holds whenever both ends exist.' },
  UNDATED: { text: 'undated in the text', detail: 'Held at a time the text does not give.' },
};

/** The words for an evidence level. */
export function evidenceWords(evidence: Evidence): Words {
  return EVIDENCE[evidence];
}

/** The words for what an edge's years mean. */
export function timingWords(timing: Timing): Words {
  return TIMING[timing];
}
