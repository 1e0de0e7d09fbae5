/** Plans of node, actor, authority, actors, authorities, search and changes. */
import { ACTOR_KINDS, AUTHORITY_KINDS, NODE_KINDS } from '../../../domain/kinds.ts';
import type { ActorListPlan, AuthorityListPlan, ChangesPlan, EntityLookupPlan, SearchPlan } from '../../repositories/plan.ts';
import { toLuceneQuery } from '../../repositories/search.ts';
import { badInput } from '../errors.ts';
import { LIMITS, idArg, intArg } from '../limits.ts';
import { enumList, num, obj, reqStr, str } from './args.ts';
import { nameCursor } from './cursor.ts';
import { entityPlan, provenancePlan } from './entity.ts';
import { childrenOf, type Selected } from './selection.ts';

/** node, actor or authority: the label the id must carry. */
export function lookupPlan(label: EntityLookupPlan['label'], root: Selected): EntityLookupPlan {
  return { label, id: idArg('id', reqStr(root.args, 'id')), entity: entityPlan(root.fields), provenance: provenancePlan(root) };
}

function text(name: string, value: string | null): string | null {
  if (value === null || value.trim() === '') return null;
  if (value.length > LIMITS.searchText) throw badInput(name, `at most ${LIMITS.searchText} characters`);
  return value.trim();
}

function page(root: Selected) {
  return {
    first: intArg('first', num(root.args, 'first'), LIMITS.pageSize.default, 0, LIMITS.pageSize.max),
    after: nameCursor('after', str(root.args, 'after')),
    entity: entityPlan(childrenOf(root.fields, 'nodes')),
    provenance: provenancePlan(root),
  };
}

/** actors. */
export function actorsPlan(root: Selected): ActorListPlan {
  const f = obj(root.args, 'filter');
  const country = str(f, 'country');
  return {
    filter: { kinds: enumList(f, 'kinds', ACTOR_KINDS), country: country === null ? null : idArg('filter.country', country), text: text('filter.text', str(f, 'text')) },
    ...page(root),
  };
}

/** authorities. */
export function authoritiesPlan(root: Selected): AuthorityListPlan {
  const f = obj(root.args, 'filter');
  return { filter: { kinds: enumList(f, 'kinds', AUTHORITY_KINDS), title: num(f, 'title'), text: text('filter.text', str(f, 'text')) }, ...page(root) };
}

/** search: the text becomes a Lucene query here, so that an empty one never reaches Cypher. */
export function searchPlan(root: Selected): SearchPlan {
  const value = reqStr(root.args, 'text');
  if (value.length > LIMITS.searchText) throw badInput('text', `at most ${LIMITS.searchText} characters`);
  const first = intArg('first', num(root.args, 'first'), LIMITS.search.default, 1, LIMITS.search.max);
  const lucene = toLuceneQuery(value);
  if (!lucene) throw badInput('text', 'needs at least one letter or digit');
  return { text: value, lucene, first, kinds: enumList(root.args, 'kinds', NODE_KINDS) };
}

/** changes. */
export function changesPlan(root: Selected): ChangesPlan {
  const target = str(root.args, 'targetId');
  return {
    targetId: target ? idArg('targetId', target) : null,
    first: intArg('first', num(root.args, 'first'), LIMITS.changes.default, 1, LIMITS.changes.max),
  };
}
