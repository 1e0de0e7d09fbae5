/**
 * The one selection walker: turns the field nodes of an operation into a plain tree of the
 * fields asked for (fragments flattened, @skip/@include applied, arguments coerced with the
 * request's variables and the SDL's defaults). The cost limit and every plan read this tree;
 * nothing below the GraphQL layer sees graphql types.
 */
import {
  GraphQLIncludeDirective,
  GraphQLSkipDirective,
  getArgumentValues,
  getDirectiveValues,
  getNamedType,
  isAbstractType,
  isInterfaceType,
  isObjectType,
  Kind,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
  type SelectionSetNode,
} from 'graphql';

/** Arguments of a field as GraphQL coerced them (defaults applied). */
export type Args = Readonly<Record<string, unknown>>;

/** One field asked for, with what it asks below it. */
export interface Selected {
  /** The schema field name. */
  name: string;
  /** The response key (the alias, else the name). */
  alias: string;
  /** The alias plus the arguments: two positions that share it share their data. */
  key: string;
  args: Args;
  /** The named type that declares the field, and the named type it returns. */
  parentType: string;
  type: string;
  fields: Selected[];
}

/** What a walk needs from the request. */
export interface WalkScope {
  schema: GraphQLSchema;
  fragments: Readonly<Record<string, FragmentDefinitionNode>>;
  variables: Readonly<Record<string, unknown>>;
}

function stable(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stable).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stable(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** The key of a field position: its response key, plus its arguments when it has any. */
export function selectionKey(alias: string, args: object): string {
  return Object.keys(args).length === 0 ? alias : `${alias}#${stable(args)}`;
}

function included(scope: WalkScope, node: Parameters<typeof getDirectiveValues>[1]): boolean {
  if (getDirectiveValues(GraphQLSkipDirective, node, scope.variables)?.if === true) return false;
  return getDirectiveValues(GraphQLIncludeDirective, node, scope.variables)?.if !== false;
}

/** The field's definition on the type or, for an interface or union, on a type that has it. */
function definition(scope: WalkScope, type: GraphQLNamedType, name: string): { def: GraphQLField<unknown, unknown>; owner: string } | null {
  if (isObjectType(type) || isInterfaceType(type)) {
    const def = type.getFields()[name];
    if (def) return { def, owner: type.name };
  }
  if (isAbstractType(type)) {
    for (const t of scope.schema.getPossibleTypes(type)) {
      const def = t.getFields()[name];
      if (def) return { def, owner: t.name };
    }
  }
  return null;
}

function typeOf(scope: WalkScope, name: string | undefined, fallback: GraphQLNamedType): GraphQLNamedType {
  return (name ? scope.schema.getType(name) : undefined) ?? fallback;
}

function collect(scope: WalkScope, type: GraphQLNamedType, set: SelectionSetNode | undefined, into: Map<string, Selected>): void {
  for (const sel of set?.selections ?? []) {
    if (!included(scope, sel)) continue;
    if (sel.kind === Kind.FIELD) add(scope, type, sel, into);
    else if (sel.kind === Kind.INLINE_FRAGMENT) collect(scope, typeOf(scope, sel.typeCondition?.name.value, type), sel.selectionSet, into);
    else {
      const fragment = scope.fragments[sel.name.value];
      if (fragment) collect(scope, typeOf(scope, fragment.typeCondition.name.value, type), fragment.selectionSet, into);
    }
  }
}

function add(scope: WalkScope, parent: GraphQLNamedType, node: FieldNode, into: Map<string, Selected>): void {
  const name = node.name.value;
  if (name.startsWith('__')) return;
  const found = definition(scope, parent, name);
  if (!found) return;
  const alias = node.alias?.value ?? name;
  const args = getArgumentValues(found.def, node, scope.variables);
  const key = selectionKey(alias, args);
  const returns = getNamedType(found.def.type);
  const children = new Map<string, Selected>();
  collect(scope, returns, node.selectionSet, children);
  const field: Selected = { name, alias, key, args, parentType: found.owner, type: returns.name, fields: [...children.values()] };
  const existing = into.get(key);
  into.set(key, existing ? merge([existing, field])[0]! : field);
}

/** Fields of the same key merged into one, their sub-selections merged likewise. */
export function merge(fields: readonly Selected[]): Selected[] {
  const byKey = new Map<string, Selected>();
  for (const f of fields) {
    const seen = byKey.get(f.key);
    byKey.set(f.key, seen ? { ...seen, fields: merge([...seen.fields, ...f.fields]) } : f);
  }
  return [...byKey.values()];
}

/** The fields asked below the given field nodes of `type` (e.g. one root field's nodes). */
export function walk(scope: WalkScope, type: GraphQLNamedType, nodes: readonly FieldNode[]): Selected[] {
  const into = new Map<string, Selected>();
  for (const node of nodes) collect(scope, type, node.selectionSet, into);
  return [...into.values()];
}

/** The root fields of an operation's selection set. */
export function walkRoot(scope: WalkScope, root: GraphQLNamedType, set: SelectionSetNode): Selected[] {
  const into = new Map<string, Selected>();
  collect(scope, root, set, into);
  return [...into.values()];
}

/** The merged sub-selections of every field named `name` among `fields`. */
export function childrenOf(fields: readonly Selected[], name: string): Selected[] {
  return merge(fields.filter((f) => f.name === name).flatMap((f) => f.fields));
}

/** True when a field of `type` named `name` is asked anywhere below `fields`. */
export function asksFor(fields: readonly Selected[], type: string, name: string): boolean {
  return fields.some((f) => (f.parentType === type && f.name === name) || asksFor(f.fields, type, name));
}
