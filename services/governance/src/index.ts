import 'reflect-metadata';

export { governanceSubgraph } from './subgraph';
export { Region } from './region/region.entity';
export { Community, Tier } from './community/community.entity';
export { insertGovernanceFixture } from './testing/fixture';
export { governanceMatrixCases } from './testing/access-matrix';
