import { ConnectionType } from '@shequ/kit';
import { ServiceRequest } from './service-request.entity';

export const ServiceRequestConnection = ConnectionType('ServiceRequest', ServiceRequest);
