export { statisticsMatrixCases } from './access-matrix';
