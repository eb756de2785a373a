import { AuditEntry, defineModule } from '@shequ/kit';
import { AuditLogResolver } from './audit-log.resolver';

/** This subgraph's append-only audit log, and the admins' query over it. */
export const auditModule = defineModule({
  name: 'audit',
  entities: [AuditEntry],
  resolvers: [AuditLogResolver],
});
