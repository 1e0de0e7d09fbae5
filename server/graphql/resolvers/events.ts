/** Resolver of events (the Event type's fields are the entity resolvers'). */
import type { Resolvers } from '../generated/schema-types.ts';
import { eventDateKey, listEvents } from '../../repositories/events.ts';
import { eventsPlan } from '../plans/events.ts';
import { connection, planOf } from './common.ts';

export const eventResolvers: Resolvers = {
  Query: {
    events: async (_p, _a, ctx, info) => connection(await listEvents(ctx.db, planOf(ctx, info, eventsPlan)), (row) => ({ at: eventDateKey(row), id: row.id })),
  },
};
