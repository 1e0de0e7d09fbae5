/**
 * A cost check that knows list sizes: every field costs 1 times the page sizes (`first`,
 * `limit`) of the lists around it, with arguments taken from the request's variables. A request
 * over budget is refused with LIMIT_EXCEEDED before any resolver (and so any Cypher) runs.
 * graphql-armor's costLimit does not see `first`, hence this complement.
 */
import {
  getArgumentValues,
  getNamedType,
  isObjectType,
  isInterfaceType,
  isAbstractType,
  Kind,
  GraphQLError,
  type GraphQLSchema,
  type GraphQLNamedType,
  type SelectionSetNode,
  type FragmentDefinitionNode,
  type OperationDefinitionNode,
  type GraphQLField,
} from 'graphql';
import type { Plugin } from 'graphql-yoga';

/** Arguments that size a list, and the default when absent (from the SDL's defaults). */
const SIZE_ARGS = ['first', 'limit'];

interface Walk {
  schema: GraphQLSchema;
  fragments: Record<string, FragmentDefinitionNode>;
  variables: Record<string, unknown>;
}

function field(walk: Walk, type: GraphQLNamedType, name: string): GraphQLField<unknown, unknown> | undefined {
  if (isObjectType(type) || isInterfaceType(type)) {
    const f = type.getFields()[name];
    if (f) return f;
  }
  if (isAbstractType(type)) for (const t of walk.schema.getPossibleTypes(type)) if (t.getFields()[name]) return t.getFields()[name];
  return undefined;
}

function cost(walk: Walk, type: GraphQLNamedType, set: SelectionSetNode | undefined, seen: Set<string>): number {
  if (!set) return 0;
  let total = 0;
  for (const sel of set.selections) {
    if (sel.kind === Kind.INLINE_FRAGMENT) {
      total += cost(walk, sel.typeCondition ? walk.schema.getType(sel.typeCondition.name.value) ?? type : type, sel.selectionSet, seen);
    } else if (sel.kind === Kind.FRAGMENT_SPREAD) {
      const frag = walk.fragments[sel.name.value];
      if (!frag || seen.has(frag.name.value)) continue;
      total += cost(walk, walk.schema.getType(frag.typeCondition.name.value) ?? type, frag.selectionSet, new Set([...seen, frag.name.value]));
    } else {
      const def = field(walk, type, sel.name.value);
      if (!def) {
        total += 1;
        continue;
      }
      let size = 1;
      if (def.args.some((a) => SIZE_ARGS.includes(a.name))) {
        try {
          const args = getArgumentValues(def, sel, walk.variables);
          for (const name of SIZE_ARGS) if (typeof args[name] === 'number') size = Math.max(1, args[name] as number);
        } catch {
          // bad arguments are reported by execution; count the field once
        }
      }
      total += size * (1 + cost(walk, getNamedType(def.type), sel.selectionSet, seen));
    }
  }
  return total;
}

/** The estimated cost of an operation (fields x page sizes). */
export function operationCost(schema: GraphQLSchema, operation: OperationDefinitionNode, fragments: Record<string, FragmentDefinitionNode>, variables: Record<string, unknown>): number {
  const root = operation.operation === 'mutation' ? schema.getMutationType() : schema.getQueryType();
  if (!root) return 0;
  return cost({ schema, fragments, variables }, root, operation.selectionSet, new Set());
}

/** The plugin; `budget` is the largest cost allowed. */
export function listBudget(budget: number): Plugin {
  return {
    onExecute({ args, setResultAndStopExecution }) {
      const fragments: Record<string, FragmentDefinitionNode> = {};
      let operation: OperationDefinitionNode | undefined;
      for (const def of args.document.definitions) {
        if (def.kind === Kind.FRAGMENT_DEFINITION) fragments[def.name.value] = def;
        else if (def.kind === Kind.OPERATION_DEFINITION && (!args.operationName || def.name?.value === args.operationName)) operation ??= def;
      }
      if (!operation) return;
      const total = operationCost(args.schema, operation, fragments, (args.variableValues ?? {}) as Record<string, unknown>);
      if (total > budget) {
        setResultAndStopExecution({
          errors: [new GraphQLError(`Query too expensive: estimated cost ${total} exceeds ${budget} (fields times page sizes; ask for smaller pages or fewer nested lists)`, { extensions: { code: 'LIMIT_EXCEEDED' } })],
        });
      }
    },
  };
}
