import { graphqlRequest, startTestSubgraph, testToken, type TestSubgraph } from '@shequ/kit/testing';
import { volunteersSubgraph } from '../subgraph';
import { insertVolunteersFixture } from '../testing/fixture';

let subgraph: TestSubgraph;
beforeAll(async () => {
  subgraph = await startTestSubgraph(volunteersSubgraph);
  await insertVolunteersFixture(subgraph.dataSource);
  // 300 numbered communities in street 620201001, each with a volunteer, an activity and an organisation link, for the N+1 checks
  await subgraph.dataSource.query(`
    INSERT INTO volunteers.volunteer (community_code, name, phone, id_number, skills, status, registered_on)
    SELECT '620201001' || lpad((100 + n)::text, 3, '0'), '编号' || n, '13000000000', '6202011990' || lpad(n::text, 8, '0'), '{IT}', 'ACTIVE', current_date - n
    FROM generate_series(1, 300) AS n`);
  await subgraph.dataSource.query(`
    INSERT INTO volunteers.activity (title, category, community_code, organiser_team_id, starts_at, ends_at, places)
    SELECT '编号活动' || n, 'OTHER', '620201001' || lpad((100 + n)::text, 3, '0'), '00000000-0000-4000-8000-000000000102', now() + interval '400 days', now() + interval '401 days', 5
    FROM generate_series(1, 300) AS n`);
  await subgraph.dataSource.query(`
    INSERT INTO volunteers.organization_community (organization_id, community_code)
    SELECT '00000000-0000-4000-8000-000000000203', '620201001' || lpad((100 + n)::text, 3, '0') FROM generate_series(1, 300) AS n`);
});
afterAll(() => subgraph.stop());

const STATS = `registeredVolunteers activeVolunteers registeredVolunteersPer100Residents confirmedHoursLast12Months activitiesLast12Months
  organizationsByStage { stage count } organizationsByKind { kind count }`;
const ENTITIES = `query ($representations: [_Any!]!) {
  _entities(representations: $representations) { ... on Community { code volunteerStats { ${STATS} } } ... on Region { code volunteerStats { ${STATS} } } }
}`;

function stages(counts: Partial<Record<string, number>>) {
  return ['INCUBATING', 'REGISTERED', 'ACTIVE', 'SUSPENDED'].map((stage) => ({ stage, count: counts[stage] ?? 0 }));
}

async function statsOf(representations: { code: string; population: number }[]) {
  const response = await graphqlRequest(subgraph.url, ENTITIES, {
    variables: { representations: representations.map((entity) => ({ __typename: entity.code.length === 12 ? 'Community' : 'Region', ...entity })) },
    asGateway: true,
  });
  expect(response.errors).toBeUndefined();
  return response.data._entities as { code: string; volunteerStats: Record<string, unknown> }[];
}

