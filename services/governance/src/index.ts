import 'reflect-metadata';

export { governanceSubgraph } from './subgraph';
export { Region } from './region/region.entity';
export { Community, Tier } from './community/community.entity';
export { governancePolicy } from './access-policy';
