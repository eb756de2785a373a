import { Arg, Ctx, Field, Float, Int, ObjectType, Query, Resolver } from 'type-graphql';
import { chinaInstantSql, chinaMidnight, chinaPeriodSql, codeWithinPrefix, Granularity, periodLabel, readTrendWindow, truncUnit, Weight } from '@shequ/kit';
import type { VolunteersContext } from '../context';

@ObjectType({ description: 'Volunteering in one period of a trend.' })
export class VolunteerHoursTrendPoint {
  @Field({ description: 'e.g. 2026-03, 2026-Q1 or 2026.' })
  period: string;

  @Field(() => Date, { description: 'When the period starts: midnight of its first day in China time.' })
  start: Date;

  @Field(() => Float, { description: 'Confirmed hours served in the period (by the activity\'s community and date).' })
  confirmedHours: number;

  @Field(() => Int, { description: 'Distinct volunteers with confirmed hours served in the period.' })
  servingVolunteers: number;

  @Field(() => Int, { description: 'Activities that started in the period.' })
  activities: number;

  @Field(() => Int, { description: 'Volunteers registered in the period.' })
  newVolunteers: number;
}

/**
 * One statement: the periods from generate_series, so an empty period is a
 * row of zeros, left-joined to each aggregate. $1 prefix, $2 from, $3 to
 * (dates, `to` exclusive). Days are China days; activity instants are bucketed by the China day they start on.
 */
function trendSql(granularity: Granularity): string {
  const unit = truncUnit(granularity);
  return `
    WITH periods AS (
      SELECT generate_series(date_trunc('${unit}', $2::date::timestamp), ($3::date - 1)::timestamp, interval '1 ${unit}') AS start
    ), hours AS (
      SELECT date_trunc('${unit}', s.served_on::timestamp) AS start, sum(s.hours)::float8 AS hours, count(DISTINCT s.volunteer_id)::int AS volunteers
      FROM volunteers.activity_signup s
      WHERE ${codeWithinPrefix('s.community_code', '$1')} AND s.confirmed_at IS NOT NULL AND s.served_on >= $2::date AND s.served_on < $3::date
      GROUP BY 1
    ), held AS (
      SELECT ${chinaPeriodSql('a.starts_at', `'${unit}'`)} AS start, count(*)::int AS activities
      FROM volunteers.activity a
      WHERE ${codeWithinPrefix('a.community_code', '$1')}
        AND a.starts_at >= ${chinaInstantSql('$2::date::timestamp')} AND a.starts_at < ${chinaInstantSql('$3::date::timestamp')}
      GROUP BY 1
    ), registered AS (
      SELECT date_trunc('${unit}', v.registered_on::timestamp) AS start, count(*)::int AS volunteers
      FROM volunteers.volunteer v
      WHERE ${codeWithinPrefix('v.community_code', '$1')} AND v.registered_on >= $2::date AND v.registered_on < $3::date
      GROUP BY 1
    )
    SELECT to_char(p.start, 'YYYY-MM-DD') AS start, coalesce(h.hours, 0)::float8 AS "confirmedHours", coalesce(h.volunteers, 0) AS "servingVolunteers",
           coalesce(a.activities, 0) AS activities, coalesce(r.volunteers, 0) AS "newVolunteers"
    FROM periods p
    LEFT JOIN hours h ON h.start = p.start
    LEFT JOIN held a ON a.start = p.start
    LEFT JOIN registered r ON r.start = p.start
    ORDER BY p.start`;
}

@Resolver()
export class VolunteerHoursTrendResolver {
  @Query(() => [VolunteerHoursTrendPoint], { description: 'Volunteering in a region per period from `from` (inclusive) to `to` (exclusive), dates YYYY-MM-DD; empty periods are zeros.' })
  @Weight(20000)
  async volunteerHoursTrend(
    @Ctx() context: VolunteersContext,
    @Arg('regionCode') regionCode: string,
    @Arg('from') from: string,
    @Arg('to') to: string,
    @Arg('granularity', () => Granularity, { defaultValue: Granularity.MONTH }) granularity: Granularity,
  ): Promise<VolunteerHoursTrendPoint[]> {
    const window = readTrendWindow({ regionCode, from, to, granularity });
    const rows: (Omit<VolunteerHoursTrendPoint, 'period' | 'start'> & { start: string })[] = await context.dataSource.query(trendSql(window.granularity), [window.prefix, window.from, window.to]);
    return rows.map((row) => {
      const start = chinaMidnight(row.start);
      return { ...row, start, period: periodLabel(start, window.granularity) };
    });
  }
}
