import 'reflect-metadata';

export { serviceDeliverySubgraph } from './subgraph';
export { serviceDeliveryPolicy } from './access-policy';
export { SERVICE_CATEGORIES, SERVICE_OFFERINGS } from './catalogue/catalogue.data';
export { ServiceFacilityKind, ServiceFacilityOwnership, ServiceFacilityStatus, WELFARE_KINDS } from './facilities/service-facility.entity';
export { ServiceRequestChannel, ServiceRequestStatus } from './requests/service-request.entity';
export { ServiceInvestmentSource } from './investment/service-investment.entity';
