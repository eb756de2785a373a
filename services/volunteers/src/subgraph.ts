import { auditLogMigration, AuditEntry, defineSubgraph, streetMonthSummariesMigration } from '@shequ/kit';
import { VOLUNTEER_SUMMARIES } from './community/volunteer-summaries';
import { VolunteersFigureFeed } from './statistics/volunteers-figures';
import { AuditLogResolver } from './audit/audit-log.resolver';
import { VolunteerActivity } from './activity/activity.entity';
import { VolunteerActivityResolver } from './activity/activity.resolver';
import { CommunityReference, RegionReference } from './community/community.entity';
import { CommunityVolunteersResolver, RegionVolunteersResolver } from './community/community.resolver';
import { VolunteerSignUp } from './hours/activity-signup.entity';
import { VolunteerHourRedemption } from './hours/hour-redemption.entity';
import { HourRedemptionResolver, VolunteerSignUpResolver } from './hours/hours.resolver';
import { createVolunteersLoaders } from './loaders';
import { VolunteersSchema1764500000000 } from './migrations/1764500000000-volunteers-schema';
import { VolunteerLastServed1764700000000 } from './migrations/1764700000000-volunteer-last-served';
import { Organization, OrganizationCommunity } from './organization/organization.entity';
import { OrganizationResolver } from './organization/organization.resolver';
import { VolunteeringReportingResolver } from './reporting/reporting.resolver';
import { VolunteerTeam, VolunteerTeamMember } from './team/team.entity';
import { VolunteerTeamMemberResolver, VolunteerTeamResolver } from './team/team.resolver';
import { Volunteer } from './volunteer/volunteer.entity';
import { VolunteerResolver } from './volunteer/volunteer.resolver';

/** Volunteer and NGO cultivation: volunteers, teams, activities, service hours and the time bank, organisations. */
export const volunteersSubgraph = defineSubgraph({
  name: 'volunteers',
  databaseSchema: 'volunteers',
  entities: [AuditEntry, Volunteer, VolunteerTeam, VolunteerTeamMember, VolunteerActivity, VolunteerSignUp, VolunteerHourRedemption, Organization, OrganizationCommunity],
  migrations: [auditLogMigration('volunteers'), VolunteersSchema1764500000000, VolunteerLastServed1764700000000, streetMonthSummariesMigration(VOLUNTEER_SUMMARIES)],
  resolvers: [
    VolunteerResolver,
    VolunteerTeamResolver,
    VolunteerTeamMemberResolver,
    VolunteerActivityResolver,
    VolunteerSignUpResolver,
    HourRedemptionResolver,
    OrganizationResolver,
    CommunityVolunteersResolver,
    RegionVolunteersResolver,
    VolunteeringReportingResolver,
    AuditLogResolver,
    VolunteersFigureFeed,
  ],
  entityTypes: [CommunityReference, RegionReference],
  references: {
    // The representation carries the population a @requires asked the gateway for.
    Community: (reference: CommunityReference) => reference,
    Region: (reference: RegionReference) => reference,
  },
  createLoaders: createVolunteersLoaders,
});
