/** Structured JSON logs (pino); one logger per process, children per component. */
import { pino, type Logger } from 'pino';

export type { Logger };

/** Creates the process logger at the given level. */
export function createLogger(level: string = process.env.LOG_LEVEL ?? 'info'): Logger {
  return pino({ level, base: { service: 'aidgraph' } });
}
