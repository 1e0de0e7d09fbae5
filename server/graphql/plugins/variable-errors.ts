/**
 * Variables that do not fit their types are the caller's mistake: give those errors the stable
 * code BAD_USER_INPUT (graphql-js reports them without one).
 */
import { GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';

const VARIABLE_ERROR = /^Variable "\$[^"]+" (got invalid value|of required type|of non-null type)/;

function withCode(error: GraphQLError): GraphQLError {
  if (error.extensions?.code || !VARIABLE_ERROR.test(error.message)) return error;
  return new GraphQLError(error.message, { nodes: error.nodes, extensions: { ...error.extensions, code: 'BAD_USER_INPUT' } });
}

/** The plugin. */
export function variableErrorCodes(): Plugin {
  return {
    onExecute() {
      return {
        onExecuteDone({ result, setResult }) {
          if (!('errors' in result) || !result.errors?.length) return;
          setResult({ ...result, errors: result.errors.map(withCode) });
        },
      };
    },
  };
}
