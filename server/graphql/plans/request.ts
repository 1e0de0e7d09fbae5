/**
 * One walk per request: the cost check walks the operation before execution and keeps the root
 * fields here, keyed by the request's context; each root resolver then builds its plan from its
 * own field. A resolver run without that check (a test executing the schema directly) walks its
 * field itself, with the same walker.
 */
import { getArgumentValues, getNamedType, type GraphQLResolveInfo, type OperationDefinitionNode } from 'graphql';
import { selectionKey, walk, type Selected } from './selection.ts';

interface Walked {
  operation: OperationDefinitionNode;
  roots: ReadonlyMap<string, Selected>;
}

const walked = new WeakMap<object, Walked>();

/** Keeps the walked root fields of the operation about to run with `context`. */
export function rememberRoots(context: object, operation: OperationDefinitionNode, roots: readonly Selected[]): void {
  walked.set(context, { operation, roots: new Map(roots.map((r) => [r.alias, r])) });
}

/** The root field a resolver serves, as the walker saw it. */
export function rootField(context: unknown, info: GraphQLResolveInfo): Selected {
  const alias = String(info.path.key);
  const kept = context !== null && typeof context === 'object' ? walked.get(context) : undefined;
  const hit = kept?.operation === info.operation ? kept.roots.get(alias) : undefined;
  if (hit) return hit;
  const def = info.parentType.getFields()[info.fieldName];
  if (!def || !info.fieldNodes[0]) throw new Error(`no definition of ${info.parentType.name}.${info.fieldName}`);
  const args = getArgumentValues(def, info.fieldNodes[0], info.variableValues);
  const scope = { schema: info.schema, fragments: info.fragments, variables: info.variableValues };
  const type = getNamedType(info.returnType);
  return { name: info.fieldName, alias, key: selectionKey(alias, args), args, parentType: info.parentType.name, type: type.name, fields: walk(scope, type, info.fieldNodes) };
}
