/**
 * Yoga and its CSRF plugin refuse some requests before any GraphQL runs (a body over the limit,
 * a cross-site "simple" request). Their errors carry yoga's own wording and codes; these
 * functions give them the stable codes and messages this API documents, keeping the HTTP status.
 */
import { GraphQLError } from 'graphql';

/** Headers accepted as proof that a "simple" request was not forged by a cross-site form. */
export const CSRF_HEADERS = ['x-graphql-yoga-csrf', 'graphql-require-preflight', 'apollo-require-preflight', 'x-aidgraph-csrf'];

// Yoga's body limit answers 413 with this code; the CSRF plugin answers 403 with no code at all.
const YOGA_TOO_LARGE = 'REQUEST_ENTITY_TOO_LARGE';

const httpStatusOf = (error: GraphQLError): number | undefined =>
  (error.extensions?.http as { status?: number } | undefined)?.status;

/**
 * The documented error for a request refused at the HTTP level, or undefined when `error` is not
 * one of those. `maxBodyBytes` is only used to word the message.
 */
export function requestLevelError(error: GraphQLError, maxBodyBytes: number): GraphQLError | undefined {
  const code = error.extensions?.code;
  const status = httpStatusOf(error);
  if (code === YOGA_TOO_LARGE) {
    return new GraphQLError(`Request body larger than ${maxBodyBytes} bytes`, { extensions: { code: 'LIMIT_EXCEEDED', http: { status: 413 } } });
  }
  if (status === 403 && code === undefined) {
    return new GraphQLError(`CSRF prevention: send a JSON POST, or add the header "${CSRF_HEADERS[0]}: 1" to this request.`, {
      extensions: { code: 'FORBIDDEN', http: { status: 403 } },
    });
  }
  return undefined;
}
