/** Opaque keyset cursors: base64url of a JSON value, checked for shape when read back. */
import type { EventCursor, FlowCursor, NameCursor } from '../../repositories/plan.ts';
import { badInput } from '../errors.ts';

/** The cursor of a row. */
export function encodeCursor(value: NameCursor | FlowCursor | EventCursor): string {
  return Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');
}

function decode<T>(name: string, cursor: string | null, check: (v: unknown) => v is T): T | null {
  if (cursor === null) return null;
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (check(value)) return value;
  } catch {
    // fall through to the error below
  }
  throw badInput(name, 'is not a cursor returned by this list (pageInfo.endCursor)');
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

/** A (name, id) cursor of the actor and authority lists. */
export const nameCursor = (name: string, cursor: string | null): NameCursor | null =>
  decode(name, cursor, (v): v is NameCursor => isRecord(v) && typeof v.name === 'string' && typeof v.id === 'string');

/** An (amount, id) cursor of the flow list. */
export const flowCursor = (name: string, cursor: string | null): FlowCursor | null =>
  decode(name, cursor, (v): v is FlowCursor => isRecord(v) && typeof v.amountUsd === 'number' && typeof v.id === 'string');

/** A (date key, id) cursor of the event list. */
export const eventCursor = (name: string, cursor: string | null): EventCursor | null =>
  decode(name, cursor, (v): v is EventCursor => isRecord(v) && typeof v.at === 'number' && Number.isSafeInteger(v.at) && typeof v.id === 'string');
