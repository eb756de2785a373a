export { insertGovernanceFixture } from './fixture';
export { governanceMatrixCases } from './access-matrix';
