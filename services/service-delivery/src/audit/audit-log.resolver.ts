import { auditLogResolver } from '@shequ/kit';
import { serviceDeliveryPolicy } from '../access-policy';

/** `serviceDeliveryAuditLog`: admins read service delivery's audit log (requests and their moves, facilities, investment). */
export const AuditLogResolver = auditLogResolver({ fieldName: 'serviceDeliveryAuditLog', subgraph: 'service delivery', policy: serviceDeliveryPolicy });