describe('volunteerStats', () => {
  it('gives hand-computed figures for communities and every level of region alike', async () => {
    const entities = await statsOf([
      { code: '620102001001', population: 5000 },
      { code: '620102001002', population: 4000 },
      { code: '620102002001', population: 6000 },
      { code: '620102001', population: 12000 },
      { code: '620102', population: 20000 },
      { code: '620100', population: 4359000 },
      { code: '620103001001', population: 0 },
    ]);
    const figures = (index: number) => {
      const { organizationsByStage: _stages, organizationsByKind: _kinds, ...rest } = entities[index].volunteerStats;
      return rest;
    };
    expect(figures(0)).toEqual({ registeredVolunteers: 2, activeVolunteers: 2, registeredVolunteersPer100Residents: 0.04, confirmedHoursLast12Months: 7.5, activitiesLast12Months: 1 });
    expect(figures(1)).toEqual({ registeredVolunteers: 1, activeVolunteers: 0, registeredVolunteersPer100Residents: 0.025, confirmedHoursLast12Months: 0, activitiesLast12Months: 0 });
    expect(figures(2)).toEqual({ registeredVolunteers: 1, activeVolunteers: 1, registeredVolunteersPer100Residents: 1 / 60, confirmedHoursLast12Months: 3, activitiesLast12Months: 1 });
    expect(figures(3)).toEqual({ registeredVolunteers: 3, activeVolunteers: 2, registeredVolunteersPer100Residents: 0.025, confirmedHoursLast12Months: 7.5, activitiesLast12Months: 1 });
    expect(figures(4)).toEqual({ registeredVolunteers: 4, activeVolunteers: 3, registeredVolunteersPer100Residents: 0.02, confirmedHoursLast12Months: 10.5, activitiesLast12Months: 2 });
    expect(figures(5)).toMatchObject({ registeredVolunteers: 5, activeVolunteers: 3, confirmedHoursLast12Months: 10.5, activitiesLast12Months: 2 });
    // population 0: no rate rather than a division by zero
    expect(figures(6)).toEqual({ registeredVolunteers: 1, activeVolunteers: 0, registeredVolunteersPer100Residents: null, confirmedHoursLast12Months: 0, activitiesLast12Months: 0 });
    expect(entities[0].volunteerStats.organizationsByStage).toEqual(stages({ ACTIVE: 1, INCUBATING: 1 }));
    expect(entities[0].volunteerStats.organizationsByKind).toContainEqual({ kind: 'CHARITY', count: 1 });
    // the social-service centre serves two communities of 620102 and counts once there
    expect(entities[4].volunteerStats.organizationsByStage).toEqual(stages({ ACTIVE: 1, INCUBATING: 1 }));
    expect(entities[4].volunteerStats.organizationsByKind).toContainEqual({ kind: 'SOCIAL_SERVICE_ORGANIZATION', count: 1 });
  });

  it('counts the whole province, including the 300 numbered communities', async () => {
    const [province] = await statsOf([{ code: '620000', population: 25018000 }]);
    expect(province.volunteerStats).toMatchObject({ registeredVolunteers: 306, activeVolunteers: 4, confirmedHoursLast12Months: 15.5, activitiesLast12Months: 3 });
    expect(province.volunteerStats.organizationsByStage).toEqual(stages({ ACTIVE: 1, INCUBATING: 1, REGISTERED: 1 }));
  });

  it('costs the same number of SQL statements for 3 and 300 communities, lists included', async () => {
    const codes = Array.from({ length: 300 }, (_, index) => `620201001${String(101 + index).padStart(3, '0')}`);
    const query = `query ($representations: [_Any!]!) { _entities(representations: $representations) { ... on Community {
      volunteerStats { ${STATS} }
      volunteers(first: 2) { totalCount edges { node { id name community { code } } } }
      volunteerActivities(first: 2) { totalCount edges { node { title signUpCount organiserTeam { name } } } }
      organizations(first: 2) { totalCount edges { node { name communities { code } } } } } } }`;
    const token = testToken({ roles: ['analyst'], jurisdiction: '620000' });
    const run = async (slice: string[]) => {
      const before = subgraph.statements.statements;
      const response = await graphqlRequest(subgraph.url, query, { token, variables: { representations: slice.map((code) => ({ __typename: 'Community', code, population: 1000 })) }, asGateway: true });
      expect(response.errors).toBeUndefined();
      return { entities: response.data._entities, statements: subgraph.statements.statements - before };
    };
    const three = await run(codes.slice(0, 3));
    const all = await run(codes);
    expect(all.entities).toHaveLength(300);
    expect(all.entities[299].volunteers.totalCount).toBe(1);
    expect(all.entities[299].volunteerActivities.edges[0].node).toEqual({ title: '编号活动300', signUpCount: 0, organiserTeam: { name: '新华社区文体队' } });
    expect(all.entities[0].organizations.edges[0].node.name).toBe('新华调解工作室');
    expect(all.entities[0].volunteerStats.registeredVolunteersPer100Residents).toBe(0.1);
    expect(three.statements).toBeGreaterThan(0);
    expect(all.statements).toBe(three.statements);
  });
});

