/**
 * The plans of what is asked below an entity or a flow, anywhere in a request: nested list
 * arguments are validated here, once, into the plan (bounded, allow-listed), and the response
 * key plus arguments of each position (`key`) tells its field resolver which list is its own.
 */
import type { EntityPlan, FlowListPlan, FlowPlan, ProvenancePlan, RelationshipListPlan } from '../../repositories/plan.ts';
import { LIMITS, intArg, typesArg, yearWindow } from '../limits.ts';
import { num, strList } from './args.ts';
import { asksFor, childrenOf, type Selected } from './selection.ts';

function window(f: Selected) {
  return yearWindow(num(f.args, 'yearFrom'), num(f.args, 'yearTo'));
}

function first(f: Selected): number {
  return intArg(`${f.alias}.first`, num(f.args, 'first'), LIMITS.nestedList.default, 0, LIMITS.nestedList.max);
}

function relationships(f: Selected): RelationshipListPlan {
  return { key: f.key, types: typesArg(`${f.alias}.types`, strList(f.args, 'types')).relTypes, ...window(f), first: first(f) };
}

function flows(f: Selected): FlowListPlan {
  return { key: f.key, ...window(f), first: first(f), flow: flowPlan(f.fields) };
}

/** The plan of the fields asked of an entity (merged over every position that shares it). */
export function entityPlan(fields: readonly Selected[]): EntityPlan {
  return {
    countryName: fields.some((f) => f.name === 'countryName'),
    relationships: fields.filter((f) => f.name === 'relationships').map(relationships),
    fundingIn: fields.filter((f) => f.name === 'fundingIn').map(flows),
    fundingOut: fields.filter((f) => f.name === 'fundingOut').map(flows),
  };
}

/** The plan of an entity field named `name` among `fields`; null when it is not asked. */
export function entityPlanOf(fields: readonly Selected[], name: string): EntityPlan | null {
  return fields.some((f) => f.name === name) ? entityPlan(childrenOf(fields, name)) : null;
}

/** The plan of the fields asked of a funding flow. */
export function flowPlan(fields: readonly Selected[]): FlowPlan {
  return { donor: entityPlanOf(fields, 'donor'), recipient: entityPlanOf(fields, 'recipient'), authority: entityPlanOf(fields, 'authority') };
}

/** Whether the citations below a root field ask for section headings, works or documents. */
export function provenancePlan(root: Selected): ProvenancePlan {
  return {
    headings: asksFor(root.fields, 'Citation', 'sectionHeading'),
    works: asksFor(root.fields, 'Citation', 'works'),
    documents: asksFor(root.fields, 'Citation', 'sourceTitle') || asksFor(root.fields, 'Citation', 'sourceUrl'),
  };
}
