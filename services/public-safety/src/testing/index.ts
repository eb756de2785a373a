export { insertPublicSafetyFixture } from './fixture';
export { publicSafetyMatrixCases } from './access-matrix';
