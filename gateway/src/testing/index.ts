export { startTestGateway } from './test-gateway';
