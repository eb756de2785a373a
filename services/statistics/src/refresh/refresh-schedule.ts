import type { DataSource } from 'typeorm';
import type { Logger } from '@shequ/kit';
import type { FeedFactory } from '../loaders';
import { runRefresh } from './refresh';

/**
 * Refreshes the store every `intervalSeconds` in this process (0: never),
 * one run at a time; the advisory lock keeps runs of several processes apart.
 * Returns the function that stops the schedule.
 */
export function scheduleRefresh(dataSource: DataSource, feeds: FeedFactory, intervalSeconds: number, logger: Logger): () => void {
  if (intervalSeconds <= 0) {
    return () => undefined;
  }
  let running: Promise<unknown> | null = null;
  const tick = () => {
    if (running) {
      return;
    }
    running = runRefresh(dataSource, feeds(''), { full: false, logger })
      .then((record) => logger.info({ monthsCollected: record.monthsCollected, rowsWritten: record.rowsWritten, departments: record.departments }, 'statistics refreshed'))
      .catch((error: unknown) => logger.error({ err: error }, 'statistics refresh failed; the store keeps its figures'))
      .finally(() => {
        running = null;
      });
  };
  const timer = setInterval(tick, intervalSeconds * 1000);
  timer.unref();
  setImmediate(tick);
  return () => clearInterval(timer);
}
