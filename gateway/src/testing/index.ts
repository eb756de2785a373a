export { startTestGateway } from './test-gateway';
export { testGatewaySettings } from './test-settings';
