/**
 * Builds the walked root fields of a GraphQL document against the real schema, with no
 * database: parse, validate, coerce the variables, walk.
 */
import { getVariableValues, Kind, parse, validate, type FragmentDefinitionNode, type OperationDefinitionNode } from 'graphql';
import { buildSchema } from '../../../server/graphql/schema.ts';
import { walkRoot, type Selected } from '../../../server/graphql/plans/selection.ts';

/** The root fields of `document` (its first operation), walked as a request would be. */
export function rootsOf(document: string, variables: Record<string, unknown> = {}): Selected[] {
  const schema = buildSchema();
  const doc = parse(document);
  const errors = validate(schema, doc);
  if (errors.length > 0) throw new Error(`invalid document: ${errors.map((e) => e.message).join('; ')}`);
  const fragments: Record<string, FragmentDefinitionNode> = {};
  let operation: OperationDefinitionNode | undefined;
  for (const def of doc.definitions) {
    if (def.kind === Kind.FRAGMENT_DEFINITION) fragments[def.name.value] = def;
    else if (def.kind === Kind.OPERATION_DEFINITION) operation ??= def;
  }
  if (!operation) throw new Error('no operation');
  const root = operation.operation === 'mutation' ? schema.getMutationType() : schema.getQueryType();
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], variables);
  if (coerced.errors) throw new Error(coerced.errors.map((e) => e.message).join('; '));
  return walkRoot({ schema, fragments, variables: coerced.coerced }, root!, operation.selectionSet);
}

/** The one root field of `document`. */
export function rootOf(document: string, variables: Record<string, unknown> = {}): Selected {
  const roots = rootsOf(document, variables);
  if (roots.length !== 1) throw new Error(`expected one root field, got ${roots.length}`);
  return roots[0]!;
}
