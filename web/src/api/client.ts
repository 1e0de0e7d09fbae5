/**
 * The one GraphQL client of the page: POST JSON to the same-origin `/graphql` endpoint.
 * Errors are classified so views can show the right state (API down, over the limit, bad input).
 */

/** Why a request failed. */
export type ApiErrorKind = 'network' | 'http' | 'limit' | 'input' | 'server' | 'aborted';

/** A failed GraphQL request, with a kind the UI can act on. */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly kind: ApiErrorKind,
    readonly status?: number,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

interface GraphQLErrorShape {
  message: string;
  extensions?: { code?: string };
}

// graphql-armor and the API's own bounds report limits as errors with these codes or words.
const LIMIT_CODES = new Set(['COST_LIMIT', 'DEPTH_LIMIT', 'TOKEN_LIMIT', 'ALIAS_LIMIT', 'LIMIT_EXCEEDED', 'TOO_MANY']);
const LIMIT_WORDS = /limit|too many|too large|exceed|maximum/i;

function classify(errors: GraphQLErrorShape[]): ApiErrorKind {
  const first = errors[0];
  const code = first?.extensions?.code ?? '';
  if (LIMIT_CODES.has(code) || LIMIT_WORDS.test(first?.message ?? '')) return 'limit';
  if (code === 'BAD_USER_INPUT' || code === 'GRAPHQL_VALIDATION_FAILED' || code === 'NOT_FOUND') return 'input';
  return 'server';
}

/** Endpoint, resolved against the page so a sub-path deployment still works. */
export function endpoint(): string {
  return new URL('graphql', document.baseURI).toString();
}

/**
 * Run one GraphQL operation and return its `data`.
 * @throws ApiError with kind 'network' when the server cannot be reached.
 */
export async function gql<T>(query: string, variables: Record<string, unknown> = {}, signal?: AbortSignal): Promise<T> {
  let response: Response;
  try {
    response = await fetch(endpoint(), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/graphql-response+json, application/json' },
      body: JSON.stringify({ query, variables }),
      signal,
    });
  } catch (err) {
    if ((err as Error).name === 'AbortError') throw new ApiError('Request cancelled', 'aborted');
    throw new ApiError('Cannot reach the API. Is the server running?', 'network');
  }
  let body: { data?: T | null; errors?: GraphQLErrorShape[] } | undefined;
  try {
    body = (await response.json()) as typeof body;
  } catch {
    throw new ApiError(`The API answered HTTP ${response.status} without JSON`, response.status >= 500 ? 'network' : 'http', response.status);
  }
  if (body?.errors?.length) {
    const message = body.errors.map((e) => e.message).join('; ');
    throw new ApiError(message, classify(body.errors), response.status);
  }
  if (!response.ok || body?.data == null) {
    throw new ApiError(`The API answered HTTP ${response.status}`, 'http', response.status);
  }
  return body.data;
}

/** True when the error is only a cancelled request (a newer one replaced it). */
export function isAbort(err: unknown): boolean {
  return err instanceof ApiError && err.kind === 'aborted';
}
