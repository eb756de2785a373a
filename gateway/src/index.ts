export { startGateway, type RunningGateway } from './gateway';
export { readEnvironment, type GatewaySettings } from './environment';
