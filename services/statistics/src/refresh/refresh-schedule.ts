import type { DataSource } from 'typeorm';
import type { Logger } from '@shequ/kit';
import type { FeedFactory } from './feed-source';
import { FEED_DEPARTMENTS } from '../catalogue/measures';
import { runRefresh } from './refresh';

/** A run that could not read every department is tried again this soon, not an interval later: at start the departments may not be up yet. */
const RETRY_AFTER_MISSING_MS = 30_000;

/**
 * Refreshes the store every `intervalSeconds` in this process (0: never),
 * one run at a time; the advisory lock keeps runs of several processes apart.
 * The first run is at once; one that missed a department is retried after
 * 30 seconds.
 * Returns the function that stops the schedule.
 */
export function scheduleRefresh(dataSource: DataSource, feeds: FeedFactory, intervalSeconds: number, logger: Logger): () => void {
  if (intervalSeconds <= 0) {
    return () => undefined;
  }
  let running: Promise<unknown> | null = null;
  let stopped = false;
  const tick = () => {
    if (running) {
      return;
    }
    running = runRefresh(dataSource, feeds(''), { full: false, logger })
      .then((record) => {
        logger.info({ monthsCollected: record.monthsCollected, rowsWritten: record.rowsWritten, departments: record.departments }, 'statistics refreshed');
        return record.departments.length < FEED_DEPARTMENTS.length;
      })
      .catch((error: unknown) => {
        logger.error({ err: error }, 'statistics refresh failed; the store keeps its figures');
        return true;
      })
      .then((retry) => {
        running = null;
        if (retry && !stopped) {
          setTimeout(tick, RETRY_AFTER_MISSING_MS).unref();
        }
      });
  };
  const timer = setInterval(tick, intervalSeconds * 1000);
  timer.unref();
  setImmediate(tick);
  return () => {
    stopped = true;
    clearInterval(timer);
  };
}
