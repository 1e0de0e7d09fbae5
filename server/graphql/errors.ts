/**
 * The expected errors of the API, each with a stable `extensions.code` that clients can branch on.
 * Anything else is masked by yoga as an internal error.
 */
import { GraphQLError } from 'graphql';

/** The stable codes of expected errors. */
export type ErrorCode = 'NOT_FOUND' | 'BAD_USER_INPUT' | 'UNAUTHENTICATED' | 'FORBIDDEN' | 'LIMIT_EXCEEDED';

/** An expected error: shown to the client as is, with `extensions.code`. */
export function apiError(code: ErrorCode, message: string, extra: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { code, ...extra } });
}

/** Bad argument: says which argument and why. */
export const badInput = (argument: string, why: string): GraphQLError =>
  apiError('BAD_USER_INPUT', `Argument "${argument}": ${why}`, { argument });

export const notFound = (what: string, id: string): GraphQLError => apiError('NOT_FOUND', `No ${what} with id "${id}"`, { id });
