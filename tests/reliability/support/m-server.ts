/**
 * The fixture of the drills on the M data set: the cached M database and a drill server on it,
 * set up before the describe block's tests and released after them.
 */
import { afterAll, beforeAll } from 'vitest';
import { mDatabase, type MDatabase } from './m-dataset.ts';
import { startServer, type DrillServer } from './server.ts';

export interface MServer {
  m: MDatabase;
  server: DrillServer;
}

/** Registers the hooks in the calling describe block; the fields are set once beforeAll ran. */
export function useMServer(): MServer {
  const fixture = {} as MServer;
  beforeAll(async () => {
    fixture.m = await mDatabase();
    fixture.server = await startServer(fixture.m.db.env());
  });
  afterAll(async () => {
    await fixture.server?.close();
    await fixture.m?.release();
  });
  return fixture;
}
