import { AuditEntry, defineModule } from '@shequ/kit';
import { AuditLogResolver } from './audit-log.resolver';

/** The append-only audit log: every write and every supervised-person row read. */
export const auditModule = defineModule({ name: 'audit', entities: [AuditEntry], resolvers: [AuditLogResolver] });
