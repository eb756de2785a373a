import { auditLogResolver } from '@shequ/kit';
import { volunteersPolicy } from '../access-policy';

/** `volunteersAuditLog`: admins read the volunteers subgraph's audit log (volunteers, teams, activities, hours, organisations). */
export const AuditLogResolver = auditLogResolver({ fieldName: 'volunteersAuditLog', subgraph: 'volunteers', policy: volunteersPolicy });
