/** A small HTTP client for the drills: every call has a deadline and reports how long it took. */

/** What came back from one request. */
export interface HttpResult {
  status: number;
  /** Parsed JSON body, or undefined when the body was not JSON. */
  json: any;
  text: string;
  ms: number;
  headers: Headers;
}

/** A request that got no answer at all (connection refused, reset, or past the deadline). */
export class NoAnswerError extends Error {
  constructor(readonly ms: number, readonly reason: string) {
    super(`no answer after ${ms.toFixed(0)} ms: ${reason}`);
    this.name = 'NoAnswerError';
  }
}

/** Sends a request and reads the whole body; throws NoAnswerError when nothing comes back in time. */
export async function request(url: string, init: RequestInit = {}, timeoutMs = 60_000): Promise<HttpResult> {
  const started = performance.now();
  try {
    const response = await fetch(url, { ...init, signal: AbortSignal.timeout(timeoutMs) });
    const text = await response.text();
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
    return { status: response.status, json, text, ms: performance.now() - started, headers: response.headers };
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause?.code;
    throw new NoAnswerError(performance.now() - started, cause ?? (error as Error).name + ': ' + (error as Error).message);
  }
}

/** Options of {@link graphql}. */
export interface GraphQLRequestOptions {
  variables?: Record<string, unknown>;
  operationName?: string;
  /** Bearer token for curation mutations. */
  token?: string;
  headers?: Record<string, string>;
  timeoutMs?: number;
}

/** POSTs one GraphQL operation as JSON to `${baseUrl}/graphql`. */
export function graphql(baseUrl: string, query: string, options: GraphQLRequestOptions = {}): Promise<HttpResult> {
  const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json', ...options.headers };
  if (options.token !== undefined) headers.authorization = `Bearer ${options.token}`;
  return request(
    `${baseUrl}/graphql`,
    { method: 'POST', headers, body: JSON.stringify({ query, variables: options.variables, operationName: options.operationName }) },
    options.timeoutMs,
  );
}
