import { auditLogMigration, defineSubgraph, regionLevelSummariesMigration, regionMembersMigration, streetMonthSummariesMigration, summaryTable, writerStripesMigration, type SubgraphDefinition } from '@shequ/kit';
// In this order: type-graphql registers types as their files load, and that order is schema.graphql's.
import { ORGANIZATIONS_SERVING, VOLUNTEER_SUMMARIES } from './community/volunteer-summaries';
import { statisticsModule } from './statistics/statistics.module';
import { auditModule } from './audit/audit.module';
import { activityModule } from './activity/activity.module';
import { communityModule } from './community/community.module';
import { hoursModule } from './hours/hours.module';
import type { VolunteersLoaders } from './context';
import { VolunteersSchema1764500000000 } from './migrations/1764500000000-volunteers-schema';
import { VolunteerLastServed1764700000000 } from './migrations/1764700000000-volunteer-last-served';
import { RedemptionIdempotency1766500000000 } from './migrations/1766500000000-redemption-idempotency';
import { organizationModule } from './organization/organization.module';
import { reportingModule } from './reporting/reporting.module';
import { teamModule } from './team/team.module';
import { volunteerModule } from './volunteer/volunteer.module';

/** Volunteer and NGO cultivation: volunteers, teams, activities, service hours and the time bank, organisations. */
export const volunteersSubgraph: SubgraphDefinition<VolunteersLoaders> = defineSubgraph({
  name: 'volunteers',
  migrations: [auditLogMigration('volunteers'), VolunteersSchema1764500000000, VolunteerLastServed1764700000000, streetMonthSummariesMigration(VOLUNTEER_SUMMARIES), RedemptionIdempotency1766500000000, regionLevelSummariesMigration(VOLUNTEER_SUMMARIES, 1767200000000), regionMembersMigration([ORGANIZATIONS_SERVING], 1767300000000),
    writerStripesMigration(VOLUNTEER_SUMMARIES.map(summaryTable), 1767500000000),
  ],
  modules: [volunteerModule, teamModule, activityModule, hoursModule, organizationModule, communityModule, reportingModule, auditModule, statisticsModule],
});
