/**
 * The cost check as a yoga plugin: walks the operation once (plans/selection.ts), refuses it
 * when its cost (plans/cost.ts) is over the limit, and keeps the walked root fields for the
 * resolvers' plans.
 */
import { getVariableValues, Kind, type FragmentDefinitionNode, type OperationDefinitionNode } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { walkRoot } from '../plans/selection.ts';
import { costLimitError, selectionCost } from '../plans/cost.ts';
import { rememberRoots } from '../plans/request.ts';

/** The plugin; `limit` is the largest cost allowed. */
export function listBudget(limit: number): Plugin {
  return {
    onExecute({ args, setResultAndStopExecution }) {
      const fragments: Record<string, FragmentDefinitionNode> = {};
      let operation: OperationDefinitionNode | undefined;
      for (const def of args.document.definitions) {
        if (def.kind === Kind.FRAGMENT_DEFINITION) fragments[def.name.value] = def;
        else if (def.kind === Kind.OPERATION_DEFINITION && (!args.operationName || def.name?.value === args.operationName)) operation ??= def;
      }
      if (!operation) return;
      const root = operation.operation === 'mutation' ? args.schema.getMutationType() : args.schema.getQueryType();
      const coerced = getVariableValues(args.schema, operation.variableDefinitions ?? [], (args.variableValues ?? {}) as Record<string, unknown>);
      // Variables that do not fit are reported by execution itself; there is nothing to price.
      if (!root || coerced.errors) return;
      let roots;
      try {
        roots = walkRoot({ schema: args.schema, fragments, variables: coerced.coerced }, root, operation.selectionSet);
      } catch {
        return; // arguments execution will refuse with its own error
      }
      const cost = selectionCost(roots);
      if (cost > limit) {
        setResultAndStopExecution({ errors: [costLimitError(cost, limit)] });
        return;
      }
      if (args.contextValue && typeof args.contextValue === 'object') rememberRoots(args.contextValue, operation, roots);
    },
  };
}
