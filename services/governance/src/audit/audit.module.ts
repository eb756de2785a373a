import { AuditEntry, defineModule } from '@shequ/kit';
import { AuditLogResolver } from './audit-log.resolver';

/** The append-only audit log of every governance write. */
export const auditModule = defineModule({ name: 'audit', entities: [AuditEntry], resolvers: [AuditLogResolver] });
