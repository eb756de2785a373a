import { In, type DataSource } from 'typeorm';
import { loaderOfLists, type CursorPart } from '@shequ/kit';
import { communityPageLoader } from '../common/community-pages';
import { InspectionHazard, type Inspection } from './inspection.entity';

/** The shape of this list's cursors (its sortKey), for readPage. */
export const INSPECTION_CURSOR: readonly CursorPart[] = ['date', 'id'];

export function createInspectionLoaders(dataSource: DataSource) {
  return {
    inspectionPages: communityPageLoader<Inspection, Record<string, never>>(dataSource, {
      table: 'public_safety.inspection',
      columns: `t.id, t.community_code AS "communityCode", t.target_kind AS "targetKind", t.target_name AS "targetName", t.inspected_on::text AS "inspectedOn"`,
      orderBy: 't.inspected_on DESC, t.id DESC',
      after: '(t.inspected_on, t.id) < ($A1::date, $A2::uuid)',
      sortKey: (inspection) => [inspection.inspectedOn, inspection.id],
      conditions: () => [],
    }),
    hazardsByInspection: loaderOfLists(
      (ids: string[]) => dataSource.getRepository(InspectionHazard).find({ where: { inspectionId: In(ids) }, order: { description: 'ASC', id: 'ASC' } }),
      (hazard) => hazard.inspectionId,
    ),
  };
}
