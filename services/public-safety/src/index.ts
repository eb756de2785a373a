import 'reflect-metadata';

export { publicSafetySubgraph } from './subgraph';
export { SafetyStats } from './community/safety-stats.type';
export { publicSafetyPolicy } from './access-policy';
