/**
 * Look-ahead at the selection set, so that one Cypher statement can fetch everything a GraphQL
 * operation asks for. The result is a plain tree (no graphql types), keyed by response key, that
 * repositories read to decide which sub-queries to add.
 */
import {
  GraphQLIncludeDirective,
  GraphQLSkipDirective,
  getArgumentValues,
  getDirectiveValues,
  getNamedType,
  isAbstractType,
  isObjectType,
  isInterfaceType,
  Kind,
  type FieldNode,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLResolveInfo,
  type GraphQLSchema,
  type SelectionSetNode,
} from 'graphql';

/** One field asked for: its name, arguments (with variables applied) and what it asks below. */
export interface FieldWant {
  name: string;
  responseKey: string;
  args: Record<string, unknown>;
  want: Want;
}

/**
 * The fields asked for on an object, keyed by {@link wantKey} (aliases kept apart, the same key
 * asked twice merged).
 */
export type Want = Map<string, FieldWant>;

function stable(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stable).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    return `{${Object.keys(value as object).sort().map((k) => `${JSON.stringify(k)}:${stable((value as Record<string, unknown>)[k])}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/**
 * The key of a field's data inside its parent: the response key plus the arguments, so that two
 * positions asking the same alias with different arguments never share data.
 */
export function wantKey(responseKey: string, args: Record<string, unknown>): string {
  return Object.keys(args).length === 0 ? responseKey : `${responseKey}#${stable(args)}`;
}

interface Walk {
  schema: GraphQLSchema;
  fragments: GraphQLResolveInfo['fragments'];
  variables: Record<string, unknown>;
}

function included(walk: Walk, node: { directives?: readonly unknown[] } & Parameters<typeof getDirectiveValues>[1]): boolean {
  const skip = getDirectiveValues(GraphQLSkipDirective, node, walk.variables);
  if (skip?.if === true) return false;
  const include = getDirectiveValues(GraphQLIncludeDirective, node, walk.variables);
  return include?.if !== false;
}

/** Finds a field definition on the type or, for abstract types, on any of its possible types. */
function fieldDef(walk: Walk, type: GraphQLNamedType, name: string): GraphQLField<unknown, unknown> | undefined {
  if (isObjectType(type) || isInterfaceType(type)) {
    const own = type.getFields()[name];
    if (own) return own;
  }
  if (isAbstractType(type)) {
    for (const t of walk.schema.getPossibleTypes(type)) {
      const f = t.getFields()[name];
      if (f) return f;
    }
  }
  return undefined;
}

function collect(walk: Walk, type: GraphQLNamedType, set: SelectionSetNode | undefined, into: Want): void {
  if (!set) return;
  for (const sel of set.selections) {
    if (!included(walk, sel)) continue;
    if (sel.kind === Kind.FIELD) {
      addField(walk, type, sel, into);
    } else if (sel.kind === Kind.INLINE_FRAGMENT) {
      const t = sel.typeCondition ? walk.schema.getType(sel.typeCondition.name.value) ?? type : type;
      collect(walk, t, sel.selectionSet, into);
    } else {
      const frag = walk.fragments[sel.name.value];
      if (!frag) continue;
      const t = walk.schema.getType(frag.typeCondition.name.value) ?? type;
      collect(walk, t, frag.selectionSet, into);
    }
  }
}

function addField(walk: Walk, parent: GraphQLNamedType, node: FieldNode, into: Want): void {
  const name = node.name.value;
  if (name.startsWith('__')) return;
  const responseKey = node.alias?.value ?? name;
  const def = fieldDef(walk, parent, name);
  if (!def) return;
  const args = getArgumentValues(def, node, walk.variables);
  const key = wantKey(responseKey, args);
  const existing = into.get(key);
  const target: FieldWant = existing ?? { name, responseKey, args, want: new Map() };
  if (!existing) into.set(key, target);
  collect(walk, getNamedType(def.type), node.selectionSet, target.want);
}

/** What the current field asks for below it (all of info.fieldNodes merged). */
export function wantOf(info: GraphQLResolveInfo): Want {
  const walk: Walk = { schema: info.schema, fragments: info.fragments, variables: info.variableValues };
  const want: Want = new Map();
  const type = getNamedType(info.returnType);
  for (const node of info.fieldNodes) collect(walk, type, node.selectionSet, want);
  return want;
}

/** The merged selection of every response key of field `name` (for fields without arguments). */
export function child(want: Want | undefined, ...path: string[]): Want | undefined {
  let cur = want;
  for (const name of path) {
    if (!cur) return undefined;
    let merged: Want | undefined;
    for (const f of cur.values()) {
      if (f.name !== name) continue;
      merged ??= new Map();
      mergeInto(merged, f.want);
    }
    cur = merged;
  }
  return cur;
}

function mergeInto(into: Want, from: Want): void {
  for (const [k, v] of from) {
    const existing = into.get(k);
    if (!existing) into.set(k, { ...v, want: new Map(v.want) });
    else mergeInto(existing.want, v.want);
  }
}

/** True when any response key asks for field `name`. */
export function asks(want: Want | undefined, name: string): boolean {
  if (!want) return false;
  for (const f of want.values()) if (f.name === name) return true;
  return false;
}

/** True when field `name` is asked for anywhere in the tree (e.g. Citation.works). */
export function asksAnywhere(want: Want | undefined, name: string): boolean {
  if (!want) return false;
  for (const f of want.values()) {
    if (f.name === name || asksAnywhere(f.want, name)) return true;
  }
  return false;
}
