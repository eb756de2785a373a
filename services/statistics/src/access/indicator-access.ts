import { graphqlError, hasRole, isWithin, type Viewer } from '@shequ/kit';
import { indicatorSpec } from '../catalogue/indicator-catalogue';
import type { IndicatorSpec } from '../catalogue/indicator-spec';

/** Whether the viewer holds a role that may see the indicator (public indicators: everyone). */
export function mayHoldRole(viewer: Viewer | null, spec: IndicatorSpec): boolean {
  const access = spec.access;
  if (!access) {
    return true;
  }
  if (!viewer) {
    return false;
  }
  return viewer.roles.some((role) => access.roles.includes(role) && (role !== 'department_staff' || !access.staffDepartment || viewer.department === access.staffDepartment)) || hasRole(viewer, 'admin');
}

/**
 * Refuses any restricted indicator the viewer may not see — for want of a
 * role, or because a region asked for lies outside the viewer's
 * jurisdiction — as FORBIDDEN naming the indicator (`extensions.indicator`).
 */
export function assertMaySee(viewer: Viewer | null, indicatorIds: Iterable<string>, regionCodes: readonly string[]): void {
  for (const id of new Set(indicatorIds)) {
    const spec = indicatorSpec(id);
    if (!spec.access) {
      continue;
    }
    const outside = viewer ? regionCodes.find((code) => !isWithin(code, viewer.jurisdiction)) : undefined;
    if (!mayHoldRole(viewer, spec) || outside) {
      throw graphqlError('FORBIDDEN', outside ? `${id} is restricted: ${outside} is outside your jurisdiction` : `${id} is restricted to ${spec.access.roles.join(', ')}`, { indicator: id });
    }
  }
}
