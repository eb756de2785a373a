import { auditLogResolver } from '@shequ/kit';
import { governancePolicy } from '../access-policy';

/** `governanceAuditLog`: admins read governance's audit log (plans, projects, demonstration units, assessment runs). */
export const AuditLogResolver = auditLogResolver({ fieldName: 'governanceAuditLog', subgraph: 'governance', policy: governancePolicy });
