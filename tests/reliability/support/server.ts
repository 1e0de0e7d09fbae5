/** An in-process aidgraph server for a drill, on a free port, logging nothing unless asked. */
import { createLogger } from '../../../server/logging/logger.ts';
import { runServer, type RunningServer } from '../../../server/main.ts';
import { testConfig } from '../../helpers/env.ts';
import type { Config } from '../../../server/config/env.ts';

/** A running server and the config it runs with. */
export interface DrillServer extends RunningServer {
  config: Config;
}

/** Starts aidgraph with testConfig(overrides) (NEO4J_* of the shared test database unless overridden). */
export async function startServer(overrides: Record<string, string | undefined> = {}): Promise<DrillServer> {
  const config = testConfig(overrides);
  const logger = createLogger(process.env.AIDGRAPH_DRILL_VERBOSE ? 'warn' : 'silent');
  const running = await runServer(config, logger);
  return Object.assign(running, { config });
}

/** A test admin token (at least 16 characters, as the config demands). */
export const ADMIN_TOKEN = 'reliability-drill-admin-token-0123456789';
