import { auditLogResolver } from '@shequ/kit';
import { statisticsPolicy } from '../access-policy';

/** `statisticsAuditLog`: admins read the statistics audit log (assessment snapshots taken). */
export const AuditLogResolver = auditLogResolver({ fieldName: 'statisticsAuditLog', subgraph: 'statistics', policy: statisticsPolicy });
