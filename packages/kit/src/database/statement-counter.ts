import type { Logger as TypeOrmLogger } from 'typeorm';
import type { Logger } from 'pino';
import { callerGoneSignal, requestObservation } from '../server/caller-scope';

/**
 * TypeORM logger that counts every SQL statement sent (the N+1 tests and the
 * benchmark read the count) and sends TypeORM's messages to the JSON log.
 */
export class StatementCounter implements TypeOrmLogger {
  statements = 0;

  /** The statements sent, kept only when capture is on (the benchmark replays them to measure the SQL floor). */
  captured: { sql: string; parameters: unknown[] }[] | null = null;

  constructor(private readonly logger: Logger) {}

  logQuery(query: string, parameters?: unknown[]): void {
    this.statements += 1;
    requestObservation()?.statementSent();
    if (this.captured && this.captured.length < 10_000) {
      this.captured.push({ sql: query, parameters: parameters ?? [] });
    }
    this.logger.trace({ sql: query }, 'sql');
  }

  logQueryError(error: string | Error, query: string): void {
    if (callerGoneSignal()?.aborted) {
      // Cancelled because its caller has gone (cancelWhenCallerGone): expected, not a failure.
      this.logger.debug({ sql: query }, 'sql cancelled: the caller has gone');
      return;
    }
    this.logger.warn({ err: error, sql: query }, 'sql failed');
  }

  logQuerySlow(time: number, query: string): void {
    this.logger.warn({ ms: time, sql: query }, 'slow sql');
  }

  logSchemaBuild(message: string): void {
    this.logger.debug(message);
  }

  logMigration(message: string): void {
    this.logger.info(message);
  }

  log(level: 'log' | 'info' | 'warn', message: unknown): void {
    this.logger[level === 'warn' ? 'warn' : 'debug'](String(message));
  }
}
