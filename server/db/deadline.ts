/**
 * A hard upper bound on one database call. The driver retries transient failures (a restarting
 * Neo4j, a lost connection) for its retry window and each attempt may wait to connect, so without
 * this bound a request during an outage could hang far past the transaction timeout.
 */

/** Neo4j could not be reached, or did not answer, in time; the client may retry later. */
export class DatabaseUnavailableError extends Error {
  readonly code = 'SERVICE_UNAVAILABLE';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'DatabaseUnavailableError';
  }
}

/** Driver error codes that mean "no database right now" rather than "bad query". */
const UNAVAILABLE_CODES = new Set(['ServiceUnavailable', 'SessionExpired']);

/** True for errors that say the database is unreachable (ours or the driver's). */
export function isUnavailable(error: unknown): boolean {
  if (error instanceof DatabaseUnavailableError) return true;
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && UNAVAILABLE_CODES.has(code);
}

/** Neo4j's codes of a transaction stopped by its timeout. */
const TIMEOUT_CODES = new Set(['Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration', 'Neo.ClientError.Transaction.TransactionTimedOut']);

/** True when Neo4j stopped the statement at its transaction timeout (the query was too heavy). */
export function isTimedOut(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && TIMEOUT_CODES.has(code);
}

/**
 * Resolves or rejects with `work`, but rejects with DatabaseUnavailableError once `ms` have
 * passed; driver errors meaning "unreachable" are turned into the same error.
 */
export async function withDeadline<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new DatabaseUnavailableError(`Neo4j did not answer within ${ms} ms`)), ms);
  });
  // The abandoned call still settles later (bounded by the driver's retry window); keep its
  // rejection from surfacing as unhandled.
  work.catch(() => undefined);
  try {
    return await Promise.race([work, deadline]);
  } catch (error) {
    if (isUnavailable(error) && !(error instanceof DatabaseUnavailableError)) {
      throw new DatabaseUnavailableError('Neo4j is unreachable', { cause: error });
    }
    throw error;
  } finally {
    clearTimeout(timer);
  }
}
