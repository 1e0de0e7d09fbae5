/**
 * The GraphQL enums that restate a domain enumeration, written as SDL from domain/ so that the API
 * cannot drift from the model: adding an actor kind or a relationship type in domain/ and running
 * `npm run codegen` is all the schema needs. The descriptions stay here because they document the
 * API; a description of a value the domain no longer has is an error, not a silent leftover.
 */
import { writeFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ACTOR_KINDS, AUTHORITY_KINDS, EVIDENCE_LEVELS, FUNDING_BASES, NODE_KINDS, PRECISIONS, TIMINGS } from '../../domain/kinds.ts';
import { REQUESTABLE_TYPES } from '../../domain/relationship-types.ts';
import { EXCLUSION_REASONS, FUNDING_GROUP_BY } from '../../domain/counting.ts';

interface EnumSpec {
  values: readonly string[];
  description?: string;
  valueDescriptions?: Record<string, string>;
}

/** Every domain-backed enum of the API, by GraphQL name, in the order they are written. */
export const DOMAIN_ENUMS: Record<string, EnumSpec> = {
  ActorKind: { values: ACTOR_KINDS, description: 'What an actor is; also its second label beside Actor.' },
  AuthorityKind: { values: AUTHORITY_KINDS },
  NodeKind: { values: NODE_KINDS, description: 'What a node is: an actor kind, or Authority, Event or Funding.' },
  Precision: { values: PRECISIONS, description: 'How exact a funding figure is.' },
  FundingBasis: { values: FUNDING_BASES, description: 'What a funding amount measures: the whole span, each year, or a yearly average.' },
  FundingGroupBy: { values: FUNDING_GROUP_BY },
  Evidence: {
    values: EVIDENCE_LEVELS,
    description: 'How a record stands to the text it cites.',
    valueDescriptions: {
      STATED: 'The cited text says it, with the years and amounts recorded.',
      INFERRED: 'Read from the text by a step of reasoning (a year taken from the act that made a change, a range read from "since").',
      ASSUMED: 'The curators\' choice where the text is silent (a breakdown placed inside a total).',
    },
  },
  Timing: {
    values: TIMINGS,
    description: "What a relationship's years mean; year windows (yearFrom, yearTo) follow it.",
    valueDescriptions: {
      PERIOD: 'Holds from start to end; a missing bound is open (since start, until end).',
      POINT: 'Happened in the year start: only a window holding that year matches it.',
      ALWAYS: 'Holds whenever both ends exist: every window matches it.',
      UNDATED: 'Held at a time the source does not give: matched only when no year window is set.',
    },
  },
  ExclusionReason: {
    values: EXCLUSION_REASONS,
    description: 'Why a matched flow adds less than its amount to a total.',
    valueDescriptions: {
      AVERAGE: 'A yearly average: never summed.',
      OUTSIDE_WINDOW: 'A multi-year TOTAL reaching outside the year window: it cannot be split by year, so the total is a lower bound.',
      PARTS_COUNTED: 'A wider flow whose parts are counted: only what its parts leave unexplained (countedUsd) is added.',
    },
  },
  RelationshipType: {
    values: REQUESTABLE_TYPES,
    description: 'The allow-listed relationship types, then FUNDED: the edges subgraphs draw for funding flows (donor -> recipient), which are not stored as relationships.',
  },
};

const quote = (text: string) => JSON.stringify(text);

/** The SDL text of the domain enums. */
export function domainEnumSdl(): string {
  const out = ['# Generated from domain/ by `npm run codegen` (server/graphql/enum-sdl.ts): do not edit.', ''];
  for (const [name, spec] of Object.entries(DOMAIN_ENUMS)) {
    for (const value of Object.keys(spec.valueDescriptions ?? {})) {
      if (!spec.values.includes(value)) throw new Error(`${name}: a description names ${value}, which domain/ does not define`);
    }
    if (spec.description) out.push(quote(spec.description));
    out.push(`enum ${name} {`);
    for (const value of spec.values) {
      const described = spec.valueDescriptions?.[value];
      if (described) out.push(`  ${quote(described)}`);
      out.push(`  ${value}`);
    }
    out.push('}', '');
  }
  return out.join('\n');
}

/** Where the generated SDL lives: beside the hand-written files, read with them. */
export const ENUM_SDL_PATH = fileURLToPath(new URL('./schema/generated/enums.graphql', import.meta.url));

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  mkdirSync(dirname(ENUM_SDL_PATH), { recursive: true });
  writeFileSync(ENUM_SDL_PATH, domainEnumSdl());
  console.log(`wrote ${ENUM_SDL_PATH}`);
}
