import { auditLogResolver } from '@shequ/kit';
import { publicSafetyPolicy } from '../access-policy';

/** `publicSafetyAuditLog`: admins read public safety's audit log, supervised-person reads included. */
export const AuditLogResolver = auditLogResolver({ fieldName: 'publicSafetyAuditLog', subgraph: 'public safety', policy: publicSafetyPolicy });
