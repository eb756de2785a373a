import { isWithin } from '../codes/division-codes';
import { forbidden } from '../errors/graphql-errors';
import type { Role, Viewer } from './viewer';

export function hasRole(viewer: Viewer | null, ...roles: Role[]): boolean {
  return !!viewer && viewer.roles.some((role) => roles.includes(role));
}

/** True when the viewer's jurisdiction covers the region or community `code`. */
export function coversCode(viewer: Viewer | null, code: string): boolean {
  return !!viewer && isWithin(code, viewer.jurisdiction);
}

/** Throws FORBIDDEN unless the viewer's jurisdiction covers `code`. */
export function assertCovers(viewer: Viewer | null, code: string): void {
  if (!coversCode(viewer, code)) {
    throw forbidden(`${code} is outside your jurisdiction`);
  }
}