describe('rankings and trends', () => {
  it('ranks the communities of a region by a metric, highest first', async () => {
    const { data } = await graphqlRequest(
      subgraph.url,
      `{ hours: rankCommunitiesByVolunteering(metric: CONFIRMED_HOURS_LAST_12_MONTHS, regionCode: "620100") { community { code } value }
         share: rankCommunitiesByVolunteering(metric: ACTIVE_VOLUNTEER_SHARE, regionCode: "620102", first: 2) { community { code } value }
         median: rankCommunitiesByVolunteering(metric: MEDIAN_HOURS_PER_ACTIVE_VOLUNTEER, regionCode: "620102001") { community { code } value } }`,
    );
    expect(data.hours).toEqual([
      { community: { code: '620102001001' }, value: 7.5 },
      { community: { code: '620102002001' }, value: 3 },
    ]);
    expect(data.share).toEqual([
      { community: { code: '620102001001' }, value: 1 },
      { community: { code: '620102002001' }, value: 1 },
    ]);
    // 张三 3 + 1 = 4 h, 李四 2.5 h (his 4 h are older than 12 months): median 3.25
    expect(data.median).toEqual([{ community: { code: '620102001001' }, value: 3.25 }]);
  });

  it('gives a trend with empty periods as zeros', async () => {
    const today = new Date();
    const from = new Date(Date.UTC(today.getUTCFullYear() - 3, 0, 1)).toISOString().slice(0, 10);
    const to = new Date(Date.UTC(today.getUTCFullYear() + 1, 0, 1)).toISOString().slice(0, 10);
    const { data, errors } = await graphqlRequest(subgraph.url, `{ volunteerHoursTrend(regionCode: "620000", from: "${from}", to: "${to}", granularity: YEAR) { period start confirmedHours servingVolunteers activities newVolunteers } }`);
    expect(errors).toBeUndefined();
    expect(data.volunteerHoursTrend).toHaveLength(4);
    expect(data.volunteerHoursTrend[0].period).toBe(String(today.getUTCFullYear() - 3));
    // a period starts at midnight of its first day in China, 16:00 UTC the day before
    expect(data.volunteerHoursTrend[0].start).toBe(`${today.getUTCFullYear() - 4}-12-31T16:00:00.000Z`);
    expect(data.volunteerHoursTrend[0]).toMatchObject({ confirmedHours: 0, servingVolunteers: 0, activities: 0 });
    const sum = (field: string) => data.volunteerHoursTrend.reduce((total: number, point: Record<string, number>) => total + point[field], 0);
    // every confirmed hour lies within the last 3+ years: 7.5 + 4 + 3 + 5
    expect(sum('confirmedHours')).toBe(19.5);
    // the 300 numbered activities start in 400 days, after `to` unless today is early January; the five fixture ones are inside
    expect(sum('activities')).toBeGreaterThanOrEqual(5);
    expect(sum('newVolunteers')).toBe(307);
  });

  it.each([
    [`rankCommunitiesByVolunteering(metric: ACTIVE_VOLUNTEERS, regionCode: "6201")`, 'regionCode'],
    [`rankCommunitiesByVolunteering(metric: ACTIVE_VOLUNTEERS, regionCode: "620100", first: 101)`, 'first'],
    [`volunteerHoursTrend(regionCode: "620100", from: "2025-01-01", to: "2024-01-01")`, 'to'],
    [`volunteerHoursTrend(regionCode: "620100", from: "2000-01-01", to: "2030-01-01")`, 'to'],
    [`volunteerHoursTrend(regionCode: "620100", from: "2025-02-30", to: "2026-01-01")`, 'from'],
  ])('rejects %s naming %s', async (field, argument) => {
    const { errors } = await graphqlRequest(subgraph.url, `{ x: ${field} { __typename } }`);
    expect(errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument });
  });
});
