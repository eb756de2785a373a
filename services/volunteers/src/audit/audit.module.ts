import { AuditEntry, defineModule } from '@shequ/kit';
import { AuditLogResolver } from './audit-log.resolver';

/** The subgraph's append-only audit log, which every write adds to, and its reader for admins. */
export const auditModule = defineModule({
  name: 'audit',
  entities: [AuditEntry],
  resolvers: [AuditLogResolver],
});
