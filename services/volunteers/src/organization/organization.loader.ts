import { In, type DataSource } from 'typeorm';
import { Organization, OrganizationCommunity } from './organization.entity';
import type { OrganizationCriteria } from './organization.input';
import { codeWithinPrefix, loaderByKey, loaderOfLists, scopedPageLoader, type ScopedListSpec, type CursorPart } from '@shequ/kit';

const COLUMNS = `t.id, t.name, t.kind, t.functions, t.stage, t.registration_number AS "registrationNumber",
  to_char(t.registered_on, 'YYYY-MM-DD') AS "registeredOn", t.staff_count AS "staffCount", t.volunteer_count AS "volunteerCount"`;

/** The shape of this list's cursors (its sortKey), for readPage. */
export const ORGANIZATION_CURSOR: readonly CursorPart[] = ['text', 'id'];

function organizationList(rows: Pick<ScopedListSpec<Organization, OrganizationCriteria>, 'from' | 'within'>): ScopedListSpec<Organization, OrganizationCriteria> {
  return {
    ...rows,
    columns: COLUMNS,
    orderBy: 't.name, t.id',
    after: '(t.name, t.id) > ($A1, $A2::uuid)',
    sortKey: (organization) => [organization.name, organization.id],
    filters: (criteria, parameters) => {
      const conditions: string[] = [];
      if (criteria.stage) {
        parameters.push(criteria.stage);
        conditions.push(`t.stage = $${parameters.length}`);
      }
      if (criteria.kind) {
        parameters.push(criteria.kind);
        conditions.push(`t.kind = $${parameters.length}`);
      }
      if (criteria.function) {
        parameters.push(criteria.function);
        conditions.push(`$${parameters.length} = ANY (t.functions)`);
      }
      return conditions;
    },
  };
}

export function createOrganizationLoaders(dataSource: DataSource) {
  return {
    organizationById: loaderByKey((ids: string[]) => dataSource.getRepository(Organization).findBy({ id: In(ids) }), (organization) => organization.id),
    communitiesByOrganization: loaderOfLists(
      (ids: string[]) => dataSource.getRepository(OrganizationCommunity).find({ where: { organizationId: In(ids) }, order: { communityCode: 'ASC' } }),
      (link) => link.organizationId,
    ),
    /** Organisations serving one community (scope = the community's code). */
    organizationPages: scopedPageLoader<Organization, OrganizationCriteria>(
      dataSource,
      organizationList({ from: 'volunteers.organization_community oc JOIN volunteers.organization t ON t.id = oc.organization_id', within: 'oc.community_code = scope.code' }),
    ),
    /** Organisations serving any community under a region prefix (scope = the prefix, '' for everywhere). */
    organizationPagesByPrefix: scopedPageLoader<Organization, OrganizationCriteria>(
      dataSource,
      organizationList({
        from: 'volunteers.organization t',
        within: `EXISTS (SELECT 1 FROM volunteers.organization_community oc WHERE oc.organization_id = t.id AND ${codeWithinPrefix('oc.community_code', 'scope.code')})`,
      }),
    ),
  };
}
