import type { AuthChecker } from 'type-graphql';
import { forbidden, unauthenticated } from '../errors/graphql-errors';
import type { SubgraphContext } from '../server/context';
import type { Role } from './viewer';

/**
 * type-graphql's check behind `@Authorized(...)`: no roles listed means any
 * signed-in viewer; otherwise the viewer needs one of them, and admins pass
 * every role check. It throws rather than returning false so that clients get
 * UNAUTHENTICATED or FORBIDDEN, not type-graphql's own untyped errors.
 */
export const roleAuthChecker: AuthChecker<SubgraphContext> = ({ context, info }, roles) => {
  const viewer = context.viewer;
  if (!viewer) {
    throw unauthenticated(`sign in to read ${info.parentType.name}.${info.fieldName}`);
  }
  if (roles.length === 0 || viewer.roles.includes('admin') || viewer.roles.some((role) => (roles as Role[]).includes(role))) {
    return true;
  }
  throw forbidden(`${info.parentType.name}.${info.fieldName} needs one of the roles ${roles.join(', ')}`);
};
