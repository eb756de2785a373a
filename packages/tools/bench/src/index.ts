export { operations, type BenchOperation } from './operations';
