import pino, { type Logger } from 'pino';

export type { Logger };

/** JSON logs, one line per event; `service` names the process in every line. */
export function createLogger(service: string, level: string): Logger {
  return pino({ level, base: { service }, timestamp: pino.stdTimeFunctions.isoTime });
}
