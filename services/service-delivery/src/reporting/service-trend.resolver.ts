import { Arg, Ctx, Field, Float, Int, ObjectType, Query, Resolver } from 'type-graphql';
import { chinaInstantSql, chinaLocalSql, chinaPeriodSql, codeWithinPrefix, Granularity, periodLabel, readTrendWindow, truncUnit, Weight } from '@shequ/kit';
import type { ServiceDeliveryContext } from '../context';

@ObjectType({ description: 'Service requests in one period of a trend.' })
export class ServiceRequestTrendPoint {
  @Field({ description: '2026-03, 2026-Q1 or 2026.' })
  period: string;

  @Field(() => Date, { description: 'When the period starts (UTC).' })
  start: Date;

  @Field(() => Int, { description: 'Requests submitted in the period.' })
  submitted: number;

  @Field(() => Int, { description: 'Requests resolved in the period.' })
  resolved: number;

  @Field(() => Float, { nullable: true, description: 'Of those resolved in the period, the share resolved within 15 days of submission; null when none.' })
  resolvedWithin15DaysRate: number | null;

  @Field(() => Float, { nullable: true, description: 'Mean satisfaction of the rated requests resolved in the period.' })
  averageSatisfaction: number | null;
}

const STEP: Record<Granularity, string> = { MONTH: '1 month', QUARTER: '3 months', YEAR: '1 year' };

@Resolver()
export class ServiceTrendResolver {
  @Query(() => [ServiceRequestTrendPoint], {
    description: 'Service requests of a region per period over [from, to), every period listed (empty ones as zero). Periods are cut in China time (Asia/Shanghai); the first and last count only what falls inside the range.',
  })
  @Weight(4500)
  async serviceRequestTrend(
    @Ctx() context: ServiceDeliveryContext,
    @Arg('regionCode') regionCode: string,
    @Arg('from', () => Date) from: Date,
    @Arg('to', () => Date) to: Date,
    @Arg('granularity', () => Granularity, { defaultValue: Granularity.MONTH }) granularity: Granularity,
  ): Promise<ServiceRequestTrendPoint[]> {
    const window = readTrendWindow({ regionCode, from, to, granularity });
    const unit = truncUnit(window.granularity);
    const rows: { start: Date; submitted: number; resolved: number; rate: number | null; satisfaction: number | null }[] = await context.dataSource.query(
      `WITH periods AS (
         SELECT period AS start
         FROM generate_series(${chinaPeriodSql('$2::timestamptz', '$4::text')}, ${chinaLocalSql('$3::timestamptz')} - interval '1 microsecond', $5::interval) AS period
       ),
       submitted AS (
         SELECT ${chinaPeriodSql('r.submitted_at', '$4::text')} AS start, count(*)::int AS n
         FROM service_delivery.service_request r
         WHERE ${codeWithinPrefix('r.community_code', '$1')} AND r.submitted_at >= $2 AND r.submitted_at < $3
         GROUP BY 1
       ),
       resolved AS (
         SELECT ${chinaPeriodSql('r.resolved_at', '$4::text')} AS start, count(*)::int AS n,
                (count(*) FILTER (WHERE r.resolved_at <= r.submitted_at + interval '15 days'))::float8 / count(*) AS rate,
                avg(r.satisfaction)::float8 AS satisfaction
         FROM service_delivery.service_request r
         WHERE ${codeWithinPrefix('r.community_code', '$1')} AND r.resolved_at >= $2 AND r.resolved_at < $3
         GROUP BY 1
       )
       SELECT ${chinaInstantSql('p.start')} AS start, coalesce(s.n, 0) AS submitted, coalesce(v.n, 0) AS resolved, v.rate, v.satisfaction
       FROM periods p
       LEFT JOIN submitted s ON s.start = p.start
       LEFT JOIN resolved v ON v.start = p.start
       ORDER BY p.start`,
      [window.prefix, window.from, window.to, unit, STEP[window.granularity]],
    );
    return rows.map((row) => ({
      period: periodLabel(row.start, window.granularity),
      start: row.start,
      submitted: row.submitted,
      resolved: row.resolved,
      resolvedWithin15DaysRate: row.rate,
      averageSatisfaction: row.satisfaction,
    }));
  }
}
