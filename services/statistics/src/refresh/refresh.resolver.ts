import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { authorize, detachedFromCaller } from '@shequ/kit';
import { statisticsPolicy } from '../access-policy';
import type { StatisticsContext } from '../context';
import { REFRESH_LOCK, runRefresh } from './refresh';
import { StatisticsRefresh, StatisticsStatus } from './refresh.types';

@Resolver()
export class RefreshResolver {
  @Query(() => StatisticsStatus, { description: 'When the store was last refreshed and whether a refresh runs now (public).' })
  async statisticsStatus(@Ctx() context: StatisticsContext): Promise<StatisticsStatus> {
    const [row] = await context.dataSource.query(
      `SELECT (SELECT max(finished_at) FROM statistics.refresh_log) AS as_of,
              EXISTS (SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND database = (SELECT oid FROM pg_database WHERE datname = current_database()) AND classid = $1 AND objid = $2 AND granted) AS refreshing,
              (SELECT row_to_json(r) FROM (SELECT started_at, finished_at, "full", months_collected, rows_written, departments
                                           FROM statistics.refresh_log ORDER BY id DESC LIMIT 1) r) AS last`,
      [REFRESH_LOCK.classId, REFRESH_LOCK.objectId],
    );
    const last = row.last as { started_at: string; finished_at: string | null; full: boolean; months_collected: number; rows_written: number; departments: string[] } | null;
    return {
      asOf: row.as_of ? new Date(row.as_of) : null,
      refreshing: row.refreshing,
      lastRefresh: last
        ? {
            startedAt: new Date(last.started_at),
            finishedAt: last.finished_at ? new Date(last.finished_at) : null,
            full: last.full,
            monthsCollected: last.months_collected,
            rowsWritten: last.rows_written,
            departments: last.departments,
          }
        : null,
    };
  }

  @Mutation(() => StatisticsRefresh, {
    description:
      'Refreshes the store from the department feeds now (admin only): changed months, or every month with full. Waits for a refresh already running. Answers when the refresh has finished, or after a few seconds with the refresh still running (finishedAt null): it goes on, and statisticsStatus says when it is done.',
  })
  async refreshStatistics(@Ctx() context: StatisticsContext, @Arg('full', { defaultValue: false }) full: boolean): Promise<StatisticsRefresh> {
    authorize(statisticsPolicy, 'refreshStatistics', context.viewer);
    // The store's work, not the request's: a caller that leaves (or a gateway deadline) does not cancel it.
    const refresh = detachedFromCaller(() => runRefresh(context.dataSource, context.loaders.refresh.feeds(context.requestId), { full, logger: context.logger }));
    refresh.catch((error: unknown) => context.logger.error({ err: error }, 'statistics refresh failed'));
    let answerWait: NodeJS.Timeout | undefined;
    const stillRunning = new Promise<null>((resolve) => {
      answerWait = setTimeout(() => resolve(null), REFRESH_ANSWER_WAIT_MS);
    });
    const finished = await Promise.race([refresh, stillRunning]);
    clearTimeout(answerWait);
    if (finished) {
      return finished;
    }
    const status = await this.statisticsStatus(context);
    return status.lastRefresh as StatisticsRefresh;
  }
}

/** How long refreshStatistics waits for the refresh before answering that it still runs: within the gateway's subgraph deadline. */
const REFRESH_ANSWER_WAIT_MS = 8_000;
